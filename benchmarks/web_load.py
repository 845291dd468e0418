"""A bounded loopback load test of `summitry serve`: concurrent keep-alive clients asking
``/api/events`` and ``/api/travel`` with varied filters; prints requests per second (wall clock),
latency percentiles per endpoint, and the CPU seconds the server and the load generator used.

    python benchmarks/web_load.py                          # builds the database of the development set
    python benchmarks/web_load.py --db events.duckdb --clients 32 --seconds 20

The database: the documents of devset/ids.json (both languages, tune and holdout) read from
../shared/corpus/real/, ingested once into --db (kept for the next run). The server runs as its own
process (``summitry serve --workers 2`` by default); the generator is this process, an asyncio client
that speaks HTTP/1.1 over raw sockets. Both share this machine's cores: the figures are those of
the server with a generator beside it, not of the server alone. Traffic goes to 127.0.0.1 only, and
the run stops after --seconds or --max-requests, whichever comes first.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real"


def devset_ids() -> set[str]:
    ids = json.loads((ROOT / "devset" / "ids.json").read_text("utf-8"))
    found: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, list):
            found.update(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key != "corpus":
                    walk(value)

    for lang in ("en", "zh"):
        walk(ids[lang])
    return found


def build(db: Path) -> None:
    """Ingest the development set's documents into ``db``."""
    wanted = devset_ids()
    subset = db.with_suffix(".devset.jsonl")
    n = 0
    with subset.open("w", encoding="utf-8") as out:
        for corpus in sorted(REAL.glob("*.jsonl")):
            for line in corpus.open(encoding="utf-8"):
                if json.loads(line)["id"] in wanted:
                    out.write(line)
                    n += 1
    print(f"web_load: ingesting {n} documents of the development set into {db}", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "summitry.cli", "ingest", str(subset), "--db", str(db)], check=True)
    subset.unlink()


def start_server(db: Path, cache_mb: float, workers: int) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "summitry.cli", "serve", "--db", str(db), "--port", "0", "--quiet",
                             "--cache-mb", str(cache_mb), "--workers", str(workers)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    match = re.search(r"http://([\d.]+):(\d+)/", line)
    if not match:
        proc.kill()
        raise SystemExit(f"web_load: the server did not start: {line}{proc.stderr.read()}")
    return proc, f"http://{match.group(1)}:{match.group(2)}"


