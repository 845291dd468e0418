"""The English cue lexicon is data with a schema: it loads, and a broken entry is named."""
import re

import pytest
import yaml

from summitry.extract.lexicon import EVENT_TYPES, LexiconError, load, validate


def test_the_english_lexicon_loads_and_covers_every_event_type_and_status():
    lex = load("en")
    assert set(lex["triggers"]) == set(EVENT_TYPES)
    assert set(lex["status"]) == {"planned", "speculated", "postponed", "cancelled"}
    for name in ("negation", "reporting_verbs", "leader_terms", "generic_people", "non_event", "pronouns", "pair_terms",
                 "not_name_words", "organisation_words"):
        assert lex[name], name


@pytest.mark.parametrize("etype,phrase", [
    ("visit", "paid a state visit to"), ("visit", "arrived in"), ("visit", "crossed the border into"),
    ("visit", "led a delegation to"), ("meeting", "held talks with"), ("meeting", "met with"),
    ("meeting", "called on"), ("multilateral", "attended"), ("multilateral", "took part in"),
    ("call", "held a phone call"), ("call", "spoke with him by phone"),
])
def test_trigger_phrases_are_recognised(etype, phrase):
    patterns = [e["pattern"] for e in load("en")["triggers"][etype]]
    assert any(re.fullmatch(p, phrase, re.IGNORECASE) for p in patterns), phrase


def test_a_broken_entry_is_reported_by_its_place():
    data = yaml.safe_load("""
schema: summitry-lexicon/1
lang: en
triggers:
  visit:
    - {pattern: "visit(ed", target: right}
""")
    with pytest.raises(LexiconError, match=r"triggers.visit\[0\].*bad regular expression"):
        validate(data, "broken.yaml")


@pytest.mark.parametrize("data,message", [
    ({"schema": "other/1"}, "not a summitry-lexicon/1 document"),
    ({"schema": "summitry-lexicon/1", "triggers": {"tour": []}}, "event types"),
    ({"schema": "summitry-lexicon/1", "triggers": {"visit": [{"pattern": "x", "target": "above"}]}}, "target"),
    ({"schema": "summitry-lexicon/1", "triggers": {}, "status": {"rumoured": ["x"]}}, "status"),
    ({"schema": "summitry-lexicon/1", "triggers": {}, "pair_levels": {"presidents": ["president"]}},
     r"pair_levels.presidents must be a list of levels"),
])
def test_schema_violations_are_errors(data, message):
    with pytest.raises(LexiconError, match=message):
        validate(data, "x.yaml")
