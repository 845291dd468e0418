"""kb.country / lookup / place / region / forum / office / resolve_office: every UN member by its
English and Chinese names, the common variants news uses, ambiguity, and office holders on a date."""
from __future__ import annotations

from datetime import date

import pytest

from summitry.kb import KB, Country, Forum, Person, Place, Region, get_kb


@pytest.fixture(scope="module")
def kb() -> KB:
    return get_kb()


def test_there_are_193_un_members(kb):
    assert len(kb.un_members) == 193


def test_every_un_member_resolves_by_english_and_chinese_name_and_codes(kb):
    for iso3 in kb.un_members:
        c = kb.countries[iso3]
        assert c.name and c.name_zh, iso3
        assert kb.country(c.name).iso3 == iso3, c.name
        assert kb.country(c.name_zh).iso3 == iso3, c.name_zh
        assert kb.country(iso3).iso3 == iso3
        assert kb.country(c.iso2).iso3 == iso3


@pytest.mark.parametrize("name,iso3", [
    ("Burma", "MMR"), ("Myanmar", "MMR"), ("缅甸", "MMR"),
    ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Turkiye", "TUR"), ("土耳其", "TUR"),
    ("the US", "USA"), ("The United States", "USA"), ("US", "USA"), ("U.S.", "USA"), ("United States of America", "USA"), ("美国", "USA"),
    ("Britain", "GBR"), ("UK", "GBR"), ("英国", "GBR"),
    ("South Korea", "KOR"), ("ROK", "KOR"), ("韩国", "KOR"),
    ("DPRK", "PRK"), ("North Korea", "PRK"), ("朝鲜", "PRK"),
    ("Swaziland", "SWZ"), ("Eswatini", "SWZ"), ("Ivory Coast", "CIV"), ("Czech Republic", "CZE"),
    ("Macedonia", "MKD"), ("Russian Federation", "RUS"), ("俄罗斯联邦", "RUS"),
    ("中华人民共和国", "CHN"), ("哈萨克斯坦共和国", "KAZ"), ("吉尔吉斯斯坦", "KGZ"), ("蒙古国", "MNG"),
    ("Taiwan", "TWN"), ("Hong Kong", "HKG"), ("Kosovo", "XKX"),
])
def test_common_country_variants(kb, name, iso3):
    found = kb.country(name)
    assert (found.iso3 if found else None) == iso3


@pytest.mark.parametrize("demonym,iso3", [
    ("Chinese", "CHN"), ("Kazakh", "KAZ"), ("Uzbek", "UZB"), ("Burmese", "MMR"), ("American", "USA"),
    ("South Korean", "KOR"), ("Sino", "CHN"), ("Russian", "RUS"), ("Kyrgyz", "KGZ"), ("Tajik", "TJK"),
])
def test_demonyms_give_their_country(kb, demonym, iso3):
    assert kb.country(demonym).iso3 == iso3


def test_lookup_returns_the_record_for_any_alias_in_either_language(kb):
    assert kb.lookup("哈萨克斯坦") == [kb.countries["KAZ"]]
    assert isinstance(kb.lookup("上合组织")[0], Forum)
    assert kb.lookup("Shanghai Cooperation Organisation")[0].key == "sco"
    assert kb.lookup("no such place anywhere") == []


def test_traditional_chinese_is_looked_up_through_simplified_keys(kb):
    assert kb.country("哈薩克斯坦").iso3 == "KAZ"
    assert kb.place("撒馬爾罕").country == "UZB"
    assert kb.forum("上海合作組織").key == "sco"


def test_former_names_of_places(kb):
    astana = kb.place("Nur-Sultan")
    assert (astana.name, astana.country) == ("Astana", "KAZ")
    assert kb.place("努尔苏丹").name == "Astana"


