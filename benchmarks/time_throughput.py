"""Throughput of summitry.time.find_dates on news text, one core.

Reads the seed articles from the shared folder when it is there (else a built-in sample of
generated sentences), repeats them to a few megabytes per language, and prints figures one per
line: megabytes (UTF-8) scanned per second and spans found, for English, Chinese and both.

    .venv/bin/python benchmarks/time_throughput.py [--mb 4] [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from summitry.time import find_dates

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _generated(lang: str) -> list[tuple[str, str]]:
    """Made-up news-like paragraphs, used when the shared corpus is absent."""
    if lang == "en":
        para = ("The foreign minister said on Monday (September 5) that the president would travel to "
                "the region from September 14 to 16, 2022, his first trip abroad in the past two years. "
                "Officials met last month and again earlier this month; a two-day visit is planned for "
                "late March, and more talks are expected in the coming months. The 20th National "
                "Congress opens on October 16. Trade grew 34 percent in 2021 compared with 2013.\n")
        return [(para * 20, "2022-09-06")]
    para = ("外交部发言人周四（9月15日）表示，国家主席将于9月14日至16日出席峰会，这是他近两年来首次出访。"
            "双方上月举行会谈，下月二十大召开前将举行为期两天的访问。10年前他曾访问该国，今年年初局势紧张。"
            "贸易额比2013年增长了34%，预计今秋和明年春天还将举行多轮磋商。\n")
    return [(para * 20, "2022-09-16")]


def load(lang: str) -> list[tuple[str, str | None]]:
    seeds = SHARED / "corpus" / "seeds.jsonl"
    if seeds.exists():
        docs = [json.loads(line) for line in seeds.read_text(encoding="utf-8").splitlines() if line.strip()]
        found = [(d["text"], d.get("published")) for d in docs if d.get("lang") == lang]
        if found:
            return found
    return _generated(lang)


def measure(lang: str, target_mb: float, repeat: int) -> tuple[float, int, float]:
    docs = load(lang)
    size = sum(len(t.encode("utf-8")) for t, _ in docs)
    copies = max(1, int(target_mb * 1e6 / size))
    batch = docs * copies
    total_bytes = size * copies
    best = float("inf")
    spans = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        spans = sum(len(find_dates(t, lang, p)) for t, p in batch)
        best = min(best, time.perf_counter() - t0)
    return total_bytes / 1e6, spans, best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=4.0, help="megabytes of text per language (default 4)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per language; the best is kept")
    args = ap.parse_args()
    find_dates("warm up on May 5", "en", None)
    find_dates("9月5日", "zh", None)
    total_mb = total_s = 0.0
    for lang in ("en", "zh"):
        mb, spans, secs = measure(lang, args.mb, args.repeat)
        total_mb += mb
        total_s += secs
        print(f"{lang}_megabytes {mb:.2f}")
        print(f"{lang}_seconds {secs:.3f}")
        print(f"{lang}_spans {spans}")
        print(f"{lang}_mb_per_s {mb / secs:.2f}")
    print(f"all_mb_per_s {total_mb / total_s:.2f}")


if __name__ == "__main__":
    main()
