"""Linear ingest, the store's side: documents/s and peak memory at 10,000, 50,000 and 200,000
documents, side by side in one run.

    .venv/bin/python benchmarks/linear_ingest.py                        # DuckDB files in a temp dir
    .venv/bin/python benchmarks/linear_ingest.py --db "$(bash scripts/postgres.sh | tail -1)"
    .venv/bin/python benchmarks/linear_ingest.py --sizes 2000 10000     # quicker

The documents are the examples and the real development corpora (../shared/corpus/real/),
extracted once by the real engines, then repeated under new ids with every date (publication,
event days) shifted by ``--shift`` days per copy, so that a copy is a later year of news about the
same people: fusion, trips and the store's re-fusion meet real work, and copies never report one
event. Each size is ingested into an empty store by its own process (``--batch-size`` documents a
transaction), with the per-mention events made beforehand, so the figure is the store's own
cost: hashing, writing, finding and fusing again the islands a batch touches, numbering trips,
and closing the store (its last checkpoint).
Documents/s are wall clock and per CPU second of the ingesting process (a PostgreSQL server's own
work is outside it); peak RSS is that process's. Target (issue 14): documents/s at the largest
size at least 80% of the smallest, and peak RSS at most 1 GB at every size.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _shift(day: str | None, days: int) -> str | None:
    """A date (YYYY, YYYY-MM or YYYY-MM-DD) moved by ``days``; a year or month moves by whole
    years, so that it keeps its precision."""
    if not day:
        return day
    if len(day) == 10:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    years = round(days / 365.25)
    return f"{int(day[:4]) + years:04d}{day[4:]}"


def base_corpus(limit: int | None) -> list[tuple[dict, list[str]]]:
    """The base documents (as dicts) with the per-mention events the engines find in them (as JSON)."""
    from summitry.extract import extract_documents
    from summitry.ingest import read_inputs

    paths = [ROOT / "examples" / "corpus.jsonl"]
    paths += sorted((SHARED / "corpus" / "real").glob("*.jsonl")) if (SHARED / "corpus" / "real").is_dir() else []
    docs, _ = read_inputs([p for p in paths if p.exists()])
    docs = docs[:limit] if limit else docs
    by_doc: dict[str, list[str]] = {d.id: [] for d in docs}
    for event in extract_documents(docs):
        by_doc[event.mentions[0].doc].append(event.to_json())
    return [({"id": d.id, "text": d.text, "lang": d.lang, "published": d.published, "source": d.source,
              "url": d.url}, by_doc[d.id]) for d in docs]


def copies(base, n: int, shift: int):
    """``n`` documents: the base repeated, each copy under new ids and ``shift`` days later."""
    from summitry.records import Document, Event

    k = 0
    while True:
        days = k * shift
        for doc, events in base:
            if n == 0:
                return
            n -= 1
            doc_id = f"{doc['id']}~{k}"
            shifted = []
            for raw in events:
                e = Event.from_json(raw)
                shifted.append(replace(e, id=f"{e.id}~{k}", start=_shift(e.start, days), end=_shift(e.end, days),
                                       mentions=[replace(m, doc=doc_id) for m in e.mentions]))
            yield Document(doc_id, doc["text"], doc["lang"], _shift(doc["published"], days), doc["source"],
                           doc["url"]), shifted
        k += 1


def run_one(base_path: str, n: int, target: str, shift: int, batch_size: int) -> dict:
    """Ingest ``n`` generated documents into ``target`` (in this process): the figures."""
    from summitry.store import open_store
    from summitry.store.ingest import canonical_name

    canonical_name("Xi Jinping")  # load the knowledge base outside the timing
    with open(base_path, "rb") as fh:
        base = pickle.load(fh)
    made: dict[str, list] = {}

    def documents():
        for doc, events in copies(base, n, shift):
            made[doc.id] = events
            yield doc

    def extract(doc):
        return made.pop(doc.id)

    t, cpu = time.perf_counter(), time.process_time()
    with open_store(target) as store:
        report = store.ingest(documents(), extract=extract, batch_size=batch_size)
    # closed too: what an ingest leaves to its last checkpoint is part of its cost
    wall, cpu = time.perf_counter() - t, time.process_time() - cpu
    return {"documents": n, "seconds": wall, "cpu_seconds": cpu, "mention_events": report.mention_events,
            "events": report.totals.get("events"), "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def empty_postgres(dsn: str) -> None:
    from summitry.store import open_store

    with open_store(dsn) as store, store.db.transaction():
        for table in ("documents", "mention_events", "events", "event_parties", "event_mentions", "legs"):
            store.db.execute(f"DELETE FROM {table}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 200_000])
    ap.add_argument("--shift", type=int, default=400, help="days between copies (default 400)")
    ap.add_argument("--batch-size", type=int, default=1000, help="documents a transaction (default 1000, the store's)")
    ap.add_argument("--base-docs", type=int, help="use only this many base documents")
    ap.add_argument("--db", help="a postgresql:// database to use (emptied before each size)")
    ap.add_argument("--one", nargs=3, metavar=("BASE", "N", "TARGET"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]), args.one[2], args.shift, args.batch_size)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        base = base_corpus(args.base_docs)
        base_path = str(Path(tmp) / "base.pickle")
        with open(base_path, "wb") as fh:
            pickle.dump(base, fh)
        print(f"base: {len(base):,} documents, {sum(len(e) for _, e in base):,} mention events "
              f"(extracted in {time.perf_counter() - t:.0f} s, not in the rates); copies {args.shift} days apart")
        rows = []
        for n in args.sizes:
            target = args.db or str(Path(tmp) / f"linear-{n}.duckdb")
            if args.db:
                empty_postgres(args.db)
            out = subprocess.run([sys.executable, __file__, "--one", base_path, str(n), target,
                                  "--shift", str(args.shift), "--batch-size", str(args.batch_size)],
                                 capture_output=True, text=True, check=True, env=os.environ)
            row = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append(row)
            print(f"{n:>9,} documents: {row['mention_events']:,} mention events, {row['events']:,} events, "
                  f"{row['seconds']:.1f} s = {n / row['seconds']:.0f} documents/s wall clock "
                  f"({n / row['cpu_seconds']:.0f} per CPU second), peak RSS {row['peak_rss_mb']:.0f} MB", flush=True)
        first, last = rows[0], rows[-1]
        wall = (last["documents"] / last["seconds"]) / (first["documents"] / first["seconds"])
        cpu = (last["documents"] / last["cpu_seconds"]) / (first["documents"] / first["cpu_seconds"])
        print(f"documents/s at {last['documents']:,} over {first['documents']:,}: {wall:.2f} wall clock, "
              f"{cpu:.2f} per CPU second (target at least 0.80); largest peak RSS "
              f"{max(r['peak_rss_mb'] for r in rows):.0f} MB (target at most 1024)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
