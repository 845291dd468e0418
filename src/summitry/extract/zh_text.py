"""Chinese text preparation that never moves a character: every offset stays an offset into the original.

Three steps, each returning a string of exactly the same length as its input:

- ``mask_markup``: markdown and web-page clutter (image file names, link targets, heading and
  quote marks, photo-credit lines, caption labels) become spaces, so that an image caption is
  read as a sentence of its own but a file name never is;
- ``to_simplified``: traditional characters become simplified ones (OpenCC ``t2s``), so one
  lexicon and one knowledge base serve both scripts;
- ``split_sentences``: sentences by 。！？；and line breaks, a terminator inside quotation marks
  not ending the sentence.

Because the lengths never change, the sentence spans found on the simplified, masked text are
the spans of the same sentences in ``doc.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from summitry.extract.text import bounded_spans

# ![caption](file.jpg): the caption stays, the brackets and the target go.
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(([^)\n]*)\)")
# [text](url): the text stays (images are masked first, so no ![ is left).
_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\n]*)\)")
# Bare file names and web addresses say nothing about events.
# (ASCII classes only: a \w run would also scan every run of Chinese characters. A file name is
# tried only from the start of a run of its characters: one that cannot end in an extension from
# there cannot from any later character either, and trying each made a long run quadratic.)
_FILE_OR_URL = re.compile(
    r"https?://[!-~]+|www\.[!-~]+|(?<![A-Za-z0-9_\-./])[A-Za-z0-9_\-./]+\.(?:jpe?g|png|gif|webp|svg|bmp|mp4|pdf|html?)\b",
    re.IGNORECASE,
)
# Markdown marks at the start of a line: headings, quotes, list bullets (possibly nested).
_LINE_MARKS = re.compile(r"^[ \t]*(?:(?:#{1,6}|>|[*+\-]|\d+\.)[ \t]+|>)+", re.MULTILINE)
# Emphasis marks and table rules anywhere.
_EMPHASIS = re.compile(r"[*`|]+|__+")


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def _keep_group(group: int):
    def replace(match: re.Match[str]) -> str:
        before = match.start(group) - match.start()
        after = match.end() - match.end(group)
        return " " * before + match.group(group) + " " * after

    return replace


@cache
def _line_cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    if not cues:
        return None
    alternatives = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"^[ \t>]*(?:{alternatives})[^\n]*", re.MULTILINE)


@cache
def _prefix_cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    if not cues:
        return None
    alternatives = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"^([ \t>]*)(?:{alternatives})[ \t]*[，,:：]?", re.MULTILINE)


def mask_markup(text: str, credit_lines: Iterable[str] = (), caption_labels: Iterable[str] = ()) -> str:
    """``text`` with markup and clutter turned to spaces (same length, same line breaks).

    ``credit_lines``: line openings (图像来源 …) whose whole line is a photo credit;
    ``caption_labels``: labels (图像加注文字 …) dropped from the start of a caption line.
    """
    # Each pattern runs only where its first character occurs at all (a scan costs more than `in`).
    masked = text
    if "](" in masked:
        masked = _IMAGE.sub(lambda m: "  " + m.group(1) + " " * (m.end() - m.end(1)), masked)
        masked = _LINK.sub(_keep_group(1), masked)
    if "." in masked:
        masked = _FILE_OR_URL.sub(_blank, masked)
    credit = _line_cue_pattern(tuple(credit_lines))
    if credit is not None:
        masked = credit.sub(_blank, masked)
    label = _prefix_cue_pattern(tuple(caption_labels))
    if label is not None:
        masked = label.sub(_blank, masked)
    masked = _LINE_MARKS.sub(_blank, masked)
    if any(mark in masked for mark in "*`|_"):
        masked = _EMPHASIS.sub(_blank, masked)
    return masked


class SimplifiedConverter:
    """Traditional → simplified, character for character (the output has the input's length)."""

    def __init__(self) -> None:
        import opencc

        self._cc = opencc.OpenCC("t2s")

    def convert(self, text: str) -> str:
        out = self._cc.convert(text)
        if len(out) == len(text):
            return out
        # A phrase conversion changed the length somewhere: redo line by line, and inside the
        # lines that still differ convert one character at a time, keeping the original character
        # where its conversion is not a single character.
        lines = text.split("\n")
        return "\n".join(self._convert_line(line) for line in lines)

    def _convert_line(self, line: str) -> str:
        out = self._cc.convert(line)
        if len(out) == len(line):
            return out
        chars = []
        for ch in line:
            conv = self._cc.convert(ch)
            chars.append(conv if len(conv) == 1 else ch)
        return "".join(chars)


@dataclass(frozen=True)
class Sentence:
    """A sentence as a span of the document; ``paragraph`` numbers the line it lies in."""

    start: int
    end: int
    paragraph: int


_OPENING_QUOTES = "“「『‘﹁﹃"
_CLOSING_QUOTES = "”」』’﹂﹄"
_TERMINATORS = "。！？；!?;"
_BOUNDARY = re.compile("[" + re.escape(_TERMINATORS + _OPENING_QUOTES + _CLOSING_QUOTES) + r"\n]")
_SPACE = " \t\r\u3000\u00a0"


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans of ``text`` (trimmed of blanks), each a non-empty span inside one line.

    A terminator inside open quotation marks does not end the sentence; quotation marks that
    close right after a terminator belong to the sentence before them. A line break always ends
    a sentence and resets the quote count (a stray mark must not swallow the rest of the text).
    """
    sentences: list[Sentence] = []
    start = 0
    depth = 0
    paragraph = 0
    # A terminator seen: the sentence ends after it (and after quotes closing right behind it),
    # unless it stands inside quotation marks that stay open.
    pending_end: int | None = None

    def close(end: int) -> None:
        nonlocal start
        for s, e in bounded_spans(text, start, end):
            while s < e and text[s] in _SPACE:
                s += 1
            while e > s and text[e - 1] in _SPACE:
                e -= 1
            if e > s:
                sentences.append(Sentence(s, e, paragraph))
        start = end

    for m in _BOUNDARY.finditer(text):
        ch = m.group()
        pos = m.start()
        if pending_end is not None and not (ch in _CLOSING_QUOTES and pos == pending_end):
            if depth == 0:
                close(pending_end)
            pending_end = None
        if ch == "\n":
            close(pos)
            start = pos + 1
            depth = 0
            paragraph += 1
        elif ch in _OPENING_QUOTES:
            depth += 1
        elif ch in _CLOSING_QUOTES:
            depth = max(0, depth - 1)
            if pending_end is not None:  # closing right behind the terminator: part of the sentence
                pending_end = pos + 1
                if depth == 0:
                    close(pending_end)
                    pending_end = None
        else:
            pending_end = pos + 1
    if pending_end is not None and depth == 0:
        close(pending_end)
    close(len(text))
    return sentences
