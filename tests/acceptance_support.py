"""What the acceptance tests share: a corpus extracted and scored per language, and the figures
their floors name."""
from __future__ import annotations

import json
from pathlib import Path

from summitry.evaluate import score
from summitry.ingest import read_inputs
from summitry.pipeline import extract_events


def scores_by_language(label: str, corpus: Path, gold_path: Path, langs) -> dict[str, dict]:
    """The figures of ``corpus`` against ``gold_path``: for "all" documents and for each language."""
    docs, errors = read_inputs([corpus])
    assert not errors
    gold = json.loads(gold_path.read_text("utf-8"))
    events = [e.to_dict() for e in extract_events(docs)]
    scores = {}
    for lang in langs:
        ids = None if lang == "all" else [d.id for d in docs if d.lang == lang]
        result = score(gold, events, ids)
        print(f"\n{label} ({lang}):\n  " + "\n  ".join(result.lines()))
        scores[lang] = result.figures
    return scores


def figure(figures: dict, name: str) -> float:
    """A floor's figure by name: lenient_f1, strict_f1, status_accuracy or merge_f1."""
    return {
        "lenient_f1": figures["lenient"]["f1"],
        "strict_f1": figures["strict"]["f1"],
        "status_accuracy": figures["status_accuracy"],
        "merge_f1": figures["merge"]["f1"],
    }[name]
