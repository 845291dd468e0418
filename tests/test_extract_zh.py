"""The Chinese rule engine, sentence by sentence (example sentences written for these tests)."""

from __future__ import annotations

import warnings

import pytest

from summitry.extract import Engine, mention_event_id
from summitry.fuse import fuse
from summitry.records import Document, Event


@pytest.fixture(scope="module")
def engine():
    from summitry.extract.zh import ChineseRuleEngine

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # knowledge-base data warnings are not under test here
        return ChineseRuleEngine()


def extract(engine, text: str, published: str | None = "2024-06-30", doc_id: str = "t") -> list[Event]:
    return engine.extract(Document(doc_id, text, "zh", published))


def only(events: list[Event], type_: str | None = None) -> Event:
    found = [e for e in events if type_ is None or e.type == type_]
    assert len(found) == 1, [(e.type, e.actor.name, e.countries) for e in events]
    return found[0]


def meetings(events):
    """The meetings alone (a meeting in a place of the host's country also tells the guest's visit)."""
    return [e for e in events if e.type == "meeting"]


def names(event: Event) -> set[str | None]:
    return {p.name for p in [event.actor, *event.counterparts]}


# -- the engine contract ------------------------------------------------------------------------


def test_the_engine_is_an_engine_for_chinese(engine):
    assert isinstance(engine, Engine)
    assert engine.name == "rules-zh" and engine.languages == ("zh",)


def test_every_event_has_one_mention_into_the_document_and_a_mention_id(engine):
    text = "新华社电 国家主席习近平6月5日在北京会见哈萨克斯坦总统托卡耶夫。双方表示将深化合作。"
    for ev in extract(engine, text, doc_id="d1"):
        (m,) = ev.mentions
        assert (m.doc, m.lang, m.status) == ("d1", "zh", ev.status)
        assert m.text == text[m.start : m.end]
        assert ev.id == mention_event_id(
            "d1", m.start, m.end, ev.type, [ev.actor, *ev.counterparts], ev.countries, ev.forum
        )


def test_a_text_without_events_gives_nothing(engine):
    assert extract(engine, "今天天气晴朗，市场交易平稳。") == []
    assert extract(engine, "") == []


# -- visits -------------------------------------------------------------------------------------


def test_a_state_visit_announced_at_an_invitation_is_planned_with_its_dates(engine):
    ev = only(
        extract(
            engine,
            "应俄罗斯总统普京邀请，国家主席习近平将于5月20日至22日对俄罗斯进行国事访问。",
            published="2024-05-10",
        )
    )
    assert (ev.type, ev.status, ev.actor.name, ev.actor.country) == ("visit", "planned", "Xi Jinping", "CHN")
    assert ev.actor.level == "head_of_state"
    assert ev.countries == ["RUS"]
    assert (ev.start, ev.end, ev.precision) == ("2024-05-20", "2024-05-22", "day")


def test_an_arrival_names_the_city_and_its_country(engine):
    ev = only(
        extract(
            engine, "国家主席习近平4日抵达阿斯塔纳，开始对哈萨克斯坦进行国事访问。", published="2024-07-05"
        )
    )
    assert ev.countries == ["KAZ"] and ev.place == "Astana"
    assert ev.start == "2024-07-04" and ev.status == "occurred"


def test_a_tour_gives_one_visit_per_destination(engine):
    events = extract(engine, "国家主席习近平出访塞尔维亚和匈牙利。", published="2024-05-09")
    assert sorted(c for e in events for c in e.countries) == ["HUN", "SRB"]
    assert all(e.type == "visit" and e.actor.name == "Xi Jinping" for e in events)


def test_a_visit_by_abbreviation_and_an_unknown_foreign_name_after_a_title(engine):
    ev = only(extract(engine, "马尔代夫总统穆伊祖下月将访华。"))
    assert ev.countries == ["CHN"] and ev.status == "planned"
    assert (ev.actor.name, ev.actor.country, ev.actor.office) == ("穆伊祖", "MDV", "President")


def test_a_name_glossed_in_latin_letters_is_kept_in_that_form(engine):
    ev = only(extract(engine, "美国众议院议长帕特森（Mike Patterson）上周访问了台湾。"))
    assert (ev.actor.name, ev.actor.country, ev.actor.level) == ("Mike Patterson", "USA", "legislator")
    assert ev.countries == ["TWN"]


def test_a_visit_to_ones_own_country_is_no_visit(engine):
    assert [e for e in extract(engine, "国家主席习近平访问了中国科学院。") if e.type == "visit"] == []


# -- meetings, calls, gatherings -----------------------------------------------------------------


