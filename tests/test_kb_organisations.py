"""Officials of international organisations (UN Secretary-General, NATO Secretary General, the
EU's presidents and High Representative, the heads of the WTO, IMF, World Bank, WHO ...): they act
for no state, so their terms have no country and name the organisation; the knowledge base resolves
them on a date, by organisation or by the office's own title, and the matcher finds their titles and
names in English and Chinese."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from summitry.cli import main
from summitry.kb import get_kb
from summitry.kb.build import Tables, _read_holders
from summitry.kb.core import KB

HEADER = "name,name_zh,short,aliases,country,office,title,start,end,region,to_country,source,verified\n"


@pytest.fixture(scope="module")
def kb() -> KB:
    return get_kb()


@pytest.mark.parametrize("where, office, day, holder", [
    ("UN", "secretary-general", "2015-06-01", "Ban Ki-moon"),
    ("United Nations", "Secretary-General", "2017-01-01", "António Guterres"),
    ("联合国", "秘书长", "2026-07-17", "António Guterres"),
    (None, "联合国秘书长", "2016-12-31", "Ban Ki-moon"),
    (None, "UN Secretary-General", "2020-03-01", "António Guterres"),
    ("NATO", "secretary general", "2014-09-30", "Anders Fogh Rasmussen"),
    ("北约", "秘书长", "2026-04-08", "Mark Rutte"),
    (None, "欧洲理事会主席", "2026-01-17", "António Costa"),
    (None, "欧盟委员会主席", "2026-01-17", "Ursula von der Leyen"),
    (None, "欧盟外交与安全政策高级代表", "2016-05-01", "Federica Mogherini"),
    ("EU", "High Representative", "2026-03-16", "Kaja Kallas"),
    (None, "联大主席", "2015-10-01", "Mogens Lykketoft"),
    (None, "WTO Director-General", "2015-12-15", "Roberto Azevêdo"),
    (None, "国际货币基金组织总裁", "2026-04-06", "Kristalina Georgieva"),
    (None, "世界银行行长", "2016-01-01", "Jim Yong Kim"),
    (None, "世卫组织总干事", "2026-06-03", "Tedros Adhanom Ghebreyesus"),
    (None, "非盟委员会主席", "2026-01-16", "Mahmoud Ali Youssouf"),
    (None, "阿盟秘书长", "2014-07-12", "Nabil Elaraby"),
    (None, "东盟秘书长", "2015-11-21", "Le Luong Minh"),
    (None, "上合组织秘书长", "2026-02-19", "Nurlan Yermekbayev"),
    (None, "欧盟贸易委员", "2026-05-06", "Maroš Šefčovič"),
    ("EU", "Trade Commissioner", "2015-06-01", "Cecilia Malmström"),
])
def test_an_organisations_office_on_a_date(kb, where, office, day, holder):
    person = kb.resolve_office(where, office, day)
    assert person is not None and person.name == holder


def test_an_organisations_office_holder_acts_for_no_state(kb):
    rutte = kb.person("Mark Rutte")
    assert kb.country_on(rutte, "2020-01-01") == "NLD"   # prime minister of the Netherlands
    term = kb.term_on(rutte, "2025-06-25")
    assert (term.country, term.organisation, term.level) == (None, "nato", "diplomat")
    assert "NATO" in term.title
    assert kb.country_on(rutte, "2025-06-25") is None
    # someone the knowledge base knows only in an organisation's office has no country at all
    guterres = kb.person("古特雷斯")
    assert guterres.name == "António Guterres" and guterres.country is None


def test_no_organisations_office_has_a_level_of_a_state(kb):
    offices = [o for o in kb.offices.values() if o.organisation]
    assert len(offices) >= 15
    assert {o.level for o in offices} == {"diplomat"}
    assert all(o.organisation in kb.forums for o in offices)


def test_an_organisation_is_not_a_country(kb):
    with pytest.raises(KeyError):
        kb.resolve_office("UN", "foreign minister", "2020-01-01")
    with pytest.raises(KeyError):   # a title that says no organisation needs one
        kb.resolve_office(None, "president", "2020-01-01")


@pytest.mark.parametrize("text, title, short, holder", [
    ("国家主席习近平会见联合国秘书长古特雷斯。", "联合国秘书长", "古特雷斯", "António Guterres"),
    ("特朗普会晤到访的北约秘书长吕特。", "北约秘书长", "吕特", "Mark Rutte"),
    ("欧洲理事会主席科斯塔表示", "欧洲理事会主席", "科斯塔", "António Costa"),
    ("欧盟委员会主席冯德莱恩19日称", "欧盟委员会主席", "冯德莱恩", "Ursula von der Leyen"),
    ("欧盟外交与安全政策高级代表卡拉斯8日表示", "欧盟外交与安全政策高级代表", "卡拉斯", "Kaja Kallas"),
])
def test_the_chinese_matcher_finds_titles_and_short_names(kb, text, title, short, holder):
    found = {(m.kind, m.surface): m.record for m in kb.matcher("zh").find(text)}
    assert kb.offices[found[("office", title)].key].organisation
    people = found[("person_short", short)]
    assert holder in [p.name for p in (people if isinstance(people, tuple) else (people,))]


@pytest.mark.parametrize("text, title", [
    ("UN Secretary-General Antonio Guterres said", "UN Secretary-General"),
    ("U.N. Secretary-General Antonio Guterres said", "U.N. Secretary-General"),
    ("NATO Secretary General Antonio Guterres said", "NATO Secretary General"),
    ("European Council President Antonio Guterres said", "European Council President"),
    ("European Commission President Antonio Guterres said", "European Commission President"),
    ("EU foreign policy chief Antonio Guterres said", "EU foreign policy chief"),
])
def test_the_english_matcher_finds_titles_before_names(kb, text, title):
    found = [(m.kind, m.surface) for m in kb.matcher("en").find(text)]
    assert found == [("office", title), ("person", "Antonio Guterres")]


def test_a_shared_short_form_goes_to_whoever_held_office_then(kb):
    """拉斯穆森 and 'Rasmussen': NATO's Secretary General in 2013, Denmark's foreign minister in 2026."""
    people = kb.people_by_short("拉斯穆森")
    assert {p.name for p in people} >= {"Anders Fogh Rasmussen", "Lars Løkke Rasmussen"}
    in_office = {day: [p.name for p in people if kb.term_on(p, day)] for day in ("2013-06-01", "2026-01-07")}
    assert in_office == {"2013-06-01": ["Anders Fogh Rasmussen"], "2026-01-07": ["Lars Løkke Rasmussen"]}


# Days on which an organisation had no holder of its office on record, and why.
NO_HOLDER = {
    "un_general_assembly_president": [("2013-01-01", "2013-09-16", "the 67th session's president is before 2013-09")],
    "wto_director_general": [("2020-09-01", "2021-02-28", "four deputies acted until Okonjo-Iweala took office")],
    "imf_managing_director": [("2019-09-13", "2019-09-30", "Lipton was acting managing director")],
    "world_bank_president": [("2019-02-01", "2019-04-08", "Georgieva was interim president")],
    "iaea_director_general": [("2019-07-19", "2019-12-02", "Feruta was acting director general")],
    "aiib_president": [("2013-01-01", "2016-01-15", "the bank opened in January 2016")],
    "ndb_president": [("2013-01-01", "2015-07-06", "the bank opened in July 2015")],
    "oic_secretary_general": [("2013-01-01", "2013-12-31", "İhsanoğlu's term ends before 2014")],
}


def test_every_organisation_office_has_a_holder_every_month_since_2013(kb):
    missing = []
    for key, office in kb.offices.items():
        if not office.organisation:
            continue
        day = date(2013, 1, 1)
        while day <= date(2026, 8, 31):
            gap = any(date.fromisoformat(a) <= day <= date.fromisoformat(b) for a, b, _ in NO_HOLDER.get(key, ()))
            if not gap and kb.resolve_office(None, key, day) is None:
                missing.append(f"{key} {day}")
            day += timedelta(days=30)
    assert not missing, missing


def test_resolve_cli_answers_for_an_organisation(capsys):
    status = main(["kb", "resolve", "--organisation", "UN", "--office", "secretary-general", "--date", "2015-06-01"])
    data = json.loads(capsys.readouterr().out)
    assert status == 0
    assert (data["name"], data["name_zh"], data["country"], data["organisation"]) == ("Ban Ki-moon", "潘基文", None, "un")
    assert data["term"]["organisation"] == "un" and data["term"]["country"] is None
    status = main(["kb", "resolve", "--office", "北约秘书长", "--date", "2026-04-08"])
    data = json.loads(capsys.readouterr().out)
    assert (status, data["name"], data["organisation"]) == (0, "Mark Rutte", "nato")


def test_resolve_cli_asks_for_a_country_when_the_office_names_none(capsys):
    status = main(["kb", "resolve", "--office", "president", "--date", "2015-06-01"])
    data = json.loads(capsys.readouterr().out)
    assert status == 2 and "president" in data["error"]


def test_a_row_of_an_organisations_office_has_no_country_and_joins_the_person_of_its_name(kb, tmp_path):
    folder = tmp_path / "office_holders"
    folder.mkdir()
    rows = (
        "Zorbo Quell,,,,XKX,foreign_minister,Foreign Minister,2014-01-01,2016-01-01,,,https://example.org/z,unverified\n"
        "Zorbo Quell,,,,,un_secretary_general,Secretary-General of the United Nations,2030-01-01,,,,"
        "https://example.org/z,unverified\n"
        "Mira Vantol,,,,NLD,nato_secretary_general,Secretary General of NATO,2030-01-01,,,,https://example.org/m,"
        "unverified\n"
        "Ilse Brandt,,,,,foreign_minister,Foreign Minister,2030-01-01,,,,https://example.org/i,unverified\n"
    )
    (folder / "rows.csv").write_text(HEADER + rows, encoding="utf-8")
    tables = Tables(countries=kb.countries, offices=kb.offices)
    _read_holders(tables, [tmp_path])
    problems = [str(p) for p in tables.problems]
    assert len(problems) == 2
    assert any(p.endswith("rows.csv:4: office 'nato_secretary_general' is the 'nato' organisation's: leave country "
                          "empty (its holder acts for no state)") for p in problems)
    assert any(p.endswith("rows.csv:5: empty required cell(s): country") for p in problems)
    person = tables.people["XKX:zorbo-quell"]
    assert [(t.country, t.organisation) for t in person.terms] == [("XKX", None), (None, "un")]


def test_the_title_of_every_organisations_term_names_its_office(kb):
    """A party's office is its term's title: the title alone tells the organisation again."""
    for person in kb.people.values():
        for term in person.terms:
            if term.organisation:
                office = kb.office(term.title)
                assert office is not None and office.key == term.office, (person.name, term.title)


def test_a_minister_who_later_heads_an_organisation_is_one_person(kb):
    """Hissein Brahim Taha: Chad's foreign minister in 2017, the OIC's Secretary-General in 2026."""
    taha = kb.person("Hissein Brahim Taha")
    assert taha.country == "TCD"
    assert kb.country_on(taha, "2017-06-01") == "TCD"
    assert kb.country_on(taha, "2026-01-26") is None
    assert kb.resolve_office("OIC", "secretary-general", "2026-01-26") is taha
