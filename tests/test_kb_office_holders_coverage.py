"""Coverage of the office-holder data as a whole: every UN member state (and Palestine) has its
leader on record for the years the news covers, the G20 and China's neighbours have their foreign
ministers, and no short form of any file hides inside a country or capital name."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date, timedelta

import pytest
from office_holder_support import CJK_RE, DATA_AS_OF, DATA_DIR, date_bounds, load_rows

FILES = sorted(path.name for path in DATA_DIR.glob("*.csv"))
FROM = date(2013, 1, 1)
LEADER_OFFICES = {"head_of_state", "head_of_government"}
# Days without a leader on record that are real or not yet known, with the reason; any other
# country may miss a few weeks (an interregnum, a transition the data dates to the month).
KNOWN_LEADER_GAPS = {
    "HTI": (2400, "no president since Jovenel Moïse's death in 2021; the transitional councils are not modelled"),
    "LBY": (1200, "rival governments before the Presidential Council of 2016 are not modelled"),
    "SMR": (6000, "the two Captains Regent, changed every six months, are not modelled"),
    "MDG": (600, "the government after the military takeover of October 2025 is not confirmed"),
    "WSM": (500, "the prime minister since September 2025 is not confirmed"),
    "VCT": (400, "the prime minister since November 2025 is not confirmed"),
}
ALLOWED_GAP_DAYS = 40
G20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "DEU", "FRA", "GBR", "IDN", "IND", "ITA", "JPN", "KOR",
       "MEX", "RUS", "SAU", "TUR", "USA", "ZAF"}
CHINA_NEIGHBOURS = {"AFG", "BTN", "BRN", "IDN", "IND", "JPN", "KAZ", "KGZ", "KOR", "LAO", "MMR", "MNG",
                    "MYS", "NPL", "PAK", "PHL", "PRK", "RUS", "TJK", "VNM"}
# Foreign ministers of these countries not yet on record for some stretches (days, reason).
KNOWN_FOREIGN_MINISTER_GAPS = {
    "NPL": (1200, "several short-lived ministers between 2013 and 2026 are missing"),
    "BTN": (300, "the interim government of 2018 and the minister before Rinzin Dorje"),
    "PAK": (200, "months in which the prime minister kept the portfolio"),
    "MYS": (100, "the caretaker months of 2020 and 2022"),
}


def days_without_holder(terms: list[tuple[date, date]]) -> int:
    """Days from FROM to DATA_AS_OF that no term covers."""
    missing, day = 0, FROM
    for start, end in sorted(terms):
        if start > day:
            missing += (min(start, DATA_AS_OF + timedelta(days=1)) - day).days
        day = max(day, end + timedelta(days=1))
        if day > DATA_AS_OF:
            return missing
    return missing + (DATA_AS_OF - day).days + 1


@pytest.fixture(scope="module")
def terms() -> dict[tuple[str, str], list[tuple[date, date]]]:
    out: dict[tuple[str, str], list[tuple[date, date]]] = defaultdict(list)
    for name in FILES:
        for _, row in load_rows(name):
            start = date_bounds(row["start"])[0]
            end = date_bounds(row["end"])[1] if row["end"] else date.max - timedelta(days=1)
            for office in row["office"].split("+"):
                out[(row["country"], office)].append((start, end))
    return out


def un_members() -> list[str]:
    with (DATA_DIR.parent / "countries.csv").open(newline="", encoding="utf-8") as f:
        listed = {row["iso3"] for row in csv.DictReader(f) if row["un_member"] == "yes"}
    return sorted(listed)


def test_the_country_list_has_the_193_un_members():
    assert len(un_members()) == 193


def test_every_un_member_has_its_leader_on_record(terms):
    short = []
    for country in [*un_members(), "PSE"]:
        leader_terms = [t for office in LEADER_OFFICES for t in terms[(country, office)]]
        missing = days_without_holder(leader_terms)
        allowed = KNOWN_LEADER_GAPS.get(country, (ALLOWED_GAP_DAYS, ""))[0]
        if missing > allowed:
            short.append(f"{country}: {missing} days from {FROM} without a head of state or government")
    assert not short, "\n".join(short)


def test_the_g20_and_chinas_neighbours_have_their_foreign_ministers_on_record(terms):
    short = []
    for country in sorted(G20 | CHINA_NEIGHBOURS):
        missing = days_without_holder(terms[(country, "foreign_minister")])
        allowed = KNOWN_FOREIGN_MINISTER_GAPS.get(country, (ALLOWED_GAP_DAYS, ""))[0]
        if missing > allowed:
            short.append(f"{country}: {missing} days from {FROM} without a foreign minister")
    assert not short, "\n".join(short)


def test_the_gap_count_counts_days_no_term_covers():
    day = timedelta(days=1)
    assert days_without_holder([(FROM, DATA_AS_OF)]) == 0
    assert days_without_holder([(FROM + 10 * day, DATA_AS_OF)]) == 10
    assert days_without_holder([(FROM, FROM + 9 * day), (FROM + 20 * day, DATA_AS_OF)]) == 10


# A short form is matched anywhere in Chinese text; these few sit inside a place name that the
# longest match then wins (圣马丁, 瓦莱塔 are named in full), and are kept for the headline forms
# they are (爱尔兰总理马丁, 意大利总理莱塔).
ZH_SHORT_INSIDE_A_PLACE_NAME_KEPT = {"马丁", "莱塔"}


def test_no_chinese_short_form_hides_inside_a_country_or_capital_name():
    words: set[str] = set()
    with (DATA_DIR.parent / "countries.csv").open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for column in ("name_zh", "official_zh", "capital_zh"):
                words.update(v for v in (row.get(column) or "").split("|") if v)
    from summitry.kb import get_kb

    words |= {c.name_zh for c in get_kb().countries.values() if c.name_zh}
    clashes = []
    for name in FILES:
        for line_no, row in load_rows(name):
            for form in filter(None, row["short"].split("|")):
                if not CJK_RE.search(form) or form in ZH_SHORT_INSIDE_A_PLACE_NAME_KEPT:
                    continue
                inside = sorted(w for w in words if form in w and w != form)
                if inside:
                    clashes.append(f"{name}:{line_no}: {form} inside {inside[:3]}")
    assert not clashes, "\n".join(clashes)
