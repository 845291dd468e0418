"""Long documents are read in sections, and a document over its time limit is skipped, reported,
and the run goes on (``summitry.extract.limits``)."""
from __future__ import annotations

import itertools
import threading
import time

import pytest

from summitry import cli
from summitry.extract import extract_document
from summitry.extract.limits import Limits, TimeLimitExceeded, extract_within_limits, sections
from summitry.records import Document

ARTICLE = ("Chinese President Xi Jinping arrived in Astana on Wednesday for a state visit to Kazakhstan. "
           "Xi held talks with Kazakh President Kassym-Jomart Tokayev.\n\n"
           "Russian President Vladimir Putin met Indian Prime Minister Narendra Modi in Samarkand on Friday.\n\n")


def test_sections_cover_the_text_in_order_cut_after_a_blank_line():
    text = ARTICLE * 100
    spans = list(sections(text, 2_000))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(end - start <= 2_000 for start, end in spans)
    assert all(text[:end].endswith("\n\n") for _, end in spans[:-1])


def test_text_without_breaks_is_still_cut_within_the_size():
    spans = list(sections("x" * 10_001, 1_000))
    assert [end - start for start, end in spans] == [1_000] * 10 + [1]


def test_a_document_read_in_sections_has_every_mention_at_its_place_in_the_whole_text():
    doc = Document(id="long", text=ARTICLE * 40, lang="en", published="2022-09-14")
    events = extract_document(doc, limits=Limits(section_chars=3_000))
    whole = extract_document(doc, limits=Limits(section_chars=None))
    assert len(events) == len(whole) and len({e.id for e in events}) == len(events)
    for event in events:
        (m,) = event.mentions
        assert doc.text[m.start:m.end] == m.text
    # each section reads its paragraphs as the whole document does
    assert sorted((e.type, e.mentions[0].start) for e in events) == sorted((e.type, e.mentions[0].start) for e in whole)


def test_a_document_over_its_time_limit_is_stopped():
    doc = Document(id="slow", text="x", lang="en")

    def slow(_):
        time.sleep(5)
        return []

    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded, match="time limit of 0.2 s"):
        extract_within_limits(slow, doc, Limits(seconds_per_mb=0.2))
    assert time.monotonic() - started < 3


def test_off_the_main_thread_the_limit_is_checked_between_sections():
    doc = Document(id="slow", text="word " * 1_000, lang="en")
    seen, caught = [], []

    def slow(section):
        seen.append(section)
        time.sleep(0.1)
        return []

    def run():
        try:
            extract_within_limits(slow, doc, Limits(section_chars=1_000, seconds_per_mb=0.05))
        except TimeLimitExceeded as e:
            caught.append(e)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    assert caught and len(seen) == 1


def test_the_time_limit_grows_with_the_length_of_the_document():
    limits = Limits(seconds_per_mb=60)
    assert limits.seconds_for(Document(id="a", text="x" * 10)) == 60
    assert limits.seconds_for(Document(id="a", text="x" * 2_500_000)) == 180
    assert Limits(seconds_per_mb=None).seconds_for(Document(id="a", text="x")) is None


def test_a_run_skips_and_reports_the_document_over_its_limit_and_goes_on(tmp_path, monkeypatch, capsys):
    import json

    feed = tmp_path / "feed.jsonl"
    rows = [{"id": "before", "text": ARTICLE, "published": "2022-09-14"},
            {"id": "huge", "text": ARTICLE * 15_000, "published": "2022-09-14"},  # 3.3 MB
            {"id": "after", "text": ARTICLE, "published": "2022-09-14"}]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    monkeypatch.setenv("SUMMITRY_TIME_LIMIT", "60")  # restored after the test: --time-limit sets it
    out = tmp_path / "events.jsonl"
    code = cli.main(["extract", "--no-merge", "--quiet", "--time-limit", "0.2", str(feed), "-o", str(out)])
    err = capsys.readouterr().err
    docs = {json.loads(line)["mentions"][0]["doc"] for line in out.read_text().splitlines()}
    assert docs == {"before", "after"}
    assert code == 1 and "skipped document 'huge'" in err and f"{feed}:2" in err and "time limit" in err
