"""The knowledge-base data files are code: every file follows its schema, every code and key it
uses exists, every date parses, and bad rows are reported with file and line while the rest loads."""
from __future__ import annotations

import csv
import textwrap
from collections import defaultdict
from datetime import date
from pathlib import Path

import pycountry
import pytest
import yaml

from summitry.kb import KB, get_kb
from summitry.kb.build import DATA_DIR, has_cjk
from summitry.kb.schema import CSV_SCHEMAS, parse_date
from summitry.records import LEVELS

OFFICE_KEYS_OF_CONTRACT = {
    "head_of_state": "head_of_state", "head_of_government": "head_of_government",
    "foreign_minister": "foreign_minister", "legislature_speaker": "legislator",
    "party_secretary": "subnational", "governor": "subnational", "deputy_governor": "subnational",
    "ambassador": "diplomat", "assistant_secretary_of_state": "diplomat", "vice_foreign_minister": "diplomat",
    "spokesperson": "diplomat", "vice_president": "minister", "vice_premier": "minister",
    "state_councilor": "minister", "finance_minister": "minister", "commerce_minister": "minister",
    "trade_representative": "minister", "national_security_adviser": "minister", "defense_minister": "minister",
    "cfac_office_director": "minister", "minister": "minister", "party_general_secretary": "other",
}


@pytest.fixture(scope="module")
def kb() -> KB:
    return get_kb()


def csv_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def test_shipped_data_loads_without_a_single_problem(kb):
    assert [str(p) for p in kb.problems] == []


@pytest.mark.parametrize("fname,schema", [("countries.csv", "countries"), ("places_extra.csv", "places"),
                                          ("zh_compounds.csv", "zh_compounds")])
def test_csv_files_have_exactly_their_schema_columns(fname, schema):
    header, rows = csv_rows(DATA_DIR / fname)
    assert header == list(CSV_SCHEMAS[schema]["columns"])
    assert rows, f"{fname} is empty"


def test_office_holder_files_have_the_contract_columns():
    files = sorted((DATA_DIR / "office_holders").glob("*.csv"))
    assert files
    for path in files:
        header, _ = csv_rows(path)
        assert header == list(CSV_SCHEMAS["office_holders"]["columns"]), path.name


def test_countries_file_uses_real_codes_and_lists_193_un_members():
    _, rows = csv_rows(DATA_DIR / "countries.csv")
    iso3 = [r["iso3"] for r in rows]
    assert len(iso3) == len(set(iso3)), "a country is listed twice"
    for r in rows:
        if pycountry.countries.get(alpha_3=r["iso3"]) is None:
            # only a code ISO has not assigned (Kosovo) may be added, and it must say its iso2
            assert r["iso2"] and r["name"], r["iso3"]
    assert sum(r["un_member"] == "yes" for r in rows) == 193


def test_offices_file_defines_the_contract_keys_with_their_levels(kb):
    # the keys of the contract keep their levels; more offices may be added
    assert {k: o.level for k, o in kb.offices.items() if k in OFFICE_KEYS_OF_CONTRACT} == OFFICE_KEYS_OF_CONTRACT
    for office in kb.offices.values():
        assert office.level in LEVELS
        assert office.titles_en and office.titles_zh, office.key
        assert all(has_cjk(t) for t in office.titles_zh), office.key


def test_no_title_belongs_to_two_offices():
    doc = yaml.safe_load((DATA_DIR / "offices.yaml").read_text(encoding="utf-8"))
    owner: dict[str, str] = {}
    for office in doc["offices"]:
        for title in office["titles_en"] + office["titles_zh"]:
            assert owner.setdefault(title.casefold(), office["key"]) == office["key"], title


def test_regions_and_forums_refer_to_known_countries(kb):
    for region in kb.regions.values():
        assert region.members and all(m in kb.countries for m in region.members), region.key
    for forum in kb.forums.values():
        for e in forum.editions:
            assert e.country in kb.countries and e.start <= e.end, (forum.key, e)


# Gatherings that were called off or moved: APEC 2019 (Santiago), the G7 of 2020, COP26 (2020 -> 2021).
CANCELLED = {("apec", 2019), ("g7", 2020), ("cop", 2020)}


def test_major_forums_have_editions_2013_to_2026(kb):
    for key in ("sco", "g20", "g7", "apec", "brics", "cop", "unga"):
        years = {e.start.year for e in kb.forums[key].editions}
        missing = [y for y in range(2013, 2027) if y not in years and (key, y) not in CANCELLED]
        assert not missing, (key, missing)


