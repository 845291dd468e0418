"""The file formats documents come in, each read as a stream of items: a document, or what kept a
line (a row, a file) from being one.

| format | suffixes | one document per |
|---|---|---|
| JSON Lines | .jsonl .ndjson .json, each also .gz or .zst | line |
| Parquet | .parquet .pq | row (a text column, ``id``, optional ``lang``, ``published``, ``source``, ``url``) |
| text | .txt (also .gz, .zst), or no suffix | file (its name is the id) |
| HTML | .html .htm | file (main text and date through trafilatura) |

Every reader holds at most one line, one Parquet batch or one file in memory.
"""
from __future__ import annotations

import gzip
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from summitry.ingest.decoding import SAMPLE_BYTES, Encoding, decode_line, decode_whole, raw_lines, sniff
from summitry.ingest.documents import (
    ReadOptions,
    check_published,
    cleaned,
    detect_language,
    document_from_mapping,
)
from summitry.records import Document

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
PARQUET_SUFFIXES = (".parquet", ".pq")
COMPRESSED_SUFFIXES = (".gz", ".zst", ".zstd")
PARQUET_BATCH_ROWS = 1024


@dataclass(frozen=True)
class Item:
    """What a reader found at one place of a file: a document, or why there is none."""

    line: int | None
    document: Document | None = None
    error: str | None = None    # why there is no document here (the item is skipped)
    note: str | None = None     # what was done to read the document (it is kept)
    cleaned: bool = False       # characters were replaced to store it (NUL, lone surrogates)


@dataclass(frozen=True)
class Format:
    name: str
    read: Callable[[Path, BinaryIO, ReadOptions, Callable[[Encoding], None]], Iterator[Item]]
    compression: str | None = None


def format_of(name: str) -> Format | None:
    """The format a file's name says it is in (None: not one summitry reads)."""
    lower = name.lower()
    compression = next((c for c in COMPRESSED_SUFFIXES if lower.endswith(c)), None)
    base = lower[: -len(compression)] if compression else lower
    if base.endswith(JSONL_SUFFIXES):
        return Format("JSON Lines", read_jsonl, compression)
    if base.endswith(TEXT_SUFFIXES):
        return Format("text", read_text, compression)
    if compression:
        return None
    if base.endswith(PARQUET_SUFFIXES):
        return Format("Parquet", read_parquet)
    if base.endswith(HTML_SUFFIXES):
        return Format("HTML", read_html)
    return None


def supported_suffixes() -> str:
    plain = [*JSONL_SUFFIXES, *TEXT_SUFFIXES, *HTML_SUFFIXES, *PARQUET_SUFFIXES]
    return ", ".join(plain) + "; JSON Lines and text also compressed (.gz, .zst)"


def open_decompressed(raw: BinaryIO, compression: str | None) -> BinaryIO:
    """The bytes of ``raw`` as they were before compression."""
    if compression == ".gz":
        return gzip.GzipFile(fileobj=raw, mode="rb")
    if compression in (".zst", ".zstd"):
        import zstandard

        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, closefd=False))
    return raw


def _sample(read: Callable[[int], bytes]) -> tuple[bytes, Exception | None]:
    """The first bytes of a stream, and the error that broke it off before SAMPLE_BYTES if any (the
    lines before a break in a compressed file are still read)."""
    pieces, size = [], 0
    try:
        while size < SAMPLE_BYTES:
            piece = read(SAMPLE_BYTES - size)
            if not piece:
                break
            pieces.append(piece)
            size += len(piece)
    except Exception as e:  # noqa: BLE001 - re-raised after the lines read so far
        return b"".join(pieces), e
    return b"".join(pieces), None