@pytest.mark.parametrize("name,iso3", [
    ("Samarkand", "UZB"), ("撒马尔罕", "UZB"), ("Bali", "IDN"), ("Davos", "CHE"), ("Munich", "DEU"),
    ("Vienna", "AUT"), ("Boao", "CHN"), ("博鳌", "CHN"), ("Ha Giang", "VNM"), ("Washington", "USA"),
    ("华盛顿", "USA"), ("Xinjiang", "CHN"), ("新疆", "CHN"), ("Astana", "KAZ"),
])
def test_places_map_to_their_country(kb, name, iso3):
    assert kb.place(name).country == iso3


def test_washington_is_the_us_capital_without_context(kb):
    p = kb.place("Washington")
    assert (p.country, p.kind) == ("USA", "capital")


def test_victoria_follows_the_countries_in_context(kb):
    assert kb.place("Victoria", context=("SYC",)).country == "SYC"
    assert kb.place("Victoria", context=("Canada",)).country == "CAN"
    assert kb.place("Victoria", context=("AUS",)).kind == "subdivision"


def test_georgia_is_the_country_for_country_lookups_and_the_state_among_us_places(kb):
    assert kb.country("Georgia").iso3 == "GEO"
    assert kb.place("Georgia", context=("USA",)).country == "USA"


def test_subdivisions_are_found_by_short_and_full_names(kb):
    assert kb.place("Gansu").kind == "subdivision"
    assert kb.place("Gansu Sheng").country == "CHN"
    assert kb.place("Almaty oblysy").country == "KAZ"


def test_chinese_city_names_come_from_geonames_in_simplified_form(kb):
    assert kb.place("慕尼黑").name == "Munich"
    assert kb.place("阿拉木图").country == "KAZ"


@pytest.mark.parametrize("name,key", [
    ("Central Asia", "central_asia"), ("中亚", "central_asia"), ("Southeast Asia", "southeast_asia"),
    ("东南亚", "southeast_asia"), ("the Middle East", "middle_east"), ("中东", "middle_east"),
    ("Europe", "europe"), ("欧洲", "europe"), ("Africa", "africa"), ("非洲", "africa"),
    ("Latin America", "latin_america"), ("拉美", "latin_america"),
    ("中东欧", "central_eastern_europe"), ("西方国家", "west"), ("Indo-Pacific", "indo_pacific"),
])
def test_regions_in_english_and_chinese(kb, name, key):
    region = kb.region(name)
    assert isinstance(region, Region) and region.key == key


