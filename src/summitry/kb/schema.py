"""Schemas of the knowledge-base data files and the readers that enforce them.

Every reader reports a bad row as a :class:`DataProblem` naming the file and the line, skips that
row and goes on with the rest. Tests assert that the shipped data has no problem at all.
"""
from __future__ import annotations

import calendar
import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

# Column lists of the CSV files. "required" columns must be non-empty on every row; "optional"
# columns may be left out of a file's header (a user's --kb-extra file written before they existed)
# and then read as empty.
CSV_SCHEMAS: dict[str, dict[str, tuple[str, ...]]] = {
    "countries": {
        "columns": ("iso3", "iso2", "un_member", "name", "name_zh", "official_zh", "capital",
                    "capital_zh", "aliases", "demonyms", "abbrev_zh"),
        "required": ("iso3",),
    },
    "leaders": {
        "columns": ("country", "office", "note"),
        "required": ("country", "office"),
    },
    "home_territories": {
        "columns": ("country", "territory", "note"),
        "required": ("country", "territory"),
    },
    "office_holders": {
        "columns": ("name", "name_zh", "short", "aliases", "country", "office", "title", "start",
                    "end", "region", "to_country", "source", "verified"),
        # `country` is required too, except on the rows of an international organisation's office
        # (build.py checks it: such a row leaves it empty)
        "required": ("name", "office", "start"),
        "optional": ("source", "verified"),
    },
    "places": {
        "columns": ("name", "country", "kind", "population", "names_zh", "aliases", "latitude", "longitude"),
        "required": ("name", "country", "kind"),
        "optional": ("latitude", "longitude"),
    },
    "zh_compounds": {
        "columns": ("parts", "countries"),
        "required": ("parts", "countries"),
    },
}

PLACE_KINDS = ("capital", "city", "town", "subdivision", "island", "landmark", "district", "region")
FORUM_KINDS = ("organisation", "summit", "forum", "conference")

# What the `verified` column of an office-holder row may say (besides a YYYY-MM-DD day on which
# the row was checked against its source).
VERIFIED_REFERENCE = "reference"    # compiled from the cited reference work, not re-read row by row
VERIFIED_NOT = "unverified"         # no source has confirmed it yet: use with care

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ISO3_RE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class DataProblem:
    """A row or entry that could not be used; ``str()`` gives ``file:line: message``."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class DataError(ValueError):
    """Raised for a single bad value; the reader turns it into a DataProblem with file and line."""


def split_list(value: str | None) -> tuple[str, ...]:
    """Split a pipe-separated cell into its non-empty, stripped parts, keeping order, no repeats."""
    if not value:
        return ()
    out: list[str] = []
    for part in value.split("|"):
        part = part.strip()
        if part and part not in out:
            out.append(part)
    return tuple(out)


def parse_date(value: str, *, end: bool = False) -> date:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; a partial date is the first day of its period, or the
    last day when ``end`` is true (a term ending "2013" lasts to 2013-12-31)."""
    m = _DATE_RE.match(value.strip())
    if not m:
        raise DataError(f"bad date {value!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day is not None:
            return date(year, int(month), int(day))
        if month is not None:
            mo = int(month)
            return date(year, mo, calendar.monthrange(year, mo)[1] if end else 1)
        return date(year, 12, 31) if end else date(year, 1, 1)
    except ValueError as exc:
        raise DataError(f"bad date {value!r}: {exc}") from None


def check_iso3(value: str, known: set[str] | None, what: str = "country") -> str:
    value = value.strip()
    if not _ISO3_RE.match(value):
        raise DataError(f"{what} {value!r} is not an ISO 3166 alpha-3 code")
    if known is not None and value not in known:
        raise DataError(f"{what} {value!r} is not a known country code")
    return value


def read_csv(path: Path, schema: str, problems: list[DataProblem]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each row of a CSV file that has the schema's columns.

    A file whose header lacks a column is reported once and skipped; a row with a wrong number of
    cells or an empty required cell is reported and skipped.
    """
    spec = CSV_SCHEMAS[schema]
    name = str(path)
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        problems.append(DataProblem(name, 0, f"cannot read: {exc}"))
        return
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            problems.append(DataProblem(name, 1, "empty file (a header line is required)"))
            return
        header = [h.strip().lstrip("\ufeff") for h in header]
        optional = spec.get("optional", ())
        missing = [c for c in spec["columns"] if c not in header and c not in optional]
        if missing:
            problems.append(DataProblem(name, 1, f"missing column(s) {', '.join(missing)}; "
                                                 f"expected {','.join(spec['columns'])}"))
            return
        unknown = [c for c in header if c not in spec["columns"]]
        if unknown:
            problems.append(DataProblem(name, 1, f"unknown column(s) {', '.join(unknown)}"))
            return
        for cells in reader:
            line = reader.line_num
            if not cells or all(not c.strip() for c in cells):
                continue
            if cells[0].lstrip().startswith("#"):
                continue
            if len(cells) != len(header):
                problems.append(DataProblem(name, line, f"{len(cells)} cells, expected {len(header)}"))
                continue
            row = {h: c.strip() for h, c in zip(header, cells)}
            for column in optional:
                row.setdefault(column, "")
            empty = [c for c in spec["required"] if not row[c]]
            if empty:
                problems.append(DataProblem(name, line, f"empty required cell(s): {', '.join(empty)}"))
                continue
            yield line, row


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that records the line of every mapping as the key ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path, top_key: str | None, expected_schema: str,
              problems: list[DataProblem]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Read a YAML data file: returns (whole document, entries under ``top_key``)."""
    name = str(path)
    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except (OSError, yaml.YAMLError) as exc:
        problems.append(DataProblem(name, getattr(getattr(exc, "problem_mark", None), "line", -1) + 1,
                                    f"cannot read YAML: {exc}"))
        return {}, []
    if not isinstance(doc, dict):
        problems.append(DataProblem(name, 1, "expected a mapping at the top level"))
        return {}, []
    if doc.get("schema") != expected_schema:
        problems.append(DataProblem(name, 1, f"schema must be {expected_schema!r}, got {doc.get('schema')!r}"))
        return {}, []
    if top_key is None:
        return doc, []
    entries = doc.get(top_key, [])
    if entries is None:
        entries = []
    if not isinstance(entries, list):
        problems.append(DataProblem(name, 1, f"{top_key!r} must be a list"))
        return doc, []
    good = []
    for entry in entries:
        if not isinstance(entry, dict):
            problems.append(DataProblem(name, 1, f"an entry of {top_key!r} is not a mapping: {entry!r}"))
            continue
        good.append(entry)
    return doc, good


def str_list(entry: dict[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise DataError(f"{key!r} must be a list of strings")
    out: list[str] = []
    for v in value:
        s = str(v).strip()
        if s and s not in out:
            out.append(s)
    return tuple(out)


def req_str(entry: dict[str, Any], key: str) -> str:
    value = entry.get(key)
    if value is None or str(value).strip() == "":
        raise DataError(f"missing {key!r}")
    return str(value).strip()


def verification(value: str) -> str:
    """The kind of a `verified` cell: ``verified`` (a day it was checked), ``reference``,
    ``unverified`` (also for an empty cell: nobody said it was checked)."""
    value = value.strip()
    if not value or value == VERIFIED_NOT:
        return VERIFIED_NOT
    if value == VERIFIED_REFERENCE:
        return VERIFIED_REFERENCE
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        parse_date(value)
        return "verified"
    raise DataError(f"verified {value!r} is not a YYYY-MM-DD day, {VERIFIED_REFERENCE!r} or {VERIFIED_NOT!r}")
