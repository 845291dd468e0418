"""Trying trigger patterns only at the words they can start with finds exactly what a full scan finds."""
import json
import random

import pytest
from conftest import EXAMPLES, SHARED

from summitry.extract.en import EnglishRuleEngine
from summitry.extract.first_words import first_words
from summitry.extract.lexicon import load


@pytest.mark.parametrize("pattern,words", [
    ("visit(?:s|ed|ing)?", {"visit", "visits", "visited", "visiting"}),
    ("(?:state|official) visits? (?:to|in)", {"state", "official"}),
    ("(?:tele)?phone call", {"phone", "telephone"}),
    ("(?:called|paid a (?:courtesy )?call) on", {"called", "paid"}),
    ("spen[dt] (?:\\w+ ){1,3}in", {"spend", "spent"}),
    ("(?:met|meet)(?! with)", {"met", "meet"}),
    ("chargé d'affaires", {"charg"}),  # the word token it starts with: letters beyond ASCII end a token
])
def test_first_words_of_a_pattern(pattern, words):
    assert first_words(pattern) == words


@pytest.mark.parametrize("pattern", ["\\w+ visit", "[a-z]+ed", "(?:visit|\\w+)", "'ll", "(?:will|'ll)"])
def test_a_pattern_whose_first_word_cannot_be_told_gives_none(pattern):
    assert first_words(pattern) is None


def full_scan(engine, text):
    """The reference: every pattern tried at every place a word can start."""
    starts = [i for i in range(len(text)) if text[i].isalpha() and (i == 0 or not (text[i - 1].isalnum()
                                                                                  or text[i - 1] in "_-"))]
    found = []
    for etype, target, rx in engine.triggers:
        found += [(m.start(), m.end(), etype) for m in (rx.match(text, i) for i in starts) if m]
    return sorted(found)


def indexed_scan(engine, text):
    found = []
    from summitry.extract.first_words import WORD
    for w in WORD.finditer(text):
        for i in engine.trigger_index.get(w.group(0).lower(), ()):
            m = engine.triggers[i][2].match(text, w.start())
            if m:
                found.append((m.start(), m.end(), engine.triggers[i][0]))
    for i in engine.unindexed_triggers:
        found += [(m.start(), m.end(), engine.triggers[i][0]) for m in engine.triggers[i][2].finditer(text)]
    return sorted(found)


def texts():
    out = []
    for path in (EXAMPLES / "corpus.jsonl", SHARED / "corpus" / "seeds.jsonl"):
        if path.exists():
            out += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()]
    rng = random.Random(4)
    words = ["visit", "visited", "paid", "a", "state", "visit", "to", "met", "with", "held", "talks", "with", "spoke", "by", "phone", "attended", "the", "summit", "co-chaired", "Xi's", "trip-to", "of", "in", "Moscow.", "call", "called", "on", "face-to-face", "video", "call", "'visits'", "re-visit"]
    out += [" ".join(rng.choice(words) for _ in range(80)) for _ in range(50)]
    return out


def test_indexed_scan_equals_a_full_scan():
    engine = EnglishRuleEngine()
    for text in texts():
        assert indexed_scan(engine, text) == full_scan(engine, text)


def test_every_trigger_pattern_has_first_words():
    for etype, entries in load("en")["triggers"].items():
        for entry in entries:
            assert first_words(entry["pattern"]), (etype, entry["pattern"])


def test_titles_and_leader_words_found_at_candidate_words_equal_a_full_scan():
    from summitry.extract.en import _words

    engine = EnglishRuleEngine()
    assert engine.lexical_first_words, "the lexicon's titles should have first words"
    for text in texts() + ["The Deputy Director-General and the special envoy met his counterparts' heads of state.",
                            "The French chargé d'affaires met the Chargé d’Affaires of Peru."]:
        fast = [(m.start(), m.end(), m.lastgroup) for m in engine._lexical_finditer(text, _words(text))]
        full = [(m.start(), m.end(), m.lastgroup) for m in engine.lexical_rx.finditer(text)]
        assert fast == full


