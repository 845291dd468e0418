"""The scanner both languages share: ordered rules joined into one regular expression.

Each rule is a pattern (its group names prefixed so they are unique in the joined expression)
and a handler that turns a match into a result or declines it. The joined expression is
searched once through the text; when the handler of the rule that matched declines, the later
rules are tried at the same position before the scan moves on, so declining never hides a
shorter reading. Rules are ordered longest reading first (alternation takes the first rule that
matches, not the longest).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from summitry.time.interval import DateSpan, Interval
from summitry.time.resolve import Anchor


class Result(NamedTuple):
    kind: str | None  # None: the text is consumed but is no date (e.g. a period not asked for)
    interval: Interval | None
    days: int | None = None
    end: int | None = None  # a shorter end than the match's, when the handler trims it


@dataclass
class Context:
    text: str
    anchor: Anchor
    periods: bool = False


Handler = Callable[[re.Match, Context], "Result | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str
    handler: Handler


class Grammar:
    def __init__(self, rules: list[Rule], flags: int = 0) -> None:
        self.rules = rules
        self._index = {r.name: i for i, r in enumerate(rules)}
        self._joined = re.compile("|".join(f"(?P<{r.name}>{r.pattern})" for r in rules), flags)
        self._alone = [re.compile(r.pattern, flags) for r in rules]

    def scan(self, text: str, anchor: Anchor, periods: bool = False) -> list[DateSpan]:
        ctx = Context(text, anchor, periods)
        spans: list[DateSpan] = []
        pos, n = 0, len(text)
        search = self._joined.search
        while pos < n:
            m = search(text, pos)
            if m is None:
                break
            start = m.start()
            i = self._index[m.lastgroup]
            res = self.rules[i].handler(m, ctx)
            end = m.end()
            while res is None and i + 1 < len(self.rules):
                # declined: the later rules may still read something at this position
                i += 1
                alone = self._alone[i].match(text, start)
                if alone is not None and alone.end() > start:
                    res = self.rules[i].handler(alone, ctx)
                    end = alone.end()
            if res is None:
                pos = start + 1
                continue
            if res.end is not None:
                end = res.end
            if res.kind is not None and (res.kind != "period" or periods):
                spans.append(DateSpan(start, end, text[start:end], res.kind, res.interval, res.days))
            pos = max(end, start + 1)
        return spans


def alt(words_: list[str] | set[str]) -> str:
    """A regex alternation of literal words, longest first so a prefix never shadows a word."""
    return "|".join(re.escape(w) for w in sorted(set(words_), key=lambda w: (-len(w), w)))
