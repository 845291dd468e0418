"""Linear time by construction: what bounds the work an engine does per sentence and per document.

Timing is for ``benchmarks/adversarial.py``; these tests check the bounds themselves.
"""
from __future__ import annotations

import pytest

from summitry.extract import extract_document, zh_text
from summitry.extract.text import _BOUNDARY, MAX_SENTENCE_CHARS, bounded_spans, split_sentences
from summitry.records import Document


def pieces(text, sentences):
    return [text[s.start:s.end] for s in sentences]


def test_a_run_of_text_without_a_full_stop_is_read_in_pieces_no_longer_than_the_bound():
    text = "Xi Jinping met Vladimir Putin in Moscow and " * 10_000  # 440,000 characters, no full stop
    sentences = split_sentences(text)
    assert max(s.end - s.start for s in sentences) <= MAX_SENTENCE_CHARS
    # cut after white space, nothing lost: the pieces joined by the spaces between them are the text
    assert " ".join(pieces(text, sentences)) == text.strip()
    assert all(text[s.end] == " " for s in sentences[:-1])


def test_chinese_text_without_a_terminator_is_cut_the_same_way():
    text = "会见" * 200_000
    sentences = zh_text.split_sentences(text)
    assert max(s.end - s.start for s in sentences) <= MAX_SENTENCE_CHARS
    assert "".join(pieces(text, sentences)) == text  # no blank to cut at: cut at the bound itself
    listed = "，".join(["习近平会见普京"] * 1000)
    sentences = zh_text.split_sentences(listed)
    assert all(listed[s.end - 1] == "，" for s in sentences[:-1])  # after a comma when there is one


def test_sentences_of_real_length_are_not_cut():
    long_sentence = "Blinken met Wang Yi in Beijing, " * 60 + "and they talked."  # 1,936 characters
    assert len(long_sentence) < MAX_SENTENCE_CHARS
    assert pieces(long_sentence, split_sentences(long_sentence)) == [long_sentence]
    assert bounded_spans(long_sentence, 0, len(long_sentence)) == [(0, len(long_sentence))]


def test_events_are_still_found_in_the_pieces_of_an_endless_sentence():
    text = "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow and " * 200
    events = extract_document(Document(id="endless", text=text, lang="en", published="2023-03-21"))
    # (each meeting in Moscow, and Xi's presence there)
    assert any(e.type == "meeting" for e in events) and all(e.type in ("meeting", "visit") for e in events)
    assert all(e.mentions[0].end - e.mentions[0].start <= MAX_SENTENCE_CHARS for e in events)


@pytest.mark.parametrize("text", [".", "." * 80_000 + "a", "a." + "." * 5 + '"' + "B", "x..!?。 Y"])
def test_a_run_of_full_stops_is_one_boundary_tried_once(text):
    """The boundary is tried from the first mark of a run only: a later mark of the same run
    never starts one (which is what made 80,000 full stops cost their square)."""
    for m in _BOUNDARY.finditer(text):
        assert m.start() == 0 or text[m.start() - 1] not in ".!?。！？" or m.group(0)[0] == "\n"
