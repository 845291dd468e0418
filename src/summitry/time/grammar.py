"""The scanner both languages share: ordered rules joined into one regular expression.

Each rule is a pattern (its group names prefixed so they are unique in the joined expression)
and a handler that turns a match into a result or declines it. When the handler of the rule
that matched declines, the later rules are tried at the same position, so declining never hides
a shorter reading. Rules are ordered longest reading first (alternation takes the first rule
that matches, not the longest).
"""
from __future__ import annotations

import re
import re._constants as _C
import re._parser as _P
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
    """Rules joined into one expression, applied only where a trigger token occurs.

    Every date expression holds at least one trigger token (a digit, a month or weekday name, a
    unit word such as "month" or 年/月/日), preceded at most by a short chain of lead-in words
    ("from", "the end of last", "in the past two", 上个, 2022年). The scan finds trigger tokens with
    one fast search, and tries the joined rules only at the starts of the chain before each, so
    the rules never run over the bulk of the text.
    """

    def __init__(self, rules: list[Rule], trigger: str, lead_in: Callable[[str, int, int], list[int]],
                 start: str = "", flags: int = 0) -> None:
        """``lead_in(text, lo, core)``: where, between ``lo`` and the trigger at ``core``, an
        expression may start (the starts of the lead-in words, in order); ``start``: what must
        hold where any rule starts (English: a word boundary)."""
        self.rules = rules
        self._index = {r.name: i for i, r in enumerate(rules)}
        # Each rule's branch is guarded by a lookahead of the characters its expressions can start
        # with: a branch whose first character cannot match is then left at the cost of one character
        # test, instead of entering its groups and repeats (most rules fail at most starts; this
        # makes a read about a third cheaper). The guard is a superset, so it changes no match.
        joined = "|".join(f"{_first_char_guard(r.pattern, flags)}(?P<{r.name}>{r.pattern})" for r in rules)
        self._joined = re.compile(f"{start}(?:{joined})", flags)
        self._alone = [re.compile(f"{start}(?:{r.pattern})", flags) for r in rules]
        self._trigger = re.compile(trigger)
        self._lead_in = lead_in

    def scan(self, text: str, anchor: Anchor, periods: bool = False,
             trace: list[str] | None = None, within: list[tuple[int, int]] | None = None) -> list[DateSpan]:
        """The expressions of ``text``; ``trace``, when given, gets the name of the rule that read
        each expression (consumed periods included); ``within``, when given, limits the scan to
        expressions whose trigger token starts inside one of these sorted (start, end) ranges
        (an expression still reads the text around it as a whole-text scan would)."""
        ctx = Context(text, anchor, periods)
        spans: list[DateSpan] = []
        done = 0  # end of the last span: nothing before it is read again
        for trig in self._triggers(text, within):
            core = trig.start()
            if core < done:
                continue
            for start in (*self._lead_in(text, done, core), core):
                found = self._read(text, start, core, ctx)
                if found is None:
                    continue
                done = self._keep(found, start, spans, ctx, trace)
                break
        return spans

    def _triggers(self, text: str, within: list[tuple[int, int]] | None):
        if within is None:
            yield from self._trigger.finditer(text)
            return
        for lo, hi in within:
            # Ranges end between words, so the end cuts no trigger token; without the end, the
            # search would run on to the next trigger, however far.
            yield from self._trigger.finditer(text, lo, hi)

    def scan_everywhere(self, text: str, anchor: Anchor, periods: bool = False,
                        trace: list[str] | None = None) -> list[DateSpan]:
        """The same reading, trying the rules at every position instead of around triggers only.

        Far slower; it is the reference the trigger scan is tested against (a rule whose
        expressions lack a trigger, or start with a word the lead-in does not know, shows up as
        a difference).
        """
        ctx = Context(text, anchor, periods)
        spans: list[DateSpan] = []
        pos = 0
        while pos < len(text):
            m = self._joined.search(text, pos)
            if m is None:
                break
            found = self._read(text, m.start(), m.start(), ctx, m)
            if found is None:
                pos = m.start() + 1
                continue
            pos = self._keep(found, m.start(), spans, ctx, trace)
        return spans

    def _keep(self, found: tuple[int, Result, str], start: int, spans: list[DateSpan], ctx: Context,
              trace: list[str] | None) -> int:
        end, res, rule = found
        if res.kind is not None and (res.kind != "period" or ctx.periods):
            spans.append(DateSpan(start, end, ctx.text[start:end], res.kind, res.interval, res.days))
        if trace is not None:
            trace.append(rule)
        return max(end, start + 1)

    def _read(self, text: str, start: int, core: int, ctx: Context,
              m: re.Match | None = None) -> tuple[int, Result, str] | None:
        """The first rule (in order) that reads an expression at ``start`` reaching past ``core``."""
        m = m or self._joined.match(text, start)
        if m is None:
            return None
        i = self._index[m.lastgroup]
        if m.end() > core:
            res = _handled(self.rules[i].handler, m, ctx)
            if res is not None:
                return (res.end if res.end is not None else m.end()), res, self.rules[i].name
        # declined, or too short: the later rules may still read something here
        for j in range(i + 1, len(self.rules)):
            alone = self._alone[j].match(text, start)
            if alone is not None and alone.end() > core:
                res = _handled(self.rules[j].handler, alone, ctx)
                if res is not None:
                    return (res.end if res.end is not None else alone.end()), res, self.rules[j].name
        return None


