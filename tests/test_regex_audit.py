"""Every regular expression of summitry against its worst inputs: none backtracks catastrophically.

The expressions are collected, not listed by hand, so a new one is audited as soon as it exists:
module-level patterns, the patterns an engine or a date grammar builds from its lexicon, and those
of objects held at module level.

Two kinds of use, two checks:
- an expression applied within a sentence or a window of a few words (most of them) is tried
  from many positions of hostile text as long as the longest sentence an engine reads: it may
  cost the square of that length, never an exponential (a nested quantifier over white space
  took hours on 40 spaces);
- an expression scanned over whole documents (sentence boundaries, markup, triggers) is run over
  hostile text of 200,000 characters, where a quadratic scan would take minutes.

Hostile text is made of each expression's own vocabulary (its literal words and characters),
repeated with and without spaces, and ended by a character that makes a match fail. A check
that runs too long is stopped by an alarm (far above what a linear scan takes) and fails.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
import signal
from collections.abc import Iterator

import pytest

import summitry
from summitry.extract.text import MAX_SENTENCE_CHARS

# Expressions scanned over whole documents, by the name ``_collect`` gives them.
DOCUMENT_SCANNED = {
    "summitry.extract.text._BOUNDARY",
    "summitry.extract.first_words.WORD",
    "summitry.extract.zh_text._IMAGE",
    "summitry.extract.zh_text._LINK",
    "summitry.extract.zh_text._FILE_OR_URL",
    "summitry.extract.zh_text._LINE_MARKS",
    "summitry.extract.zh_text._EMPHASIS",
    "summitry.extract.zh_text._BOUNDARY",
    "rules-en.candidate_rx",
    "rules-zh.lex.trigger_re",
    "rules-zh.lex.visit_abbr_re",
    "time-en._trigger",
    "time-zh._trigger",
}
DOCUMENT_CHARS = 100_000
# CPU seconds one expression may take over one hostile text. A linear scan takes milliseconds; a
# quadratic one over a document, or an exponential one anywhere, takes minutes or more. (CPU time,
# not wall time: on a loaded machine a linear scan of 0.2 CPU s took over 3 s of wall clock.)
ALARM_SECONDS = 3


def _patterns_of(obj: object, name: str) -> Iterator[tuple[str, re.Pattern]]:
    for attr, value in vars(obj).items():
        if isinstance(value, re.Pattern):
            yield f"{name}.{attr}", value
        elif isinstance(value, (list, tuple)):
            for i, item in enumerate(value):
                if isinstance(item, re.Pattern):
                    yield f"{name}.{attr}[{i}]", item


def _collect() -> dict[str, re.Pattern]:
    found: dict[str, re.Pattern] = {}
    for info in pkgutil.walk_packages(summitry.__path__, "summitry."):
        if info.name.startswith("summitry.web"):
            continue  # the web app's own patterns read URLs and headers, audited with the server
        module = importlib.import_module(info.name)
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found[f"{info.name}.{attr}"] = value
    from summitry.extract import engine_for
    from summitry.time import en as time_en
    from summitry.time import zh as time_zh

    for lang in ("en", "zh"):
        engine = engine_for(lang)
        found.update(_patterns_of(engine, engine.name))
        if getattr(engine, "lex", None) is not None:
            found.update(_patterns_of(engine.lex, f"{engine.name}.lex"))
    for lang, module in (("en", time_en), ("zh", time_zh)):
        found.update(_patterns_of(module.grammar(), f"time-{lang}"))
    return found


PATTERNS = _collect()


def hostile_texts(pattern: re.Pattern, length: int) -> Iterator[str]:
    """Text of about ``length`` characters built from the expression's own vocabulary."""
    source = pattern.pattern
    chars = sorted({c for c in source if not c.isspace() and c not in "\\()[]{}?*+|^$"})
    words = sorted(set(re.findall(r"[A-Za-z]{2,}|[\u4e00-\u9fff]{2,}", source)))
    words = words[:: max(1, len(words) // 16)]  # an even sample of a long word list
    pieces = [" ", "\n", " \t", ".", "a", "A", "1", ",", "-", "'", "会", "aA ", ". a", "".join(chars)]
    pieces += [w + " " for w in words] + words + [w.capitalize() + " " for w in words[:4]]
    for piece in pieces:
        if piece:
            yield piece * (length // len(piece)) + "\x00"


class _Alarm(Exception):
    pass


def _raise_alarm(*_):
    raise _Alarm


def run_with_alarm(seconds: float, work, *args) -> None:
    """``work(*args)``, failing with ``_Alarm`` when it takes more than ``seconds`` of the process's
    CPU time (the profiling timer counts CPU time only, so the machine's load does not trip it)."""
    previous = signal.signal(signal.SIGPROF, _raise_alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        work(*args)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def test_the_audit_finds_the_expressions_of_every_stage():
    assert len(PATTERNS) > 80
    assert DOCUMENT_SCANNED <= set(PATTERNS), sorted(DOCUMENT_SCANNED - set(PATTERNS))
    assert any(n.startswith("summitry.extract.en.") for n in PATTERNS)
    assert any(n.startswith("rules-zh.lex.") for n in PATTERNS)


def _match_from_many_starts(pattern: re.Pattern, text: str) -> None:
    for start in range(0, len(text), max(1, len(text) // 16)):
        pattern.match(text, start)


def _scan(pattern: re.Pattern, text: str) -> None:
    for _ in pattern.finditer(text):
        pass


@pytest.mark.parametrize("name", sorted(set(PATTERNS) - DOCUMENT_SCANNED))
def test_an_expression_used_within_sentences_never_backtracks_exponentially(name):
    pattern = PATTERNS[name]

    for text in hostile_texts(pattern, MAX_SENTENCE_CHARS):
        # tried from a spread of starts, as callers try it after each trigger or party
        run_with_alarm(ALARM_SECONDS, _match_from_many_starts, pattern, text)
        run_with_alarm(ALARM_SECONDS, pattern.fullmatch, text.rstrip("\x00"))


@pytest.mark.parametrize("name", sorted(DOCUMENT_SCANNED))
def test_an_expression_scanned_over_documents_is_linear(name):
    pattern = PATTERNS[name]

    for text in hostile_texts(pattern, DOCUMENT_CHARS):
        run_with_alarm(ALARM_SECONDS, _scan, pattern, text)


def test_the_worst_inputs_named_in_the_issue_are_among_those_tried():
    """80,000 full stops followed by a letter, and 40 spaces in a list of countries."""
    from summitry.extract.en import _CONNECTOR
    from summitry.extract.text import _BOUNDARY

    run_with_alarm(ALARM_SECONDS, _scan, _BOUNDARY, "." * 80_000 + "a")
    run_with_alarm(ALARM_SECONDS, _CONNECTOR.match, " " * 40 + "x")


def test_the_alarm_stops_an_expression_that_backtracks_exponentially():
    # the audit can fail: a nested quantifier over white space is stopped after its CPU seconds
    with pytest.raises(_Alarm):
        run_with_alarm(0.5, re.compile(r"(?:\s*)*x").match, " " * 40)
