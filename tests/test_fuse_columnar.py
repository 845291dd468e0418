"""Fusion over columns (summitry.fuse_columnar) gives exactly the events of summitry.fuse.fuse, in
its order, on real extracted reports and on generated reports of every awkward kind."""
from __future__ import annotations

import random

import pytest
from corpus_support import mixed_corpus

# the columnar path comes with the Dask extras (numpy); fusion itself needs no numerical library
pytest.importorskip("numpy")

from summitry.fuse import fuse_with_sources, fusion_key
from summitry.fuse_columnar import fuse_table, fused_events_of, fusion_keys, mention_table, reports_of
from summitry.intervals import NO_DAY
from summitry.records import Event, Mention, Party

REAL_SLICE = {"en-gdelt.jsonl": 120, "zh-xwlb-2026.jsonl": 60}

NAMED = [Party("Xi Jinping", "CHN", "President", "head_of_state"), Party("Vladimir Putin", "RUS"),
         Party("Ukhnaagiin Khurelsukh", "MNG", None, "head_of_state"), Party("Antony Blinken", "USA", "Secretary")]
BY_COUNTRY = [Party(None, "CHN"), Party(None, "RUS"), Party(None, "USA"), Party(None, None)]
DAYS = ["2023-03-20", "2023-03-21", "2023-03-22", "2023-03-24", "2023-04-01", "2023-09-30", "2024-01-02"]


def awkward_reports(n: int, seed: int) -> tuple[list[Event], dict[str, str | None]]:
    """Reports of few parties and days, so that they meet: unnamed parties and parties known by
    country, trilaterals, places, forums, every status, dates of every precision and source, reports
    without a date or a publication day, events already fused (several mentions), reports told twice."""
    rng = random.Random(seed)
    events: list[Event] = []
    published: dict[str, str | None] = {}
    for i in range(n):
        if events and rng.random() < 0.05:
            events.append(events[-1])  # the same record twice
            continue
        kind = rng.choice(["visit", "meeting", "multilateral", "call"])
        actor = rng.choice(NAMED + BY_COUNTRY[:2])
        others = rng.sample(NAMED + BY_COUNTRY, rng.choice([1, 1, 2])) if kind in ("meeting", "call") else []
        day = rng.choice(DAYS + [None])
        precision = rng.choice(["day", "day", "month", "year"]) if day else None
        start, end = day, day
        if precision == "month":
            start, end = day[:8] + "01", day[:8] + "28"
        elif precision == "year":
            start, end = day[:5] + "01-01", day[:5] + "12-31"
        elif day and rng.random() < 0.2:
            end = rng.choice(DAYS)  # a span, in either order
        mentions = []
        for k in range(rng.choice([1, 1, 1, 2])):
            doc = f"doc{rng.randrange(n // 3 + 1)}"
            published.setdefault(doc, rng.choice(DAYS + ["2023-03", "2023", None]))
            status = rng.choice(["occurred", "occurred", "planned", "speculated", "postponed", "cancelled"])
            mentions.append(Mention(doc, status, rng.choice(["en", "zh"]), f"sentence {i}.{k}", i, i + 5 + k))
        events.append(Event(
            id=f"mn_{i}", type=kind, status=mentions[0].status, actor=actor, counterparts=others,
            countries=rng.sample(["KAZ", "CHN", "RUS", "USA"], rng.choice([0, 1, 1, 2])),
            place=rng.choice([None, None, "Astana", "Moscow", "Woodside", "San Francisco"]),
            forum=rng.choice([None, "SCO", "BRICS"]) if kind == "multilateral" else None,
            start=start, end=end, precision=precision,
            dated_by=rng.choice([None, "text", "context", "publication"]) if day else None,
            mentions=mentions, trip=rng.choice([None, "tr_old"])))
    return events, published


def same_as_fuse(events: list[Event], published: dict[str, str | None], **options) -> None:
    expected = fuse_with_sources(events, published)
    table = fuse_table(mention_table(events, published), **options)
    assert [e.to_dict() for e in fused_events_of(table)] == [e.to_dict() for e, _ in expected]
    assert table.column("sources").to_pylist() == [sources for _, sources in expected]


@pytest.mark.parametrize("seed", range(6))
def test_awkward_reports_fuse_over_columns_as_fuse_fuses_them(seed):
    events, published = awkward_reports(300, seed)
    same_as_fuse(events, published)


def test_forked_workers_taking_shards_of_blocks_and_chunks_of_islands_give_the_same_events(monkeypatch):
    import summitry.fuse_columnar

    monkeypatch.setattr(summitry.fuse_columnar, "SHARD_REPORTS", 90)  # blocks dealt into shards
    monkeypatch.setattr(summitry.fuse_columnar, "PLAIN_PART_REPORTS", 20)  # plain islands in parts too
    events, published = awkward_reports(600, 11)
    same_as_fuse(events, published, workers=2, chunk_reports=40)
    events, published = plain_reports(400, 12)
    same_as_fuse(events, published, workers=2, chunk_reports=40)


