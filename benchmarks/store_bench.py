"""Store benchmarks: travel queries over a million events, and ingest throughput.

    .venv/bin/python benchmarks/store_bench.py                      # DuckDB in a temporary directory
    .venv/bin/python benchmarks/store_bench.py --db "$(scripts/postgres.sh)"   # an empty PostgreSQL db
    .venv/bin/python benchmarks/store_bench.py --events 200000 --docs 1000      # smaller

1. Query: fills an empty store with ``--events`` generated events (one SQL statement per table,
   so the million rows take seconds, not the hour extraction would) of ``--people`` people whose
   activity is skewed like news coverage (the busiest person has ~1.4% of all events), then
   times ``analytics.travel`` (legs, trips, days abroad) for the busiest and for typical people.
2. Ingest, store: ``--docs`` documents of a generated ten-year archive whose per-mention events
   are made beforehand, so the figure is the store's own cost (hashing, fusing again what the
   new documents touch, writes, commits); ``--grow`` documents more are then ingested into that
   store, to show the rate once the database is no longer small.
3. Ingest, end to end: the examples corpus with the real extraction engines, repeated under new
   ids until ``--docs`` documents (when the engines are installed).
Targets (issue 8): a travel query under 200 ms; ingest at least 200 documents/s.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from summitry import analytics
from summitry.records import Document, Event, Mention, Party
from summitry.store import open_store

ROOT = Path(__file__).resolve().parents[1]
TYPES = ("visit", "visit", "meeting", "multilateral", "call")


def fill(store, n_events: int, n_people: int, seed: int) -> None:
    """Generated events, legs and parties, written by the database itself."""
    db = store.db
    if db.rows("SELECT COUNT(*) FROM events")[0][0]:
        sys.exit("store_bench: the target already holds events; give an empty database")
    db.execute(f"SELECT setseed({(seed % 1000) / 1000})")
    with db.transaction():
        # p: person (skewed towards 0), c: host country, d: day offset, t: type, s: status draw
        db.execute(
            "CREATE TEMP TABLE gen AS SELECT i, "
            f"CAST(floor(power(random(), 2) * {n_people}) AS BIGINT) AS p, "
            "CAST(floor(random() * 180) AS BIGINT) AS c, "
            "CAST(floor(random() * 5000) AS BIGINT) AS d, "
            "CAST(floor(random() * 5) AS BIGINT) AS t, "
            "CAST(floor(random() * 4) AS BIGINT) AS len, random() AS s "
            f"FROM generate_series(0, {n_events - 1}) AS g(i)")
        # (mod(), not %, which psycopg reads as a placeholder)
        code = ("chr(65 + mod(CAST({x} AS INTEGER), 26)) || chr(65 + mod(CAST(floor({x} / 26.0) AS INTEGER), 26))"
                " || 'X'")
        person = "'Person ' || lpad(CAST(p AS TEXT), 5, '0')"
        host, home = code.format(x="c"), code.format(x="mod(p, 180)")
        kind = "CASE t WHEN 0 THEN 'visit' WHEN 1 THEN 'visit' WHEN 2 THEN 'meeting' WHEN 3 THEN 'multilateral' ELSE 'call' END"
        status = "CASE WHEN s < 0.8 THEN 'occurred' WHEN s < 0.9 THEN 'planned' ELSE 'speculated' END"
        precision = "CASE WHEN s > 0.97 THEN 'month' ELSE 'day' END"
        start = "CAST(DATE '2010-01-01' + CAST(d AS INTEGER) AS DATE)"
        end = "CAST(DATE '2010-01-01' + CAST(d + len AS INTEGER) AS DATE)"
        db.execute(
            f"INSERT INTO events SELECT 'ev_' || CAST(i AS TEXT), {kind}, {status}, {person}, {home}, NULL, "
            f"'head_of_state', '', {host}, NULL, NULL, {start}, {end}, {precision}, 'text', NULL, 1, NULL, "
            "'{\"id\":\"ev_' || CAST(i AS TEXT) || '\"}' FROM gen")
        db.execute(f"INSERT INTO event_parties SELECT 'ev_' || CAST(i AS TEXT), 'actor', {person}, "
                   f"lower({person}), {home} FROM gen")
        db.execute(f"INSERT INTO event_parties SELECT 'ev_' || CAST(i AS TEXT), 'host', NULL, NULL, {host} "
                   "FROM gen WHERE t < 4")
        db.execute(f"INSERT INTO legs SELECT 'ev_' || CAST(i AS TEXT), {person}, lower({person}), {home}, "
                   f"{host}, NULL, {start}, {end}, {precision}, 'text', {status}, {kind}, NULL "
                   f"FROM gen WHERE t < 4 AND {host} <> {home}")
        db.execute("DROP TABLE gen")
    if store.kind == "postgres":
        db.execute("ANALYZE")


def bench_query(store, n_events: int, n_people: int, repeat: int, seed: int) -> None:
    t0 = time.perf_counter()
    fill(store, n_events, n_people, seed)
    print(f"filled {store.kind}: {n_events:,} events, "
          f"{store.db.rows('SELECT COUNT(*) FROM legs')[0][0]:,} legs in {time.perf_counter() - t0:.1f} s")
    rng = random.Random(seed)
    busiest = store.db.rows("SELECT person, COUNT(*) FROM legs GROUP BY person ORDER BY 2 DESC LIMIT 1")[0]
    typical = [f"Person {rng.randrange(n_people // 10, n_people):05d}" for _ in range(repeat)]
    analytics.travel(store, busiest[0])  # warm the caches once
    for label, names in ((f"busiest ({busiest[0]}, {busiest[1]:,} legs)", [busiest[0]] * repeat),
                         ("typical people", typical)):
        times, trips = [], 0
        for name in names:
            t = time.perf_counter()
            report = analytics.travel(store, name, include_planned=True)
            times.append((time.perf_counter() - t) * 1000)
            trips += len(report["trips"])
        print(f"travel query, {label}: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms "
              f"over {len(times)} queries ({trips / len(times):.0f} trips each)")
    times = []
    for year in range(2010, 2010 + repeat):
        t = time.perf_counter()
        analytics.travel(store, busiest[0], year=2010 + year % 13)
        times.append((time.perf_counter() - t) * 1000)
    print(f"travel query with --year, busiest: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms")


def generated_documents(n: int, seed: int) -> tuple[list[Document], dict[str, list[Event]]]:
    """A ten-year news archive: documents and the per-mention events an engine would return for
    them (6 each), in publication order. Half the reports are about 30 busy leaders; reports are
    of events near the publication day (past ones before it, planned ones after), and one in ten
    is undated."""
    rng = random.Random(seed)
    countries = [f"{chr(65 + i % 26)}{chr(65 + i // 26)}Y" for i in range(60)]
    people = [(f"Leader {i:03d}", countries[i % 60]) for i in range(300)]
    first_day = date(2015, 1, 1).toordinal()
    docs, events = [], {}
    for k in range(n):
        doc_id = f"bench{k:06d}"
        published = date.fromordinal(first_day + rng.randrange(3650))
        text = f"document {k}: " + " ".join(rng.choice(("visit", "talks", "summit", "call")) for _ in range(60))
        found = []
        for j in range(6):
            name, home = rng.choice(people[:30] if rng.random() < 0.5 else people)
            kind = rng.choice(TYPES)
            status = rng.choice(("occurred", "occurred", "occurred", "planned", "speculated"))
            offset = -rng.randrange(0, 20) if status == "occurred" else rng.randrange(1, 60)
            day = None if rng.random() < 0.1 else (published + timedelta(days=offset)).isoformat()
            host = rng.choice([c for c in countries if c != home])
            others = [] if kind in ("visit", "multilateral") else [Party(*rng.choice(people))]
            mention = Mention(doc=doc_id, status=status, lang="en", text=text[j * 10: j * 10 + 40],
                              start=j * 10, end=j * 10 + 40)
            found.append(Event(id=f"mn_{k}_{j}", type=kind, status=status, actor=Party(name, home),
                               counterparts=others, countries=[] if kind == "call" else [host],
                               start=day, end=day, precision="day" if day else None, mentions=[mention]))
        docs.append(Document(id=doc_id, text=text, lang="en", published=published.isoformat()))
        events[doc_id] = found
    # a feed delivers news in the order it is published
    docs.sort(key=lambda d: (d.published, d.id))
    return docs, events


def bench_ingest_store(target: str, n_docs: int, grow: int, seed: int) -> None:
    from summitry.store.ingest import canonical_name

    t = time.perf_counter()
    canonical_name("Xi Jinping")  # loads the knowledge base: once per process, not per document
    print(f"knowledge base loaded in {time.perf_counter() - t:.1f} s (once per process; not in the rates)")
    docs, events = generated_documents(n_docs + grow, seed)
    with open_store(target) as store:
        t, cpu = time.perf_counter(), time.process_time()
        report = store.ingest(docs[:n_docs], extract=lambda d: events[d.id])
        dt, dcpu = time.perf_counter() - t, time.process_time() - cpu
        print(f"ingest, store only ({store.kind}): {n_docs:,} documents, {report.mention_events:,} mentions in "
              f"{dt:.1f} s = {n_docs / dt:.0f} documents/s ({n_docs / dcpu:.0f} per CPU second; the wall-clock "
              "figure drops when other processes share the cores)")
        t = time.perf_counter()
        again = store.ingest(docs[:n_docs], extract=lambda d: events[d.id])
        print(f"ingest again, unchanged: {n_docs / (time.perf_counter() - t):.0f} documents/s "
              f"({again.unchanged:,} skipped)")
        if grow:
            t, cpu = time.perf_counter(), time.process_time()
            store.ingest(docs[n_docs:], extract=lambda d: events[d.id])
            dt, dcpu = time.perf_counter() - t, time.process_time() - cpu
            print(f"ingest, store only, {grow:,} more documents into those {n_docs:,}: {grow / dt:.0f} documents/s "
                  f"({grow / dcpu:.0f} per CPU second)")


def bench_ingest_pipeline(target: str, n_docs: int) -> None:
    from summitry.ingest import read_inputs

    corpus = ROOT / "examples" / "corpus.jsonl"
    if not corpus.exists():
        print("ingest, end to end: skipped (no examples/corpus.jsonl)")
        return
    base, _ = read_inputs([corpus])
    try:
        from summitry.extract import extract_document
        extract_document(base[0])
    except Exception as exc:  # noqa: BLE001  (engines still landing: say so, measure the rest)
        print(f"ingest, end to end: skipped (extraction unavailable: {type(exc).__name__}: {exc})")
        return
    docs = [Document(f"{d.id}~{k}", d.text, d.lang, d.published, d.source, d.url)
            for k in range(n_docs // len(base) + 1) for d in base][:n_docs]
    with open_store(target) as store:
        t, cpu = time.perf_counter(), time.process_time()
        report = store.ingest(docs)
        dt, dcpu = time.perf_counter() - t, time.process_time() - cpu
    print(f"ingest, end to end ({store.kind}): {len(docs):,} documents ({len(base)} example articles repeated "
          f"under new ids), {report.mention_events:,} mentions in {dt:.1f} s = {len(docs) / dt:.0f} documents/s "
          f"({len(docs) / dcpu:.0f} per CPU second)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--people", type=int, default=5000)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--grow", type=int, default=2000, help="documents ingested after --docs (0: none)")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--db", help="an empty postgresql:// database (default: DuckDB files in a temp dir)")
    ap.add_argument("--only", choices=("query", "ingest", "pipeline"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        def target(name: str) -> str:
            return args.db or str(Path(tmp) / f"{name}.duckdb")

        if args.only in (None, "query"):
            with open_store(target("query")) as store:
                bench_query(store, args.events, args.people, args.repeat, args.seed)
            if args.db:  # the same database serves the next step
                with open_store(args.db) as store, store.db.transaction():
                    for table in ("events", "event_parties", "legs"):
                        store.db.execute(f"DELETE FROM {table}")
        if args.only in (None, "ingest"):
            bench_ingest_store(target("ingest"), args.docs, args.grow, args.seed)
        if args.only in (None, "pipeline") and not args.db:
            bench_ingest_pipeline(target("pipeline"), args.docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
