"""The README's evaluation table: seeds and examples, by language, as markdown rows.

    python benchmarks/evaluation.py

Scores with summitry.evaluate (the figures of shared/eval/score.py). The seeds row needs
../shared beside the checkout; the examples rows use examples/gold.json.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from summitry.evaluate import score
from summitry.ingest import read_inputs
from summitry.pipeline import extract_events


def rows(name: str, corpus: Path, gold_path: Path) -> list[str]:
    docs, _ = read_inputs([corpus])
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    events = [e.to_dict() for e in extract_events(docs)]
    out = []
    for lang in ("all", "en", "zh"):
        ids = None if lang == "all" else [d.id for d in docs if d.lang == lang]
        if ids == []:
            continue
        f = score(gold, events, ids).figures
        L, S, M = f["lenient"], f["strict"], f["merge"]
        out.append(f"| {name} | {lang} | {len(ids) if ids else len(docs)} | {L['p']:.3f} | {L['r']:.3f} | "
                   f"{L['f1']:.3f} | {S['f1']:.3f} | {f['status_accuracy']:.3f} | {f['date_accuracy']:.3f} | "
                   f"{M['f1']:.3f} |")
    return out


def main() -> None:
    print("| corpus | language | documents | lenient P | lenient R | lenient F1 | strict F1 | status acc. "
          "| date acc. | merge F1 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    shared = REPO.parent / "shared"
    if (shared / "eval" / "seeds.gold.json").exists():
        print("\n".join(rows("seeds", shared / "corpus" / "seeds.jsonl", shared / "eval" / "seeds.gold.json")))
    print("\n".join(rows("examples", REPO / "examples" / "corpus.jsonl", REPO / "examples" / "gold.json")))


if __name__ == "__main__":
    main()
