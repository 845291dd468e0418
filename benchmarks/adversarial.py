"""Hostile and long inputs, each timed at n and 2n: linear time shows as a ratio near 2.

    python benchmarks/adversarial.py [--only NAME ...] [--big-mb 50] [--long-mb 1 20] [--repeat 2]

The inputs are those of issue 15's table (and issue 14's long documents):

| name | input |
|---|---|
| full-stops | n full stops followed by a letter (the backtracking of the sentence boundary) |
| xi-met | n characters of "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow and ", no full stop |
| visit | "visit " n times |
| capitalised | n capitalised words (names, places, titles and others, no full stop) |
| huijian | 会见 n times |
| reports | n reports of one meeting, fused |
| long | one document of real news of --long-mb megabytes (1 and 20: issue 14's 20 MB within 2x of 20 x 1 MB) |
| big | ``summitry extract`` of one JSON line holding a document of real news of --big-mb megabytes: time and peak memory |

Each timing is CPU seconds of this process (the machine is shared: CPU time is steadier than the
wall clock), the least of --repeat runs, n and 2n measured in turn in one run. Prints a table:
name, n, seconds at n, seconds at 2n, and their ratio (at most 2.3 passes). The big document
reports wall and CPU seconds and the peak resident memory of its process.
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
sys.path.insert(0, str(REPO / "src"))

from summitry.extract import extract_document
from summitry.records import Document, Event, Mention, Party

LIMIT = 2.3
CAPITALISED = ["Xi", "Putin", "Moscow", "Beijing", "Biden", "President", "Minister", "Summit", "Kazakhstan",
               "Tokayev", "Astana", "Foreign", "Wang", "Blinken", "Washington", "Council", "Affairs", "State",
               "Modi", "India", "Delhi", "Jinping", "Vladimir", "Secretary", "Prime", "Samarkand", "Group"]


def hostile_document(name: str, n: int) -> Document:
    if name == "full-stops":
        text, lang = "." * n + "a", "en"
    elif name == "xi-met":
        unit = "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow and "
        text, lang = (unit * (n // len(unit) + 1))[:n], "en"
    elif name == "visit":
        text, lang = "visit " * n, "en"
    elif name == "capitalised":
        text, lang = " ".join(CAPITALISED[i % len(CAPITALISED)] for i in range(n)), "en"
    elif name == "huijian":
        text, lang = "会见" * n, "zh"
    else:
        raise ValueError(name)
    return Document(id=name, text=text, lang=lang, published="2022-09-14")


def meeting_reports(n: int) -> tuple[list[Event], dict[str, str]]:
    xi, putin = Party("Xi Jinping", "CHN"), Party("Vladimir Putin", "RUS")
    events, published = [], {}
    for i in range(n):
        doc = f"report-{i}"
        status = "occurred" if i % 3 else "planned"
        events.append(Event(id=f"mn_{i:012x}", type="meeting", status=status, actor=xi, counterparts=[putin],
                            countries=["RUS"], place="Moscow", start="2023-03-21", end="2023-03-21", precision="day",
                            dated_by="text",
                            mentions=[Mention(doc, status, "en", "Xi met Putin in Moscow.", 0, 23)]))
        published[doc] = "2023-03-22"
    return events, published


def cpu_seconds(work) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def timed(name: str, n: int):
    if name == "reports":
        from summitry.fuse import fuse

        events, published = meeting_reports(n)
        return lambda: fuse(events, published)
    doc = hostile_document(name, n)
    return lambda: extract_document(doc)


HOSTILE = {"full-stops": 80_000, "xi-met": 400_000, "visit": 40_000, "capitalised": 200_000, "huijian": 200_000,
           "reports": 10_000}


def news_text(megabytes: float) -> str:
    """Real news joined by blank lines until the size: the team's corpora, English and Chinese."""
    texts = []
    for path in [REPO.parent / "shared" / "corpus" / "real" / "en-gdelt.jsonl",
                 REPO.parent / "shared" / "corpus" / "seeds.jsonl", REPO / "examples" / "corpus.jsonl"]:
        if path.exists():
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
            texts += [row["text"] for row in rows if row.get("lang") != "zh"]
    pieces, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        piece = texts[i % len(texts)]
        pieces.append(piece)
        size += len(piece) + 2
        i += 1
    return "\n\n".join(pieces)


