"""The store: idempotent, incremental, transactional ingest, on DuckDB and on PostgreSQL."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from test_store_support import (  # noqa: F401  (fixtures)
    ROOT,
    doc,
    generated_documents,
    line,
    line_extractor,
    pg_dsn_fixture,
    pg_server_fixture,
    snapshot,
    target_fixture,
)

from summitry.fuse import fuse
from summitry.records import Event
from summitry.store import StoreError, open_store

XI = ("Xi Jinping", "CHN")
PUTIN = ("Vladimir Putin", "RUS")


def ingest(store, docs, **kw):
    return store.ingest(docs, extract=line_extractor, **kw)


def test_ingest_stores_documents_mentions_and_fused_events(target):
    a = doc("a", [line("visit", XI, ["KAZ"], "2022-09-14", place="Astana")])
    b = doc("b", [line("visit", XI, ["KAZ"], "2022-09-14", status="planned"),
                  line("meeting", XI, ["UZB"], "2022-09-15", counterparts=[PUTIN])], published="2022-09-06")
    with open_store(target) as store:
        report = ingest(store, [a, b])
        assert (report.added, report.unchanged, report.mention_events) == (2, 0, 3)
        rows = store.db.rows("SELECT type, status, n_mentions FROM events ORDER BY type")
        assert rows == [("meeting", "occurred", 1), ("visit", "occurred", 2)]
        # every mention of a fused event links back to the mention event it came from
        links = store.db.rows("SELECT mention_id FROM event_mentions ORDER BY mention_id")
        assert [m for (m,) in links] == ["a#0", "b#0", "b#1"]


def test_ingesting_the_same_documents_again_changes_nothing(target):
    docs = generated_documents(30)
    with open_store(target) as store:
        ingest(store, docs)
        before = snapshot(store)
        again = ingest(store, docs)
        assert (again.unchanged, again.added, again.replaced, again.mention_events) == (30, 0, 0, 0)
        assert snapshot(store) == before


def test_a_changed_document_replaces_its_mentions_and_is_fused_again(target):
    a = doc("a", [line("visit", XI, ["KAZ"], "2022-09-14")])
    b = doc("b", [line("visit", XI, ["KAZ"], "2022-09-14", status="planned")])
    with open_store(target) as store:
        ingest(store, [a, b])
        assert store.db.rows("SELECT n_mentions FROM events") == [(2,)]
        b2 = doc("b", [line("visit", XI, ["UZB"], "2022-09-15")])
        report = ingest(store, [b2])
        assert (report.replaced, report.added) == (1, 0)
        rows = store.db.rows("SELECT countries, n_mentions FROM events ORDER BY countries")
        assert rows == [("KAZ", 1), ("UZB", 1)]
        assert store.db.rows("SELECT COUNT(*) FROM mention_events WHERE doc_id = 'b'") == [(1,)]
        # no link, leg or party row of the replaced event is left behind
        orphans = store.db.rows(
            "SELECT COUNT(*) FROM event_mentions WHERE event_id NOT IN (SELECT id FROM events)")
        assert orphans == [(0,)]
        assert store.db.rows("SELECT COUNT(*) FROM legs") == [(2,)]


def test_incremental_ingest_equals_ingesting_everything_at_once(target, tmp_path):
    docs = generated_documents(60)
    with open_store(tmp_path / "all.duckdb") as whole:
        ingest(whole, docs, batch_size=1000)
        expected = snapshot(whole)
    changed = [doc(d.id, d.text.splitlines()[1:], d.published) for d in docs[10:20]]
    with open_store(target) as store:
        ingest(store, list(reversed(docs[30:])), batch_size=7)
        ingest(store, changed, batch_size=4)          # an earlier version of ten documents...
        ingest(store, docs[:30], batch_size=11)
        ingest(store, docs[10:20], batch_size=3)      # ...replaced by the final one
        assert snapshot(store) == expected


def test_stored_events_are_the_fusion_of_the_stored_mentions(target):
    with open_store(target) as store:
        ingest(store, generated_documents(40), batch_size=9)
        records = store.db.rows("SELECT record FROM mention_events")
        published = dict(store.db.rows("SELECT id, published FROM documents"))
        fused = fuse([Event.from_dict(json.loads(r)) for (r,) in records], published)
        stored = {i: json.loads(r) for i, r in store.db.rows("SELECT id, record FROM events")}
        assert stored == {e.id: json.loads(e.to_json()) for e in fused}


def test_a_document_that_fails_extraction_is_reported_and_the_rest_stored(target):
    def extract(document):
        if document.id == "bad":
            raise ValueError("engine exploded")
        return line_extractor(document)

    docs = [doc("ok1", [line("visit", XI, ["KAZ"], "2022-09-14")]), doc("bad", ["not json"]),
            doc("ok2", [line("visit", PUTIN, ["CHN"], "2022-02-04")])]
    with open_store(target) as store:
        report = store.ingest(docs, extract=extract)
        assert report.added == 2
        assert len(report.errors) == 1 and "bad" in report.errors[0] and "engine exploded" in report.errors[0]
        assert sorted(store.db.rows("SELECT id FROM documents")) == [("ok1",), ("ok2",)]


def test_a_failed_batch_leaves_the_database_as_it_was(target):
    def broken_fuse(events, published):
        raise RuntimeError("fusion failed half-way")

    with open_store(target) as store:
        ingest(store, [doc("a", [line("visit", XI, ["KAZ"], "2022-09-14")])])
        before = snapshot(store)
        with pytest.raises(RuntimeError):
            store.ingest([doc("b", [line("visit", XI, ["UZB"], "2022-09-15")])], extract=line_extractor,
                         fuse=broken_fuse)
        assert snapshot(store) == before


def test_kill_mid_ingest_leaves_whole_documents_and_reingest_completes(target, tmp_path):
    n = 200
    proc = subprocess.Popen([sys.executable, str(ROOT / "tests" / "test_store_support.py"), target, str(n)],
                            stdout=subprocess.PIPE, text=True)
    committed = 0
    deadline = time.monotonic() + 120
    for out in proc.stdout:  # wait for a few committed batches, then kill without warning
        if out.startswith("committed"):
            committed = int(out.split()[1])
            if committed >= 50:
                break
        assert time.monotonic() < deadline, "the ingest process made no progress"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 50 <= committed < n, "the process finished before it could be killed"

    docs = generated_documents(n)
    expected_mentions = {d.id: len(line_extractor(d)) for d in docs}
    with open_store(target) as store:
        stored = dict(store.db.rows(
            "SELECT d.id, COUNT(m.mention_id) FROM documents d LEFT JOIN mention_events m ON m.doc_id = d.id "
            "GROUP BY d.id"))
        assert committed <= len(stored) < n
        assert all(stored[i] == expected_mentions[i] for i in stored), "a document is stored in part"
        assert store.db.rows("SELECT COUNT(*) FROM mention_events WHERE doc_id NOT IN "
                             "(SELECT id FROM documents)") == [(0,)]
        # the fused events are those of the stored mentions, nothing more or less
        records = store.db.rows("SELECT record FROM mention_events")
        published = dict(store.db.rows("SELECT id, published FROM documents"))
        fused = fuse([Event.from_dict(json.loads(r)) for (r,) in records], published)
        assert sorted(i for (i,) in store.db.rows("SELECT id FROM events")) == sorted(e.id for e in fused)

        report = ingest(store, docs, batch_size=100)
        assert report.unchanged == len(stored) and report.added == n - len(stored)
        resumed = snapshot(store)
    with open_store(tmp_path / "clean.duckdb") as clean:
        ingest(clean, docs, batch_size=100)
        assert resumed == snapshot(clean)


def test_schema_version_mismatch_is_refused(tmp_path):
    path = tmp_path / "old.duckdb"
    with open_store(path) as store:
        store.db.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 0"):
        open_store(path)


def test_a_database_from_before_dated_by_is_refused_with_what_changed(tmp_path):
    path = tmp_path / "old.duckdb"
    with open_store(path) as store:
        store.db.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match=r"schema version 3; .*dated_by.*new database"):
        open_store(path)


def test_default_target_is_in_the_user_data_directory(monkeypatch, tmp_path):
    from summitry.store import default_target

    monkeypatch.delenv("SUMMITRY_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_target() == str(tmp_path / "summitry" / "summitry.duckdb")
    monkeypatch.setenv("SUMMITRY_DB", "postgresql://u@h/db")
    assert default_target() == "postgresql://u@h/db"


def test_events_fusion_names_alike_are_all_kept_under_distinct_ids(target):
    def same_id_fuse(events, published):
        merged = fuse(events, published)
        for e in merged:
            e.id = "ev_same"
        return merged

    tour = doc("tour", [line("visit", XI, ["KAZ"], "2022-09-14"), line("visit", XI, ["UZB"], "2022-09-15")])
    with open_store(target) as store:
        store.ingest([tour], extract=line_extractor, fuse=same_id_fuse)
        rows = store.db.rows("SELECT id, countries FROM events ORDER BY countries")
    assert [c for _, c in rows] == ["KAZ", "UZB"]
    assert len({i for i, _ in rows}) == 2 and all(i.startswith("ev_same~") for i, _ in rows)


def test_two_writers_on_one_postgres_database_take_turns(pg_dsn):
    from concurrent.futures import ThreadPoolExecutor

    docs = generated_documents(80)
    with open_store(pg_dsn):
        pass  # create the schema once

    def run(part):
        with open_store(pg_dsn) as store:
            ingest(store, part, batch_size=5)

    with ThreadPoolExecutor(2) as pool:
        list(pool.map(run, [docs[::2], docs[1::2]]))
    with open_store(pg_dsn) as store:
        records = store.db.rows("SELECT record FROM mention_events")
        published = dict(store.db.rows("SELECT id, published FROM documents"))
        fused = fuse([Event.from_dict(json.loads(r)) for (r,) in records], published)
        stored = {i: json.loads(r) for i, r in store.db.rows("SELECT id, record FROM events")}
    assert len(published) == 80
    assert stored == {e.id: json.loads(e.to_json()) for e in fused}


def test_ingest_command_stores_the_good_input_and_counts_the_bad(tmp_path, capsys):
    from summitry.cli import main

    source = tmp_path / "feed.jsonl"
    good = {"id": "good", "lang": "en", "published": "2023-06-19", "text":
            "Secretary of State Antony Blinken visited Beijing on June 18, 2023."}
    source.write_text(json.dumps(good) + "\n{broken\n", encoding="utf-8")
    db = tmp_path / "cli.duckdb"
    assert main(["ingest", str(source), "--db", str(db)]) == 1
    captured = capsys.readouterr()
    assert "feed.jsonl:2" in captured.err and "1 input(s) skipped" in captured.err
    with open_store(db) as store:
        assert store.db.rows("SELECT id FROM documents") == [("good",)]


def test_postgres_script_reuses_its_running_server(pg_server):
    if os.environ.get("SUMMITRY_TEST_PG_DSN"):
        pytest.skip("the server comes from SUMMITRY_TEST_PG_DSN, not from the script")
    runs = [subprocess.run(["bash", str(ROOT / "scripts" / "postgres.sh")], capture_output=True, text=True,
                           timeout=120, check=False) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0]
    assert runs[0].stdout.strip().splitlines()[-1] == runs[1].stdout.strip().splitlines()[-1] == pg_server


def test_killing_the_ingest_command_mid_way_leaves_a_consistent_database(target, tmp_path):
    from summitry.ingest import read_inputs
    from summitry.records import Document

    examples = ROOT / "examples" / "corpus.jsonl"
    if not examples.exists():
        pytest.skip("examples/corpus.jsonl is not there")
    base, _ = read_inputs([examples])
    docs = [Document(f"{d.id}~{k}", d.text, d.lang, d.published, d.source, d.url) for k in range(6) for d in base]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(d.__dict__, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "summitry.cli", "ingest", str(feed), "--db", target,
                             "--batch-size", "10", "--progress"], stderr=subprocess.PIPE, text=True)
    for out in proc.stderr:
        if "documents committed" in out and int(out.split()[2]) >= 30:  # "summitry: ingest: 30 documents committed, …"
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    with open_store(target) as store:
        stored = dict(store.db.rows(
            "SELECT d.id, COUNT(m.mention_id) FROM documents d LEFT JOIN mention_events m ON m.doc_id = d.id "
            "GROUP BY d.id"))
        assert 30 <= len(stored) < len(docs)
        from summitry.extract import extract_document
        by_id = {d.id: d for d in docs}
        assert all(stored[i] == len(extract_document(by_id[i])) for i in stored), "a document is stored in part"
        report = store.ingest(docs)
        assert report.unchanged == len(stored)
        resumed = snapshot(store)
    with open_store(tmp_path / "clean.duckdb") as clean:
        clean.ingest(docs)
        assert resumed == snapshot(clean)


def test_a_store_opened_read_only_answers_but_never_changes(target):
    with open_store(target) as store:
        ingest(store, [doc("a", [line("visit", XI, ["KAZ"], "2022-09-14")])])
    with open_store(target, read_only=True) as reader, open_store(target, read_only=True) as other:
        assert reader.db.rows("SELECT COUNT(*) FROM events") == other.db.rows("SELECT COUNT(*) FROM events") == [(1,)]
        with pytest.raises(Exception, match="(?i)read.only"):
            reader.db.execute("DELETE FROM events")


def test_read_only_needs_an_existing_summitry_database(tmp_path):
    with pytest.raises(StoreError, match="no database at"):
        open_store(tmp_path / "missing.duckdb", read_only=True)
    import duckdb
    duckdb.connect(str(tmp_path / "other.duckdb")).close()
    with pytest.raises(StoreError, match="not a summitry database"):
        open_store(tmp_path / "other.duckdb", read_only=True)


BLINKEN = ("Antony Blinken", "USA")
# The plan announced in November and the postponement of January are one event (fusion joins a
# postponement to a plan announced up to 120 days before it).
PLAN = doc("plan", [line("visit", BLINKEN, ["CHN"], "2020-11-15", "2021-01-10", precision="month",
                         status="planned")], published="2020-11-15", lang="zh")
POSTPONED = doc("postponed", [line("visit", BLINKEN, ["CHN"], "2021-01-23", "2021-01-24", status="postponed")],
                published="2021-01-19")


def test_a_postponement_and_its_plan_are_one_event_whatever_the_runs_and_batches(target):
    with open_store(target) as store:
        for runs, batch_size in (([[PLAN, POSTPONED]], 200), ([[PLAN], [POSTPONED]], 200),
                                 ([[POSTPONED], [PLAN]], 200), ([[PLAN, POSTPONED]], 1)):
            for table in ("documents", "mention_events", "events", "event_parties", "event_mentions", "legs"):
                store.db.execute(f"DELETE FROM {table}")
            for run in runs:
                ingest(store, run, batch_size=batch_size)
            assert store.db.rows("SELECT status, n_mentions FROM events") == [("postponed", 2)], runs


def test_changing_one_report_of_an_event_leaves_no_other_report_outside_an_event(target):
    with open_store(target) as store:
        ingest(store, [PLAN, POSTPONED])
        # the postponement's document now reports something else: the plan stands alone
        ingest(store, [doc("postponed", [line("call", BLINKEN, [], "2021-01-23", counterparts=[XI])],
                           published="2021-01-19")])
        unlinked = store.db.rows(
            "SELECT mention_id FROM mention_events WHERE mention_id NOT IN "
            "(SELECT mention_id FROM event_mentions WHERE mention_id IS NOT NULL)")
        assert unlinked == []
        assert sorted(store.db.rows("SELECT type, status FROM events")) == [("call", "occurred"),
                                                                             ("visit", "planned")]


def test_ingest_counts_what_stats_counts(target):
    from summitry import analytics
    from summitry.store.cli import ingest_summary

    docs = generated_documents(30)
    with open_store(target) as store:
        ingest(store, docs[:20], batch_size=6)
        report = ingest(store, docs[10:], batch_size=7)
        stats = {r["what"]: r["n"] for r in analytics.stats(store)["totals"].to_pylist()}
        assert report.totals == stats
        assert stats["documents"] == 30 and stats["events"] == store.db.rows("SELECT COUNT(*) FROM events")[0][0]
        assert f"{stats['events']} events (as `summitry stats` counts them)" in ingest_summary(report, target)


def test_two_runs_of_one_file_into_postgres_at_once_count_each_document_once(pg_dsn):
    from concurrent.futures import ThreadPoolExecutor

    docs = generated_documents(40)
    with open_store(pg_dsn):
        pass  # create the schema once

    def run(_):
        with open_store(pg_dsn) as store:
            return ingest(store, docs, batch_size=8)

    with ThreadPoolExecutor(2) as pool:
        reports = list(pool.map(run, range(2)))
    assert sum(r.added for r in reports) == 40
    assert sum(r.added + r.unchanged for r in reports) == 80


def test_duckdb_reads_a_bound_list_as_an_in_list_its_indexes_answer():
    from summitry.store.backends import _in_lists

    sql, values = _in_lists("SELECT COALESCE(c, '?') FROM t WHERE a = ANY(?) AND b = ? AND d = ANY(?) LIMIT ?",
                            [["x", "y"], 3, [], 5])
    assert sql == "SELECT COALESCE(c, '?') FROM t WHERE a IN (?, ?) AND b = ? AND d IN (NULL) LIMIT ?"
    assert values == ["x", "y", 3, 5]


def test_a_duckdb_writer_caches_a_bounded_amount_of_the_database(tmp_path, monkeypatch):
    def limit():
        with open_store(tmp_path / "m.duckdb") as store:
            return store.db.rows("SELECT current_setting('memory_limit')")[0][0]

    assert limit() == "427.2 MiB"  # 448 MB (WRITER_MEMORY)
    monkeypatch.setenv("SUMMITRY_DUCKDB_MEMORY", "2GB")
    assert limit() == "1.8 GiB"
