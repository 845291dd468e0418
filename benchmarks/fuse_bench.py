"""Fusion speed: 100,000 generated per-mention events fused, blocked by actor and date.

    python benchmarks/fuse_bench.py [--events 100000]

Events imitate a large corpus: 400 actors in 60 countries, visits, meetings, gatherings and
calls over ten years, each real event reported by one to five documents with day, month or
year precision and an occasional undated report. Prints one figure per line.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from summitry.fuse import fuse
from summitry.records import Event, Mention, Party


def generate(n: int, seed: int = 3) -> tuple[list[Event], dict[str, str]]:
    rng = random.Random(seed)
    countries = [f"C{i:02d}" for i in range(60)]
    actors = [Party(f"Person {i}", rng.choice(countries), "President", "head_of_state") for i in range(400)]
    events: list[Event] = []
    published: dict[str, str] = {}
    real = 0
    while len(events) < n:
        real += 1
        kind = rng.choice(("visit", "visit", "meeting", "multilateral", "call"))
        actor = rng.choice(actors)
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
        other = rng.choice(actors)
        for r in range(rng.randint(1, 5)):
            doc = f"d{real}-{r}"
            published[doc] = (day + timedelta(days=rng.randint(-20, 5))).isoformat()
            precision = rng.choice(("day", "day", "day", "month", "year", None))
            if precision == "day":
                start = end = day
            elif precision == "month":
                start = day.replace(day=1)
                end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            elif precision == "year":
                start, end = date(day.year, 1, 1), date(day.year, 12, 31)
            else:
                start = end = None
            status = "occurred" if published[doc] > day.isoformat() else "planned"
            m = Mention(doc=doc, status=status, lang="en", text="…", start=0, end=1)
            events.append(Event(
                id=f"mn_{doc}", type=kind, status=status, actor=actor,
                counterparts=[other] if kind in ("meeting", "call") else [],
                countries=[other.country], forum="SCO" if kind == "multilateral" else None,
                start=start.isoformat() if start else None, end=end.isoformat() if end else None,
                precision=precision, mentions=[m]))
    return events[:n], published


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    a = ap.parse_args()
    events, published = generate(a.events)
    t0 = time.perf_counter()
    merged = fuse(events, published)
    elapsed = time.perf_counter() - t0
    print(f"mention events: {len(events)}")
    print(f"fused events: {len(merged)}")
    print(f"seconds: {elapsed:.2f}")
    print(f"events/s: {len(events) / elapsed:.0f}")
    print(f"peak RSS MB: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")


if __name__ == "__main__":
    main()
