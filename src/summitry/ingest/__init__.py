"""Read documents as a stream: JSON Lines (also gzip- or zstd-compressed), Parquet, plain text and
HTML files, directories of them, glob patterns and standard input (``-``).

    from summitry.ingest import DocumentStream, read_inputs

    docs, errors = read_inputs(["examples/corpus.jsonl"])     # a list, for small inputs
    stream = DocumentStream(["feeds/", "archive/*.jsonl.zst"])
    for doc in stream:                                         # one document at a time
        ...
    stream.errors, stream.summary                              # what was skipped, and counts

Bad input never stops a run: a line, row or file that cannot be read becomes an ``IngestError``
naming the file and the line (the row, for Parquet), and everything after it is still read. A
decoding error loses only its own line; the encoding of each file is detected (see
``summitry.ingest.decoding``) and files not in UTF-8 are noted. NUL characters and lone
surrogates become U+FFFD (see ``summitry.ingest.documents``), and ``published`` must be a real
date within ``ReadOptions.published_years``. Inside a directory, files of other types, links and
hidden directories are skipped, listed in ``summary.skipped_files`` and counted.

Memory does not grow with the input: a reader holds one line, one Parquet batch or one file; the
stream remembers each document's id (by hash, with where it was read) to report duplicates.
"""
from __future__ import annotations

import glob
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from summitry.ingest.decoding import Encoding
from summitry.ingest.documents import (
    PUBLISHED_YEARS,
    ReadOptions,
    check_published,
    cleaned,
    detect_language,
    document_from_mapping,
)
from summitry.ingest.formats import (
    Format,
    format_of,
    open_decompressed,
    read_jsonl,
    read_text,
    supported_suffixes,
)
from summitry.records import Document

__all__ = [
    "PUBLISHED_YEARS",
    "DocumentStream",
    "IngestError",
    "IngestNote",
    "ReadOptions",
    "ReadSummary",
    "check_published",
    "cleaned",
    "detect_language",
    "document_from_mapping",
    "iter_documents",
    "read_inputs",
]