def test_talks_with_a_counterpart_take_the_city_as_host(engine):
    ev = only(
        extract(engine, "6月21日，国家主席习近平在莫斯科克里姆林宫同俄罗斯总统普京举行会谈。"), "meeting"
    )
    assert ev.actor.name == "Xi Jinping" and [p.name for p in ev.counterparts] == ["Vladimir Putin"]
    assert ev.countries == ["RUS"] and ev.place == "Moscow"
    assert ev.start == "2024-06-21"


def test_the_object_of_a_meeting_verb_is_the_counterpart(engine):
    ev = only(extract(engine, "国家主席习近平会见了来访的哈萨克斯坦总统托卡耶夫。"), "meeting")
    assert names(ev) == {"Xi Jinping", "Kassym-Jomart Tokayev"}
    assert ev.actor.name == "Xi Jinping"


def test_a_small_multilateral_meeting_has_every_head_of_state(engine):
    ev = only(
        extract(
            engine, "中国国家主席习近平、俄罗斯总统普京和蒙古国总统呼日勒苏赫出席了中俄蒙元首第七次会晤。"
        )
    )
    assert ev.type == "meeting"
    assert {p.country for p in [ev.actor, *ev.counterparts]} == {"CHN", "RUS", "MNG"}


def test_country_abbreviations_with_heads_name_the_office_holders(engine):
    ev = only(meetings(extract(engine, "中俄元首周二在北京举行会谈。", published="2024-06-30")))
    assert names(ev) == {"Xi Jinping", "Vladimir Putin"}
    assert ev.countries == ["CHN"] and ev.start == "2024-06-25"


def test_both_heads_of_state_refer_back_to_the_last_meeting(engine):
    text = "国家主席习近平6月3日同法国总统马克龙举行会谈。会谈后，两国元首共同会见记者。"
    events = [e for e in extract(engine, text) if e.type == "meeting"]
    assert len(events) == 2 and all(names(e) == {"Xi Jinping", "Emmanuel Macron"} for e in events)


def test_phone_and_video_calls(engine):
    call = only(extract(engine, "国家主席习近平3月5日晚应约同俄罗斯总统普京通电话。"))
    video = only(extract(engine, "国家主席习近平同俄罗斯总统普京举行视频会晤。"))
    assert call.type == video.type == "call"
    assert names(call) == names(video) == {"Xi Jinping", "Vladimir Putin"}
    assert call.countries == []


def test_attending_a_summit_is_a_multilateral_event_with_its_host(engine):
    events = extract(engine, "国家主席习近平在撒马尔罕出席上海合作组织峰会。")
    ev = only(events, "multilateral")
    assert (ev.type, ev.forum, ev.countries, ev.place) == ("multilateral", "SCO", ["UZB"], "Samarkand")
    # placed in a foreign city by the sentence: a stay there too
    visit = only(events, "visit")
    assert (visit.actor.name, visit.countries, visit.place, visit.status) == ("Xi Jinping", ["UZB"], "Samarkand",
                                                                               ev.status)


def test_attending_a_summit_the_sentence_does_not_place_is_no_visit(engine):
    assert [e.type for e in extract(engine, "国家主席习近平出席上海合作组织峰会。")] == ["multilateral"]


def test_a_gathering_unknown_to_the_knowledge_base_keeps_its_name_when_it_is_international(engine):
    ev = only(extract(engine, "国务院总理李强在巴黎出席全球气候融资峰会。"), "multilateral")
    assert ev.forum == "全球气候融资峰会" and ev.countries == ["FRA"]
    assert extract(engine, "国务院总理李强出席全省工作会议。") == []


def test_the_attender_of_a_relative_clause_is_its_head(engine):
    events = extract(
        engine,
        "8月31日，国家主席习近平在天津会见来华出席上海合作组织峰会的印度总理莫迪。",
        published="2025-09-01",
    )
    summit = only(events, "multilateral")
    assert summit.actor.country == "IND"
    meeting = only(events, "meeting")
    assert meeting.actor.name == "Xi Jinping" and meeting.counterparts[0].country == "IND"


# -- who ----------------------------------------------------------------------------------------


def test_an_unnamed_office_is_resolved_to_its_holder_on_the_day(engine):
    ev = only(extract(engine, "中国国家主席将于下月对法国进行国事访问。", published="2019-02-15"))
    assert ev.actor.name == "Xi Jinping" and ev.status == "planned"


def test_a_pronoun_and_a_surname_alone_refer_to_the_person_named_before(engine):
    text = "国家主席习近平出访哈萨克斯坦。他随后抵达乌兹别克斯坦。此后，习在比什凯克出席了上合峰会。"
    events = extract(engine, text, published="2024-07-06")
    assert {(e.type, e.countries[0]) for e in events} >= {
        ("visit", "KAZ"),
        ("visit", "UZB"),
        ("multilateral", "KGZ"),
    }
    assert all(e.actor.name == "Xi Jinping" for e in events)


