"""Sentence splitting with offsets, robust to machine-translated text ("arrogant.The")."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sen", "rep", "gov", "pres", "sec",
    "amb", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx", "dept", "est",
}

# A candidate boundary: terminal punctuation, closing quotes/brackets, then either spaces or (as in
# machine translation) no space before a capital letter. Newlines end a sentence, unless the line
# was wrapped (see _soft_wrap).
# A run of terminal punctuation is only tried from its first mark: a run that cannot end a
# sentence cannot from any later mark either, and retrying from each one made a long run of full
# stops cost the square of its length.
# (Spelt to start with one character class, newline or mark, and only then to look behind: the
# regex engine then skips to the few places a boundary can start instead of trying every position.)
_BOUNDARY = re.compile(r"""[.!?。！？\n](?:(?<=\n)\s*|(?<![.!?。！？].)[.!?。！？]*+["'”’)\]]*(?=\s|[A-Z“"‘]|$))""")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?$")
# Some pages come hard-wrapped at a fixed width ("during President Xi's\nstate visit to the US"). A
# newline inside a paragraph is then a space, not a boundary: when the line before it is no longer
# than a wrapped line is and does not end in a sentence's mark, and either the next line goes on in
# lower case (which no sentence starts with) or the page is wrapped throughout (a few such lines
# show it), as a wrapped line may as well end before a name ("Chinese President\nXi Jinping").
# Pages that are not wrapped keep every other newline a boundary: their short lines are headlines,
# links' labels and teasers cut off in mid-sentence, which run on into nothing. A page's first line
# is its headline, wrapped or not.
_WRAPPED_LINE_MAX_CHARS = 100
_WRAPPED_PAGE_MIN_LINES = 3
_NEWLINE_THEN_LOWER = re.compile(r"\n(?=[a-z])")
_LINE_ENDS = frozenset(".!?。！？:;\"'”’)]")

# The longest sentence an engine reads, in characters. Real news stays far below it (the longest
# sentence of the team's corpora is about 1,600 characters); text that runs on without a boundary
# (a scraped list, a hostile input) is cut into pieces of at most this length, so that the
# pairings an engine makes within a sentence cost a bounded amount per piece.
MAX_SENTENCE_CHARS = 2000
# Where a piece of an over-long sentence may end, best first: after a space, or a comma.
_PIECE_END = re.compile(r"[\s,，、;；:：]")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or an initial (U.S., Mr., J.)."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1:  # an initial: U.S., J. Biden
        return True
    return word.lower() in _ABBREVIATIONS


def bounded_spans(text: str, start: int, end: int, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """``text[start:end]`` as spans of at most ``limit`` characters: the span itself when it is
    short enough, else pieces cut after the last space or comma before the limit (or at the limit
    when the second half of a piece has neither)."""
    spans = []
    while end - start > limit:
        cut = start + limit
        for m in _PIECE_END.finditer(text, start + limit // 2, start + limit):
            cut = m.end()  # the last one wins
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans


def _wrapped_page(text: str) -> bool:
    """Whether a few lines of ``text`` go on in lower case on the next line, as a wrapped page's do."""
    found = 0
    for m in _NEWLINE_THEN_LOWER.finditer(text):
        end = m.start()
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        start = text.rfind("\n", 0, end) + 1
        if start < end and end - start <= _WRAPPED_LINE_MAX_CHARS and text[end - 1] not in _LINE_ENDS:
            found += 1
            if found >= _WRAPPED_PAGE_MIN_LINES:
                return True
    return False