def test_region_members(kb):
    assert set(kb.region("Central Asia").members) == {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
    assert "VNM" in kb.region("东南亚").members


@pytest.mark.parametrize("name,key", [
    ("SCO", "sco"), ("上合组织", "sco"), ("G20", "g20"), ("二十国集团", "g20"), ("G7", "g7"), ("APEC", "apec"),
    ("BRICS", "brics"), ("金砖国家", "brics"), ("ASEAN", "asean"), ("东盟", "asean"), ("East Asia Summit", "eas"),
    ("CICA", "cica"), ("亚信", "cica"), ("UN General Assembly", "unga"), ("NATO", "nato"), ("北约", "nato"),
    ("EU", "eu"), ("欧盟", "eu"), ("Eastern Economic Forum", "eef"), ("Munich Security Conference", "msc"),
    ("Boao Forum for Asia", "boao"), ("博鳌亚洲论坛", "boao"), ("Davos Forum", "wef"), ("WEF", "wef"),
    ("Belt and Road Forum", "brf"), ("China-Central Asia Summit", "china_central_asia"),
    ("中国—中亚峰会", "china_central_asia"), ("FOCAC", "focac"), ("中非合作论坛", "focac"),
    ("CELAC", "celac"), ("Arab League", "arab_league"), ("African Union", "african_union"),
    ("COP", "cop"), ("联合国气候变化大会", "cop"), ("亚投行", "aiib"), ("SAARC", "saarc"), ("OPEC+", "opec"),
    ("Summer Davos", "wef_amnc"), ("夏季达沃斯论坛", "wef_amnc"),
])
def test_forums_by_name_acronym_and_chinese_name(kb, name, key):
    assert kb.forum(name).key == key


def test_edition_on_a_date_and_nearest_edition(kb):
    samarkand = kb.edition("sco", date(2022, 9, 16))
    assert (samarkand.city, samarkand.country, samarkand.number) == ("Samarkand", "UZB", 22)
    assert kb.edition("SCO", "2022-09-10").city == "Samarkand"   # the nearest one
    assert kb.edition("G20", "2016-09-04").city == "Hangzhou"
    assert kb.edition("中国—中亚峰会", "2023-05-19").city == "Xi'an"


@pytest.mark.parametrize("title,key,level", [
    ("President", "head_of_state", "head_of_state"), ("国家主席", "head_of_state", "head_of_state"),
    ("Premier", "head_of_government", "head_of_government"), ("prime minister", "head_of_government",
                                                               "head_of_government"),
    ("国务院总理", "head_of_government", "head_of_government"), ("Vice President", "vice_president", "minister"),
    ("State Councilor", "state_councilor", "minister"), ("国务委员", "state_councilor", "minister"),
    ("Foreign Minister", "foreign_minister", "foreign_minister"), ("外长", "foreign_minister", "foreign_minister"),
    ("Secretary of State", "foreign_minister", "foreign_minister"),
    ("National Security Adviser", "national_security_adviser", "minister"),
    ("Speaker", "legislature_speaker", "legislator"), ("全国人大常委会委员长", "legislature_speaker", "legislator"),
    ("party chief", "party_secretary", "subnational"), ("省委书记", "party_secretary", "subnational"),
    ("Governor", "governor", "subnational"), ("deputy governor", "deputy_governor", "subnational"),
    ("Ambassador", "ambassador", "diplomat"), ("大使", "ambassador", "diplomat"),
    ("Kazakh Foreign Minister", "foreign_minister", "foreign_minister"),
])
def test_office_titles_in_english_and_chinese(kb, title, key, level):
    office = kb.office(title)
    assert (office.key, office.level) == (key, level)


def test_resolve_office_by_title_key_and_chinese_title(kb):
    assert kb.resolve_office("CHN", "president", date(2022, 9, 14)).name == "Xi Jinping"
    assert kb.resolve_office("China", "head_of_state", "2022-09-14").name == "Xi Jinping"
    assert kb.resolve_office("中国", "国家主席", "2012-06-01").name == "Hu Jintao"
    assert kb.resolve_office("CHN", "head_of_state", "1995-01-01").name == "Jiang Zemin"


def test_resolve_office_by_level(kb):
    assert kb.resolve_office("CHN", "head_of_government", "2022-09-14").name == "Li Keqiang"
    assert kb.resolve_office("USA", "foreign_minister", "2023-06-18").name == "Antony Blinken"


def test_holders_lists_everyone_holding_an_office_key(kb):
    councilors = kb.holders("CHN", "state_councilor", "2022-09-14")
    assert len(councilors) >= 2
    assert all(isinstance(p, Person) for p in councilors)
    assert kb.resolve_office("CHN", "state_councilor", "2022-09-14") == councilors[0]


def test_term_on_gives_the_highest_office(kb):
    xi = kb.person("习近平")
    term = kb.term_on(xi, "2022-09-14")
    assert (term.office, term.level) == ("head_of_state", "head_of_state")
    assert kb.term_on(xi, "2010-01-01").office == "vice_president"


def test_person_by_name_alias_and_chinese_name(kb):
    xi = kb.person("Xi Jinping")
    assert kb.person("习近平") is xi and xi.country == "CHN"
    assert kb.person("no such person") is None


def test_unknown_office_and_country_are_clear_errors(kb):
    with pytest.raises(KeyError, match="office"):
        kb.resolve_office("CHN", "grand vizier of nowhere", "2022-01-01")
    with pytest.raises(KeyError, match="country"):
        kb.resolve_office("Atlantis", "president", "2022-01-01")


def test_records_are_the_contract_types(kb):
    assert isinstance(kb.country("KAZ"), Country)
    assert isinstance(kb.place("Astana"), Place)
