"""The README's evaluation table: seeds, examples and the development set, as markdown rows.

    python benchmarks/evaluation.py            # every corpus present
    python benchmarks/evaluation.py --devset   # the development set's rows only

Scores with summitry.evaluate (the figures of shared/eval/score.py, plus false events per 100
documents that report none). The seeds and the development set need ../shared beside the checkout;
the examples rows use examples/gold.json; the development set's rows use devset/*.gold.json (see
devset/README.md), scoring the tune half (rules are changed while looking at it) and the holdout
half (only ever scored) apart.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "src"))

from summitry.evaluate import score, scored_documents
from summitry.ingest import read_inputs
from summitry.pipeline import extract_events

HEADER = ("| corpus | language | documents | lenient P | lenient R | lenient F1 | strict F1 | status acc. "
          "| date acc. | merge F1 | false events / 100 quiet docs |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|")


def devset_golds() -> list[tuple[str, Path, Path]]:
    """(label, corpus, gold) of each development-set gold file present."""
    out = []
    for lang in ("en", "zh"):
        for half in ("tune", "holdout"):
            gold = REPO / "devset" / f"{lang}.{half}.gold.json"
            if gold.exists():
                corpus = REPO.parent / json.loads(gold.read_text("utf-8"))["corpus"]
                if corpus.exists():
                    out.append((f"real news, {half}", corpus, gold))
    return out


def scored_docs(corpus: Path, gold: dict) -> list:
    """The corpus's documents the gold scores."""
    scored = scored_documents(gold)
    docs, _ = read_inputs([corpus])
    return [d for d in docs if d.id in scored]


def rows(name: str, corpus: Path, gold_path: Path) -> list[str]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    docs = scored_docs(corpus, gold)
    return score_rows(name, gold, docs, [e.to_dict() for e in extract_events(docs)])


def score_rows(name: str, gold: dict, docs: list, events: list[dict], extra: str = "") -> list[str]:
    """The table's rows of one corpus: all languages, then each (``extra``: more cells, for each row)."""
    out = []
    for lang in ("all", "en", "zh"):
        ids = None if lang == "all" else [d.id for d in docs if d.lang == lang]
        if ids == [] or (lang == "all" and len({d.lang for d in docs}) == 1):
            continue
        f = score(gold, events, ids).figures
        L, S, M = f["lenient"], f["strict"], f["merge"]
        quiet = f"{f['false_per_100_empty']:.1f} ({f['empty_documents']})" if f["empty_documents"] else "–"
        out.append(f"| {name} | {lang} | {len(ids) if ids else len(docs)} | {L['p']:.3f} | {L['r']:.3f} | "
                   f"{L['f1']:.3f} | {S['f1']:.3f} | {f['status_accuracy']:.3f} | {f['date_accuracy']:.3f} | "
                   f"{M['f1']:.3f} | {quiet} |{extra}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--devset", action="store_true", help="the development set's rows only")
    args = ap.parse_args()
    corpora = []
    if not args.devset:
        if (SHARED / "eval" / "seeds.gold.json").exists():
            corpora.append(("seeds", SHARED / "corpus" / "seeds.jsonl", SHARED / "eval" / "seeds.gold.json"))
        corpora.append(("examples", REPO / "examples" / "corpus.jsonl", REPO / "examples" / "gold.json"))
    corpora += devset_golds()
    began = time.perf_counter()
    print(HEADER)
    for name, corpus, gold in corpora:
        print("\n".join(rows(name, corpus, gold)), flush=True)
    print(f"\n({time.perf_counter() - began:.0f} s; quiet docs: documents whose gold has no event, in brackets)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