def test_edition_numbers_are_unique_and_increase_with_time(kb):
    for forum in kb.forums.values():
        numbers = [e.number for e in forum.editions if e.number is not None]
        assert numbers == sorted(set(numbers)), forum.key


def test_every_capital_is_a_capital_place_by_its_english_and_chinese_names(kb):
    _, rows = csv_rows(DATA_DIR / "countries.csv")
    for r in rows:
        for name in (r["capital"], r["capital_zh"]):
            if name:
                place = kb.place(name, (r["iso3"],))
                assert (place.country, place.kind) == (r["iso3"], "capital"), (r["iso3"], name)


def test_every_edition_city_is_a_known_place_of_its_country(kb):
    for forum in kb.forums.values():
        for e in forum.editions:
            place = kb.place(e.city, (e.country,))
            assert place is not None and place.country == e.country, (forum.key, e.city)


def test_office_holder_terms_parse_and_use_known_keys(kb):
    assert kb.people, "no office holders loaded"
    for person in kb.people.values():
        # someone known only in an international organisation's offices has no country
        assert person.country in kb.countries or (
            person.country is None and all(t.organisation for t in person.terms))
        for term in person.terms:
            assert term.office in kb.offices
            # a term is a state's office or an organisation's, never both
            assert (term.country in kb.countries) != (term.organisation is not None)
            assert term.organisation == kb.offices[term.office].organisation
            assert term.end is None or term.start <= term.end
            assert term.to_country is None or term.to_country in kb.countries


def test_no_alias_names_two_countries(kb):
    owners: dict[str, set[str]] = defaultdict(set)
    for c in kb.countries.values():
        for name in (c.name, c.name_zh, *c.aliases, *c.demonyms):
            owners[name].add(c.iso3)
    shared = {name: codes for name, codes in owners.items() if len(codes) > 1}
    assert shared == {}


def test_places_extra_rows_name_known_countries_and_chinese_names(kb):
    _, rows = csv_rows(DATA_DIR / "places_extra.csv")
    for r in rows:
        assert r["country"] in kb.countries, r["name"]
        assert all(has_cjk(z) for z in r["names_zh"].split("|") if z), r["name"]


def test_partial_dates_cover_their_whole_period():
    assert parse_date("2013") == date(2013, 1, 1)
    assert parse_date("2013", end=True) == date(2013, 12, 31)
    assert parse_date("2024-02", end=True) == date(2024, 2, 29)
    assert parse_date("2022-09-14") == date(2022, 9, 14)
    with pytest.raises(ValueError):
        parse_date("14/09/2022")


# --------------------------------------------------------------------------- user directories

