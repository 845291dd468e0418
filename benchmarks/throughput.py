"""Extraction throughput on a generated corpus of at least 10 MB varied from examples/.

    python benchmarks/throughput.py [--mb 10] [--lang en|zh|all] [--corpus FILE ... [--lead-kb 4]]

By default, documents are built by recombining the paragraphs of the example articles of one
language (so every document is realistic news text, in a new order with new neighbours). The
examples are written to be dense in events (about 16 per 4 KB), so this is the hard case.
With ``--corpus``, real articles are read instead, whole or (``--lead-kb``) cut to their
leading paragraphs of about that size. Documents are extracted on one core. Prints one figure per line: documents, megabytes, documents/s and
MB/s per core, and peak resident memory. Not a test: a figure to quote.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from summitry.extract import extract_document
from summitry.records import Document


def example_paragraphs(lang: str | None) -> dict[str, list[str]]:
    by_lang: dict[str, list[str]] = {}
    for line in (REPO / "examples" / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if lang and doc["lang"] != lang:
            continue
        paras = [p for p in doc["text"].split("\n") if p.strip()]
        by_lang.setdefault(doc["lang"], []).extend(paras)
    return by_lang


def generate(target_bytes: int, lang: str | None, seed: int = 13, doc_chars: dict | None = None) -> list[Document]:
    """Documents of about 4 KB (English) or 2,000 characters (Chinese) until the corpus reaches the target."""
    doc_chars = doc_chars or {"en": 4000, "zh": 2000}
    rng = random.Random(seed)
    pools = example_paragraphs(lang)
    langs = sorted(pools)
    docs: list[Document] = []
    size = 0
    n = 0
    while size < target_bytes:
        lg = langs[n % len(langs)]
        paras: list[str] = []
        while sum(len(p) for p in paras) < doc_chars[lg]:
            paras.append(rng.choice(pools[lg]))
        text = "\n\n".join(paras)
        published = f"20{rng.randint(14, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        docs.append(Document(id=f"bench-{n}", text=text, lang=lg, published=published))
        size += len(text.encode("utf-8"))
        n += 1
    return docs


def leading_paragraphs(text: str, chars: int) -> str:
    """The article's first paragraphs, up to the first that brings it to ``chars`` characters (the
    whole article when it is shorter): a news article of about that size, its lead included."""
    kept: list[str] = []
    size = 0
    for para in text.split("\n"):
        kept.append(para)
        size += len(para) + 1
        if size >= chars:
            break
    return "\n".join(kept)


def whole_articles(paths: list[str], lang: str | None, target_bytes: int, lead_chars: int | None = None) -> list[Document]:
    """The articles of ``paths`` as they are (or their leading ``lead_chars``), repeated under new ids
    until the corpus reaches the target."""
    from summitry.ingest import read_inputs

    articles = [d for d in read_inputs(paths)[0] if lang is None or d.lang == lang]
    docs: list[Document] = []
    size = 0
    while articles and size < target_bytes:
        for d in articles:
            text = leading_paragraphs(d.text, lead_chars) if lead_chars else d.text
            docs.append(Document(id=f"bench-{len(docs)}", text=text, lang=d.lang, published=d.published))
            size += len(text.encode("utf-8"))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size in megabytes (default 10)")
    ap.add_argument("--lang", choices=("en", "zh", "all"), default="all")
    ap.add_argument("--corpus", nargs="+", metavar="FILE",
                    help="whole articles from these document files instead (repeated up to --mb)")
    ap.add_argument("--lead-kb", type=float, metavar="KB",
                    help="with --corpus: each article cut to its leading paragraphs of about this many "
                         "kilobytes (4 gives news articles of about 4 KB from longer ones)")
    a = ap.parse_args()
    if a.lead_kb and not a.corpus:
        ap.error("--lead-kb cuts the articles of --corpus")
    lang = None if a.lang == "all" else a.lang
    lead_chars = int(a.lead_kb * 1000) if a.lead_kb else None
    docs = whole_articles(a.corpus, lang, int(a.mb * 1_000_000), lead_chars) if a.corpus \
        else generate(int(a.mb * 1_000_000), lang)
    megabytes = sum(len(d.text.encode("utf-8")) for d in docs) / 1_000_000
    # Warm up: load the knowledge base and compile the lexicons once, outside the timing.
    for lg in {d.lang for d in docs}:
        extract_document(next(d for d in docs if d.lang == lg))
    t0 = time.process_time()
    events = 0
    for d in docs:
        events += len(extract_document(d))
    cpu = time.process_time() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"language: {a.lang}")
    print(f"mean document characters: {sum(len(d.text) for d in docs) / len(docs):.0f}")
    print(f"documents: {len(docs)}")
    print(f"megabytes: {megabytes:.1f}")
    print(f"events (unmerged): {events}")
    print(f"cpu seconds: {cpu:.2f}")
    print(f"documents/s per core: {len(docs) / cpu:.0f}")
    print(f"MB/s per core: {megabytes / cpu:.2f}")
    print(f"peak RSS MB: {peak_mb:.0f}")


if __name__ == "__main__":
    main()
