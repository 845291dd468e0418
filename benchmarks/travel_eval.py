"""Travel logs on real news: the countries per person and year that `summitry travel` gives,
against those the development set's gold events tell (devset/, both halves, both languages).

    python benchmarks/travel_eval.py            # the table
    python benchmarks/travel_eval.py --false    # and the false country-years of the tune halves
    python benchmarks/travel_eval.py --missed   # and the country-years the tune halves' logs miss

Each half's documents are ingested into a new DuckDB store (summitry.store: fusion, legs, home
territories); every person with a leg gets `summitry.analytics.travel`, whose years' countries
(day-precise and approximate legs) are compared with the gold's (summitry.evaluate.travel_score):
precision, recall and F1 of (person, year, country), and the mean Jaccard overlap of a person's
countries in a year. The issue's complaint was a log "with nearly as many false countries as true".
Only the tune halves' false and missed country-years are ever printed: the holdout halves are scored only.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from evaluation import devset_golds, scored_docs

from summitry import analytics
from summitry.evaluate import gold_country_years, travel_score
from summitry.kb import get_kb
from summitry.store import open_store


def country_years(docs) -> list[tuple[str, int, str]]:
    """(person, year, country) of every travel log the store gives for ``docs``."""
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "travel.duckdb")) as store:
        store.ingest(docs, workers=1)
        people = [p for (p,) in store.db.rows("SELECT DISTINCT person FROM legs WHERE person IS NOT NULL")]
        out = []
        for person in sorted(people):
            report = analytics.travel(store, person)
            for year, figures in report["years"].items():
                out.extend((report["person"], int(year), c) for c in figures["countries"])
        return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--false", action="store_true", help="list the tune halves' false country-years")
    ap.add_argument("--missed", action="store_true", help="list the tune halves' missed country-years")
    args = ap.parse_args()
    kb = get_kb()
    print("| corpus | language | documents | country-years P | R | F1 | false | missed | mean Jaccard per person-year |")
    print("|---|---|---|---|---|---|---|---|---|")
    shown = []
    t0 = time.perf_counter()
    for label, corpus, gold_path in devset_golds():
        gold = json.loads(gold_path.read_text("utf-8"))
        docs = scored_docs(corpus, gold)
        lang = gold_path.name.split(".")[0]
        s = travel_score(gold_country_years(gold, kb.at_home), country_years(docs))
        print(f"| {label} | {lang} | {len(docs)} | {s['p']:.3f} | {s['r']:.3f} | {s['f1']:.3f} | {s['fp']} | "
              f"{s['fn']} | {s['mean_jaccard']:.3f} ({s['person_years']}) |")
        if args.false and "tune" in label:
            shown.extend(f"{lang}: {p} {y} {c}" for p, y, c in s["false"])
        if args.missed and "tune" in label:
            shown.extend(f"{lang}: missed {p} {y} {c}" for p, y, c in s["missed"])
    print(f"\n({time.perf_counter() - t0:.0f} s wall clock; mean Jaccard over the person-years either side names)")
    for line in shown:
        print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
