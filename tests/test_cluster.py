"""Extraction on a Dask cluster (a LocalCluster of two worker processes): the database is the one a
plain ingest makes, and the DataFrame path gives the events of one process."""
from __future__ import annotations

import json

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pandas")

from corpus_support import mixed_corpus
from distributed import Client, LocalCluster

from summitry import cluster
from summitry.cli import main
from summitry.extract import extract_each
from summitry.fuse import fuse
from summitry.ingest import read_inputs
from summitry.store import open_store

REAL_SLICE = {"en-gdelt.jsonl": 40, "zh-xwlb-2026.jsonl": 30}
TABLES = ("documents", "mention_events", "events", "event_parties", "event_mentions", "legs")


@pytest.fixture(scope="module")
def corpus(shared_dir, examples_dir, tmp_path_factory):
    return mixed_corpus(shared_dir, examples_dir, REAL_SLICE, tmp_path_factory.mktemp("cluster") / "corpus.jsonl")


@pytest.fixture(scope="module")
def address():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local.scheduler_address


def contents(db_path) -> dict[str, list[tuple]]:
    with open_store(db_path, read_only=True) as store:
        return {name: store.db.rows(f"SELECT * FROM {name} ORDER BY ALL") for name in TABLES}


def test_ingest_on_a_dask_cluster_makes_the_database_a_plain_ingest_makes(corpus, address, tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "PARTITION_DOCS", 16)  # several partitions per batch, and batches per partition
    events_dir = tmp_path / "mentions"
    assert main(["ingest", str(corpus), "--db", str(tmp_path / "dask.duckdb"), "--dask", address,
                 "--events-dir", str(events_dir), "--batch-size", "25", "-q"]) == 0
    assert main(["ingest", str(corpus), "--db", str(tmp_path / "plain.duckdb"), "--workers", "1", "-q"]) == 0
    on_cluster, plain = contents(tmp_path / "dask.duckdb"), contents(tmp_path / "plain.duckdb")
    assert on_cluster == plain
    assert len(plain["events"]) > 20

    # the workers wrote each partition's mention events as Parquet: the store's mention events
    import pandas as pd

    parts = sorted(events_dir.glob("*.parquet"))
    assert len(parts) > 3
    written = pd.concat([pd.read_parquet(p) for p in parts])
    with open_store(tmp_path / "plain.duckdb", read_only=True) as store:
        stored = sorted(store.db.rows("SELECT mention_id, record FROM mention_events"))
    assert sorted(zip(written["mention_id"], written["record"], strict=True)) == stored


def test_mention_events_of_a_dask_bag_are_those_of_one_process_and_fuse_in_one_pass(corpus, address):
    import dask.bag as db

    docs, errors = read_inputs([corpus])
    assert not errors
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    expected = [e for _, events in extract_each(docs) for e in events]
    with Client(address):
        mentions = cluster.mention_events(db.from_sequence(records, npartitions=5))
        frame = mentions.compute()
        fused = cluster.fused_events(mentions)
    assert list(frame["record"]) == [e.to_json() for e in expected]
    assert list(frame["mention_id"])[:1] == [f"{expected[0].mentions[0].doc}#0"]
    assert frame["error"].isna().all()
    assert list(fused["record"]) == [e.to_json() for e in fuse(expected, {d.id: d.published for d in docs})]


def test_a_dask_dataframe_of_documents_reads_like_a_bag_and_a_bad_row_is_a_row_with_its_error(address):
    import dask.dataframe as dd
    import pandas as pd

    rows = pd.DataFrame({"id": ["a", "b", "c"],
                         "text": ["Xi Jinping visited Kazakhstan on 14 September 2022.", None, "Nothing."],
                         "published": ["2022-09-15", None, None]})
    with Client(address):
        frame = cluster.mention_events(dd.from_pandas(rows, npartitions=1)).compute()
    assert set(frame["doc_id"]) == {"a", "b"}  # a's visit, b's error, nothing in c
    assert frame[frame["doc_id"] == "a"]["type"].tolist() == ["visit"]
    bad = frame[frame["doc_id"] == "b"]
    assert len(bad) == 1 and "missing 'text'" in bad["error"].iloc[0]


def test_workers_with_another_version_of_summitry_are_refused(address, monkeypatch):
    import summitry

    with Client(address) as client:
        assert cluster.check_workers(client) == 2
        monkeypatch.setattr(summitry, "__version__", "0.0.0-not-the-workers")
        with pytest.raises(cluster.ClusterMismatch, match="another summitry version"):
            cluster.check_workers(client)

