"""Office-holder data for East Asia, Southeast Asia, Europe, the Americas, Africa and the
Middle East: the files are full and agree with known facts (the column contract every file follows
is tested in test_kb_office_holder_files.py)."""

from __future__ import annotations

from collections import defaultdict

import pytest
from office_holder_support import load_rows, resolves_to

FILES = (
    "east_asia.csv",
    "southeast_asia.csv",
    "europe.csv",
    "americas_africa_mideast.csv",
)


@pytest.fixture(scope="module", params=FILES)
def data_file(request) -> tuple[str, list[tuple[int, dict[str, str]]]]:
    return request.param, load_rows(request.param)


def test_file_has_rows(data_file):
    name, rows = data_file
    assert len(rows) >= 50, f"{name}: only {len(rows)} rows"


def test_short_forms_name_one_person():
    """A short form ('Widodo', '佐科') must point at a single person across these files."""
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for name in FILES:
        for _, row in load_rows(name):
            for form in filter(None, row["short"].split("|")):
                owners[form].add((row["name"], row["country"]))
    shared = {form: people for form, people in owners.items() if len(people) > 1}
    assert not shared, f"short forms shared by several people: {shared}"


# Known office holders on days away from any hand-over.
RESOLVE_CASES = [
    ("JPN", "head_of_state", "2018-01-01", "Akihito"),
    ("JPN", "head_of_state", "2020-01-01", "Naruhito"),
    ("JPN", "head_of_government", "2005-06-01", "Junichiro Koizumi"),
    ("JPN", "head_of_government", "2023-05-19", "Fumio Kishida"),
    ("JPN", "head_of_government", "2025-03-01", "Shigeru Ishiba"),
    ("JPN", "head_of_government", "2025-11-15", "Sanae Takaichi"),
    ("JPN", "foreign_minister", "2015-06-01", "Fumio Kishida"),
    ("KOR", "head_of_state", "2006-01-01", "Roh Moo-hyun"),
    ("KOR", "head_of_state", "2023-04-26", "Yoon Suk Yeol"),
    ("KOR", "head_of_state", "2025-08-25", "Lee Jae-myung"),
    ("KOR", "foreign_minister", "2019-08-01", "Kang Kyung-wha"),
    ("PRK", "head_of_state", "2018-06-12", "Kim Jong Un"),
    ("PRK", "head_of_state", "2009-08-04", "Kim Jong Il"),
    ("PRK", "foreign_minister", "2017-09-23", "Ri Yong Ho"),
    ("TWN", "head_of_state", "2010-01-01", "Ma Ying-jeou"),
    ("AUS", "head_of_government", "2014-11-17", "Tony Abbott"),
    ("NZL", "head_of_government", "2019-03-20", "Jacinda Ardern"),
    ("IDN", "head_of_state", "2022-11-15", "Joko Widodo"),
    ("IDN", "head_of_government", "2025-01-01", "Prabowo Subianto"),
    ("IDN", "foreign_minister", "2024-11-09", "Sugiono"),
    ("VNM", "party_general_secretary", "2015-11-05", "Nguyen Phu Trong"),
    ("VNM", "party_general_secretary", "2025-04-01", "To Lam"),
    ("VNM", "head_of_state", "2024-06-20", "To Lam"),
    ("KHM", "head_of_government", "2020-01-01", "Hun Sen"),
    ("KHM", "head_of_government", "2024-01-01", "Hun Manet"),
    ("MMR", "head_of_government", "2022-01-01", "Min Aung Hlaing"),
    ("SGP", "head_of_government", "2024-06-01", "Lawrence Wong"),
    ("THA", "head_of_government", "2019-11-04", "Prayut Chan-o-cha"),
    ("PHL", "head_of_state", "2017-11-13", "Rodrigo Duterte"),
    ("MYS", "head_of_government", "2023-03-31", "Anwar Ibrahim"),
    ("GBR", "head_of_state", "2023-06-01", "Charles III"),
    ("GBR", "head_of_government", "2022-10-01", "Liz Truss"),
    ("GBR", "foreign_minister", "2024-03-01", "David Cameron"),
    ("FRA", "head_of_state", "2015-01-01", "François Hollande"),
    ("DEU", "head_of_government", "2010-01-01", "Angela Merkel"),
    ("DEU", "head_of_government", "2025-06-01", "Friedrich Merz"),
    ("ITA", "head_of_government", "2023-01-01", "Giorgia Meloni"),
    ("HUN", "foreign_minister", "2019-04-25", "Péter Szijjártó"),
    ("SRB", "head_of_state", "2024-05-08", "Aleksandar Vučić"),
    ("SAU", "head_of_state", "2010-01-01", "Abdullah bin Abdulaziz"),
    ("SAU", "head_of_government", "2023-01-01", "Mohammed bin Salman"),
    ("BRA", "head_of_state", "2021-01-01", "Jair Bolsonaro"),
    ("ZAF", "head_of_state", "2013-03-27", "Jacob Zuma"),
    ("EGY", "foreign_minister", "2020-01-01", "Sameh Shoukry"),
    ("CAN", "head_of_government", "2024-01-01", "Justin Trudeau"),
    ("ISR", "head_of_government", "2021-10-01", "Naftali Bennett"),
    ("MEX", "head_of_state", "2025-01-01", "Claudia Sheinbaum"),
    ("QAT", "head_of_state", "2020-01-01", "Tamim bin Hamad Al Thani"),
    # changes of 2026
    ("VEN", "head_of_state", "2026-03-01", "Delcy Rodríguez"),
    ("CHL", "head_of_state", "2026-04-01", "José Antonio Kast"),
    ("VNM", "head_of_state", "2026-06-01", "To Lam"),
    ("VNM", "head_of_government", "2026-06-01", "Le Minh Hung"),
    ("HUN", "head_of_government", "2026-06-01", "Péter Magyar"),
    # display titles in English and Chinese resolve like office keys
    ("DEU", "chancellor", "2024-01-01", "Olaf Scholz"),
    ("JPN", "prime minister", "2023-05-01", "Fumio Kishida"),
    ("GBR", "外交大臣", "2024-08-01", "David Lammy"),
]


