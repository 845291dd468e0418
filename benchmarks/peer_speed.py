"""English extraction speed beside a spaCy pipeline with dateparser, on the same documents, side by side.

    pip install -e '.[bench]'       # spaCy and dateparser: for this benchmark only
    python benchmarks/peer_speed.py [--docs 300] [--rounds 3] [--corpus FILE ...]

The peer is what a spaCy-based extractor costs before it does any event logic at all: a blank
English spaCy model (``spacy.blank("en")``: its tokenizer; spaCy's trained models are not
installed here) with a sentencizer and an EntityRuler holding every name summitry's English
matcher knows (countries, demonyms, people, places, forums, regions, office titles: the keys of
``kb.matcher("en")``), and ``dateparser.search.search_dates`` over the text, told it is English
and given the publication day as its base (as summitry is). summitry is its whole English
extraction as every command runs it (``extract_document``: the rule engine, its time limit and
the dating stage): names, dates, events, offices resolved, each a mention event.

The documents are real English articles (default: the first ``--docs`` of
``../shared/corpus/real/en-gdelt.jsonl``), or with ``--dense`` articles recombined from the
examples' paragraphs, dense in events. Both pipelines are warmed up on one document first;
then each round extracts every document with summitry, then with the peer, in this one process,
so the two see the same machine at nearly the same time. Prints documents per CPU second (this
process's CPU time) and per wall-clock second for each, per round, and the ratios, with the load
average of the machine before and after.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from summitry.extract import extract_document
from summitry.ingest import read_inputs
from summitry.kb import get_kb

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "real" / "en-gdelt.jsonl"


def peer_pipeline():
    """The spaCy pipeline and a function running it, with dateparser, over one document."""
    import spacy
    from dateparser.search import search_dates

    matcher = get_kb().matcher("en")
    patterns = [{"label": cands[0][0].upper(), "pattern": key}
                for key, cands in zip(matcher.entry_keys[1:], matcher.entries[1:], strict=True)]
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)

    def run(doc) -> int:
        parsed = nlp(doc.text)
        base = datetime.fromisoformat(doc.published) if doc.published and len(doc.published) == 10 else None
        settings = {"RELATIVE_BASE": base} if base else {}
        dates = search_dates(doc.text, languages=["en"], settings=settings) or []
        return len(parsed.ents) + len(dates)

    return run, len(patterns)


def summitry_pipeline():
    def run(doc) -> int:
        return len(extract_document(doc, "rules-en"))  # as every command runs it: dating stage included

    return run


def timed(run, docs) -> tuple[float, float, int]:
    found = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        found += run(doc)
    return time.perf_counter() - wall, time.process_time() - cpu, found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", default=[str(DEFAULT_CORPUS)], metavar="FILE")
    ap.add_argument("--docs", type=int, default=300, help="English documents taken from the corpus (default 300)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dense", action="store_true",
                    help="documents recombined from the example articles' paragraphs instead (about 4 KB "
                         "and 16 events each: summitry's hard case; see throughput.py)")
    a = ap.parse_args()
    if a.dense:
        sys.path.insert(0, str(REPO / "benchmarks"))
        from throughput import generate

        docs = generate(a.docs * 4200, "en")[:a.docs]
    else:
        docs = [d for d in read_inputs(a.corpus)[0] if d.lang == "en"][:a.docs]
    chars = sum(len(d.text) for d in docs)
    print(f"documents: {len(docs)} English, {chars / len(docs):.0f} characters mean, {chars / 1e6:.2f} MB")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (2 cores, shared)")

    ours = summitry_pipeline()
    peer, names = peer_pipeline()
    print(f"peer: spacy.blank('en') + sentencizer + EntityRuler of {names} names + dateparser.search.search_dates")
    ours(docs[0])
    peer(docs[0])
    ratios_cpu, ratios_wall = [], []
    for r in range(1, a.rounds + 1):
        ow, oc, of = timed(ours, docs)
        pw, pc, pf = timed(peer, docs)
        ratios_cpu.append(pc / oc)
        ratios_wall.append(pw / ow)
        print(f"round {r}: summitry {len(docs) / oc:.0f} documents/CPU-s ({len(docs) / ow:.0f}/s wall, {of} events); "
              f"peer {len(docs) / pc:.1f} documents/CPU-s ({len(docs) / pw:.1f}/s wall, {pf} names and dates); "
              f"ratio {pc / oc:.1f}x per CPU second, {pw / ow:.1f}x wall clock")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"summitry / peer, documents per CPU second: {min(ratios_cpu):.1f}x to {max(ratios_cpu):.1f}x "
          f"(median {sorted(ratios_cpu)[len(ratios_cpu) // 2]:.1f}x)")
    print(f"summitry / peer, documents per wall-clock second: {min(ratios_wall):.1f}x to {max(ratios_wall):.1f}x")


if __name__ == "__main__":
    main()
