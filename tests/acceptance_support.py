"""What the acceptance tests share: a corpus extracted and scored per language, and the figures
their floors name."""
from __future__ import annotations

import json
from pathlib import Path

from summitry.evaluate import score, scored_documents
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


def devset_scores(gold_path: Path) -> dict:
    """The figures of a development-set gold file (devset/*.gold.json) over the documents it lists,
    read from the feed it names in ../shared."""
    gold = json.loads(gold_path.read_text("utf-8"))
    corpus = gold_path.resolve().parents[2] / gold["corpus"]
    docs, errors = read_inputs([corpus])
    assert not errors
    wanted = scored_documents(gold)
    events = [e.to_dict() for e in extract_events([d for d in docs if d.id in wanted])]
    result = score(gold, events)
    print(f"\n{gold_path.name}:\n  " + "\n  ".join(result.lines()))
    return result.figures


def figure(figures: dict, name: str) -> float:
    """A floor's figure by name: lenient_f1, strict_f1, status_accuracy, merge_f1 or
    false_per_100_empty (a ceiling, not a floor)."""
    return {
        "lenient_f1": figures["lenient"]["f1"],
        "strict_f1": figures["strict"]["f1"],
        "status_accuracy": figures["status_accuracy"],
        "merge_f1": figures["merge"]["f1"],
        "false_per_100_empty": figures.get("false_per_100_empty", 0.0),
    }[name]
