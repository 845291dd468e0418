"""Fusion speed and memory and how they grow: generated mention events fused at several sizes.

    python benchmarks/fuse_bench.py                          # 100,000 events, over columns
    python benchmarks/fuse_bench.py --sizes 10000000 --years 100 --workers 2   # the issue's 10 million
    python benchmarks/fuse_bench.py --sizes 1000000 --path both   # fuse and the columnar path, side by side
    python benchmarks/fuse_bench.py --check 100000           # the columnar path gives fuse's events
    python benchmarks/fuse_bench.py --one-meeting 10000 20000 40000   # N reports of one meeting

Events imitate a large corpus: 400 actors in 60 countries, visits, meetings, gatherings and
calls, ten years of news for the first size (``--years``; larger sizes span proportionally more,
so that the density of news stays the same), each real event reported by one to five documents
with day, month or year precision and an occasional undated report. The reports are made as Arrow
columns (``generate_table``: about 130 bytes a report, no record made). Each size and path is fused
by its own process: ``summitry.fuse_columnar.fuse_table`` (the default; ``--workers`` forked
processes), or ``summitry.fuse.fuse`` on the same reports made into records (``--path object``:
about 2.7 KB a report of Python records). The figures are wall clock and per CPU second (the
workers' CPU time included), the process's peak RSS with, apart, what it holds once the input is
made, and with workers their peak RSS and the peak of the sum of every process's Pss (shared pages
counted once). With more sizes the last line gives the CPU time per event at the largest size
over the smallest: about 1 for fusion in O(n log n).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from summitry.fuse import fuse
from summitry.fuse_columnar import MENTION_SCHEMA, _give_back, fuse_table, fused_events_of, reports_of
from summitry.records import Event, Mention, Party


def generate_table(n: int, seed: int = 3, years: float = 10.0) -> pa.Table:
    """``n`` reports (see the module's docstring) made as columns (``summitry.fuse_columnar.MENTION_SCHEMA``) by numpy: no record is made, so
    millions of reports take some hundreds of MB, not GBs. Made a million at a time, then put
    together a column at a time, so that what is made on the way stays small."""
    rng = np.random.default_rng(seed)
    country_of = rng.integers(0, 60, 400)
    parts, first_event = [], 0
    for first in range(0, n, PART_ROWS):
        part, first_event = _table_part(rng, min(PART_ROWS, n - first), first, first_event, years, country_of)
        parts.append(part)
    columns = {}
    for name in MENTION_SCHEMA.names:
        columns[name] = pa.concat_arrays([part.column(name).combine_chunks() for part in parts])
        parts = [part.drop_columns([name]) for part in parts]
    table = pa.table(columns).cast(MENTION_SCHEMA)
    del parts, columns
    _give_back()  # what making it took
    return table


PART_ROWS = 1_000_000


def _table_part(rng: np.random.Generator, n: int, first_source: int, first_event: int, years: float,
                country_of: np.ndarray) -> tuple[pa.Table, int]:
    """``n`` reports (sources from ``first_source``) of real events numbered from ``first_event``,
    and the number of the next real event."""
    real = int(n / 3 * 1.2) + 10  # one to five reports a real event: three on average
    kind = np.array([0, 0, 1, 2, 3])[rng.integers(0, 5, real)]  # visit twice as often
    actor, other = rng.integers(0, 400, real), rng.integers(0, 400, real)
    day0 = (date(2015, 1, 1) - date(1970, 1, 1)).days
    day = day0 + rng.integers(0, int(365 * years), real)
    reports = rng.integers(1, 6, real)
    event = np.repeat(np.arange(real), reports)[:n]
    report = (np.arange(len(event)) - np.repeat(np.cumsum(reports) - reports, reports)[:n])
    kind, actor, other, day = kind[event], actor[event], other[event], day[event]
    published = day + rng.integers(-20, 6, n)
    precision = np.array([0, 0, 0, 1, 2, 3])[rng.integers(0, 6, n)]  # day, month, year, none
    days = pa.array(day.astype("int32"), pa.date32())
    years_of = pc.year(days)
    month_first = pc.strftime(days, "%Y-%m-01")
    next_month = (day.astype("datetime64[D]").astype("datetime64[M]") + 1).astype("datetime64[D]")
    month_last = pc.strftime(pa.array((next_month.astype("int64") - 1).astype("int32"), pa.date32()), "%Y-%m-%d")
    iso = pc.strftime(days, "%Y-%m-%d")
    year_first = pc.binary_join_element_wise(pc.cast(years_of, pa.string()), "01-01", "-")
    year_last = pc.binary_join_element_wise(pc.cast(years_of, pa.string()), "12-31", "-")
    conditions = [pa.array(precision == k) for k in range(3)]
    start = pc.case_when(pa.StructArray.from_arrays(conditions, ["d", "m", "y"]), iso, month_first, year_first)
    end = pc.case_when(pa.StructArray.from_arrays(conditions, ["d", "m", "y"]), iso, month_last, year_last)
    status = np.where(published > day, 0, 1)  # occurred when published after its day, else planned
    doc = pc.binary_join_element_wise("d", pc.cast(pa.array(first_event + event + 1), pa.string()), "-",
                                      pc.cast(pa.array(report), pa.string()), "")
    word = pa.dictionary(pa.int32(), pa.string())

    def words(codes: np.ndarray, values: list) -> pa.Array:
        return pa.DictionaryArray.from_arrays(pa.array(codes.astype("int32")), pa.array(values, pa.string()))

    names = [f"Person {i}" for i in range(400)]
    countries = [f"C{i:02d}" for i in range(60)]

    def party(who: np.ndarray) -> pa.StructArray:
        m = len(who)
        return pa.StructArray.from_arrays(
            [words(who, names), words(country_of[who], countries), words(np.zeros(m, int), ["President"]),
             words(np.zeros(m, int), ["head_of_state"])], ["name", "country", "office", "level"])

    two = (kind == 1) | (kind == 3)  # meetings and calls have a counterpart
    counterparts = pa.ListArray.from_arrays(pa.array(np.r_[0, np.cumsum(two)].astype("int32")), party(other[two]))
    kinds = ["visit", "meeting", "multilateral", "call"]
    statuses = ["occurred", "planned"]
    mention = pa.StructArray.from_arrays(
        [doc, words(status, statuses), words(np.zeros(n, int), ["en"]), pa.array(["…"]).take(np.zeros(n, int)), pa.array(np.zeros(n, "int64")), pa.array(np.ones(n, "int64"))],
        ["doc", "status", "lang", "text", "start", "end"])
    undated = precision == 3
    columns = {
        "source": pa.array(np.arange(first_source, first_source + n, dtype="int64")),
        "id": pc.binary_join_element_wise("mn_", doc, ""),
        "type": words(kind, kinds),
        "actor": party(actor),
        "counterparts": counterparts,
        "countries": pa.ListArray.from_arrays(pa.array(np.arange(n + 1, dtype="int32")),
                                              words(country_of[other], countries)),
        "place": pa.nulls(n, word),
        "forum": pa.DictionaryArray.from_arrays(pa.array(np.zeros(n, "int32"), mask=kind != 2), pa.array(["SCO"])),
        "start": pc.if_else(pa.array(undated), pa.nulls(n, pa.string()), start).dictionary_encode(),
        "end": pc.if_else(pa.array(undated), pa.nulls(n, pa.string()), end).dictionary_encode(),
        "precision": pa.DictionaryArray.from_arrays(pa.array(precision.astype("int32"), mask=undated),
                                                    pa.array(["day", "month", "year"])),
        "dated_by": pa.nulls(n, word),
        "mention": mention,
        "published": pc.strftime(pa.array(published.astype("int32"), pa.date32()), "%Y-%m-%d").dictionary_encode(),
    }
    return pa.Table.from_pydict(columns).cast(MENTION_SCHEMA), first_event + int(event[-1]) + 1


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


class PeakMemory:
    """The peak of the memory this process and its children use together, sampled every 0.2 s:
    the sum of their proportional set sizes (Pss: a page shared by k processes counts 1/k in each,
    as the columnar path's forked workers share the table they read)."""

    def __init__(self) -> None:
        self.peak_mb, self._stop = 0.0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    @staticmethod
    def _pss_mb(pid: int | str) -> float:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def _children(self) -> list[str]:
        out = []
        for task in os.listdir("/proc/self/task"):
            try:
                with open(f"/proc/self/task/{task}/children") as fh:
                    out += fh.read().split()
            except OSError:
                pass
        return out

    def _sample(self) -> None:
        while not self._stop.wait(0.2):
            self.peak_mb = max(self.peak_mb, self._pss_mb("self") + sum(self._pss_mb(c) for c in self._children()))

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_mb


def run_one(n: int, years: float, path: str, workers: int) -> dict:
    tables = [generate_table(n, years=years)]  # handed over to fusion, which lets it go when done with it
    if path == "object":  # the same reports as records, fused by summitry.fuse.fuse
        table = tables.pop()
        published = dict(zip(pc.struct_field(table.column("mention").combine_chunks(), "doc").to_pylist(),
                             table.column("published").to_pylist()))
        events = reports_of(table)
        del table
    input_mb = _rss_mb()
    memory = PeakMemory()
    t, cpu = time.perf_counter(), time.process_time()
    if path == "object":
        fused = len(fuse(events, published))
    else:
        fused = fuse_table(tables.pop(), workers=workers).num_rows
    seconds = time.perf_counter() - t
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"events": n, "fused": fused, "seconds": seconds, "peak_pss_mb": memory.stop(),
            "cpu_seconds": time.process_time() - cpu + children.ru_utime + children.ru_stime,
            "input_rss_mb": input_mb, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "workers_peak_rss_mb": children.ru_maxrss / 1024}


def check(n: int, years: float) -> None:
    """The columnar path's events against ``fuse``'s on the same ``n`` reports."""
    table = generate_table(n, years=years)
    published = dict(zip(pc.struct_field(table.column("mention").combine_chunks(), "doc").to_pylist(),
                         table.column("published").to_pylist()))
    expected = [e.to_dict() for e in fuse(reports_of(table), published)]
    got = [e.to_dict() for e in fused_events_of(fuse_table(table))]
    print(f"{n:,} reports: {len(got):,} events, the same as summitry.fuse.fuse's: {got == expected}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    ap.add_argument("--events", type=int, help="one size (as --sizes N)")
    ap.add_argument("--years", type=float, default=10.0, help="the years the smallest size spans (default 10)")
    ap.add_argument("--path", choices=("columnar", "object", "both"), default="columnar",
                    help="summitry.fuse_columnar.fuse_table (default), summitry.fuse.fuse, or both in turn")
    ap.add_argument("--workers", type=int, default=1, help="processes of the columnar path (default 1)")
    ap.add_argument("--check", type=int, metavar="N", help="check the columnar path against fuse on N reports")
    ap.add_argument("--one-meeting", type=int, nargs="+", metavar="N", help="fuse N reports of one meeting")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--one-path", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        print(json.dumps(run_one(a.one, a.years, a.one_path, a.workers)))
        return
    if a.check:
        check(a.check, a.years)
        return
    if a.one_meeting:
        for n in a.one_meeting:
            events, published = one_meeting(n)
            cpu = time.process_time()
            merged = fuse(events, published)
            print(f"{n:>9,} reports of one meeting: {len(merged)} event in {time.process_time() - cpu:.2f} CPU s")
        return
    sizes = [a.events] if a.events else a.sizes
    paths = ("object", "columnar") if a.path == "both" else (a.path,)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    rows = []
    for n in sizes:
        years = a.years * n / sizes[0]  # the same density of news at every size
        for path in paths:
            out = subprocess.run([sys.executable, __file__, "--one", str(n), "--years", str(years), "--one-path", path,
                                  "--workers", str(a.workers)], capture_output=True, text=True, check=True)
            row = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append(row)
            how = f"{path}, {a.workers} workers" if path == "columnar" and a.workers > 1 else path
            workers = (f", workers' peak RSS {row['workers_peak_rss_mb']:,.0f} MB each, all processes' peak "
                       f"Pss {row['peak_pss_mb']:,.0f} MB" if row["workers_peak_rss_mb"] > 1 else "")
            print(f"{n:>11,} mention events over {years:.0f} years ({how}): {row['fused']:,} events in "
                  f"{row['seconds']:.1f} s = {n / row['seconds']:,.0f} events/s wall clock "
                  f"({n / row['cpu_seconds']:,.0f} per CPU second), peak RSS {row['peak_rss_mb']:,.0f} MB "
                  f"({row['input_rss_mb']:,.0f} MB with the input made, before fusing){workers}; "
                  f"load average {os.getloadavg()[0]:.1f}", flush=True)
    if len(sizes) > 1:
        first, last = rows[0], rows[-1]
        per_event = (last["cpu_seconds"] / last["events"]) / (first["cpu_seconds"] / first["events"])
        print(f"CPU time per event at {last['events']:,} over {first['events']:,}: {per_event:.2f}")


if __name__ == "__main__":
    main()