def big_document(megabytes: float) -> dict:
    """``summitry extract`` of one document of real news of ``megabytes``, written as one JSON
    line, in a process of its own (one worker): wall and CPU seconds, events, peak RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.jsonl"
        text = news_text(megabytes)
        path.write_text(json.dumps({"id": "big", "text": text, "published": "2016-06-01"}) + "\n", encoding="utf-8")
        chars = len(text)
        del text
        start = time.perf_counter()
        # the process reports its own peak (VmHWM): wait4's would count the parent it was forked from
        code = ("import sys\nfrom summitry.cli import main\nassert main(sys.argv[1:]) == 0\n"
                "print(dict(l.split(':', 1) for l in open('/proc/self/status'))['VmHWM'].split()[0], file=sys.stderr)")
        proc = subprocess.Popen([sys.executable, "-c", code, "extract", "--workers", "1", "--quiet", str(path),
                                 "-o", os.devnull], stderr=subprocess.PIPE, text=True,
                                env={**os.environ, "SUMMITRY_TIME_LIMIT": "0"})
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"summitry extract failed: {err}")
    events = int(err.split("summitry: ", 1)[1].split()[0])
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "events": events, "chars": chars,
            "peak_rss_mb": int(err.split()[-1]) / 1024}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", help="only these inputs (names above)")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each timing; the least counts (default 2)")
    ap.add_argument("--big-mb", type=float, default=50, help="size of the big document (default 50)")
    ap.add_argument("--long-mb", type=float, nargs=2, default=(1, 20), metavar=("SMALL", "LARGE"),
                    help="sizes of the long documents compared (default 1 20)")
    args = ap.parse_args(argv)
    os.environ["SUMMITRY_TIME_LIMIT"] = "0"  # the point is to time them: no document is given up
    chosen = args.only or [*HOSTILE, "long", "big"]
    extract_document(Document(id="warm", text="Xi met Putin.", lang="en", published="2022-01-01"))
    extract_document(Document(id="warm", text="习近平会见普京。", lang="zh", published="2022-01-01"))
    failed = False
    print(f"{'input':<12} {'n':>12} {'CPU s at n':>11} {'CPU s at 2n':>12} {'ratio':>6}")
    for name, n in HOSTILE.items():
        if name not in chosen:
            continue
        works = {k: timed(name, k) for k in (n, 2 * n)}
        best = {k: min(cpu_seconds(works[k]) for _ in range(args.repeat)) for k in (n, 2 * n)}
        ratio = best[2 * n] / max(best[n], 1e-6)
        failed |= ratio > LIMIT
        print(f"{name:<12} {n:>12,} {best[n]:>11.2f} {best[2 * n]:>12.2f} {ratio:>6.2f}", flush=True)
    if "long" in chosen:
        small, large = args.long_mb
        seconds = {}
        for mb in (small, large):
            doc = Document(id="long", text=news_text(mb), lang="en", published="2016-06-01")
            seconds[mb] = min(cpu_seconds(lambda d=doc: extract_document(d)) for _ in range(1 if mb > 5 else args.repeat))
        ratio = seconds[large] / (seconds[small] * large / small)
        failed |= ratio > 2
        print(f"long: {small:g} MB {seconds[small]:.2f} CPU s, {large:g} MB {seconds[large]:.2f} CPU s: "
              f"{ratio:.2f} x the {large / small:g}-fold of the small one (at most 2 passes)", flush=True)
    if "big" in chosen:
        figures = big_document(args.big_mb)
        ok = figures["wall"] < 120 and figures["peak_rss_mb"] < 1024
        failed |= not ok
        print(f"big: {figures['chars'] / 1e6:.1f} M characters, {figures['events']:,} events in "
              f"{figures['wall']:.1f} s wall ({figures['cpu']:.1f} CPU s), peak RSS {figures['peak_rss_mb']:.0f} MB "
              f"({'under' if ok else 'NOT under'} 2 minutes and 1 GB)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
