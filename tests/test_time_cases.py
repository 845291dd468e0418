"""The table of date expressions (tests/data/timex_cases.yaml) read by summitry.time.find_dates."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from summitry.time import en, find_dates, zh
from summitry.time.interval import parse_published
from summitry.time.resolve import Anchor

CASES_FILE = Path(__file__).resolve().parent / "data" / "timex_cases.yaml"
_EXPECT = re.compile(
    r"(?P<text>.+?) \| (?P<kind>\w+) \| (?:(?P<none>-)|(?P<days>\d+) days|"
    r"(?P<start>\d{4}-\d\d-\d\d)\.\.(?P<end>\d{4}-\d\d-\d\d) (?P<gran>\w+))")


def _load_cases() -> list:
    """Cases with their line numbers; a malformed case fails naming the file and line."""
    text = CASES_FILE.read_text(encoding="utf-8")
    nodes = yaml.compose(text).value
    cases = []
    for node, case in zip(nodes, yaml.safe_load(text)):
        line = node.start_mark.line + 1
        where = f"{CASES_FILE.name}:{line}"
        missing = {"lang", "pub", "text", "expect"} - set(case)
        if missing:
            raise ValueError(f"{where}: case lacks {', '.join(sorted(missing))}")
        expected = []
        for item in case["expect"]:
            m = _EXPECT.fullmatch(item)
            if m is None:
                raise ValueError(f"{where}: expectation {item!r} is not 'text | kind | start..end gran', "
                                 "'text | kind | -' or 'text | duration | N days'")
            expected.append(m.groupdict())
        pub = case["pub"]
        if isinstance(pub, date):
            pub = pub.isoformat()  # YAML reads an unquoted date as a date; the API takes the string
        cases.append(pytest.param(case["lang"], None if pub is None else str(pub), case.get("tense"),
                                  bool(case.get("periods")), case["text"], expected, id=where))
    return cases


CASES = _load_cases()


def _describe(span) -> dict:
    iv = span.interval
    return {"text": span.text, "kind": span.kind,
            "none": "-" if iv is None and span.days is None else None,
            "days": str(span.days) if span.days is not None else None,
            "start": iv.start.isoformat() if iv else None, "end": iv.end.isoformat() if iv else None,
            "gran": iv.granularity if iv else None}


@pytest.mark.parametrize("lang,published,tense,periods,text,expected", CASES)
def test_case(lang, published, tense, periods, text, expected):
    spans = find_dates(text, lang, published, tense, periods=periods)
    assert [_describe(s) for s in spans] == expected
    for span in spans:  # offsets point into the text as given
        assert text[span.start:span.end] == span.text


def test_table_is_large_and_balanced():
    langs = [c.values[0] for c in CASES]
    assert len(CASES) >= 150
    assert min(langs.count("en"), langs.count("zh")) >= 0.4 * len(CASES)


def test_false_dates_are_covered():
    """The issue's list of things that are not dates each has a case with no span."""
    empty = [c.values[4] for c in CASES if not c.values[5]]
    for probe in ("20th National Congress", "34 days", "may visit", "G20", "COVID-19", "5-4.jpg",
                  "2013 to the outbreak", "二十大", "34天"):
        assert any(probe in text for text in empty), probe


GRAMMARS = {"en": en.grammar, "zh": zh.grammar}


def _anchor(published, tense) -> Anchor:
    return Anchor(parse_published(published), tense)


def test_every_rule_reads_some_case():
    """No rule of either grammar is dead: each reads at least one expression of the table."""
    fired: dict[str, list[str]] = {"en": [], "zh": []}
    for case in CASES:
        lang, published, tense, _, text, _ = case.values
        GRAMMARS[lang]().scan(text, _anchor(published, tense), True, fired[lang])
    for lang, grammar in GRAMMARS.items():
        assert [r.name for r in grammar().rules if r.name not in fired[lang]] == [], lang


def test_trigger_scan_agrees_with_trying_every_position():
    """Reading only around trigger tokens finds exactly what trying the rules everywhere finds."""
    texts = [(c.values[0], c.values[1], c.values[2], c.values[4]) for c in CASES]
    texts += [(lang, "2022-09-16", None, " ; ".join(c.values[4] for c in CASES if c.values[0] == lang))
              for lang in GRAMMARS]
    for lang, published, tense, text in texts:
        grammar = GRAMMARS[lang]()
        anchor = _anchor(published, tense)
        assert grammar.scan(text, anchor, True) == grammar.scan_everywhere(text, anchor, True), text
