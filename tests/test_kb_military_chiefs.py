"""The top military officers (office `military_chief`, office_holders/military_chiefs.csv): who held
the office on a day, that the file covers its countries from 2008 without gaps, that a rank before
a family name does not hand a politician's name to a general, and that the engines read a chief's
meetings (sentences written for the tests)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest
from office_holder_support import DATA_AS_OF, DATA_DIR, date_bounds, load_rows, resolves_to

from summitry.extract.en import EnglishRuleEngine
from summitry.extract.zh import ChineseRuleEngine
from summitry.records import Document

FILE = "military_chiefs.csv"
FILES_ALL = sorted(path.name for path in DATA_DIR.glob("*.csv"))

# Known holders on days away from any hand-over.
RESOLVE_CASES = [
    ("USA", "2010-06-01", "Mike Mullen"),
    ("USA", "2014-08-14", "Martin Dempsey"),
    ("USA", "2017-03-01", "Joseph Dunford"),
    ("USA", "2021-01-06", "Mark Milley"),
    ("USA", "2024-05-01", "Charles Q. Brown Jr."),
    ("USA", "2026-03-10", "Dan Caine"),
    ("PAK", "2010-01-01", "Ashfaq Parvez Kayani"),
    ("PAK", "2015-04-20", "Raheel Sharif"),
    ("PAK", "2019-08-05", "Qamar Javed Bajwa"),
    ("PAK", "2026-05-22", "Asim Munir"),
    ("IND", "2011-01-01", "V. K. Singh"),
    ("IND", "2015-11-15", "Dalbir Singh"),
    ("IND", "2022-01-01", "Manoj Mukund Naravane"),
    ("IND", "2021-01-01", "Bipin Rawat"),
    ("CHN", "2010-01-01", "Chen Bingde"),
    ("CHN", "2014-08-14", "Fang Fenghui"),
    ("CHN", "2016-03-01", "Fang Fenghui"),
    ("CHN", "2019-01-01", "Li Zuocheng"),
    ("CHN", "2024-01-01", "Liu Zhenli"),
    ("RUS", "2010-01-01", "Nikolai Makarov"),
    ("RUS", "2026-03-16", "Valery Gerasimov"),
    ("AFG", "2012-01-01", "Sher Mohammad Karimi"),
    ("AFG", "2016-06-01", "Qadam Shah Shahim"),
    ("AFG", "2021-01-01", "Mohammad Yasin Zia"),
    ("GBR", "2012-01-01", "David Richards"),
    ("GBR", "2019-01-01", "Nick Carter"),
    ("GBR", "2023-01-01", "Tony Radakin"),
    ("JPN", "2017-06-20", "Katsutoshi Kawano"),
    ("JPN", "2024-01-01", "Yoshihide Yoshida"),
    ("KOR", "2014-06-01", "Choi Yoon-hee"),
    ("KOR", "2021-06-01", "Won In-choul"),
    ("KOR", "2026-01-01", "Jin Yong-sung"),
    ("TUR", "2016-07-15", "Hulusi Akar"),
    ("TUR", "2020-01-01", "Yaşar Güler"),
    ("IRN", "2012-01-01", "Hassan Firouzabadi"),
    ("IRN", "2020-01-01", "Mohammad Bagheri"),
    ("IRN", "2026-02-24", "Abdolrahim Mousavi"),
    ("IRN", "2026-08-21", "Ali Abdollahi"),
    ("ISR", "2017-01-01", "Gadi Eisenkot"),
    ("ISR", "2026-01-24", "Eyal Zamir"),
]


@pytest.mark.parametrize(("country", "day", "expected"), RESOLVE_CASES)
def test_known_holders(country, day, expected):
    resolves_to(country, "military_chief", day, expected)


# The countries the file covers from 2008-01-01 on, to the day given (the end of the Islamic Republic
# of Afghanistan), and the days between holders it leaves open: an acting chairman between
# Charles Q. Brown Jr. and Dan Caine; Dempsey's term ends some days before Dunford's starts; China's
# successor to Liu Zhenli (under investigation from January 2026) is not on record.
COVERED_FROM_2008 = {"USA": None, "PAK": None, "IND": None, "CHN": None, "RUS": None, "AFG": date(2021, 8, 15),
                     "GBR": None, "JPN": None, "KOR": None, "TUR": None, "IRN": None, "ISR": None}
KNOWN_GAPS = {"USA": [(date(2015, 9, 26), date(2015, 9, 30)), (date(2025, 2, 22), date(2025, 4, 10))],
              "TUR": [(date(2011, 7, 30), date(2011, 8, 3))], "CHN": [(date(2026, 2, 1), DATA_AS_OF)]}


def _terms() -> dict[str, list[tuple[date, date]]]:
    terms: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for _, row in load_rows(FILE):
        start = date_bounds(row["start"])[0]
        end = date_bounds(row["end"])[1] if row["end"] else DATA_AS_OF
        terms[row["country"]].append((start, end))
    return terms


def test_every_day_from_2008_has_a_chief():
    terms = _terms()
    assert set(COVERED_FROM_2008) <= set(terms)
    for country, until in COVERED_FROM_2008.items():
        day, last = date(2008, 1, 1), until or DATA_AS_OF
        while day <= last:
            held = any(s <= day <= e for s, e in terms[country])
            gap = any(s <= day <= e for s, e in KNOWN_GAPS.get(country, ()))
            assert held != gap, f"{country} {day}: {'no chief' if not held else 'a chief in a known gap'}"
            day = date.fromordinal(day.toordinal() + 1)


def test_india_has_two_chiefs_from_2020():
    """India's Chief of Defence Staff (from 2020) and Chief of the Army Staff both hold the office;
    the Chief of Defence Staff, the senior, is the one an unnamed "military chief" resolves to."""
    from summitry.kb import get_kb

    kb = get_kb()
    assert {p.name for p in kb.holders("IND", "military_chief", date(2021, 1, 1))} == {
        "Bipin Rawat", "Manoj Mukund Naravane"}
    assert [p.name for p in kb.holders("IND", "military_chief", date(2018, 1, 1))] == ["Bipin Rawat"]


@pytest.mark.parametrize("title", ["Chief of Army Staff", "Chief of the Army Staff", "Chief of General Staff",
                                   "Chief of the Defence Staff", "Chief of Defence Staff", "Chairman of the Joint Chiefs",
                                   "Chief of the Joint Staff Department", "联合参谋部参谋长", "国防参谋长"])
def test_the_titles_the_news_writes_name_the_office(title):
    from summitry.kb import get_kb

    assert get_kb().office(title).key == "military_chief"


def test_every_row_is_the_military_chief_office():
    assert {row["office"] for _, row in load_rows(FILE)} == {"military_chief"}


def test_short_forms_name_one_person_in_all_the_files():
    """A chief's short form is no one else's: "Sharif" (the prime ministers) is none of Raheel
    Sharif's, "Bajwa" (also the army's spokesman Asim Bajwa) none of Qamar Javed Bajwa's."""
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for name in FILES_ALL:
        for _, row in load_rows(name):
            for form in filter(None, row["short"].split("|")):
                owners[form].add((row["name"], row["country"]))
    for _, row in load_rows(FILE):
        for form in filter(None, row["short"].split("|")):
            assert owners[form] == {(row["name"], row["country"])}, (form, owners[form])
    shorts = {form for _, row in load_rows(FILE) for form in row["short"].split("|")}
    assert not shorts & {"Sharif", "谢里夫", "Bajwa", "巴杰瓦", "Singh", "Rawat", "Carter"}


