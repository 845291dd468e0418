"""Start-up of the command line: ``summitry --help`` and ``summitry travel`` on a small database.

    python benchmarks/startup.py [--runs 20]

Each command runs --runs times in a fresh process; the least wall-clock time counts (on a shared
machine the least is the run that waited least for a core), with the CPU time of that process and
a bare ``python -c pass`` beside it for scale. The small database is the examples, ingested once
into a temporary file. Targets (issue 14): --help under 0.15 s, travel under 0.35 s.

Also prints the modules each command imports that a command should not need at start-up
(pyarrow, numpy, duckdb, jsonschema, fastapi, yaml, charset_normalizer, trafilatura).
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SUMMITRY = str(Path(sys.executable).with_name("summitry"))
HEAVY = ["pyarrow", "numpy", "duckdb", "jsonschema", "fastapi", "yaml", "charset_normalizer", "trafilatura",
         "psycopg", "opencc", "rjieba", "tqdm"]
TARGETS = {"summitry --help": 0.15, "summitry travel": 0.35}


def timed(cmd: list[str], runs: int) -> tuple[float, float]:
    best_wall, best_cpu = float("inf"), float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        if wall < best_wall:
            best_wall, best_cpu = wall, cpu
    return best_wall, best_cpu


def imported(args: list[str]) -> list[str]:
    """The heavy modules a command imports (run in-process under -X importtime)."""
    code = ("import sys; from summitry.cli import main; sys.argv = ['summitry', *sys.argv[1:]]\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass")
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", code, *args], capture_output=True, text=True,
                         check=False)
    names = {line.split("|")[-1].strip() for line in out.stderr.splitlines() if line.startswith("import time:")}
    return sorted(h for h in HEAVY if h in names)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "small.duckdb")
        subprocess.run([SUMMITRY, "ingest", str(REPO / "examples" / "corpus.jsonl"), "--db", db, "--quiet"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "summitry --help": [SUMMITRY, "--help"],
            "summitry travel": [SUMMITRY, "travel", "Xi Jinping", "--db", db],
        }
        failed = False
        print(f"{'command':<18} {'wall s':>7} {'CPU s':>6}  heavy modules imported")
        for name, cmd in commands.items():
            wall, cpu = timed(cmd, args.runs)
            heavy = ", ".join(imported(cmd[1:])) if name.startswith("summitry") else ""
            target = TARGETS.get(name)
            verdict = "" if target is None else f" (target {target:.2f} s: {'met' if wall < target else 'NOT met'})"
            failed |= target is not None and wall >= target
            print(f"{name:<18} {wall:>7.3f} {cpu:>6.3f}  {heavy or '-'}{verdict}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
