"""What the office-holder data tests share: where the files are, their columns, how to read them."""
from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

from summitry.kb.schema import CSV_SCHEMAS, DataError, parse_date

DATA_DIR = Path(__file__).resolve().parents[1] / "src" / "summitry" / "kb" / "data" / "office_holders"
COLUMNS = list(CSV_SCHEMAS["office_holders"]["columns"])
OFFICES_YAML = DATA_DIR.parent / "offices.yaml"
# Offices that exactly one person holds at a time in a country.
SINGLE_HOLDER_OFFICES = ("head_of_state", "head_of_government", "foreign_minister")
CJK_RE = re.compile(r"[\u4e00-\u9fff]")
# The data describes the world as of this day; an empty end means "still in office".
DATA_AS_OF = date(2026, 11, 24)


def office_keys() -> set[str]:
    """The office keys offices.yaml defines: the only ones an office-holder row may use."""
    import yaml

    return {entry["key"] for entry in yaml.safe_load(OFFICES_YAML.read_text("utf-8"))["offices"]}


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
