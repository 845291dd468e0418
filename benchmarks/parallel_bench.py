"""Every core, and a cluster: `--workers 1` beside `--workers 2` beside `--dask local`, side by side.

    python benchmarks/parallel_bench.py [--docs 3000] [--rounds 2] [--no-dask] [--corpus FILE ...]

Real articles (default: the English and Chinese development corpora of ``../shared/corpus/real``,
taken in turn, the first ``--docs``) are written to one JSON Lines file, then each round runs, as
separate commands, one after the other:

- ``summitry extract FILE --workers 1`` and ``--workers 2`` (fused events to a file);
- ``summitry ingest FILE --workers 1`` and ``--workers 2`` into new DuckDB files;
- ``summitry ingest FILE --dask local --workers 2`` (a LocalCluster of 2 worker processes);

every second round in the reverse order, so that a change in the machine's load falls on both
sides. Each figure is documents per wall-clock second of the whole command, its start-up
included (the knowledge base is loaded from its cache). Beside it: the CPU seconds the command and
its worker processes used, and the load average of the machine when the command started and
ended (this 2-core machine is shared: the load is other people's work, and on Linux each
session gets an equal share of the CPU when the machine is busy, whatever the number of processes
in it). Before and after, the benchmark measures what the machine gives it: the CPU seconds per
second one busy process gets, and two together; their ratio is the most that ``--workers 2`` can
gain at that time (2 on an idle 2-core machine). The CPU seconds that ``--workers 2`` uses beyond
``--workers 1`` (the parent's and the workers' together) are what working in processes costs; they
depend much less on the load than the wall-clock ratio. The outputs are compared: the events written by ``--workers 2`` must be byte for byte
those of ``--workers 1``, and every table of each database the same.
"""
from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REAL = REPO.parent / "shared" / "corpus" / "real"
SUMMITRY = [sys.executable, "-m", "summitry.cli"]
TABLES = ("documents", "mention_events", "events", "event_parties", "event_mentions", "legs")


def corpus(paths: list[Path], count: int, out: Path) -> tuple[int, int]:
    """The first ``count`` documents of ``paths`` taken in turn, written to ``out``."""
    files = [p.open(encoding="utf-8") for p in paths]
    lines = [line for group in itertools.zip_longest(*files) for line in group if line and line.strip()][:count]
    out.write_text("".join(line if line.endswith("\n") else line + "\n" for line in lines), encoding="utf-8")
    chars = sum(len(json.loads(line)["text"]) for line in lines)
    return len(lines), chars