def _first_char_guard(pattern: str, flags: int = 0) -> str:
    """A lookahead of the characters a match of ``pattern`` can start with, or "" when that
    cannot be told (a class too wide, a pattern that can match the empty string)."""
    parsed = _P.parse(pattern, flags)
    chars = _first_chars(list(parsed), parsed.state.flags)  # (with the flags the pattern sets itself)
    if chars is None or chars[1]:
        return ""
    return "(?=[" + "".join("\\d" if c == "\\d" else re.escape(c) for c in sorted(chars[0])) + "])"


# Characters that a case-blind ASCII letter matches besides its two cases (re's Unicode folding).
_FOLDED = {"i": "İı", "k": "\u212a", "s": "ſ"}


def _first_chars(items: list, flags: int) -> tuple[set[str], bool] | None:
    """(the characters a match of the parsed ``items`` can start with, whether it can be empty),
    or None when that cannot be told. ``\\d`` stands for every decimal digit."""
    found: set[str] = set()
    for op, av in items:
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue  # zero-width: what follows starts the match
        if op is _C.LITERAL or op is _C.IN:
            chars = _class_chars([(op, av)] if op is _C.LITERAL else av, flags)
            return None if chars is None else (found | chars, False)
        if op is _C.SUBPATTERN:
            sub = _first_chars(list(av[3]), (flags | av[1]) & ~av[2])
        elif op is _C.BRANCH:
            subs = [_first_chars(list(alt), flags) for alt in av[1]]
            sub = None if None in subs else (set().union(*(c for c, _ in subs)), any(e for _, e in subs))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            sub = _first_chars(list(av[2]), flags)
            sub = None if sub is None else (sub[0], sub[1] or av[0] == 0)
        else:
            return None
        if sub is None:
            return None
        found |= sub[0]
        if not sub[1]:
            return found, False
    return found, True


def _class_chars(members: list, flags: int) -> set[str] | None:
    chars: set[str] = set()
    for op, av in members:
        if op is _C.LITERAL:
            chars.add(chr(av))
        elif op is _C.RANGE and av[1] - av[0] < 256:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is _C.CATEGORY and av is _C.CATEGORY_DIGIT:
            chars.add("\\d")
        else:
            return None  # a negated class, a wide range, another category
    if flags & re.IGNORECASE:
        if any(not c.isascii() for c in chars if c != "\\d"):
            return None
        chars |= {c.swapcase() for c in chars} | {f for c in chars for f in _FOLDED.get(c.lower(), "")}
    return chars


def _handled(handler: Handler, m: re.Match, ctx: Context) -> Result | None:
    """The handler's reading, declined when the date it would build is off the calendar (before
    year 1 or after 9999: "前年" in a text of year 1), however the handler got there."""
    try:
        return handler(m, ctx)
    except (ValueError, OverflowError):
        return None


class Rules(list):
    """A grammar's rules in the order they are declared, collected by decorating their handlers:
    ``@rules.rule(name, pattern)``."""

    def rule(self, name: str, pattern: str) -> Callable[[Handler], Handler]:
        def collect(handler: Handler) -> Handler:
            self.append(Rule(name, pattern, handler))
            return handler
        return collect


def alt(words_: list[str] | set[str]) -> str:
    """A regex alternation of literal words, longest first so a prefix never shadows a word."""
    return "|".join(re.escape(w) for w in sorted(set(words_), key=lambda w: (-len(w), w)))


def trie(words_: list[str] | set[str]) -> str:
    """The same alternation as ``alt``, factored by common prefixes (far fewer branches to try)."""
    tree: dict = {}
    for w in set(words_):
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # longest first: the optional end comes after the longer continuations
        return f"(?:{body})?" if ends else body
    return "(?:" + emit(tree) + ")"