def cpu_seconds(pid: int) -> float:
    """CPU seconds of a process and of its children still running (a server's workers)."""
    total = 0.0
    for task in [pid, *_children(pid)]:
        try:
            fields = Path(f"/proc/{task}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _children(pid: int) -> list[int]:
    found = []
    for path in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in path.read_text().split():
            found += [int(child), *_children(int(child))]
    return found


def urls(base: str) -> dict[str, list[str]]:
    """Questions an analyst's browser would send: the event list under varied filters and pages,
    and travel reports of the people the store names most."""
    with urllib.request.urlopen(base + "/api/people?limit=40", timeout=30) as reply:
        people = [p["name"] for p in json.load(reply)["people"]]
    with urllib.request.urlopen(base + "/api/stats", timeout=30) as reply:
        stats = json.load(reply)
    countries = list(stats["country"])[:20]
    years = [y for y in stats["year"] if y != "undated"]
    rng = random.Random(7)
    events = ["/api/events?limit=50", "/api/events?limit=50&offset=50", "/api/events?sort=-date&limit=50"]
    for _ in range(200):
        params: dict[str, str] = {"limit": "50"}
        choice = rng.random()
        if choice < 0.3:
            params["actor"] = rng.choice(people)
        elif choice < 0.6:
            params["country"] = rng.choice(countries)
        if rng.random() < 0.4:
            params["type"] = rng.choice(["visit", "meeting", "multilateral", "call"])
        if rng.random() < 0.3 and years:
            params["from"] = params["to"] = rng.choice(years)
        events.append("/api/events?" + urlencode(params))
    travel = []
    for name in people:
        travel.append("/api/travel?" + urlencode({"name": name}))
        travel.append("/api/travel?" + urlencode({"name": name, "include_planned": "1"}))
    return {"events": sorted(set(events)), "travel": travel}


async def client(host: str, port: int, plan: list[tuple[str, str]], deadline: float, gzip: bool,
                 latencies: dict[str, list[float]], failures: list[str]) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    encoding = b"Accept-Encoding: gzip\r\n" if gzip else b""
    try:
        for kind, path in plan:
            if time.perf_counter() > deadline:
                return
            started = time.perf_counter()
            writer.write(b"GET " + path.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + encoding + b"\r\n")
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = int(re.search(rb"(?i)content-length: *(\d+)", head).group(1))
            await reader.readexactly(length)
            latencies[kind].append(time.perf_counter() - started)
            if status != 200:
                failures.append(f"{status} {path}")
    finally:
        writer.close()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if ordered else float("nan")


async def run(base: str, clients: int, seconds: float, max_requests: int, gzip: bool) -> dict:
    found = urls(base)
    host, port = base.removeprefix("http://").split(":")
    rng = random.Random(11)
    per_client = max_requests // clients
    plans = [[(kind, rng.choice(found[kind])) for kind in rng.choices(["events", "travel"], k=per_client)]
             for _ in range(clients)]
    latencies: dict[str, list[float]] = {"events": [], "travel": []}
    failures: list[str] = []
    started = time.perf_counter()
    await asyncio.gather(*(client(host, int(port), plan, started + seconds, gzip, latencies, failures)
                           for plan in plans))
    return {"wall": time.perf_counter() - started, "latencies": latencies, "failures": failures,
            "distinct_urls": {k: len(v) for k, v in found.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path("/tmp/summitry-web-load.duckdb"),
                        help="the database (built from the development set when missing)")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=20.0, help="stop after this long")
    parser.add_argument("--max-requests", type=int, default=40000, help="stop after this many requests")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of load before measuring")
    parser.add_argument("--no-gzip", action="store_true", help="do not ask for gzip (a browser does)")
    parser.add_argument("--cache-mb", type=float, default=64.0,
                        help="the server's memory for answers kept per snapshot (0: every answer computed anew)")
    parser.add_argument("--workers", type=int, default=2,
                        help="the server's worker processes (default 2: one per core of this machine)")
    args = parser.parse_args(argv)
    if not args.db.exists():
        if not REAL.is_dir():
            raise SystemExit(f"web_load: {REAL} is absent: give --db")
        build(args.db)
    server, base = start_server(args.db, args.cache_mb, args.workers)
    try:
        asyncio.run(run(base, args.clients, args.warmup, args.max_requests, not args.no_gzip))
        server_cpu, own_cpu = cpu_seconds(server.pid), time.process_time()
        result = asyncio.run(run(base, args.clients, args.seconds, args.max_requests, not args.no_gzip))
        server_cpu, own_cpu = cpu_seconds(server.pid) - server_cpu, time.process_time() - own_cpu
        with urllib.request.urlopen(base + "/healthz", timeout=30) as reply:
            answers = json.load(reply).get("answers") or {}
    finally:
        server.terminate()
        server.wait(timeout=30)
    lat = result["latencies"]
    total = sum(len(v) for v in lat.values())
    print(f"web_load: {args.clients} clients, {total} requests in {result['wall']:.1f} s (wall clock) = "
          f"{total / result['wall']:.0f} requests/s; gzip {'off' if args.no_gzip else 'on'}; answer cache "
          f"{args.cache_mb:g} MB; {args.workers} server process(es); "
          f"{os.cpu_count()} cores shared by the server and this generator")
    for kind, values in lat.items():
        print(f"  /api/{kind:<7} {len(values):6d} requests ({len(values) / result['wall']:.0f}/s) over "
              f"{result['distinct_urls'][kind]} distinct URLs: p50 {percentile(values, 50) * 1000:.1f} ms, "
              f"p90 {percentile(values, 90) * 1000:.1f} ms, p99 {percentile(values, 99) * 1000:.1f} ms, "
              f"max {max(values, default=0) * 1000:.1f} ms")
    if answers.get("hits") is not None and args.workers == 1:
        print(f"  answers kept: {answers['kept']} ({answers['bytes'] / 1e6:.1f} MB); warm-up and run together: "
              f"{answers['hits']} hits, {answers['misses']} computed")
    print(f"  CPU seconds: server {server_cpu:.1f}, generator {own_cpu:.1f} "
          f"({(server_cpu + own_cpu) / result['wall']:.2f} cores busy on average)")
    if result["failures"]:
        print(f"  {len(result['failures'])} answers were not 200, e.g. {result['failures'][:3]}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