def test_status_cues_found_at_candidate_words_equal_a_full_scan():
    from summitry.extract.en import _words
    from summitry.extract.text import split_sentences

    engine = EnglishRuleEngine()
    for text in texts() + ["It may or might not; the visit, possibly postponed, could be called off. We'll see.",
                           "A cue that starts with no word: they 'll meet. THEY 'LL MEET, 'll visit."]:
        words = _words(text)
        engine._note_status_words(words)
        for sent in split_sentences(text):
            for status, rx in engine.status_rx.items():
                fast = [m.span() for m in engine._cue_matches(text, sent, status, rx)]
                full = [m.span() for m in rx.finditer(text, sent.start, sent.end)]
                assert fast == full, (status, sent.text)


def test_candidate_words_are_the_words_a_trigger_title_or_cue_can_start_at():
    from summitry.extract.en import _words

    engine = EnglishRuleEngine()
    wanted = set(engine.trigger_index) | engine.lexical_first_words | engine._cue_first_words
    for text in texts() + ["Re-visit the co-chaired re--visit; a five-day visit-to-be, chargé d’affaires."]:
        assert engine._candidate_words(text) == [(s, w) for s, w in _words(text) if w in wanted]


@pytest.mark.parametrize("text", ["İstanbul: the ÉLYSÉE VISIT", "a 5 \u212aelvin VISIT", "Chargé D’Affaires MET ÆON",
                                  "plain ASCII, Visited"])
def test_ascii_lowering_keeps_every_offset_and_lowers_ascii_only_into_ascii(text):
    from summitry.extract.en import _ascii_lower

    lowered = _ascii_lower(text)
    assert len(lowered) == len(text)
    # an ASCII character becomes its lower case; any other stays outside ASCII
    assert [c if c.isascii() else None for c in lowered] == [c.lower() if c.isascii() else None for c in text]


def test_negations_and_non_events_found_at_candidate_words_equal_a_search():
    from summitry.extract.en import _words

    engine = EnglishRuleEngine()
    for text in texts() + ["He didn't visit; a visitor to the museum never met the tourists. A Website's page, NO visit."]:
        engine._note_status_words(_words(text))
        for kind, rx in (("negation", engine.negation_rx), ("non_event", engine.non_event_rx)):
            for lo in range(0, len(text), 7):
                for hi in (lo + 30, lo + 65):
                    assert engine._found_in(kind, rx, text, lo, hi) == bool(rx.search(text, lo, hi)), (kind, lo, hi)


@pytest.mark.parametrize("text", [
    "Xi was to have travelled to Pakistan too.", "She had been due to visit Hanoi.", "They had planned to meet.",
    "He was supposed to attend.", "It Was To Have been a visit.", "A trilateral summit, a three-way JOINT meeting.",
    "The leaders met together in Rome.", "Nothing of the kind here.", "Jointly held; JOİNT ſummit."])
def test_substring_tests_before_a_search_answer_as_the_search(text):
    from summitry.extract import en
    from summitry.extract.text import split_sentences

    for lo in range(len(text)):
        for hi in range(lo, len(text) + 1, 5):
            assert en._unfulfilled_before(text, lo, hi) == (en._UNFULFILLED.search(text, lo, hi) is not None)
    lowered = en._ascii_lower(text)
    for sent in split_sentences(text):
        assert bool(en._together(text, sent, lowered)) == bool(en._TOGETHER.search(text, sent.start, sent.end))


@pytest.mark.parametrize("line", [
    "HAVANA - US President Barack Obama flew to Cuba Sunday to bury the hatchet in a more than ...",
    "receive Yemeni Vice-President ... READ MORE", "receive him ... Read MOre  ", "a teaser … Continue ReAdInG",
    "the story … full STORY", "passed away in…", "他说……", "A plain sentence.", "", "more", "x ... moRe\t"])
def test_a_teaser_s_cut_is_found_as_its_search_finds_it(line):
    from summitry.extract.text import _CUT_OFF, _cut_off

    assert _cut_off(line) == (bool(_CUT_OFF.search(line)) and not line.rstrip().endswith("……"))
