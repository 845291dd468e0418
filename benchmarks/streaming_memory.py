"""Memory of a streamed read: peak RSS of reading, and of extracting without fusion, at two input sizes.

    python benchmarks/streaming_memory.py [--docs 20000 100000]

The input is the real English corpus (or the examples without ../shared) copied under new ids
until it has the number of documents, written as zstd-compressed JSON Lines. Each command runs in
a process of its own, on one core:

- ``read``: every document of the input through ``DocumentStream`` (reading, decoding, checking);
- ``extract``: ``summitry extract --no-merge --workers 1 -o /dev/null`` (each document's events
  written as it is read), at smaller sizes (--extract-docs): extraction is the slow part.

Prints documents, input MB, seconds (wall clock), documents/s and peak RSS for each; a streamed
read shows about the same peak at every size.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Each command runs in a process of its own and reports its own peak (VmHWM): the peak a parent
# sees through wait4 would count the pages of the parent it was forked from.
PEAK = "print(dict(l.split(':', 1) for l in open('/proc/self/status'))['VmHWM'].split()[0], file=sys.stderr)\n"
READ = "import sys\nfrom summitry.ingest import DocumentStream\nfor _ in DocumentStream(sys.argv[1:]):\n    pass\n" + PEAK
EXTRACT = "import sys\nfrom summitry.cli import main\nassert main(sys.argv[1:]) == 0\n" + PEAK


def sources() -> list[dict]:
    rows = []
    for path in [REPO.parent / "shared" / "corpus" / "real" / "en-gdelt.jsonl", REPO / "examples" / "corpus.jsonl"]:
        if path.exists():
            rows += [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
            if len(rows) > 1000:
                break
    return rows


def write_input(path: Path, n: int, rows: list[dict]) -> None:
    import zstandard

    with open(path, "wb") as raw, zstandard.ZstdCompressor(level=3).stream_writer(raw) as out:
        for i in range(n):
            row = dict(rows[i % len(rows)], id=f"copy-{i}")
            out.write((json.dumps(row, ensure_ascii=False) + "\n").encode())


def peak_of(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a command run in a process of its own."""
    start = time.perf_counter()
    run = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False,
                         env={**os.environ, "SUMMITRY_TIME_LIMIT": "0"})
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {run.stderr[-2000:]}")
    return time.perf_counter() - start, int(run.stderr.split()[-1]) / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, nargs="+", default=[20_000, 100_000], help="sizes read")
    ap.add_argument("--extract-docs", type=int, nargs="+", default=[5_000, 25_000], help="sizes extracted")
    args = ap.parse_args(argv)
    rows = sources()
    print(f"{'command':<8} {'documents':>10} {'input MB':>9} {'wall s':>8} {'docs/s':>8} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        runs = [("read", n) for n in args.docs] + [("extract", n) for n in args.extract_docs]
        for name, n in runs:
            path = Path(tmp) / f"input-{n}.jsonl.zst"
            if not path.exists():
                write_input(path, n, rows)
            megabytes = path.stat().st_size / 1e6
            if name == "read":
                cmd = [sys.executable, "-c", READ, str(path)]
            else:
                cmd = [sys.executable, "-c", EXTRACT, "extract", "--no-merge", "--workers", "1", "--quiet", str(path),
                       "-o", os.devnull]
            wall, peak = peak_of(cmd)
            print(f"{name:<8} {n:>10,} {megabytes:>9.1f} {wall:>8.1f} {n / wall:>8,.0f} {peak:>12.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
