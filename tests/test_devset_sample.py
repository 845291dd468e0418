"""devset/sample.py: the long pages drawn for the English tune half (issue 12)."""
import importlib.util
import sys
from pathlib import Path

DEVSET = Path(__file__).resolve().parents[1] / "devset"
sys.path.insert(0, str(DEVSET))
_spec = importlib.util.spec_from_file_location("devset_sample", DEVSET / "sample.py")
sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample)

SPEC = {"n": 3, "min_chars": 100, "max_chars": 200, "half": "tune"}


def corpus():
    return [{"id": f"d{i:02d}", "text": "x" * (50 + 10 * i)} for i in range(20)]


def test_long_pages_are_drawn_from_the_length_range_and_not_from_either_half():
    taken = {"d06", "d07"}
    drawn = sample.draw_long(SPEC, corpus(), taken, "en")
    assert len(drawn["tune"]) == 3 and drawn["holdout"] == []
    lengths = {d["id"]: len(d["text"]) for d in corpus()}
    assert all(100 <= lengths[i] <= 200 for i in drawn["tune"])
    assert not taken & set(drawn["tune"])
    assert drawn["tune"] == sorted(drawn["tune"])


def test_the_long_draw_is_seeded_and_its_own():
    # the same draw each time, whatever was drawn before it with the module's other generators
    assert sample.draw_long(SPEC, corpus(), set(), "en") == sample.draw_long(SPEC, corpus(), set(), "en")


def test_a_half_holds_its_long_pages():
    ids = {"en": {"random": {"tune": ["a"], "holdout": ["b"]}, "weeks": {"tune": {"w": ["c"]}, "holdout": {}},
                  "long": {"tune": ["d"], "holdout": []}},
           "zh": {"random": {"tune": ["e"], "holdout": []}, "weeks": {"tune": {}, "holdout": {}}}}
    assert sample.halves(ids, "en") == {"tune": ["a", "c", "d"], "holdout": ["b"]}
    assert sample.halves(ids, "zh") == {"tune": ["e"], "holdout": []}  # a language without long pages
