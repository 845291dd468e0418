"""Speed of the knowledge base: load time (warm cache, and cold build with --cold) and matcher
throughput on one core, English and Chinese, in MB of UTF-8 text per second.

    .venv/bin/python benchmarks/kb_matcher.py [--mb 20] [--cold] [--repeat 3]

Text: the seed articles of ../shared (repeated to the size asked), else a synthetic text made of
KB names between filler words. Prints one figure per line. Throughput is MB per second of CPU
time of this (single-threaded) process, best and median of --repeat runs, and the median in wall
time, which other processes on a shared machine slow down.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def seed_texts(lang: str) -> list[str]:
    path = SHARED / "corpus" / "seeds.jsonl"
    if not path.exists():
        return []
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [d["text"] for d in docs if d.get("lang") == lang]


def synthetic(kb, lang: str) -> str:
    rng = random.Random(7)
    if lang == "en":
        names = [c.name for c in kb.countries.values()] + [p.name for p in kb.people.values()]
        filler = ["the", "of", "and", "said", "on", "in", "talks", "with", "visit", "to", "a", "meeting", "held", "minister", "leaders", "agreed"]
        sep = " "
    else:
        names = [c.name_zh for c in kb.countries.values()] + [p.name_zh for p in kb.people.values() if p.name_zh]
        filler = list("的了在和是与同就对会谈表示双方合作关系发展") + ["举行", "会见", "访问"]
        sep = ""
    words = [rng.choice(names) if rng.random() < 0.08 else rng.choice(filler) for _ in range(20000)]
    return sep.join(words)


def corpus(kb, lang: str, megabytes: float) -> str:
    texts = seed_texts(lang) or [synthetic(kb, lang)]
    unit = "\n\n".join(texts)
    size = len(unit.encode("utf-8"))
    return "\n\n".join([unit] * max(1, int(megabytes * 1_000_000 / size) + 1))


def time_load(cold: bool) -> float:
    """Load the KB in a fresh interpreter (import included), from a warm or an empty cache."""
    env = dict(os.environ)
    tmp = None
    if cold:
        tmp = tempfile.TemporaryDirectory()
        env["SUMMITRY_CACHE_DIR"] = tmp.name
    code = ("import time; t=time.perf_counter(); from summitry.kb import get_kb; get_kb(); "
            "print(time.perf_counter()-t)")
    if not cold:
        subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    if tmp:
        tmp.cleanup()
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=20.0, help="MB of text per language (default 20)")
    ap.add_argument("--cold", action="store_true", help="also time a cold build into an empty cache")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs per language; best and median are printed (default 3)")
    args = ap.parse_args()

    if args.cold:
        print(f"kb_load_cold_s {time_load(cold=True):.2f}")
    print(f"kb_load_warm_s {time_load(cold=False):.3f}")

    from summitry.kb import get_kb

    kb = get_kb()
    for lang in ("en", "zh"):
        matcher = kb.matcher(lang)
        text = corpus(kb, lang, args.mb)
        size_mb = len(text.encode("utf-8")) / 1_000_000
        matcher.find(text[:10000])
        cpu, wall = [], []
        matches = []
        for _ in range(args.repeat):
            del matches
            c, t = time.process_time(), time.perf_counter()
            matches = matcher.find(text)
            cpu.append(time.process_time() - c)
            wall.append(time.perf_counter() - t)
        cpu.sort()
        wall.sort()
        print(f"{lang}_text_mb {size_mb:.1f}")
        print(f"{lang}_matches_per_mb {len(matches) / size_mb:.0f}")
        print(f"{lang}_mb_per_cpu_s_best {size_mb / cpu[0]:.1f}")
        print(f"{lang}_mb_per_cpu_s_median {size_mb / cpu[len(cpu) // 2]:.1f}")
        print(f"{lang}_mb_per_wall_s_median {size_mb / wall[len(wall) // 2]:.1f}")


if __name__ == "__main__":
    main()
