"""What of a document one request carries: a ``Passage`` is one or more ranges of ``doc.text``.

A long document is cut into passages of at most ``chunk_chars`` characters, between sentences,
each repeating the last ``overlap`` sentences of the one before (an event told across the cut is
then whole in one of them). The hybrid engine sends excerpts instead: the sentences around the
triggers the rules left without an event, joined by a "[...]" line.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from summitry.records import Document

EXCERPT_GAP = "\n[...]\n"


@dataclass(frozen=True)
class Passage:
    ranges: tuple[tuple[int, int], ...]

    def text(self, doc: Document) -> str:
        return EXCERPT_GAP.join(doc.text[a:b] for a, b in self.ranges)

    @property
    def chars(self) -> int:
        return sum(b - a for a, b in self.ranges)

    def covers(self, start: int, end: int) -> bool:
        """Whether ``start..end`` lies inside one of the ranges."""
        return any(a <= start and end <= b for a, b in self.ranges)


def sentence_spans(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``doc.text``, with the splitter of the document's language."""
    if doc.lang == "zh":
        from summitry.extract.zh_text import split_sentences as split_zh

        return [(s.start, s.end) for s in split_zh(doc.text)]
    from summitry.extract.text import split_sentences

    return [(s.start, s.end) for s in split_sentences(doc.text)]


def _pieces(spans: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """Sentences longer than ``limit`` (a page without full stops) cut into pieces of ``limit``."""
    out = []
    for a, b in spans:
        while b - a > limit:
            out.append((a, a + limit))
            a += limit
        out.append((a, b))
    return out


def chunk(spans: list[tuple[int, int]], limit: int, overlap: int) -> list[tuple[int, int]]:
    """Consecutive sentences grouped into ranges of at most ``limit`` characters, each but the first
    starting ``overlap`` sentences before the end of the previous one."""
    spans = _pieces(spans, limit)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        j = i
        while j + 1 < len(spans) and spans[j + 1][1] - spans[i][0] <= limit:
            j += 1
        out.append((spans[i][0], spans[j][1]))
        if j + 1 >= len(spans):
            break
        # the next range repeats up to ``overlap`` sentences, as many as leave room for a new one
        i = max(i + 1, j + 1 - overlap)
        while i < j + 1 and spans[j + 1][1] - spans[i][0] > limit:
            i += 1
    return out


def document_passages(doc: Document, limit: int, overlap: int) -> list[Passage]:
    """The whole document, in passages of at most ``limit`` characters."""
    if not doc.text.strip():
        return []
    if len(doc.text) <= limit:
        spans = sentence_spans(doc)
        return [Passage(((spans[0][0], spans[-1][1]),))] if spans else []
    return [Passage((r,)) for r in chunk(sentence_spans(doc), limit, overlap)]


def windows(spans: list[tuple[int, int]], centres: list[int], context: int) -> list[tuple[int, int]]:
    """Sentence index ranges (first, last) of each centre sentence with ``context`` sentences either
    side, overlapping or touching ranges merged."""
    out: list[tuple[int, int]] = []
    for i in sorted(set(centres)):
        lo, hi = max(0, i - context), min(len(spans) - 1, i + context)
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def excerpt_passages(spans: list[tuple[int, int]], centres: list[int], context: int, limit: int) -> list[Passage]:
    """The windows around ``centres`` as passages of at most ``limit`` characters."""
    ranges = [(spans[lo][0], spans[hi][1]) for lo, hi in windows(spans, centres, context)]
    out: list[Passage] = []
    current: list[tuple[int, int]] = []
    size = 0
    for a, b in ranges:
        if b - a > limit:  # one window alone is too long: cut it between its sentences
            inner = [s for s in spans if a <= s[0] and s[1] <= b]
            pieces = chunk(inner, limit, 0)
        else:
            pieces = [(a, b)]
        for piece in pieces:
            length = piece[1] - piece[0]
            if current and size + length > limit:
                out.append(Passage(tuple(current)))
                current, size = [], 0
            current.append(piece)
            size += length
    if current:
        out.append(Passage(tuple(current)))
    return out


def document_hash(doc: Document) -> str:
    """What a cached answer is tied to: the text and what the prompt says of it."""
    raw = "\x1f".join([doc.text, doc.published or "", doc.lang or ""])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()