@pytest.fixture(scope="module")
def en():
    return EnglishRuleEngine()


@pytest.fixture(scope="module")
def zh():
    return ChineseRuleEngine()


def _events(engine, text, lang, published):
    events = engine.extract(Document(id="t", text=text, lang=lang, published=published))
    return [(e.type, e.actor.name, e.actor.office, [c.name for c in e.counterparts], e.countries) for e in events]


def test_an_army_chief_calling_on_a_president_is_a_meeting_and_a_visit(en):
    text = "Army Chief General Raheel Sharif called on Chinese President Xi Jinping in Beijing on Tuesday, his media wing said."
    assert _events(en, text, "en", "2015-04-22") == [
        ("meeting", "Raheel Sharif", "Chief of Army Staff", ["Xi Jinping"], ["CHN"]),
        ("visit", "Raheel Sharif", "Chief of Army Staff", [], ["CHN"])]


def test_chiefs_of_staff_meet_each_other(en):
    text = "Chairman of the Joint Chiefs of Staff General Joseph Dunford hosted Chinese General Fang Fenghui at the Pentagon in Washington on Thursday."
    (meeting,) = [e for e in _events(en, text, "en", "2016-08-18") if e[0] == "meeting"]
    assert meeting[1:4] == ("Joseph Dunford", "Chairman of the Joint Chiefs of Staff", ["Fang Fenghui"])


