"""What the office-holder data tests share: where the files are, their columns, how to read them."""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from itertools import combinations
from pathlib import Path

from summitry.kb.schema import CSV_SCHEMAS, DataError, parse_date

DATA_DIR = Path(__file__).resolve().parents[1] / "src" / "summitry" / "kb" / "data" / "office_holders"
COLUMNS = list(CSV_SCHEMAS["office_holders"]["columns"])
OFFICES_YAML = DATA_DIR.parent / "offices.yaml"
# Offices that exactly one person holds at a time in a country.
SINGLE_HOLDER_OFFICES = ("head_of_state", "head_of_government", "foreign_minister")
# Iran has two heads of state in the news: the Supreme Leader and the elected President, who
# represents the country at summits. Both are kept as head_of_state; the title tells them apart.
DUAL_HEADS_OF_STATE = {"IRN": {"Supreme Leader"}}
CJK_RE = re.compile(r"[\u4e00-\u9fff]")
# The data describes the world as of this day; an empty end means "still in office".
DATA_AS_OF = date(2026, 11, 24)


def office_keys() -> set[str]:
    """The office keys offices.yaml defines: the only ones an office-holder row may use."""
    import yaml

    return {entry["key"] for entry in yaml.safe_load(OFFICES_YAML.read_text("utf-8"))["offices"]}


def organisation_offices() -> set[str]:
    """The keys of international organisations' offices (their rows leave `country` empty); each
    has one holder at a time."""
    import yaml

    return {entry["key"] for entry in yaml.safe_load(OFFICES_YAML.read_text("utf-8"))["offices"]
            if entry.get("organisation")}


def date_bounds(text: str) -> tuple[date, date]:
    """First and last day a YYYY, YYYY-MM or YYYY-MM-DD value may stand for (the KB's own reading)."""
    try:
        return parse_date(text), parse_date(text, end=True)
    except DataError as exc:
        raise ValueError(str(exc)) from None


def load_rows(name: str) -> list[tuple[int, dict[str, str]]]:
    """The rows of one office-holder file with their line numbers; the header must be the contract's."""
    with (DATA_DIR / name).open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        assert header == COLUMNS, f"{name}: header {header}"
        rows = []
        for line_no, values in enumerate(reader, start=2):
            assert len(values) == len(COLUMNS), f"{name}:{line_no}: {len(values)} fields"
            rows.append((line_no, dict(zip(COLUMNS, values, strict=True))))
    return rows


def terms_overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two terms (start, end; end empty while in office) certainly overlap: each starts, at
    the latest its date allows, before the other ends at the earliest. A same-day hand-over passes."""
    a_start, b_start = date_bounds(a[0])[1], date_bounds(b[0])[1]
    a_end = date_bounds(a[1])[0] if a[1] else date.max
    b_end = date_bounds(b[1])[0] if b[1] else date.max
    return a_start < b_end and b_start < a_end


def single_holder_clashes(files: Iterable[str]) -> list[str]:
    """Two people holding one of SINGLE_HOLDER_OFFICES of a country (or an international
    organisation's office) at once, as ``file:line`` pairs."""
    single = {*SINGLE_HOLDER_OFFICES, *organisation_offices()}
    terms: dict[tuple[str, str], list[tuple[str, int, dict[str, str]]]] = defaultdict(list)
    for name in files:
        for line_no, row in load_rows(name):
            for office in row["office"].split("+"):
                if office in single:
                    terms[(row["country"], office)].append((name, line_no, row))
    clashes = []
    for (country, office), group in terms.items():
        for (fa, la, a), (fb, lb, b) in combinations(group, 2):
            if a["name"] == b["name"]:
                continue
            if office == "head_of_state" and {a["title"], b["title"]} & DUAL_HEADS_OF_STATE.get(country, set()):
                continue
            if terms_overlap((a["start"], a["end"]), (b["start"], b["end"])):
                clashes.append(f"{country} {office}: {fa}:{la} {a['name']} / {fb}:{lb} {b['name']}")
    return clashes


def resolves_to(country: str, office: str, day: str, expected: str) -> None:
    """The knowledge base names ``expected`` as the holder of ``office`` in ``country`` on ``day``."""
    from summitry.kb import get_kb

    person = get_kb().resolve_office(country, office, date.fromisoformat(day))
    assert person is not None, f"nobody holds {office} of {country} on {day}"
    assert person.name == expected

