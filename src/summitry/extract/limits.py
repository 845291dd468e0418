"""Bounds on what one document may cost: long documents are read in sections, and a document that
takes longer than its time limit is given up, reported and skipped, while the run goes on.

Within a sentence the engines' work is bounded by the length of a sentence
(``summitry.extract.text.MAX_SENTENCE_CHARS``). Within a document, an engine relates what it
found across sentences (who "he" is, which visit hosts a meeting); over a document of 20 MB
those relations, and the names and dates it looks up over the whole text, would grow with the
square of its length. So a document longer than ``section_chars`` is read as consecutive
sections, cut between paragraphs, each as a document of its own (extracted and dated), and the
events are put back together with offsets into the whole text: the cost is linear in the length. No news article
comes near the default size (the longest of the team's corpora has 120,000 characters).

The time limit is a safety net for what the bounds do not foresee: a document that takes more
than ``seconds_per_mb`` seconds per started megabyte of text (and at least that many seconds) is
stopped, and the run reports it and goes on. On the main thread the stop is immediate (a timer
signal); elsewhere (a web server's threads) it is checked between sections.

Both have defaults, overridden by ``SUMMITRY_SECTION_CHARS`` and ``SUMMITRY_TIME_LIMIT`` (worker
processes inherit them) or by passing ``Limits`` explicitly; 0 turns either off.
"""
from __future__ import annotations

import hashlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from summitry.extract import DocumentNotRead
from summitry.records import Document, Event

SECTION_CHARS = 200_000
SECONDS_PER_MB = 60.0


class TimeLimitExceeded(DocumentNotRead):
    """A document took longer than its time limit: it is reported, and not stored as read."""


@dataclass(frozen=True)
class Limits:
    #: documents longer than this many characters are read in sections (None: never)
    section_chars: int | None = SECTION_CHARS
    #: seconds a document may take per started megabyte of its text (None: no limit)
    seconds_per_mb: float | None = SECONDS_PER_MB

    @classmethod
    def from_env(cls) -> Limits:
        return _limits_from(os.environ.get("SUMMITRY_SECTION_CHARS", ""), os.environ.get("SUMMITRY_TIME_LIMIT", ""))

    def seconds_for(self, doc: Document) -> float | None:
        """The time ``doc`` may take: ``seconds_per_mb`` for each started megabyte of its text."""
        if not self.seconds_per_mb:
            return None
        megabytes = max(1, -(-len(doc.text) // 1_000_000))
        return self.seconds_per_mb * megabytes


_cached: dict[tuple[str, str], Limits] = {}


def _limits_from(section_chars: str, seconds_per_mb: str) -> Limits:
    key = (section_chars, seconds_per_mb)
    if key not in _cached:
        try:
            chars = int(section_chars) if section_chars.strip() else SECTION_CHARS
            seconds = float(seconds_per_mb) if seconds_per_mb.strip() else SECONDS_PER_MB
        except ValueError as e:
            raise ValueError(f"SUMMITRY_SECTION_CHARS and SUMMITRY_TIME_LIMIT must be numbers: {e}") from None
        _cached[key] = Limits(chars if chars > 0 else None, seconds if seconds > 0 else None)
    return _cached[key]


def extract_within_limits(extract: Callable[[Document], list[Event]], doc: Document,
                          limits: Limits | None = None) -> list[Event]:
    """``extract(doc)`` within ``limits``: section by section when the document is long, and
    stopped with ``TimeLimitExceeded`` when it takes longer than its time limit."""
    limits = limits or Limits.from_env()
    seconds = limits.seconds_for(doc)
    with _time_limit(seconds, doc) as check:
        if not limits.section_chars or len(doc.text) <= limits.section_chars:
            return extract(doc)
        events: list[Event] = []
        for start, end in sections(doc.text, limits.section_chars):
            found = extract(replace(doc, text=doc.text[start:end]))
            events.extend(_shifted(event, start) for event in found)
            check()
        return events


def sections(text: str, size: int) -> Iterator[tuple[int, int]]:
    """Consecutive (start, end) spans covering ``text``, each at most ``size`` characters, cut
    after a blank line where there is one in the last quarter of a section, else after a line
    break, a full stop or a space (else at ``size``)."""
    start = 0
    while len(text) - start > size:
        hi = start + size
        lo = hi - size // 4
        for mark in ("\n\n", "\n", "。", ". ", " "):
            cut = text.rfind(mark, lo, hi)
            if cut != -1:
                hi = cut + len(mark)
                break
        yield start, hi
        start = hi
    yield start, len(text)


def _shifted(event: Event, offset: int) -> Event:
    """An event of the section at ``offset``, its mentions' offsets moved into the whole text and
    its id made unique to the place (sections could otherwise repeat one another's ids)."""
    if offset == 0:
        return event
    event.mentions = [replace(m, start=m.start + offset, end=m.end + offset) for m in event.mentions]
    event.id = "mn_" + hashlib.sha1(f"{event.id}@{offset}".encode()).hexdigest()[:12]
    return event


@contextmanager
def _time_limit(seconds: float | None, doc: Document) -> Iterator[Callable[[], None]]:
    """Within the block, a timer stops the work after ``seconds`` (on the main thread); the
    ``check`` it gives raises when the time is up (for other threads, between sections)."""
    started = time.monotonic()

    def exceeded() -> TimeLimitExceeded:
        megabytes = len(doc.text) / 1_000_000
        return TimeLimitExceeded(f"took longer than its time limit of {seconds:g} s "
                                 f"({megabytes:.1f} MB of text); see --time-limit")

    def check() -> None:
        if seconds is not None and time.monotonic() - started > seconds:
            raise exceeded()

    if seconds is None or threading.current_thread() is not threading.main_thread():
        yield check
        return

    def on_alarm(signum, frame) -> None:
        raise exceeded()

    previous_handler = signal.signal(signal.SIGALRM, on_alarm)
    previous_delay, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield check
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:  # an outer timer keeps running for what is left of it
            signal.setitimer(signal.ITIMER_REAL, max(0.001, previous_delay - (time.monotonic() - started)))