def test_a_general_of_a_prime_ministers_family_name_is_not_the_prime_minister(en):
    """"General Sharif" is the army chief, never Prime Minister Nawaz Sharif: the prime minister's
    meeting stays his, and nothing the general does is given to him."""
    text = ("Prime Minister Nawaz Sharif met Afghan President Ashraf Ghani in Islamabad on Monday. "
            "General Sharif later met Afghan Defence Minister Masoom Stanekzai in Rawalpindi.")
    events = _events(en, text, "en", "2015-11-10")
    assert [e for e in events if e[1] == "Nawaz Sharif" and e[0] == "meeting"] == [
        ("meeting", "Nawaz Sharif", "Prime Minister", ["Ashraf Ghani"], ["PAK"])]
    assert not any("Masoom Stanekzai" in e[3] and e[1] == "Nawaz Sharif" for e in events)


def test_a_rank_before_the_family_name_of_the_officer_the_story_names_is_that_officer(en):
    """"General Sharif" after "General Raheel Sharif" is the general, though "Sharif" alone is the
    prime ministers' short form; a bare "Sharif" in that story stays no one's."""
    text = ("Army Chief General Raheel Sharif called on Chinese President Xi Jinping in Beijing on Tuesday. "
            "General Sharif also met Premier Li Keqiang, and Sharif was to fly home on Wednesday.")
    meetings = [e for e in _events(en, text, "en", "2015-04-22") if e[0] == "meeting"]
    assert [(e[1], e[3]) for e in meetings] == [("Raheel Sharif", ["Xi Jinping"]), ("Raheel Sharif", ["Li Keqiang"])]


def test_chinese_news_names_the_chief_by_title_and_name(zh):
    text = "国家主席习近平22日在北京会见巴基斯坦陆军参谋长拉希勒·谢里夫。"
    assert _events(zh, text, "zh", "2015-04-22")[0][:4] == (
        "meeting", "Xi Jinping", "President", ["Raheel Sharif"])
    text = "中央军委联合参谋部参谋长刘振立21日在北京会见巴基斯坦陆军参谋长穆尼尔。"
    assert _events(zh, text, "zh", "2023-06-21")[0][:4] == (
        "meeting", "Liu Zhenli", "Chief of the Joint Staff Department", ["Asim Munir"])


def test_chinese_news_names_pakistans_chief_by_his_family_name_after_a_rank(zh):
    # 陆军元帅 is a rank, no title: 穆尼尔, the short form Chinese news writes, names him on its own
    text = "巴基斯坦陆军元帅穆尼尔12日抵达德黑兰，同伊朗总统佩泽希齐扬举行会谈。"
    found = _events(zh, text, "zh", "2026-03-13")
    assert ("visit", "Asim Munir", "Chief of Army Staff", [], ["IRN"]) in found
    assert any(e[0] == "meeting" and e[1] == "Asim Munir" and e[3] == ["Masoud Pezeshkian"] for e in found)