def test_country_actors_meet(engine):
    ev = only(extract(engine, "中方与俄方在北京举行会谈。"))
    assert {(p.name, p.country) for p in [ev.actor, *ev.counterparts]} == {(None, "CHN"), (None, "RUS")}


# -- status -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,status",
    [
        ("据报道，俄罗斯总统普京可能于明年访问中国。", "speculated"),
        ("俄罗斯总统普京有望年内访华。", "speculated"),
        ("哈萨克斯坦总统托卡耶夫拟于下月访问中国。", "planned"),
        ("俄罗斯总统普京原定下月访华，但访问已被推迟。", "postponed"),
        ("哈萨克斯坦总统托卡耶夫取消了对中国的访问。", "cancelled"),
        ("哈萨克斯坦总统托卡耶夫此前已访问中国。", "occurred"),
    ],
)
def test_status_cues(engine, text, status):
    assert only(extract(engine, text)).status == status


def test_a_cue_of_a_time_clause_does_not_make_the_event_planned(engine):
    ev = only(extract(engine, "在即将卸任之际，哈萨克斯坦总统托卡耶夫再次访问中国。"))
    assert ev.status == "occurred"


def test_a_denied_event_is_no_event(engine):
    assert extract(engine, "国家主席习近平并未会见俄罗斯总统普京。") == []
    assert extract(engine, "俄罗斯总统普京没有出席上海合作组织峰会。") == []


# -- dates --------------------------------------------------------------------------------------


def test_relative_dates_are_anchored_at_publication(engine):
    ev = only(extract(engine, "十年前，国家主席习近平首次出访哈萨克斯坦。", published="2023-09-07"))
    assert ev.precision == "year" and ev.start.startswith("2013")
    ev = only(extract(engine, "俄罗斯总统普京上月访问了中国。", published="2024-06-10"))
    assert (ev.start, ev.end, ev.precision) == ("2024-05-01", "2024-05-31", "month")


def test_same_day_takes_the_date_said_before(engine):
    text = "9月6日，国家主席习近平抵达阿斯塔纳。同日，习近平同哈萨克斯坦总统托卡耶夫举行会谈。"
    meeting = only(extract(engine, text, published="2024-09-08"), "meeting")
    assert meeting.start == "2024-09-06"


def test_a_bare_day_of_a_past_report_is_in_the_past_and_of_a_plan_in_the_future(engine):
    met = only(meetings(extract(engine, "国务院总理李强21日在北京会见新加坡总理黄循财。", published="2025-05-10")))
    assert (met.status, met.start) == ("occurred", "2025-04-21")
    plan = only(extract(engine, "新加坡总理黄循财将于21日访华。", published="2025-05-10"))
    assert (plan.status, plan.start) == ("planned", "2025-05-21")


def test_an_undated_past_event_stays_undated(engine):
    ev = only(extract(engine, "俄罗斯总统普京访问了中国。"))
    assert ev.start is None and ev.precision is None


# -- traditional text, markup, non-events --------------------------------------------------------


def test_traditional_text_is_read_and_offsets_point_into_the_original(engine):
    text = "【本報訊】國家主席習近平6月21日在莫斯科同俄羅斯總統普京舉行會談。"
    ev = only(extract(engine, text), "meeting")
    assert names(ev) == {"Xi Jinping", "Vladimir Putin"}
    (m,) = ev.mentions
    assert m.text == text[m.start : m.end] and "習近平" in m.text and "會談" in m.text


def test_an_image_caption_is_read_but_not_its_file_name(engine):
    text = (
        "![6月21日，国家主席习近平在莫斯科同俄罗斯总统普京举行会谈。](xi_putin_moscow_0621.jpg)\n\n"
        "> 图像来源，  某通讯社\n"
    )
    ev = only(meetings(extract(engine, text)))
    (m,) = ev.mentions
    assert text[m.start : m.end] == "6月21日，国家主席习近平在莫斯科同俄罗斯总统普京举行会谈。"


def test_a_caption_repeating_the_body_fuses_into_the_same_event(engine):
    text = (
        "6月21日，国家主席习近平在莫斯科同俄罗斯总统普京举行会谈。\n\n"
        "![6月21日，习近平同普京在莫斯科举行会谈。](photo_0621.jpg)\n\n"
        "> 图像加注文字，6月21日，习近平同普京在莫斯科举行会谈。\n"
    )
    events = meetings(extract(engine, text))
    assert len(events) == 3
    (merged,) = fuse(events, {"t": "2024-06-30"})
    assert len(merged.mentions) == 1


