"""The whole job over real articles: every record validates and every mention points at its text."""
import jsonschema
import pytest
from conftest import EXAMPLES, SHARED

from summitry.fuse import MENTION_JOINER
from summitry.ingest import read_inputs
from summitry.pipeline import extract_events
from summitry.records import json_schema


def corpora():
    paths = [p for p in (EXAMPLES / "corpus.jsonl", SHARED / "corpus" / "seeds.jsonl") if p.exists()]
    if not paths:
        pytest.skip("no corpus to read")
    docs, errors = read_inputs(paths)
    assert not errors
    return docs


@pytest.mark.parametrize("merge", [True, False])
def test_every_mention_points_at_the_sentences_that_say_it(merge):
    docs = corpora()
    texts = {d.id: d.text for d in docs}
    events = extract_events(docs, merge=merge)
    assert events
    schema = json_schema()
    for ev in events:
        jsonschema.validate(ev.to_dict(), schema)
        for m in ev.mentions:
            span = texts[m.doc][m.start:m.end]
            parts = m.text.split(MENTION_JOINER)
            assert span.startswith(parts[0]) and span.endswith(parts[-1])
            assert all(part in span for part in parts)
            if not merge:  # merged, a sentence repeated in the document (a caption) is listed once
                assert span == m.text


def test_fused_events_keep_one_mention_per_document_and_every_document_that_reports_them():
    docs = corpora()
    unmerged = extract_events(docs, merge=False)
    merged = extract_events(docs)
    assert all(len({m.doc for m in e.mentions}) == len(e.mentions) for e in merged)
    reported = {(m.doc) for e in unmerged for m in e.mentions}
    assert reported == {m.doc for e in merged for m in e.mentions}
