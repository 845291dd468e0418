"""Read documents from JSON Lines, plain text, HTML pages and directories of them.

Bad input never stops a run: each bad line or file becomes an ``IngestError``
naming the file and line, and everything else is read.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from summitry.records import Document

TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES

_PUBLISHED = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class IngestError:
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def detect_language(text: str) -> str | None:
    """``zh`` or ``en`` by script: Han characters against Latin letters (None when neither)."""
    sample = text[:5000]
    han = len(_CJK.findall(sample))
    latin = len(_LATIN.findall(sample))
    if han == 0 and latin == 0:
        return None
    # One Han character carries about as much as a short English word (~4 letters).
    return "zh" if han * 4 >= latin else "en"


def _check_published(value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"'published' must be a string YYYY[-MM[-DD]], not {type(value).__name__}")  # noqa: TRY004 - bad input, reported by line
    value = value.strip()[:10]
    if not _PUBLISHED.match(value):
        raise ValueError(f"'published' must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


def document_from_mapping(data: object) -> Document:
    """A Document from one JSON object, checked field by field."""
    if not isinstance(data, dict):
        raise ValueError("a document must be a JSON object")  # noqa: TRY004 - bad input, reported by line
    doc_id = data.get("id")
    text = data.get("text")
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise ValueError("missing or empty 'id'")
    if not isinstance(text, str):
        raise ValueError(f"document {doc_id!r}: missing 'text'")  # noqa: TRY004 - bad input, reported by line
    lang = data.get("lang")
    if lang not in (None, "en", "zh"):
        raise ValueError(f"document {doc_id!r}: 'lang' must be en, zh or null, not {lang!r}")
    try:
        published = _check_published(data.get("published"))
    except ValueError as e:
        raise ValueError(f"document {doc_id!r}: {e}") from None
    return Document(
        id=doc_id.strip(),
        text=text,
        lang=lang or detect_language(text),
        published=published,
        source=data.get("source") if isinstance(data.get("source"), str) else None,
        url=data.get("url") if isinstance(data.get("url"), str) else None,
    )


def read_jsonl(path: Path, errors: list[IngestError]) -> Iterator[Document]:
    with open(path, encoding="utf-8", errors="strict") as f:
        try:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    yield document_from_mapping(json.loads(line))
                except json.JSONDecodeError as e:
                    errors.append(IngestError(str(path), n, f"not JSON: {e.msg} (column {e.colno})"))
                except ValueError as e:
                    errors.append(IngestError(str(path), n, str(e)))
        except UnicodeDecodeError as e:
            errors.append(IngestError(str(path), None, f"not UTF-8 text after line {n - 1}: {e.reason}"))


def read_text_file(path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    return Document(id=path.stem, text=text, lang=detect_language(text), source=str(path))


def read_html_file(path: Path) -> Document:
    """Main text and publication date of a web page, through trafilatura."""
    import trafilatura

    html = path.read_text(encoding="utf-8", errors="replace")
    raw = trafilatura.extract(html, output_format="json", with_metadata=True, include_comments=False,
                              favor_precision=True)
    if not raw:
        raise ValueError("no article text found in the page")
    data = json.loads(raw)
    text = data.get("text") or ""
    title = data.get("title")
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    published = data.get("date")
    try:
        published = _check_published(published)
    except ValueError:
        published = None
    return Document(id=path.stem, text=text, lang=detect_language(text), published=published,
                    source=data.get("sitename") or data.get("hostname") or str(path), url=data.get("source"))


def _expand(paths: Iterable[str | Path], errors: list[IngestError]) -> Iterator[Path]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield child
        elif path.is_file():
            yield path
        else:
            errors.append(IngestError(str(path), None, "no such file or directory"))


def iter_documents(paths: Iterable[str | Path], errors: list[IngestError]) -> Iterator[Document]:
    """Documents from every input, appending what could not be read to ``errors``."""
    seen: dict[str, str] = {}
    for path in _expand(paths, errors):
        suffix = path.suffix.lower()
        try:
            if suffix in JSONL_SUFFIXES or suffix == ".json":
                docs: Iterable[Document] = read_jsonl(path, errors)
            elif suffix in HTML_SUFFIXES:
                docs = [read_html_file(path)]
            elif suffix in TEXT_SUFFIXES or not suffix:
                docs = [read_text_file(path)]
            else:
                errors.append(IngestError(str(path), None, f"unsupported file type {suffix!r} "
                                          f"(use {', '.join(sorted(SUPPORTED_SUFFIXES))})"))
                continue
            for doc in docs:
                if doc.id in seen:
                    errors.append(IngestError(str(path), None,
                                              f"duplicate document id {doc.id!r} (first in {seen[doc.id]}); "
                                              "the later one is skipped"))
                    continue
                seen[doc.id] = str(path)
                yield doc
        except UnicodeDecodeError as e:
            errors.append(IngestError(str(path), None, f"not UTF-8 text: {e.reason}"))
        except (OSError, ValueError) as e:
            errors.append(IngestError(str(path), None, str(e)))


def read_inputs(paths: Iterable[str | Path]) -> tuple[list[Document], list[IngestError]]:
    errors: list[IngestError] = []
    docs = list(iter_documents(paths, errors))
    return docs, errors
