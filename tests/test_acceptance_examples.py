"""Acceptance on the team's own examples (examples/, with gold): floors under the measured figures.

The examples report many events in passing, so they are the better guard against a rule that only
fits the seeds. Floors sit a little under the README's table and only rise.
"""
import json

import pytest

from summitry.evaluate import score
from summitry.ingest import read_inputs
from summitry.pipeline import extract_events

FLOORS = {
    "all": {"lenient_f1": 0.86, "strict_f1": 0.62, "merge_f1": 0.75},
    "en": {"lenient_f1": 0.80, "strict_f1": 0.57},
    "zh": {"lenient_f1": 0.93, "strict_f1": 0.69},
}


@pytest.fixture(scope="module")
def example_scores(examples_dir):
    docs, errors = read_inputs([examples_dir / "corpus.jsonl"])
    assert not errors
    gold = json.loads((examples_dir / "gold.json").read_text("utf-8"))
    events = [e.to_dict() for e in extract_events(docs)]
    scores = {}
    for lang in FLOORS:
        ids = None if lang == "all" else [d.id for d in docs if d.lang == lang]
        result = score(gold, events, ids)
        print(f"\nexamples ({lang}):\n  " + "\n  ".join(result.lines()))
        scores[lang] = result.figures
    return scores


@pytest.mark.parametrize("lang,name", [(lang, name) for lang, floors in FLOORS.items() for name in floors])
def test_example_figures_stay_above_their_floors(example_scores, lang, name):
    figures = example_scores[lang]
    value = {"lenient_f1": figures["lenient"]["f1"], "strict_f1": figures["strict"]["f1"],
             "merge_f1": figures["merge"]["f1"]}[name]
    assert value >= FLOORS[lang][name]
