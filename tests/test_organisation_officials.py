"""An international organisation's official (the UN Secretary-General, NATO's Secretary General, the
EU's High Representative ...) acts for no state: in an event record their party has a null country
and their office names the organisation (level diplomat), whether the text names them or only their
title; both rule engines give such parties, fusion joins their reports and the store keeps them."""
from __future__ import annotations

import pytest

from summitry import analytics
from summitry.extract import engine_for
from summitry.pipeline import extract_events
from summitry.records import Document
from summitry.store import open_store

XI_MEETS_GUTERRES_ZH = "国家主席习近平17日在上海会见来华出席世界人工智能大会的联合国秘书长古特雷斯。"
XI_MEETS_GUTERRES_ZH_AGAIN = "7月17日下午，习近平主席会见联合国秘书长古特雷斯。双方就多边主义交换意见。"
XI_MEETS_BAN_EN = "Chinese President Xi Jinping met with UN Secretary-General Ban Ki-moon in Beijing on Tuesday."


def extract(lang: str, text: str, published: str) -> list:
    return engine_for(lang).extract(Document(id="d", text=text, lang=lang, published=published))


def party_named(events, name: str):
    return next(p for e in events for p in (e.actor, *e.counterparts) if p.name == name)


def test_a_chinese_report_of_a_meeting_with_the_un_secretary_general():
    events = extract("zh", XI_MEETS_GUTERRES_ZH, "2026-07-17")
    meeting = next(e for e in events if e.type == "meeting")
    assert meeting.actor.name == "Xi Jinping"
    guterres = party_named([meeting], "António Guterres")
    assert (guterres.country, guterres.office, guterres.level) == (
        None, "Secretary-General of the United Nations", "diplomat")
    # he came to China: a visit of someone whose home is no state
    assert any(e.type == "visit" and e.actor.name == "António Guterres" and e.countries == ["CHN"] for e in events)


def test_an_english_report_of_a_meeting_with_the_un_secretary_general():
    events = extract("en", XI_MEETS_BAN_EN, "2015-06-10")
    meeting = next(e for e in events if e.type == "meeting")
    ban = party_named([meeting], "Ban Ki-moon")
    assert ban.country is None and ban.level == "diplomat"
    assert "UN" in ban.office or "United Nations" in ban.office


@pytest.mark.parametrize("lang, text, published, holder", [
    ("zh", "外交部长王毅同联合国秘书长通电话。", "2026-07-17", "António Guterres"),
    ("zh", "美国总统特朗普8日在华盛顿会晤到访的北约秘书长。", "2026-04-09", "Mark Rutte"),
    ("en", "Chinese Premier Li Keqiang met the U.N. chief in Beijing on Tuesday.", "2015-06-10", "Ban Ki-moon"),
])
def test_a_title_alone_is_its_holder_on_the_day(lang, text, published, holder):
    events = extract(lang, text, published)
    party = party_named(events, holder)
    assert party.country is None and party.level == "diplomat"


def test_a_former_prime_minister_in_an_organisations_office_speaks_for_no_state():
    """吕特 was the Dutch prime minister until 2024; in 2026 he is NATO's Secretary General."""
    events = extract("zh", "美国总统特朗普8日在华盛顿会晤到访的北约秘书长吕特。", "2026-04-09")
    rutte = party_named(events, "Mark Rutte")
    assert rutte.country is None and "NATO" in rutte.office
    events = extract("en", "NATO Secretary General Jens Stoltenberg visited Ukraine on Monday, June 8.", "2015-06-10")
    visit = next(e for e in events if e.type == "visit")
    assert (visit.actor.name, visit.actor.country, visit.countries) == ("Jens Stoltenberg", None, ["UKR"])


def test_a_candidate_for_an_office_is_not_its_holder():
    events = extract("zh", "国家副主席韩正在北京会见下任联合国秘书长候选人巴切莱特。", "2026-06-03")
    assert all(p.name != "António Guterres" for e in events for p in (e.actor, *e.counterparts))


def docs() -> list[Document]:
    return [Document(id="zh-a", text=XI_MEETS_GUTERRES_ZH, lang="zh", published="2026-07-17"),
            Document(id="zh-b", text=XI_MEETS_GUTERRES_ZH_AGAIN, lang="zh", published="2026-07-17")]


def test_fusion_joins_two_reports_of_the_meeting():
    meetings = [e for e in extract_events(docs()) if e.type == "meeting"]
    assert len(meetings) == 1
    assert {m.doc for m in meetings[0].mentions} == {"zh-a", "zh-b"}
    assert party_named(meetings, "António Guterres").country is None


def test_the_store_keeps_the_party_with_no_country_and_their_travel(tmp_path):
    with open_store(tmp_path / "store.duckdb") as store:
        store.ingest(docs())
        rows = store.db.rows("SELECT country FROM event_parties WHERE name = 'António Guterres'")
        assert rows and all(country is None for (country,) in rows)
        trips = analytics.travel(store, "António Guterres")["trips"]
        assert [leg["country"] for trip in trips for leg in trip["legs"]] == ["CHN"]
