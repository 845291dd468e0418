"""Acceptance on the team's own examples (examples/, with gold): floors under the measured figures.

The examples report many events in passing, so they are the better guard against a rule that only
fits the seeds. Floors sit a little under the README's table and only rise.
"""
import pytest
from acceptance_support import figure, scores_by_language

FLOORS = {
    "all": {"lenient_f1": 0.90, "strict_f1": 0.75, "merge_f1": 0.90},
    "en": {"lenient_f1": 0.86, "strict_f1": 0.68, "merge_f1": 0.86},
    "zh": {"lenient_f1": 0.96, "strict_f1": 0.81},
}


@pytest.fixture(scope="module")
def example_scores(examples_dir):
    return scores_by_language("examples", examples_dir / "corpus.jsonl", examples_dir / "gold.json", FLOORS)


@pytest.mark.parametrize("lang,name", [(lang, name) for lang, floors in FLOORS.items() for name in floors])
def test_example_figures_stay_above_their_floors(example_scores, lang, name):
    assert figure(example_scores[lang], name) >= FLOORS[lang][name]