@pytest.mark.parametrize("country,office,day,expected", RESOLVE_CASES)
def test_resolve_office_known_holders(country, office, day, expected):
    resolves_to(country, office, day, expected)


# The Chinese matcher works on raw characters, so a Chinese short form must not be a piece of
# everyday words or of other names. Each phrase below holds such a trap and names nobody.
ZH_PHRASES_WITHOUT_PEOPLE = [
    "双方同意提高市场开放水平",      # 高市 (Takaichi)
    "他信任合作伙伴，他信心十足",    # 他信 (Thaksin)
    "代表团抵达黎巴嫩首都贝鲁特",    # 贝鲁 (Bayrou)
    "土耳其首都安卡拉和巴基斯坦卡拉奇",  # 卡拉 (Kalla)
    "阿拉维派社区",                  # 阿拉维 (Allawi)
    "黑格尔哲学",                    # 黑格 (Hague)
    "前欧盟委员会主席巴罗佐",        # 巴罗 (Barrot)
    "科特迪瓦经济首都阿比让",        # 阿比 (Abiy)
    "深圳市福田区",                  # 福田 (Fukuda)
    "美国亚利桑那州菲尼克斯",        # 菲尼 (Fini)
    "唐纳德表示",                    # 唐纳 (Downer)
]
MY_COUNTRIES = {
    "JPN", "KOR", "PRK", "TWN", "AUS", "NZL", "IDN", "VNM", "LAO", "KHM", "MMR", "THA", "MYS",
    "SGP", "PHL", "BRN", "TLS", "GBR", "FRA", "DEU", "ITA", "ESP", "POL", "HUN", "SRB", "CAN",
    "MEX", "BRA", "ARG", "CHL", "CUB", "VEN", "ZAF", "EGY", "NGA", "ETH", "KEN", "SAU", "ARE",
    "QAT", "KWT", "BHR", "ISR", "SYR", "IRQ",
}


@pytest.mark.parametrize("phrase", ZH_PHRASES_WITHOUT_PEOPLE)
def test_zh_short_forms_do_not_fire_inside_common_words(phrase):
    kb_module = pytest.importorskip("summitry.kb")
    hits = [
        (m.surface, m.record.name)
        for m in kb_module.get_kb().matcher("zh").find(phrase)
        if m.kind in ("person", "person_short") and m.record.country in MY_COUNTRIES
    ]
    assert not hits, f"{phrase!r} matched {hits}"


def test_every_file_country_is_covered():
    """Each country this data is responsible for has a head of state or of government and a
    foreign minister somewhere in 2000-2026 (Taiwan's foreign ministers are left out)."""
    offices: dict[str, set[str]] = defaultdict(set)
    for name in FILES:
        for _, row in load_rows(name):
            offices[row["country"]].add(row["office"])
    for country in sorted(MY_COUNTRIES):
        held = offices.get(country, set())
        assert held & {"head_of_state", "head_of_government"}, f"{country}: no leader rows"
        if country not in ("TWN", "TLS"):
            assert "foreign_minister" in held, f"{country}: no foreign minister rows"
