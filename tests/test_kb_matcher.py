"""The KB matcher: every mention with offsets into the text as given; whole words and case rules in
English, longest match in Chinese; ambiguity resolved from the rest of the text; stoplists."""
from __future__ import annotations

import textwrap

import pytest

from summitry.kb import KB, Country, KBMatch, Person, Place, get_kb


@pytest.fixture(scope="module")
def kb() -> KB:
    return get_kb()


def found(kb, lang, text):
    matches = kb.matcher(lang).find(text)
    for m in matches:
        assert text[m.start:m.end] == m.surface
    return [(m.surface, m.kind) for m in matches]


def country_codes(kb, lang, text):
    return [m.record.iso3 for m in kb.matcher(lang).find(text) if m.kind in ("country", "demonym")]


def test_english_offsets_kinds_and_records(kb):
    text = "Chinese President Xi Jinping arrived in Astana, Kazakhstan, for talks on the SCO."
    matches = kb.matcher("en").find(text)
    assert [(m.start, m.end, m.kind) for m in matches] == [
        (0, 7, "demonym"), (8, 17, "office"), (18, 28, "person"), (40, 46, "place"), (48, 58, "country"),
        (77, 80, "forum")]
    assert matches[0].record.iso3 == "CHN"
    assert matches[1].record.key == "head_of_state"
    assert matches[2].record.name == "Xi Jinping"
    assert isinstance(matches[3].record, Place) and matches[3].record.country == "KAZ"
    assert all(isinstance(m, KBMatch) for m in matches)


def test_english_matches_whole_words_only(kb):
    assert found(kb, "en", "USAID, Chinaware. Perusal of Omani-style Iranianness") == [("Omani", "demonym")]
    assert found(kb, "en", "Indiana") == [("Indiana", "place")]


def test_plural_demonyms_match(kb):
    assert country_codes(kb, "en", "Americans, Kazakhs and Pakistanis; the Chinese and the Swiss") == [
        "USA", "KAZ", "PAK", "CHN", "CHE"]


def test_common_nouns_do_not_match_countries(kb):
    assert found(kb, "en", "a turkey dinner and fine china plates") == []
    assert found(kb, "en", "Turkey and China") == [("Turkey", "country"), ("China", "country")]


def test_datelines_in_capitals(kb):
    matches = kb.matcher("en").find("BEIJING, Sept. 14 (Xinhua) -- ASTANA and KAZAKHSTAN")
    assert [(m.surface, m.kind) for m in matches] == [("BEIJING", "place"), ("ASTANA", "place"),
                                                      ("KAZAKHSTAN", "country")]


def test_us_forms_are_all_the_united_states(kb):
    assert country_codes(kb, "en", "the U.S. and the US and the United States and America") == ["USA"] * 4


def test_hyphenated_compounds_give_both_countries(kb):
    assert country_codes(kb, "en", "China-Russia ties and Sino-US trade and the US-China summit") == [
        "CHN", "RUS", "CHN", "USA", "USA", "CHN"]


def test_titles_match_in_any_case_and_longest_title_wins(kb):
    assert found(kb, "en", "the prime minister met the Foreign Minister") == [
        ("prime minister", "office"), ("Foreign Minister", "office")]
    assert found(kb, "en", "Secretary of State Antony Blinken")[0] == ("Secretary of State", "office")


def test_longest_match_wins_in_english(kb):
    assert found(kb, "en", "the Shanghai Cooperation Organisation summit") == [
        ("Shanghai Cooperation Organisation", "forum")]
    assert found(kb, "en", "in Latin America") == [("Latin America", "region")]


@pytest.mark.parametrize("word", ["Of", "Date", "Summit", "March", "Central", "Obama", "David", "Martin", "Castro"])
def test_place_names_that_are_ordinary_words_are_not_places(kb, word):
    assert all(kind != "place" for _, kind in found(kb, "en", f"{word} is a word here."))
    assert kb.places_named(word), f"{word} should still be a place for kb.place()"


def test_washington_means_the_us_capital(kb):
    (m,) = kb.matcher("en").find("Washington said so.")
    assert (m.kind, m.record.country, m.record.kind) == ("place", "USA", "capital")


def test_georgia_is_the_us_state_after_a_us_city_and_the_country_otherwise(kb):
    matches = kb.matcher("en").find("He spoke in Atlanta, Georgia.")
    assert (matches[-1].kind, matches[-1].record.country) == ("place", "USA")
    matches = kb.matcher("en").find("Georgia and Armenia signed a deal.")
    assert (matches[0].kind, matches[0].record.iso3) == ("country", "GEO")


def test_a_chinese_place_after_its_province_or_country_belongs_there(kb):
    texts = {"山东德州": "CHN", "美国得州": "USA", "得州": "USA"}
    for text, iso3 in texts.items():
        assert kb.matcher("zh").find(text)[-1].record.country == iso3, text


def test_victoria_follows_the_country_of_the_text(kb):
    m = next(x for x in kb.matcher("en").find("Canada's premier spoke in Victoria.") if x.surface == "Victoria")
    assert m.record.country == "CAN"
    m = next(x for x in kb.matcher("en").find("Seychelles: talks in Victoria.") if x.surface == "Victoria")
    assert m.record.country == "SYC"