def _soft_wrap(text: str, newline: int, after: int, wrapped_page: bool) -> bool:
    """Whether the single newline at ``newline`` (white space up to ``after``) wraps a line."""
    if "\n" in text[newline + 1:after] or after >= len(text):
        return False
    last = newline
    while last > 0 and text[last - 1] in " \t":
        last -= 1
    line_start = text.rfind("\n", 0, last) + 1
    if line_start == 0 or last == line_start or last - line_start > _WRAPPED_LINE_MAX_CHARS or text[last - 1] in _LINE_ENDS:
        return False
    return wrapped_page or text[after].islower()


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with character offsets into ``text``; stripped of surrounding white space."""
    out: list[Sentence] = []
    start = 0
    paragraph = 0

    def emit(first: int, last: int) -> None:
        for a, b in bounded_spans(text, first, last):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append(Sentence(a, b, text[a:b], paragraph))

    wrapped_page = "\n" in text and _wrapped_page(text)
    for m in _BOUNDARY.finditer(text):
        if m.group(0)[0] == "\n" and _soft_wrap(text, m.start(), m.end(), wrapped_page):
            continue
        if m.group(0)[0] == "\n" or m.group(0)[0].isspace():
            emit(start, m.start())
            start = m.end()
            if m.group(0).count("\n") >= 2:
                paragraph += 1
            continue
        if m.group(0)[0] == "." and _is_abbreviation(text, m.start()):
            continue
        # A decimal or a version number ("2.5", "5.4") is not a boundary.
        if m.end() < len(text) and text[m.end() - 1] == "." and m.start() > 0 and text[m.start() - 1].isdigit() \
                and text[m.end()].isdigit():
            continue
        emit(start, m.end())
        start = m.end()
    emit(start, len(text))
    return out


# A line that reads like a link's label: a few words, no sentence ending ("Xi visits U.S.", "G20,
# APEC Summits", "Share this:"). Web pages carry runs of them (menus, "related stories"), and the
# stories they name are not the page's: a run of at least four such lines is a list of links.
# A line cut off in mid-sentence ("HAVANA - US President Barack Obama flew to Cuba Sunday to bury the
# hatchet in a more than ...") is the teaser of another story, whatever its length: it is a link on
# its own, and its "Sunday" is not a day of this page's week.
_LINK_LABEL_MAX_CHARS = 80
_LINK_LABEL_MAX_WORDS = 10
_LINK_LIST_MIN_LINES = 4
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"(?:[!?。！？]|(?<![A-Z])(?<![A-Z]\.[A-Z])\.)[\"'”’)\]]*\s*$")
# a word or a comma, then the cut ("... more than ...", "passed away in…"), maybe the link's own word
# after it ("receive Yemeni Vice-President ... READ MORE"); not a quote's "..." after a full stop, nor
# Chinese prose's "……"
_CUT_OFF = re.compile(r"[A-Za-z0-9,’']\s*(?:\.{3}|…)\s*(?:(?:read|see|view) more|continue reading|full story|more)?\s*$",
                      re.IGNORECASE)
# The last character of any line _CUT_OFF matches ("...", "…", or the end of "more", "reading",
# "story" in any case): a line that ends otherwise is not searched.
_CUT_LAST_CHARS = frozenset(".…eEgGyY")
# The characters at a line's end that can hold a cut (a word's last letter, the dots, "continue
# reading" and spaces): only they are searched, not a whole paragraph.
_CUT_TAIL = 64


def _cut_off(line: str) -> bool:
    # (the cut ends the line: a line that does not end so is not searched at every character)
    end = line.rstrip()
    if end[-1:] not in _CUT_LAST_CHARS or end.endswith("……"):
        return False
    # (a cut holds "..." or "…" inside the tail searched: a tail with neither is not searched)
    tail = max(0, len(line) - _CUT_TAIL)
    return (line.find("...", tail) != -1 or line.find("…", tail) != -1) and bool(_CUT_OFF.search(line, tail))


def _link_label(line: str) -> bool:
    # (the length first: a paragraph is not split into its words)
    return (len(line) <= _LINK_LABEL_MAX_CHARS and 0 < len(line.split()) <= _LINK_LABEL_MAX_WORDS
            and not _SENTENCE_END.search(line)) or _cut_off(line)


def link_lists(text: str) -> list[tuple[int, int]]:
    """Spans of the runs of lines that read like links' labels and of the lines cut off as teasers
    (see above); blank lines between them do not end a run."""
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []

    def close_run() -> None:
        if len(run) >= _LINK_LIST_MIN_LINES:
            spans.append((run[0][0], run[-1][1]))
        else:
            spans.extend((a, b) for a, b in run if _cut_off(text[a:b]))

    for m in _LINE.finditer(text):
        if not m.group().strip():
            continue
        if _link_label(m.group()):
            run.append((m.start(), m.end()))
            continue
        close_run()
        run = []
    close_run()
    return spans
