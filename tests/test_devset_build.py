"""devset/build.py joins the annotators' parts: one real event is one entry, across parts too."""
import importlib.util
import sys
from pathlib import Path

DEVSET = Path(__file__).resolve().parents[1] / "devset"
sys.path.insert(0, str(DEVSET))
_spec = importlib.util.spec_from_file_location("devset_build", DEVSET / "build.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)


def visit(eid, doc, window, actor=("Olaf Scholz", "Scholz"), destination=("JPN",), required=True):
    return {"id": eid, "type": "visit", "actor": list(actor), "actor_country": "DEU",
            "destination": list(destination), "window": list(window), "mentions": {doc: "occurred"},
            "required": required}


def test_one_real_event_annotated_in_two_parts_becomes_one_entry():
    part_of = {"A1": "a", "B1": "b"}
    (ev,) = build.join_across_parts([visit("A1", "d1", ["2023-05-01", "2023-05-31"]),
                                     visit("B1", "d2", ["2023-05-12", "2023-05-13"], actor=("Olaf Scholz", "オラフ"))],
                                    part_of)
    assert ev["id"] == "A1" and ev["joined"] == ["B1"]
    assert ev["mentions"] == {"d1": "occurred", "d2": "occurred"}
    assert ev["window"] == ["2023-05-01", "2023-05-31"]  # what either text allows stays allowed
    assert ev["actor"] == ["Olaf Scholz", "Scholz", "オラフ"]


def test_entries_that_differ_stay_apart():
    part_of = {"A1": "a", "B1": "b", "A2": "a"}
    other_time = [visit("A1", "d1", ["2023-05-01", "2023-05-31"]), visit("B1", "d2", ["2023-07-01", "2023-07-02"])]
    assert len(build.join_across_parts(other_time, part_of)) == 2
    elsewhere = [visit("A1", "d1", ["2023-05-01", "2023-05-31"]),
                 visit("B1", "d2", ["2023-05-12", "2023-05-13"], destination=("KOR",))]
    assert len(build.join_across_parts(elsewhere, part_of)) == 2
    optional = [visit("A1", "d1", ["2023-05-01", "2023-05-31"]),
                visit("B1", "d2", ["2023-05-12", "2023-05-13"], required=False)]
    assert len(build.join_across_parts(optional, part_of)) == 2
    # two entries of one part were kept apart by their annotator
    same_part = [visit("A1", "d1", ["2023-05-01", "2023-05-31"]), visit("A2", "d2", ["2023-05-12", "2023-05-13"])]
    assert len(build.join_across_parts(same_part, part_of)) == 2


def test_meetings_join_when_every_side_is_the_same():
    def meeting(eid, doc, sides):
        return {"id": eid, "type": "meeting", "participants": [{"names": list(n), "country": c} for n, c in sides],
                "window": ["2023-05-12", "2023-05-12"], "mentions": {doc: "occurred"}}
    part_of = {"A1": "a", "B1": "b", "B2": "b"}
    scholz, kishida = (("Olaf Scholz",), "DEU"), (("Fumio Kishida", "Kishida"), "JPN")
    joined = build.join_across_parts([meeting("A1", "d1", [scholz, kishida]), meeting("B1", "d2", [kishida, scholz]),
                                      meeting("B2", "d3", [scholz, ((), "JPN")])], part_of)
    assert [e["id"] for e in joined] == ["A1", "B2"]
