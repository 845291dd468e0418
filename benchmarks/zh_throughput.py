"""Speed of the Chinese rule engine on one core: documents per second, and per second at 2,000 characters.

    .venv/bin/python benchmarks/zh_throughput.py [--seconds 10] [--traditional]

Documents: the Chinese articles of examples/corpus.jsonl and the Chinese seed of ../shared (when
present), as they are and regrouped into documents of about 2,000 characters (cut or joined at
line breaks), so both whole articles and the target size are measured. --traditional converts them to traditional characters
first (the engine then converts them back). The engine is built once (knowledge base, matcher,
segmenter and lexicon) and its build time is printed apart. Prints one figure per line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TARGET_CHARS = 2000


def chinese_documents() -> list[dict]:
    docs = []
    for path in (REPO / "examples" / "corpus.jsonl", SHARED / "corpus" / "seeds.jsonl"):
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                if d.get("lang") == "zh":
                    docs.append(d)
    return docs


def about_target(docs: list[dict]) -> list[dict]:
    """Documents of about TARGET_CHARS characters: longer articles cut at line breaks, shorter
    ones joined with the next (a blank line between)."""
    lines = [line for d in docs for line in d["text"].split("\n") + [""]]
    out, buf, size = [], [], 0
    for line in lines:
        buf.append(line)
        size += len(line) + 1
        if size >= TARGET_CHARS:
            out.append(
                {"id": f"piece{len(out)}", "text": "\n".join(buf), "published": docs[0].get("published")}
            )
            buf, size = [], 0
    return out


def run(engine, documents, seconds: float) -> tuple[int, int, float]:
    """(documents, characters, CPU seconds) over as many passes as fit in ``seconds`` of CPU time.

    CPU time of this process, not wall time: the figure is per core, and other work on the
    machine must not lower it."""
    n = chars = 0
    start = time.process_time()
    while True:
        for d in documents:
            engine.extract(d)
            n += 1
            chars += len(d.text)
        elapsed = time.process_time() - start
        if elapsed >= seconds:
            return n, chars, elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=10.0, help="CPU seconds for each measurement")
    ap.add_argument("--traditional", action="store_true", help="feed the documents in traditional characters")
    args = ap.parse_args()

    import warnings

    warnings.simplefilter("ignore")  # knowledge-base data warnings are not what is measured here
    from summitry.extract.zh import ChineseRuleEngine
    from summitry.records import Document

    raw = chinese_documents()
    if not raw:
        print(
            "no Chinese documents found (examples/corpus.jsonl, ../shared/corpus/seeds.jsonl)",
            file=sys.stderr,
        )
        return 1
    if args.traditional:
        import opencc

        to_trad = opencc.OpenCC("s2t")
        raw = [dict(d, text=to_trad.convert(d["text"])) for d in raw]

    t0 = time.perf_counter()
    engine = ChineseRuleEngine()
    print(f"engine build: {time.perf_counter() - t0:.2f} s (knowledge base, matcher, segmenter, lexicon)")

    def as_docs(ds):
        return [Document(d["id"], d["text"], "zh", d.get("published")) for d in ds]

    whole = as_docs(raw)
    cut = as_docs(about_target(raw))
    for d in whole[:3]:
        engine.extract(d)  # warm caches (time module, segmenter)
    events = sum(len(engine.extract(d)) for d in whole)
    print(
        f"documents: {len(whole)} articles, {sum(len(d.text) for d in whole)} characters, {events} event mentions"
    )
    for label, docs in (("whole articles", whole), (f"documents of ~{TARGET_CHARS} characters", cut)):
        n, chars, elapsed = run(engine, docs, args.seconds)
        print(f"{label}: {len(docs)} documents, mean {chars / n:.0f} characters")
        print(f"  {n / elapsed:.0f} documents per CPU second (one core)")
        print(
            f"  {chars / elapsed / 1000:.0f} k characters/s = {chars / elapsed / TARGET_CHARS:.0f} documents/s "
            f"at {TARGET_CHARS} characters"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