def test_chinese_offsets_and_longest_match(kb):
    text = "国家主席习近平抵达撒马尔罕，出席上海合作组织成员国元首理事会会议。"
    matches = kb.matcher("zh").find(text)
    got = [(m.start, m.end, m.kind, m.surface) for m in matches]
    assert got == [(0, 4, "office", "国家主席"), (4, 7, "person", "习近平"), (9, 13, "place", "撒马尔罕"),
                   (16, 30, "forum", "上海合作组织成员国元首理事会")]
    assert matches[2].record.country == "UZB"


def test_chinese_country_short_forms(kb):
    assert country_codes(kb, "zh", "中方愿同哈方一道") == ["CHN", "KAZ"]
    matches = kb.matcher("zh").find("推动中俄关系和中美合作")
    assert [(m.start, m.end, m.record.iso3) for m in matches] == [
        (2, 3, "CHN"), (3, 4, "RUS"), (7, 8, "CHN"), (8, 9, "USA")]
    assert country_codes(kb, "zh", "中日韩合作") == ["CHN", "JPN", "KOR"]


def test_a_place_fused_with_its_title_gives_both(kb):
    assert found(kb, "zh", "湖南省委书记和北京市长") == [("湖南", "place"), ("省委书记", "office"),
                                                      ("北京", "place"), ("市长", "office")]
    assert found(kb, "zh", "湖南省的发展") == [("湖南省", "place")]


def test_a_full_country_name_beats_an_abbreviation_pair(kb):
    assert found(kb, "zh", "其中美国代表") == [("美国", "country")]
    assert country_codes(kb, "zh", "新中国成立") == ["CHN"]


def test_chinese_town_names_that_are_ordinary_words_are_blocked(kb):
    assert found(kb, "zh", "取得胜利。孙中山先生。四日上午。") == []
    assert found(kb, "zh", "广东中山") == [("广东", "place"), ("中山", "place")]


@pytest.mark.parametrize("text", ["中老年人", "西方国家", "在合作中加强沟通", "中西部地区", "美中不足", "中新网报道"])
def test_chinese_blockers_keep_ordinary_words_out(kb, text):
    assert [s for s, kind in found(kb, "zh", text) if kind == "country" and len(s) <= 2
            and s[0] in "中美西"] == []


def test_central_asian_cities_in_chinese(kb):
    for name, iso3 in {"奥什": "KGZ", "苦盏": "TJK", "努库斯": "UZB", "阿克套": "KAZ", "阿瓦扎": "TKM"}.items():
        (m,) = kb.matcher("zh").find(name)
        assert (m.kind, m.record.country) == ("place", iso3), name


def test_foreign_surnames_that_are_small_cities_are_not_places_in_chinese(kb):
    # 科罗廖夫 is Korolyov (a town near Moscow) and the surname Korolev
    assert kb.place("科罗廖夫").country == "RUS"
    assert found(kb, "zh", "科罗廖夫说") == []
    # a listed venue is matched whatever its size
    assert found(kb, "zh", "在索契会晤") == [("索契", "place")]


def test_longer_region_names_win_over_their_prefixes(kb):
    assert found(kb, "zh", "中东欧国家和中东") == [("中东欧国家", "region"), ("中东", "region")]
    assert found(kb, "zh", "西方对此") == [("西方", "region")]


def test_latin_acronyms_in_chinese_text(kb):
    assert ("SCO", "forum") in found(kb, "zh", "上合组织（SCO）峰会")
    assert ("SCO", "forum") not in found(kb, "zh", "SCOTLAND")


def test_zh_user_dict_lists_kb_words(kb):
    words = {w: tag for w, _, tag in kb.zh_user_dict()}
    assert words["哈萨克斯坦"] == "ns"
    assert words["习近平"] == "nr"
    assert words["上合组织"] == "nt"


@pytest.fixture(scope="module")
def shared_short_kb(tmp_path_factory) -> KB:
    d = tmp_path_factory.mktemp("kb_short")
    (d / "office_holders").mkdir()
    (d / "office_holders" / "pair.csv").write_text(textwrap.dedent("""\
        name,name_zh,short,aliases,country,office,title,start,end,region,to_country
        Anna Testerova,安娜·特斯特罗娃,Testerova|特斯特罗娃,,KAZ,foreign_minister,Foreign Minister,2020-01-01,,,
        Boris Testerov,鲍里斯·特斯特罗夫,Testerova,,KAZ,ambassador,Ambassador,2023-01-01,,,CHN
        Theresa Testmay,特蕾莎·测梅,May|Testmay,,GBR,head_of_government,Prime Minister,2016-07-13,2019-07-24,,
        """), encoding="utf-8")
    return KB.load([d], use_cache=False)


def test_a_short_form_shared_by_two_people_gives_both(shared_short_kb):
    (m,) = shared_short_kb.matcher("en").find("Testerova said.")
    assert m.kind == "person_short"
    assert isinstance(m.record, tuple) and [p.name for p in m.record] == ["Boris Testerov", "Anna Testerova"]
    assert [p.name for p in shared_short_kb.people_by_short("Testerova")] == ["Boris Testerov", "Anna Testerova"]
    (z,) = shared_short_kb.matcher("zh").find("特斯特罗娃表示")
    assert isinstance(z.record, Person) and z.record.name == "Anna Testerova"


def test_a_short_form_that_is_an_ordinary_word_is_not_matched_alone(shared_short_kb):
    assert [m.kind for m in shared_short_kb.matcher("en").find("In May, Testmay met Theresa Testmay.")] == [
        "person_short", "person"]


def test_country_records_are_countries(kb):
    (m,) = kb.matcher("en").find("Kazakhstan")
    assert isinstance(m.record, Country)