def plain_reports(n: int, seed: int) -> tuple[list[Event], dict[str, str | None]]:
    """Reports of few events, each told alike by a few documents (mostly plain islands)."""
    rng = random.Random(seed)
    events, published = [], {}
    for i in range(n):
        story = rng.randrange(n // 3)
        day = DAYS[story % len(DAYS)]
        doc = f"doc{i}"
        published[doc] = day
        m = Mention(doc, "occurred", "en", f"sentence {i}", 0, 9)
        events.append(Event(id=f"mn_{i}", type=["visit", "meeting"][story % 2], status="occurred",
                            actor=NAMED[story % 4], counterparts=[NAMED[(story + 1) % 4]] if story % 2 else [],
                            countries=[["KAZ", "CHN", "RUS"][story % 3]], start=day, end=day, precision="day",
                            mentions=[m]))
    return events, published


def test_each_report_has_the_key_fusion_key_gives_it():
    events, published = awkward_reports(400, 5)
    table = mention_table(events, published)
    block, scope, lo, hi, _ = fusion_keys(table)
    keys = [fusion_key(report, pub) for report, pub in zip(reports_of(table), table.column("published").to_pylist())]
    blocks, scopes = {}, {None: -1}
    assert block.tolist() == [blocks.setdefault(k.block, len(blocks)) for k in keys]
    assert scope.tolist() == [scopes.setdefault(k.scope, len(scopes) - 1) for k in keys]
    assert lo.tolist() == [NO_DAY if k.reach_from is None else k.reach_from for k in keys]
    assert hi.tolist() == [NO_DAY if k.reach_to is None else k.reach_to for k in keys]


def test_reports_over_many_days_in_many_shards_fuse_as_fuse_fuses_them(monkeypatch):
    """More distinct days and publication days than a part's words are decoded from whole (256),
    and blocks dealt into several shards."""
    import datetime

    import summitry.fuse_columnar

    monkeypatch.setattr(summitry.fuse_columnar, "SHARD_REPORTS", 150)
    rng = random.Random(7)
    events, published = [], {}
    first = datetime.date(2020, 1, 1)
    for i in range(900):
        story = rng.randrange(300)
        day = (first + datetime.timedelta(days=story * 3 + rng.choice([0, 0, 1]))).isoformat()
        doc = f"doc{i}"
        published[doc] = (first + datetime.timedelta(days=story * 3 + rng.randrange(-3, 5))).isoformat()
        precision = rng.choice(["day", "day", "month", None])
        start = end = None if precision is None else day
        if precision == "month":
            start, end = day[:8] + "01", day[:8] + "28"
        m = Mention(doc, rng.choice(["occurred", "occurred", "planned"]), "en", f"sentence {i}", 0, 9)
        kind = ["visit", "meeting", "multilateral", "call"][story % 4]
        events.append(Event(id=f"mn_{i}", type=kind, status=m.status, actor=NAMED[story % 4],
                            counterparts=[NAMED[(story + 1) % 4]] if kind in ("meeting", "call") else [],
                            countries=[["KAZ", "CHN", "RUS", "MNG"][story % 4]], start=start, end=end,
                            precision=precision, dated_by="text" if precision else None, mentions=[m]))
    same_as_fuse(events, published)
    same_as_fuse(events, published, workers=2)


def test_no_reports_give_no_events():
    assert fuse_table(mention_table([], {})).num_rows == 0


@pytest.fixture(scope="module")
def real_reports(shared_dir, examples_dir, tmp_path_factory):
    """The engines' reports of the seeds, the examples and the first articles of the real corpora."""
    from summitry.extract import extract_each
    from summitry.ingest import read_inputs

    path = mixed_corpus(shared_dir, examples_dir, REAL_SLICE, tmp_path_factory.mktemp("columnar") / "corpus.jsonl")
    docs, _ = read_inputs([path])
    found = [(doc, events) for doc, events in extract_each(docs)]
    events = [event for _, found_in_doc in found for event in found_in_doc]
    assert len(events) > 200
    return events, {doc.id: doc.published for doc in docs}


def test_real_extracted_reports_fuse_over_columns_as_fuse_fuses_them(real_reports):
    events, published = real_reports
    same_as_fuse(events, published)
    same_as_fuse(events, published, chunk_reports=50)


def test_reports_read_from_their_json_records_are_the_reports_of_the_records(real_reports):
    import pyarrow as pa

    from summitry.fuse_columnar import mention_table_of_records

    events, published = real_reports
    read = mention_table_of_records(pa.array([e.to_json() for e in events]),
                                    pa.array([published[e.mentions[0].doc] for e in events], pa.string()))
    assert read.to_pylist() == mention_table(events, published).to_pylist()