def run(args: list[str]) -> tuple[float, float, tuple[float, float]]:
    """Wall-clock seconds, CPU seconds (the command and its processes) and the 1-minute load
    average before and after."""
    load_before = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([*SUMMITRY, *args, "-q"], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, (load_before, os.getloadavg()[0])


def _burn(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def cores_to_be_had(seconds: float = 4.0) -> tuple[float, float]:
    """The CPU seconds per wall-clock second that one busy process gets, and that two get together:
    what the machine gives this benchmark now (on an idle 2-core machine, 1 and 2)."""
    got = []
    for n in (1, 2):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        procs = [multiprocessing.Process(target=_burn, args=(seconds,)) for _ in range(n)]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        got.append(((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
                   / (time.perf_counter() - start))
    return got[0], got[1]


def print_cores_to_be_had(when: str) -> None:
    one, two = cores_to_be_had()
    print(f"{when}: one busy process gets {one:.2f} CPU s per second, two get {two:.2f} together "
          f"({two / one:.2f}x: the most --workers 2 can gain now)", flush=True)


def tables(db: Path) -> dict:
    sys.path.insert(0, str(REPO / "src"))
    from summitry.store import open_store

    with open_store(db, read_only=True) as store:
        return {name: store.db.rows(f"SELECT * FROM {name} ORDER BY ALL") for name in TABLES}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--no-dask", action="store_true", help="leave out the --dask local runs")
    ap.add_argument("--corpus", nargs="+", type=Path,
                    default=[REAL / "en-gdelt.jsonl", REAL / "zh-xwlb-2026.jsonl"], metavar="FILE")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="summitry-parallel-") as tmp:
        tmp = Path(tmp)
        feed = tmp / "feed.jsonl"
        n, chars = corpus(a.corpus, a.docs, feed)
        print(f"corpus: {n} documents, {chars / n:.0f} characters mean, from {', '.join(p.name for p in a.corpus)}")
        print(f"cores: {os.cpu_count()}; load average at the start: "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        subprocess.run([*SUMMITRY, "kb", "stats"], check=True, stdout=subprocess.DEVNULL)  # the cache, built once
        print_cores_to_be_had("before")

        cases = [("extract --workers 1", lambda r: ["extract", str(feed), "--workers", "1", "-o", str(tmp / f"x1-{r}.jsonl")]),
                 ("extract --workers 2", lambda r: ["extract", str(feed), "--workers", "2", "-o", str(tmp / f"x2-{r}.jsonl")]),
                 ("ingest --workers 1", lambda r: ["ingest", str(feed), "--workers", "1", "--db", str(tmp / f"i1-{r}.duckdb")]),
                 ("ingest --workers 2", lambda r: ["ingest", str(feed), "--workers", "2", "--db", str(tmp / f"i2-{r}.duckdb")])]
        if not a.no_dask:
            cases.append(("ingest --dask local --workers 2",
                          lambda r: ["ingest", str(feed), "--dask", "local", "--workers", "2",
                                     "--db", str(tmp / f"id-{r}.duckdb")]))
        rates: dict[str, list[float]] = {name: [] for name, _ in cases}
        cpus: dict[str, list[float]] = {name: [] for name, _ in cases}
        for r in range(a.rounds):
            for name, args in (cases if r % 2 == 0 else cases[::-1]):
                wall, cpu, (lo, hi) = run(args(r))
                rates[name].append(n / wall)
                cpus[name].append(cpu)
                print(f"round {r + 1}: {name:32s} {n / wall:7.1f} documents/s wall clock ({wall:6.1f} s, "
                      f"{cpu:6.1f} CPU s, load {lo:.1f} -> {hi:.1f})", flush=True)
            same_events = (tmp / f"x1-{r}.jsonl").read_bytes() == (tmp / f"x2-{r}.jsonl").read_bytes()
            plain = tables(tmp / f"i1-{r}.duckdb")
            same_db = tables(tmp / f"i2-{r}.duckdb") == plain
            line = f"round {r + 1}: extract output identical: {same_events}; ingest --workers 2 database identical: {same_db}"
            if not a.no_dask:
                line += f"; --dask database identical: {tables(tmp / f'id-{r}.duckdb') == plain}"
            print(line, flush=True)
        print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print_cores_to_be_had("after")
        for name in ("extract", "ingest"):
            one, two = rates[f"{name} --workers 1"], rates[f"{name} --workers 2"]
            ratios = [b / x for x, b in zip(one, two, strict=True)]
            print(f"{name}: --workers 2 / --workers 1 = {', '.join(f'{x:.2f}x' for x in ratios)} (per round)")
        for name in ("extract", "ingest"):
            one, two = cpus[f"{name} --workers 1"], cpus[f"{name} --workers 2"]
            print(f"{name}: CPU seconds of --workers 2 beyond --workers 1 (what working in processes costs): "
                  f"{', '.join(f'{b - x:+.1f} s ({(b - x) / x:+.0%})' for x, b in zip(one, two, strict=True))} (per round)")
        if not a.no_dask:
            ratios = [d / b for b, d in zip(rates["ingest --workers 2"], rates["ingest --dask local --workers 2"],
                                            strict=True)]
            print(f"ingest: --dask local (2 workers) / --workers 2 = {', '.join(f'{x:.2f}x' for x in ratios)} (per round)")


if __name__ == "__main__":
    main()