def test_interviews_domestic_meetings_and_lookalike_words_are_no_events(engine):
    assert extract(engine, "一位学者对本台记者说，中俄关系很重要。") == []
    assert extract(engine, "国家主席习近平在北京会见国务院总理李强。") == []
    assert extract(engine, "他说，自己曾有机会见到普京。") == []


def test_an_invitation_makes_the_invitee_travel_and_the_visit_only_possible(engine):
    text = "俄罗斯总统普京表示，他邀请国家主席习近平访问俄罗斯。"
    ev = only(extract(engine, text))
    assert (ev.actor.name, ev.countries, ev.status) == ("Xi Jinping", ["RUS"], "speculated")


def test_a_country_as_such_does_not_travel(engine):
    assert extract(engine, "中方欢迎美方官员来华沟通。") == []


# -- the seed and the team's examples --------------------------------------------------------------


def _lenient_f1(shared_dir, gold_path, documents, engine) -> float:
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", shared_dir / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    import json

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    events = [e for d in documents for e in engine.extract(d)]
    fused = fuse(events, {d.id: d.published for d in documents})
    result = score.score(gold, [e.to_dict() for e in fused], [d.id for d in documents])
    return result["lenient"]["f1"]


def _chinese_documents(path) -> list[Document]:
    import json

    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            if d.get("lang") == "zh":
                docs.append(Document(d["id"], d["text"], "zh", d.get("published")))
    return docs


def test_the_chinese_seed_reaches_the_target(engine, shared_dir):
    docs = _chinese_documents(shared_dir / "corpus" / "seeds.jsonl")
    assert docs
    assert _lenient_f1(shared_dir, shared_dir / "eval" / "seeds.gold.json", docs, engine) >= 0.85


def test_the_chinese_examples_reach_the_target(engine, shared_dir, examples_dir):
    if not (examples_dir / "gold.json").exists():
        pytest.skip("examples/gold.json is absent")
    docs = _chinese_documents(examples_dir / "corpus.jsonl")
    assert docs
    assert _lenient_f1(shared_dir, examples_dir / "gold.json", docs, engine) >= 0.85


def test_a_month_or_year_of_publication_widens_what_counts_as_past(engine):
    text = "9月15日，国家主席习近平在撒马尔罕同俄罗斯总统普京举行会谈。"
    for published in ("2022", "2022-09", "2022-09-16"):
        ev = only(extract(engine, text, published=published))
        assert (ev.status, ev.start) == ("occurred", "2022-09-15"), published


def test_a_bad_publication_date_leaves_relative_dates_open_and_the_rest_is_read(engine):
    text = "国家主席习近平上周同俄罗斯总统普京举行会谈。"
    with pytest.warns(UserWarning, match="bad: published date"):
        events = engine.extract(Document("bad", text, "zh", "2022-13-45"))
    ev = only(events)
    assert ev.type == "meeting" and ev.start is None


def test_in_reported_speech_i_is_the_speaker_and_mr_president_the_other_side(engine):
    text = (
        "国家主席习近平6月10日同美国总统拜登通电话。习近平指出，两年前，我同总统先生在利马会晤，"
        "达成重要共识。"
    )
    earlier = only(extract(engine, text, published="2024-06-11"), "meeting")
    assert names(earlier) == {"Xi Jinping", "Joe Biden"}
    assert earlier.countries == ["PER"] and earlier.start.startswith("2022")


def test_i_outside_reported_speech_is_nobody(engine):
    assert extract(engine, "我访问了法国。") == []


def test_an_event_named_as_a_time_mark_is_not_reported_again(engine):
    text = "这是两国元首自利马会晤以来的首次通话。"
    assert [e for e in extract(engine, text) if e.type == "meeting"] == []


def test_an_administration_named_after_its_leader_is_not_the_leader(engine):
    assert extract(engine, "拜登政府多名官员曾访问中国。") == []


def test_looking_forward_to_talks_is_speculation(engine):
    ev = only(extract(engine, "俄方期待与中方举行会谈。"))
    assert ev.status == "speculated"


def test_a_postponement_told_with_a_bare_visit_later_in_the_sentence_is_the_planned_trips(engine):
    doc = Document(id="p", text="美国国务卿布林肯原定于2月5日访华，但因气球事件宣布推迟访问。", lang="zh", published="2023-02-04")
    (ev,) = engine.extract(doc)
    assert (ev.type, ev.status, ev.actor.name, ev.countries) == ("visit", "postponed", "Antony Blinken", ["CHN"])
