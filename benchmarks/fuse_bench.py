"""Fusion speed and how it grows: generated per-mention events fused at several sizes, side by side.

    python benchmarks/fuse_bench.py                          # 100,000 events
    python benchmarks/fuse_bench.py --sizes 100000 200000 400000
    python benchmarks/fuse_bench.py --one-meeting 10000 20000 40000   # N reports of one meeting

Events imitate a large corpus: 400 actors in 60 countries, visits, meetings, gatherings and
calls over ten years (``--years``, scaled with the size so that the density of news stays the
same), each real event reported by one to five documents with day, month or year precision and an
occasional undated report. Each size is fused by its own process (``summitry.fuse.fuse``: islands
by a sort and a sweep, clustering within each, merged records, trips); the figures are wall clock
and per CPU second, and the process's peak RSS with, apart, what the generated input holds before
fusion starts (Python records: about 0.9 KB a mention event). With more sizes the last line gives the time per
event at the largest size over the smallest: about 1 for fusion in O(n log n).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from summitry.fuse import fuse
from summitry.records import Event, Mention, Party


def generate(n: int, seed: int = 3, years: float = 10.0) -> tuple[list[Event], dict[str, str]]:
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
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(int(365 * years)))
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


def one_meeting(n: int) -> tuple[list[Event], dict[str, str]]:
    """``n`` reports of one meeting, told from either side, some planned, one in four undated: one
    cluster that every report joins (its summaries are kept as reports join, so this is linear)."""
    xi, putin = Party("Xi Jinping", "CHN", "President", "head_of_state"), Party("Vladimir Putin", "RUS")
    events = []
    for i in range(n):
        m = Mention(doc=f"d{i}", status="occurred" if i % 3 else "planned", lang="en", text="…", start=0, end=1)
        day = "2023-03-21" if i % 4 else None
        events.append(Event(id=f"mn_{i}", type="meeting", status=m.status, actor=xi if i % 2 else putin,
                            counterparts=[putin if i % 2 else xi], countries=["RUS"], start=day, end=day,
                            precision="day" if day else None, mentions=[m]))
    return events, {f"d{i}": "2023-03-22" for i in range(n)}


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def run_one(n: int, years: float) -> dict:
    events, published = generate(n, years=years)
    input_mb = _rss_mb()
    t, cpu = time.perf_counter(), time.process_time()
    merged = fuse(events, published)
    return {"events": n, "fused": len(merged), "seconds": time.perf_counter() - t,
            "cpu_seconds": time.process_time() - cpu, "input_rss_mb": input_mb,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    ap.add_argument("--events", type=int, help="one size (as --sizes N)")
    ap.add_argument("--one-meeting", type=int, nargs="+", metavar="N", help="fuse N reports of one meeting")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--years", type=float, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        print(json.dumps(run_one(a.one, a.years)))
        return
    if a.one_meeting:
        for n in a.one_meeting:
            events, published = one_meeting(n)
            cpu = time.process_time()
            merged = fuse(events, published)
            print(f"{n:>9,} reports of one meeting: {len(merged)} event in {time.process_time() - cpu:.2f} CPU s")
        return
    sizes = [a.events] if a.events else a.sizes
    rows = []
    for n in sizes:
        years = 10.0 * n / sizes[0]  # the same density of news at every size
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--years", str(years)],
                             capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(f"{n:>11,} mention events over {years:.0f} years: {row['fused']:,} events in {row['seconds']:.1f} s = "
              f"{n / row['seconds']:,.0f} events/s wall clock ({n / row['cpu_seconds']:,.0f} per CPU second), "
              f"peak RSS {row['peak_rss_mb']:,.0f} MB ({row['input_rss_mb']:,.0f} MB with the input made, before fusing)",
              flush=True)
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        per_event = (last["cpu_seconds"] / last["events"]) / (first["cpu_seconds"] / first["events"])
        print(f"CPU time per event at {last['events']:,} over {first['events']:,}: {per_event:.2f}")


if __name__ == "__main__":
    main()
