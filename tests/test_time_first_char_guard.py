"""The grammar's first-character guards (summitry.time.grammar): a speed-up that changes no reading."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from summitry.time import en, grammar, zh
from summitry.time.interval import parse_published
from summitry.time.resolve import Anchor

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("pattern,starts", [
    (r"May|June", set("MJ")),
    (r"(?:early\s+)?(?:May|June)", set("eMJ")),
    (r"(?<!\w)\d+\s+days", {"\\d"}),
    (r"(?i:in)\s+the", {"i", "I", "İ", "ı"}),  # a case-blind "i" matches the Turkish dotted and dotless too
    (r"(?i:kilo|so)", {"k", "K", "\u212a", "s", "S", "ſ"}),  # the Kelvin sign, the long s
    (r"[0-3]?\d", {"0", "1", "2", "3", "\\d"}),
    (r"本周|上周", {"本", "上"}),
])
def test_a_guard_admits_every_character_a_match_can_start_with(pattern, starts):
    guard = grammar._first_char_guard(pattern)
    assert guard.startswith("(?=[") and guard.endswith("])")
    chars, empty = grammar._first_chars(list(grammar._P.parse(pattern)), 0)
    assert chars == starts and not empty


@pytest.mark.parametrize("pattern", [r"(?:May)?", r"\w+", r"[^a]b", r".x", r"(?i:é)t"])
def test_no_guard_where_the_first_character_cannot_be_told(pattern):
    assert grammar._first_char_guard(pattern) == ""


@pytest.mark.parametrize("module,lang", [(en, "en"), (zh, "zh")])
def test_the_guarded_grammar_reads_what_the_unguarded_one_reads(module, lang, monkeypatch):
    texts = [json.loads(line)["text"] for line in (REPO / "examples" / "corpus.jsonl").read_text().splitlines()
             if json.loads(line)["lang"] == lang]
    texts += ["In the past two weeks, ıN THE PAST TWO WEEKS; ſince 2013; 3 days; May 5 - June 7, 2023."]
    guarded = module.grammar()
    monkeypatch.setattr(grammar, "_first_char_guard", lambda pattern, flags=0: "")
    plain = module.grammar.__wrapped__()
    assert plain._joined.pattern != guarded._joined.pattern
    anchor = Anchor(parse_published("2023-06-01"), None)
    for text in texts:
        assert guarded.scan(text, anchor, periods=True) == plain.scan(text, anchor, periods=True)
        assert guarded.scan_everywhere(text, anchor) == plain.scan_everywhere(text, anchor)