@pytest.fixture(scope="module")
def extra_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("kb_extra")
    (d / "office_holders").mkdir()
    (d / "office_holders" / "provinces.csv").write_text(textwrap.dedent("""\
        name,name_zh,short,aliases,country,office,title,start,end,region,to_country
        Zhang Testprovince,张测试,Testprovince|张测试,,CHN,party_secretary,Party Secretary,2021-10,,Testland,
        Li Badoffice,李错,,,CHN,emperor_of_mars,Emperor,2020-01-01,,,
        Wang Baddate,王错,,,CHN,governor,Governor,2020-13-01,,Testland,
        Zhao Backwards,赵错,,,CHN,governor,Governor,2021-01-01,2020-01-01,Testland,
        Qian Nocountry,钱错,,,XYZ,governor,Governor,2021-01-01,,Testland,
        Sun Governor,孙测试,Sun Testgov,,CHN,governor,Governor,2022-01-01,,Testland,
        Zhou Shared,周甲,Zhoushort,,CHN,vice_premier,Vice Premier,2023-03-12,,,
        Zhou Other,周乙,Zhoushort,,CHN,state_councilor,State Councilor,2018-03-19,,,
        """), encoding="utf-8")
    (d / "office_holders" / "sourced.csv").write_text(textwrap.dedent("""\
        name,name_zh,short,aliases,country,office,title,start,end,region,to_country,source,verified
        Wu Checked,吴测试,,,CHN,governor,Governor,2026-01-01,,Checkshire,,Test Daily 2026-01-05,2026-02-01
        Zheng Badcheck,郑错,,,CHN,governor,Governor,2026-01-01,,Badshire,,Test Daily 2026-01-05,probably
        """), encoding="utf-8")
    (d / "places_extra.csv").write_text(
        "name,country,kind,population,names_zh,aliases\n"
        "Testville,CHN,city,120000,测试城,Test City\n"
        "Nowhere Land,ZZZ,city,5,,\n", encoding="utf-8")
    (d / "countries_extra.csv").write_text(
        "iso3,iso2,un_member,name,name_zh,official_zh,capital,capital_zh,aliases,demonyms,abbrev_zh\n"
        "KAZ,,,,,,,,Qazaq Eli|哈萨克斯坦国,Qazaq,\n"
        "XYZ,,,,,,,,Nowhereland,,\n", encoding="utf-8")
    (d / "regions.yaml").write_text(textwrap.dedent("""\
        schema: summitry-regions/1
        regions:
          - key: test_steppe
            name: Great Steppe
            name_zh: 大草原测试区
            members: [KAZ, MNG]
        """), encoding="utf-8")
    (d / "forums.yaml").write_text(textwrap.dedent("""\
        schema: summitry-forums/1
        forums:
          - key: test_forum
            name: Testing Cooperation Forum
            acronym: TCF
            names_zh: [测试合作论坛]
            kind: forum
            editions:
              - {number: 1, start: 2024-05-01, end: 2024-05-02, city: Testville, country: CHN}
              - {number: 2, start: 2025-05-02, end: 2025-05-01, city: Testville, country: CHN}
        """), encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def extra_kb(extra_dir) -> KB:
    return KB.load([extra_dir], use_cache=False)


def test_bad_rows_are_reported_with_file_and_line_and_skipped(extra_kb, extra_dir):
    problems = [str(p) for p in extra_kb.problems]
    holders = str(extra_dir / "office_holders" / "provinces.csv")
    assert any(p.startswith(holders + ":3:") and "emperor_of_mars" in p for p in problems)
    assert any(p.startswith(holders + ":4:") and "bad date" in p for p in problems)
    assert any(p.startswith(holders + ":5:") and "before it starts" in p for p in problems)
    assert any(p.startswith(holders + ":6:") and "XYZ" in p for p in problems)
    assert any(p.startswith(str(extra_dir / "places_extra.csv") + ":3:") for p in problems)
    assert any("forums.yaml" in p and "ends" in p for p in problems)
    assert any(p.startswith(str(extra_dir / "countries_extra.csv") + ":3:") and "XYZ" in p for p in problems)
    sourced = str(extra_dir / "office_holders" / "sourced.csv")
    assert any(p.startswith(sourced + ":3:") and "'probably'" in p for p in problems)
    assert len(problems) == 8
    for bad in ("Li Badoffice", "Wang Baddate", "Zhao Backwards", "Zheng Badcheck"):
        assert extra_kb.person(bad) is None


def test_extra_directory_rows_merge_on_top_of_package_data(extra_kb):
    assert extra_kb.resolve_office("CHN", "party_secretary", "2024-01-01", region="Testland").name == \
        "Zhang Testprovince"
    assert extra_kb.resolve_office("中国", "省长", "2024-01-01", region="Testland").name == "Sun Governor"
    assert extra_kb.place("测试城").name == "Testville"
    assert extra_kb.forum("TCF").editions[0].city == "Testville"
    assert len(extra_kb.forum("TCF").editions) == 1
    assert extra_kb.country("Kazakhstan").iso3 == "KAZ"   # package data still there
    assert extra_kb.country("Qazaq Eli").iso3 == "KAZ"
    assert extra_kb.country("哈萨克斯坦国").iso3 == "KAZ"
    assert extra_kb.region("大草原测试区").members == ("KAZ", "MNG")
    assert [m.record.key for m in extra_kb.matcher("en").find("the Great Steppe")] == ["test_steppe"]


def test_a_term_keeps_its_source_and_check_and_stats_count_checked_rows(extra_kb, kb):
    checked = extra_kb.person("Wu Checked").terms[0]
    assert (checked.source, checked.verified) == ("Test Daily 2026-01-05", "2026-02-01")
    # a file written before the columns existed loads; its rows count as unverified
    assert extra_kb.person("Zhang Testprovince").terms[0].verified == "unverified"
    before, after = kb.stats(), extra_kb.stats()
    assert after["holder_rows_verified"] == before["holder_rows_verified"] + 1
    assert after["holder_rows_unverified"] == before["holder_rows_unverified"] + 4
    assert after["holder_rows_reference"] == before["holder_rows_reference"]