def read_jsonl(path: Path, stream: BinaryIO, options: ReadOptions, on_encoding: Callable[[Encoding], None]
               ) -> Iterator[Item]:
    # read1: whatever one step of decompression gives, so that a break loses only what follows it
    read = getattr(stream, "read1", stream.read)
    first, broken = _sample(read)
    encoding = sniff(first, complete=len(first) < SAMPLE_BYTES)
    on_encoding(encoding)
    if broken is not None:
        read = _raising(broken)
    for n, raw in enumerate(raw_lines(read, first, encoding), 1):
        try:
            line = decode_line(raw, encoding)
        except UnicodeDecodeError as e:
            yield Item(n, error=f"not valid {encoding.name} text: {e.reason} at byte {e.start + 1} of the line")
            continue
        if not line or line.isspace():
            continue
        try:
            data = json.loads(line)  # (the line ending is JSON white space)
            # a one-line document may be tens of megabytes: its bytes and line go before it is used
            del raw, line
            doc, was_cleaned = document_from_mapping(data, options)
            del data
        except json.JSONDecodeError as e:
            yield Item(n, error=f"not JSON: {e.msg} (column {e.colno})")
        except RecursionError:
            yield Item(n, error="not JSON this reader can take: nested too deeply")
        except ValueError as e:
            yield Item(n, error=str(e))
        else:
            yield Item(n, doc, cleaned=was_cleaned)


def _raising(error: Exception) -> Callable[[int], bytes]:
    def read(_: int) -> bytes:
        raise error
    return read


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (*COMPRESSED_SUFFIXES, *TEXT_SUFFIXES, *HTML_SUFFIXES):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    return name


def _whole_text(path: Path, stream: BinaryIO, on_encoding: Callable[[Encoding], None]) -> tuple[str, str | None]:
    text, encoding, bad_line = decode_whole(stream.read())
    on_encoding(encoding)
    note = None
    if bad_line is not None:
        note = f"bytes not valid in {encoding.name} from line {bad_line} on were replaced by U+FFFD"
    return text, note


def read_text(path: Path, stream: BinaryIO, options: ReadOptions, on_encoding: Callable[[Encoding], None]
              ) -> Iterator[Item]:
    text, note = _whole_text(path, stream, on_encoding)
    clean_text = cleaned(text)
    doc = Document(id=cleaned(_stem(path)), text=clean_text, lang=detect_language(clean_text), source=str(path))
    yield Item(None, doc, note=note, cleaned=clean_text != text)


def read_html(path: Path, stream: BinaryIO, options: ReadOptions, on_encoding: Callable[[Encoding], None]
              ) -> Iterator[Item]:
    """Main text and publication date of a web page, through trafilatura."""
    import trafilatura

    html, note = _whole_text(path, stream, on_encoding)
    raw = trafilatura.extract(html, output_format="json", with_metadata=True, include_comments=False,
                              favor_precision=True)
    if not raw:
        yield Item(None, error="no article text found in the page")
        return
    data = json.loads(raw)
    text = data.get("text") or ""
    title = data.get("title")
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    try:
        published = check_published(data.get("date"), options.published_years)
    except ValueError:
        published = None  # a page's date is a guess of trafilatura's: without it the page is still read
    clean_text = cleaned(text)
    doc = Document(id=cleaned(_stem(path)), text=clean_text, lang=detect_language(clean_text), published=published,
                   source=data.get("sitename") or data.get("hostname") or str(path), url=data.get("source"))
    yield Item(None, doc, note=note, cleaned=clean_text != text)


def read_parquet(path: Path, stream: BinaryIO, options: ReadOptions, on_encoding: Callable[[Encoding], None]
                 ) -> Iterator[Item]:
    """Rows of a Parquet file, a batch at a time; the line of an item is its row (from 1)."""
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(stream)
    except Exception as e:  # noqa: BLE001 - pyarrow raises several kinds for a file that is not Parquet
        yield Item(None, error=f"not a Parquet file: {e}")
        return
    names = set(parquet.schema_arrow.names)
    if "id" not in names or options.text_column not in names:
        yield Item(None, error=f"a Parquet file of documents needs the columns id and {options.text_column} "
                               f"(it has {', '.join(sorted(names))}; see --text-column)")
        return
    columns = [c for c in ("id", options.text_column, "lang", "published", "source", "url") if c in names]
    row = 0
    for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=columns):
        for data in batch.to_pylist():
            row += 1
            try:
                doc, was_cleaned = document_from_mapping(data, options)
            except ValueError as e:
                yield Item(row, error=str(e))
            else:
                yield Item(row, doc, cleaned=was_cleaned)
