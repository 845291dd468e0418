"""The column contract every office-holder file follows (kb/data/office_holders/*.csv).

Every file in the folder is checked, so a new file is held to the contract without being listed.
What is particular to a group of files (which countries it covers, how many rows it has, known
holders on given days) is tested beside that group's other facts."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

import pycountry
import pytest
from office_holder_support import (
    CJK_RE,
    DATA_AS_OF,
    DATA_DIR,
    date_bounds,
    load_rows,
    office_keys,
    organisation_offices,
    single_holder_clashes,
    terms_overlap,
)

OFFICE_KEYS = office_keys()
ORGANISATION_OFFICES = organisation_offices()
# A source is a page a reader can open, or a dated news report ("CCTV 新闻联播 2026-01-05").
SOURCE_RE = re.compile(r"^(https?://\S+|\S.* \d{4}-\d{2}-\d{2})$")
# Facts after this day are past what the compiled reference works covered when the data was
# written: such a row is either checked against its source (a day) or marked unverified.
REFERENCE_UNTIL = date(2025, 6, 30)
FILES = sorted(path.name for path in DATA_DIR.glob("*.csv"))
SUBNATIONAL = {"party_secretary", "governor", "deputy_governor"}


@pytest.fixture(scope="module", params=FILES)
def data_file(request) -> tuple[str, list[tuple[int, dict[str, str]]]]:
    return request.param, load_rows(request.param)


def test_fields_and_office_keys(data_file):
    name, rows = data_file
    assert rows, f"{name}: no rows"
    for line_no, row in rows:
        where = f"{name}:{line_no}"
        for column in ("name", "office", "title", "start"):
            assert row[column], f"{where}: empty {column}"
        # the holder of an international organisation's office acts for no state
        if row["office"] in ORGANISATION_OFFICES:
            assert not row["country"], f"{where}: a country on an organisation's office"
        else:
            assert row["country"], f"{where}: empty country"
        for column, value in row.items():
            assert value == value.strip(), f"{where}: whitespace around {column}"
        # one office key, or two joined by "+" when one post holds both
        for office in row["office"].split("+"):
            assert office in OFFICE_KEYS, f"{where}: unknown office {office!r}"
        if row["name_zh"]:
            assert CJK_RE.search(row["name_zh"]), f"{where}: name_zh without Chinese"
        for column in ("short", "aliases"):
            parts = row[column].split("|") if row[column] else []
            assert all(p and p == p.strip() for p in parts), f"{where}: empty item in {column}"
            assert row["name"] not in parts, f"{where}: {column} repeats the name"
            assert len(parts) == len(set(parts)), f"{where}: {column} repeats an item"


def test_countries_are_iso3(data_file):
    name, rows = data_file
    for line_no, row in rows:
        if row["office"] in ORGANISATION_OFFICES:
            continue
        assert pycountry.countries.get(alpha_3=row["country"]), f"{name}:{line_no}: {row['country']}"
        if row["to_country"]:
            assert pycountry.countries.get(alpha_3=row["to_country"]), (
                f"{name}:{line_no}: to_country {row['to_country']}")
        if row["office"] == "ambassador":
            assert row["to_country"], f"{name}:{line_no}: ambassador without host country"
        else:
            assert not row["to_country"], f"{name}:{line_no}: to_country on a non-ambassador"


def test_regions_only_on_subnational_offices(data_file):
    name, rows = data_file
    for line_no, row in rows:
        if row["office"] in SUBNATIONAL:
            assert row["region"], f"{name}:{line_no}: subnational office without region"
        else:
            assert not row["region"], f"{name}:{line_no}: region on a national office"


def test_dates_parse_and_are_ordered(data_file):
    name, rows = data_file
    for line_no, row in rows:
        where = f"{name}:{line_no}"
        start_lo, _ = date_bounds(row["start"])
        assert start_lo <= DATA_AS_OF, f"{where}: starts after {DATA_AS_OF}"
        if row["end"]:
            end_lo, end_hi = date_bounds(row["end"])
            assert start_lo <= end_hi, f"{where}: ends before it starts"
            assert end_lo <= DATA_AS_OF, f"{where}: ends in the future"


def test_one_person_one_chinese_name_and_no_repeated_rows(data_file):
    name, rows = data_file
    forms: dict[tuple[str, str], set[str]] = defaultdict(set)
    seen: dict[tuple, int] = {}
    for line_no, row in rows:
        forms[(row["name"], row["country"])].add(row["name_zh"])
        key = (row["name"], row["country"], row["office"], row["start"], row["region"])
        assert key not in seen, f"{name}:{line_no} repeats line {seen[key]}"
        seen[key] = line_no
    mixed = {person: f for person, f in forms.items() if len(f) > 1}
    assert not mixed, f"{name}: several Chinese names for one person: {mixed}"


def test_one_holder_at_a_time():
    """Heads of state and government, foreign ministers and the holders of an organisation's office
    do not overlap, across all the files (a same-day hand-over is allowed; Iran's Supreme Leader and
    President are both heads of state)."""
    clashes = single_holder_clashes(FILES)
    assert not clashes, "\n".join(clashes)


def test_overlap_check_catches_a_clash():
    """The overlap rule flags a real overlap and lets a same-day hand-over pass."""
    assert terms_overlap(("2013-03-14", ""), ("2003-03-15", "2013-06-01"))
    assert not terms_overlap(("2013-03-14", ""), ("2003-03-15", "2013-03-14"))
    assert not terms_overlap(("2022-07", ""), ("2012-01", "2022-07"))


def test_every_row_says_where_it_comes_from(data_file):
    name, rows = data_file
    for line_no, row in rows:
        where = f"{name}:{line_no}"
        assert row["source"], f"{where}: no source"
        for part in row["source"].split("|"):
            assert SOURCE_RE.match(part), f"{where}: source {part!r} is neither a URL nor a dated report"


def test_every_row_says_whether_it_was_checked(data_file):
    """`verified` is the day the row was checked against its source, `reference` (compiled from
    the cited reference work) or `unverified`; a term that starts or ends after the reference works'
    time, or that is still open (a claim about today), is never `reference`: it was either checked
    or is marked unverified."""
    name, rows = data_file
    for line_no, row in rows:
        where = f"{name}:{line_no}"
        value = row["verified"]
        assert value in ("reference", "unverified") or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), (
            f"{where}: verified {value!r}")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            assert date.fromisoformat(value) <= date.today(), f"{where}: checked in the future"
        if value == "reference":
            latest = max(date_bounds(row["start"])[0], date_bounds(row["end"])[0] if row["end"] else date.max)
            assert latest <= REFERENCE_UNTIL, f"{where}: a change of {latest} cannot come from the reference"
