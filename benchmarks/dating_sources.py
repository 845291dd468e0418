"""Where events' dates come from (``Event.dated_by``) on the development corpora: the README's table.

    python benchmarks/dating_sources.py                      # every ../shared/corpus/real/*.jsonl
    python benchmarks/dating_sources.py --limit 500 FILE...  # the first 500 documents of each file

For each corpus: the events the engines and the dating stage give (one per mention, as
``summitry extract --no-merge``) and the fused events (``summitry extract``), by source of their
date: ``text`` (a date in the event's sentence), ``context`` (an earlier sentence, the headline or
the dateline), ``publication`` (the report's publication day) and ``none``. Every undated event
is checked to come from a document with no publication day, to be background told in retrospect
(``summitry.dating.told_in_retrospect``), to be told by a link to another story after the report
(``summitry.dating.told_by_teaser``) or to be on a page written long before its stamp
(``summitry.dating.told_on_an_older_page``), the reasons the stage leaves an event undated; any
other is listed. Wall-clock time is printed for scale only.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from summitry.dating import told_by_teaser, told_in_retrospect, told_on_an_older_page
from summitry.extract import extract_document
from summitry.fuse import fuse
from summitry.ingest import read_inputs

SOURCES = ("text", "context", "publication", "none")


def shares(counts: Counter) -> str:
    total = sum(counts.values())
    cells = [f"{counts[s]:,} ({counts[s] / total:.1%})" if total else "0" for s in SOURCES]
    return f"{total:,} | " + " | ".join(cells)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="read only the first N documents of each file")
    args = ap.parse_args()
    files = args.files or sorted((REPO.parent / "shared" / "corpus" / "real").glob("*.jsonl"))
    if not files:
        print("no corpus found (../shared/corpus/real/*.jsonl)", file=sys.stderr)
        return 1
    print("| corpus | documents | events | text | context | publication | none |")
    print("|---|---|---|---|---|---|---|")
    unexplained: list[str] = []
    for path in files:
        t0 = time.perf_counter()
        docs, _ = read_inputs([path])
        docs = docs[:args.limit] if args.limit else docs
        published = {d.id: d.published for d in docs}
        mentions = []
        for doc in docs:
            mentions.extend(extract_document(doc))
        fused = fuse(mentions, published)
        for label, events in (("per mention", mentions), ("fused", fused)):
            counts = Counter(e.dated_by or "none" for e in events)
            print(f"| {path.name}, {label} | {len(docs):,} | {shares(counts)} |")
        by_id = {d.id: d for d in docs}
        for e in mentions:
            doc = by_id[e.mentions[0].doc]
            if not e.start and doc.published and not told_in_retrospect(doc, e) and not told_by_teaser(doc, e) \
                    and not told_on_an_older_page(doc, e):
                unexplained.append(f"{e.mentions[0].doc}: {e.type} {e.actor.name} | {e.mentions[0].text[:80]}")
        print(f"<!-- {path.name}: {time.perf_counter() - t0:.0f} s wall clock -->")
    print(f"\nundated events from documents with a publication day, not told in retrospect, by a teaser "
          f"nor on a page older than its stamp: "
          f"{len(unexplained)}")
    for line in unexplained[:20]:
        print("  " + line)
    return 1 if unexplained else 0


if __name__ == "__main__":
    raise SystemExit(main())
