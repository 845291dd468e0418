"""A document from what a file holds: fields checked one by one, text cleaned, language told.

Cleaning happens here, at the reader, so that both stores receive the same text: a NUL character
(which PostgreSQL refuses in text, while DuckDB takes it) and a lone surrogate (half of a UTF-16
pair, which JSON's "\\ud800" can produce and which no encoder accepts) each become U+FFFD, one
character for one, so that offsets into the text keep their meaning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from summitry.records import Document

_PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
REPLACEMENT = "\ufffd"

# Years a publication date may have unless the reader is told otherwise (--published-years).
PUBLISHED_YEARS = (1900, 2100)


@dataclass(frozen=True)
class ReadOptions:
    """What the readers accept."""

    #: the first and last year a ``published`` date may have
    published_years: tuple[int, int] = PUBLISHED_YEARS
    #: the column of a Parquet file that holds the text
    text_column: str = "text"


def detect_language(text: str) -> str | None:
    """``zh`` or ``en`` by script: Han characters against Latin letters (None when neither)."""
    sample = text[:5000]
    han = len(_CJK.findall(sample))
    latin = len(_LATIN.findall(sample))
    if han == 0 and latin == 0:
        return None
    # One Han character carries about as much as a short English word (~4 letters).
    return "zh" if han * 4 >= latin else "en"


def cleaned(value: str) -> str:
    """``value`` with NUL characters and lone surrogates replaced by U+FFFD."""
    return _UNSTORABLE.sub(REPLACEMENT, value) if _UNSTORABLE.search(value) else value


def check_published(value: object, years: tuple[int, int] = PUBLISHED_YEARS) -> str | None:
    """``published`` as YYYY, YYYY-MM or YYYY-MM-DD (a time after the day is dropped): a real
    calendar date with a year within ``years``; ``ValueError`` saying what is wrong otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, date):  # a Parquet date or timestamp column
        value = value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f"'published' must be a string YYYY[-MM[-DD]], not {type(value).__name__}")  # noqa: TRY004 - bad input, reported by line
    value = value.strip()[:10]
    m = _PUBLISHED.match(value)
    if not m:
        raise ValueError(f"'published' must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        date(max(year, 1), month, day)
    except ValueError:
        raise ValueError(f"'published' is not a date on the calendar: {value!r}") from None
    first, last = years
    if not first <= year <= last:
        raise ValueError(f"'published' {value!r} is outside the years {first}-{last} (see --published-years)")
    return value


def _language(value: object, doc_id: str) -> str | None:
    if value is None or value == "":
        return None
    lang = value.strip().lower().replace("_", "-").split("-")[0] if isinstance(value, str) else value
    if lang not in ("en", "zh"):
        raise ValueError(f"document {doc_id!r}: 'lang' must be en, zh or null, not {value!r}")
    return lang


def document_from_mapping(data: object, options: ReadOptions | None = None) -> tuple[Document, bool]:
    """A Document from one JSON object (or Parquet row), checked field by field, and whether
    characters had to be replaced to store it (see ``cleaned``); ``ValueError`` when a field is bad."""
    options = options or ReadOptions()
    if not isinstance(data, dict):
        raise ValueError("a document must be a JSON object")  # noqa: TRY004 - bad input, reported by line
    doc_id = data.get("id")
    text = data.get(options.text_column)
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise ValueError("missing or empty 'id'")
    if text is None:
        raise ValueError(f"document {doc_id!r}: missing '{options.text_column}'")
    if not isinstance(text, str):
        raise ValueError(f"document {doc_id!r}: '{options.text_column}' must be a string, "  # noqa: TRY004 - bad input, reported by line
                         f"not {type(text).__name__}")
    lang = _language(data.get("lang"), doc_id)
    try:
        published = check_published(data.get("published"), options.published_years)
    except ValueError as e:
        raise ValueError(f"document {doc_id!r}: {e}") from None
    source, url = data.get("source"), data.get("url")
    fields = {
        "id": doc_id.strip(),
        "text": text,
        "source": source if isinstance(source, str) else None,
        "url": url if isinstance(url, str) else None,
    }
    clean = {k: cleaned(v) if v is not None else None for k, v in fields.items()}
    doc = Document(id=clean["id"], text=clean["text"], lang=lang or detect_language(clean["text"]),
                   published=published, source=clean["source"], url=clean["url"])
    return doc, clean != fields