STDIN = "-"
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class IngestError:
    """A line, row or file that gave no document, and why."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class IngestNote(IngestError):
    """Something done to read a document that was kept (an encoding detected, characters replaced)."""


@dataclass
class ReadSummary:
    files: int = 0                     # files read
    documents: int = 0                 # documents given out
    skipped: int = 0                   # lines, rows or files that gave no document
    cleaned: int = 0                   # documents with characters replaced
    encodings: Counter = field(default_factory=Counter)   # files by the encoding read in
    #: files and directories left out inside the directories given, with why
    skipped_files: list[tuple[str, str]] = field(default_factory=list)
    bytes_total: int = 0               # size of the input files (compressed), known before reading


class DocumentStream:
    """The documents of ``inputs``, read lazily, once.

    What cannot be read goes to ``on_error`` as it is met (else it is kept in ``errors``); notes
    (a file's detected encoding, replaced characters) go to ``on_note`` (else to ``notes``).
    ``bytes_done`` against ``summary.bytes_total`` tells how far the reading is.
    """

    def __init__(self, inputs: Iterable[str | Path], options: ReadOptions | None = None, *,
                 on_error: Callable[[IngestError], None] | None = None,
                 on_note: Callable[[IngestNote], None] | None = None):
        self.options = options or ReadOptions()
        self.errors: list[IngestError] = []
        self.notes: list[IngestNote] = []
        self.summary = ReadSummary()
        self._on_error = on_error or self.errors.append
        self._on_note = on_note or self.notes.append
        self._files: list[str] = []        # the files read, by index (for where a document came from)
        self._seen: dict[int, int] = {}    # hash of a document id -> file index << 40 | line
        self._done = 0                     # bytes of the files finished
        self._position: Callable[[], int] = lambda: 0
        self._started = False
        self._paths = self._expand([str(p) for p in inputs])

    # --- what the caller asks -------------------------------------------------------------------

    @property
    def bytes_done(self) -> int:
        return self._done + self._position()

    def origin(self, doc_id: str) -> str | None:
        """Where the document ``doc_id`` was read ("file:line"), if this stream read it."""
        packed = self._seen.get(hash(doc_id))
        if packed is None:
            return None
        path, line = self._files[packed >> 40], packed & ((1 << 40) - 1)
        return f"{path}:{line}" if line else path

    def __iter__(self) -> Iterator[Document]:
        if self._started:
            raise RuntimeError("a DocumentStream is read once")
        self._started = True
        for path, fmt in self._paths:
            yield from self._read_file(path, fmt)

    # --- inputs ---------------------------------------------------------------------------------

    def _error(self, path: str, line: int | None, message: str) -> None:
        self.summary.skipped += 1
        self._on_error(IngestError(path, line, message))

    def _expand(self, inputs: list[str]) -> list[tuple[str, Format]]:
        """Every file to read, with its format, in order; the rest reported or listed as skipped."""
        out: list[tuple[str, Format]] = []
        for given in inputs:
            if given == STDIN:
                out.append((STDIN, Format("JSON Lines", read_jsonl)))
                continue
            path = Path(given)
            if path.is_dir():
                out.extend(self._walk(path))
            elif path.exists():
                fmt = format_of(path.name) or (Format("text", read_text) if not path.suffix else None)
                if fmt is None:
                    self._error(given, None, f"not a type summitry reads (use {supported_suffixes()})")
                else:
                    out.append((given, fmt))
            elif _GLOB_CHARS & set(given):
                matches = sorted(glob.glob(given, recursive=True))
                if not matches:
                    self._error(given, None, "no file matches this pattern")
                for match in matches:
                    if Path(match).is_dir():
                        out.extend(self._walk(Path(match)))
                    elif format_of(match):
                        out.append((match, format_of(match)))
                    else:
                        self.summary.skipped_files.append((match, "not a type summitry reads"))
            else:
                self._error(given, None, "no such file or directory")
        for path, _ in out:
            if path != STDIN:
                try:
                    self.summary.bytes_total += os.path.getsize(path)
                except OSError:
                    pass
        return out

    def _walk(self, top: Path) -> Iterator[tuple[str, Format]]:
        """The files under ``top`` that summitry reads, in name order; links are not followed
        and hidden directories not entered (both listed as skipped, like files of other types)."""
        skipped = self.summary.skipped_files

        def unreadable(err: OSError) -> None:
            skipped.append((err.filename or str(top), f"cannot be listed: {err.strerror}"))

        for dirpath, dirnames, filenames in os.walk(top, onerror=unreadable):
            kept = []
            for name in sorted(dirnames):
                full = os.path.join(dirpath, name)
                if os.path.islink(full):
                    skipped.append((full, "a link to a directory (links are not followed inside a directory)"))
                elif name.startswith("."):
                    skipped.append((full, "a hidden directory"))
                else:
                    kept.append(name)
            dirnames[:] = kept
            for name in sorted(filenames):
                full = os.path.join(dirpath, name)
                fmt = format_of(name)
                if os.path.islink(full):
                    skipped.append((full, "a link (links are not followed inside a directory)"))
                elif fmt is None:
                    skipped.append((full, f"not a type summitry reads ({supported_suffixes()})"))
                else:
                    yield full, fmt

    # --- reading --------------------------------------------------------------------------------

    def _read_file(self, path: str, fmt: Format) -> Iterator[Document]:
        index = len(self._files)
        self._files.append(path)
        line = None
        try:
            raw: BinaryIO = sys.stdin.buffer if path == STDIN else open(path, "rb")  # noqa: SIM115 - closed below
        except OSError as e:
            self._error(path, None, f"cannot be read: {e.strerror or e}")
            return
        try:
            self._position = raw.tell if path != STDIN else (lambda: 0)
            stream = open_decompressed(raw, fmt.compression)
            self.summary.files += 1
            for item in fmt.read(Path(path), stream, self.options, lambda enc: self._encoding(path, enc)):
                line = item.line
                if item.document is None:
                    self._error(path, item.line, item.error or "no document")
                    continue
                if item.note:
                    self._on_note(IngestNote(path, item.line, item.note))
                if self._is_duplicate(item.document.id, path, index, item.line):
                    continue
                if item.cleaned:
                    self.summary.cleaned += 1
                    self._on_note(IngestNote(path, item.line, f"document {item.document.id!r}: NUL characters or "
                                                              "lone surrogates replaced by U+FFFD"))
                self.summary.documents += 1
                yield item.document
        except Exception as e:  # noqa: BLE001 - one broken file must not stop the run
            # a compressed stream that breaks off (zlib, zstandard), a file that vanishes, a reader's
            # own failure: what was read is kept, and the run goes on with the next file
            after = f"after line {line}: " if line else ""
            self._error(path, None, f"{after}cannot be read further: {type(e).__name__}: {e}")
        finally:
            self._done += self._position() if path != STDIN else 0
            self._position = lambda: 0
            if path != STDIN:
                raw.close()

    def _encoding(self, path: str, encoding: Encoding) -> None:
        self.summary.encodings[encoding.name] += 1
        if encoding.name != "utf-8":
            self._on_note(IngestNote(path, None, f"read as {encoding.describe()}"))

    def _is_duplicate(self, doc_id: str, path: str, index: int, line: int | None) -> bool:
        key = hash(doc_id)
        if key in self._seen:
            self._error(path, line, f"duplicate document id {doc_id!r} (first at {self.origin(doc_id)}); "
                                    "the later one is skipped")
            return True
        self._seen[key] = index << 40 | (line or 0)
        return False


def iter_documents(paths: Iterable[str | Path], errors: list[IngestError],
                   options: ReadOptions | None = None) -> Iterator[Document]:
    """Documents from every input, appending what could not be read to ``errors``."""
    yield from DocumentStream(paths, options, on_error=errors.append)


def read_inputs(paths: Iterable[str | Path], options: ReadOptions | None = None
                ) -> tuple[list[Document], list[IngestError]]:
    """Every document of ``paths`` as a list, and what could not be read (for small inputs; a
    ``DocumentStream`` reads any size)."""
    stream = DocumentStream(paths, options)
    docs = list(stream)
    return docs, stream.errors
