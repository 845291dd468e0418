#!/usr/bin/env python3
"""Screenshots of the web app for the README: the map of a person's trips, the timeline chart of two
countries and a person's page, taken in Debian's Chromium (scripts/chromium.sh) over `summitry serve`.

    python scripts/screenshots.py                       # ingests examples/corpus.jsonl into a temporary database
    python scripts/screenshots.py --db events.duckdb    # or uses a database already built
    python scripts/screenshots.py --corpus ../shared/corpus/real/*.jsonl examples/corpus.jsonl

Writes docs/screenshot-map.png, docs/screenshot-timeline.png and docs/screenshot-person.png (or
into --out). Needs the page built (`make install`) and the development dependencies (Playwright).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import BUILT, browser, served

# (file name, address, what shows the view is drawn)
SHOTS = [
    ("screenshot-map.png", "#map?name={person}", "#map-results svg.chart"),
    ("screenshot-timeline.png", "#timeline?a={a}&b={b}", "#timeline-chart svg.chart"),
    ("screenshot-person.png", "#person?name={person}", "#person-results svg.chart"),
]


def chromium() -> str:
    run = subprocess.run(["bash", str(ROOT / "scripts" / "chromium.sh")], capture_output=True, text=True, check=False)
    if run.returncode != 0:
        sys.exit(f"screenshots: no Chromium: {run.stderr.strip()}")
    return run.stdout.strip().splitlines()[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a database to serve (default: ingest --corpus into a new one)")
    parser.add_argument("--corpus", nargs="+", default=[str(ROOT / "examples" / "corpus.jsonl")],
                        help="documents to ingest when no --db is given (default: examples/corpus.jsonl)")
    parser.add_argument("--person", default="Xi Jinping")
    parser.add_argument("--pair", nargs=2, default=["CHN", "USA"], metavar=("A", "B"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--width", type=int, default=1200)
    args = parser.parse_args(argv)
    if not BUILT.exists():
        sys.exit("screenshots: the page is not built: run make install (needs npm)")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "screenshots.duckdb"
            subprocess.run([sys.executable, "-m", "summitry.cli", "ingest", *args.corpus, "--db", str(db)], check=True)
        with served(db) as base, browser(chromium()) as context:
            page = context.new_page()
            page.set_viewport_size({"width": args.width, "height": 900})
            values = {"person": args.person.replace(" ", "%20"), "a": args.pair[0], "b": args.pair[1]}
            for name, address, ready in SHOTS:
                page.goto(base + address.format(**values))
                page.wait_for_selector(ready, timeout=30000)
                page.wait_for_timeout(300)
                # the view down to its chart and the first rows below it
                bottom = page.evaluate(f"""() => {{
                    const chart = document.querySelector('{ready}').closest('figure') || document.querySelector('{ready}');
                    return Math.ceil(chart.getBoundingClientRect().bottom + window.scrollY + 200);
                }}""")
                page.screenshot(path=str(args.out / name), clip={"x": 0, "y": 0, "width": args.width, "height": bottom},
                                full_page=True)
                print(f"wrote {args.out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
