"""summitry's scoring gives the figures of the reference scorer (shared/eval/score.py)."""
import json
import random
import subprocess
import sys

import pytest

from summitry.evaluate import lenient_match, names_agree, normalise_name, score


def events_from_gold(gold, rng, damage=0.0):
    """Predictions built from the gold: a perfect set, or one with some damage done."""
    events = []
    for g in gold["events"]:
        for doc, status in g["mentions"].items():
            if g["type"] in ("meeting", "call"):
                people = [{"name": (p["names"] or [None])[0], "country": p["country"]} for p in g["participants"]]
                actor, counterparts = people[0], people[1:]
            else:
                actor, counterparts = {"name": g["actor"][0], "country": g["actor_country"]}, []
            ev = {"id": f"{g['id']}-{doc}", "type": g["type"], "status": status, "actor": actor,
                  "counterparts": counterparts, "countries": g.get("destination") or [g.get("host_country")],
                  "forum": (g.get("forum") or [None])[0], "start": g["window"][0], "end": g["window"][1],
                  "mentions": [{"doc": doc, "status": status, "text": "", "start": 0, "end": 0}]}
            if rng.random() < damage:
                ev["status"] = ev["mentions"][0]["status"] = "speculated"
            if rng.random() < damage:
                ev["start"] = ev["end"] = "1999-01-01"
            if rng.random() < damage:
                ev["actor"] = {"name": "Nobody Known", "country": "XXX"}
            events.append(ev)
    # merge some of them: two mentions of the same gold event in one record
    rng.shuffle(events)
    merged = []
    for ev in events:
        same = [m for m in merged if m["id"].split("-")[0] == ev["id"].split("-")[0]]
        if same and rng.random() < 0.7:
            same[0]["mentions"] += ev["mentions"]
        else:
            merged.append(ev)
    if damage:
        merged.append({"id": "junk", "type": "visit", "status": "occurred", "actor": {"name": "Xi Jinping"},
                       "countries": ["FRA"], "start": "2022-01-01",
                       "mentions": [{"doc": gold["documents"][0], "status": "occurred"}]})
    return merged


def reference_figures(shared, events, tmp_path, docs=None):
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    cmd = [sys.executable, str(shared / "eval" / "score.py"), str(shared / "eval" / "seeds.gold.json"), str(path),
           "--json"]
    if docs:
        cmd += ["--docs", ",".join(docs)]
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)


# What summitry's figures add to the reference scorer's.
EXTRA_FIGURES = {"empty_documents", "false_per_100_empty"}


def shared_figures(figures):
    assert set(figures) - EXTRA_FIGURES == set(figures) & {"lenient", "strict", "status_accuracy",
                                                          "date_accuracy", "merge"}
    return {k: v for k, v in figures.items() if k not in EXTRA_FIGURES}


@pytest.mark.parametrize("seed,damage", [(1, 0.0), (2, 0.2), (3, 0.5), (4, 0.9)])
def test_figures_equal_the_reference_scorer(shared_dir, tmp_path, seed, damage):
    gold = json.loads((shared_dir / "eval" / "seeds.gold.json").read_text("utf-8"))
    events = events_from_gold(gold, random.Random(seed), damage)
    assert shared_figures(score(gold, events).figures) == reference_figures(shared_dir, events, tmp_path)


def test_figures_equal_the_reference_scorer_on_some_documents(shared_dir, tmp_path):
    gold = json.loads((shared_dir / "eval" / "seeds.gold.json").read_text("utf-8"))
    events = events_from_gold(gold, random.Random(7), 0.3)
    docs = gold["documents"][2:4]
    assert shared_figures(score(gold, events, docs).figures) == reference_figures(shared_dir, events, tmp_path, docs)


def test_perfect_predictions_score_one():
    gold = {"documents": ["d"], "events": [{"id": "E1", "type": "visit", "actor": ["Xi Jinping"],
                                            "actor_country": "CHN", "destination": ["KAZ"],
                                            "window": ["2022-09-14", "2022-09-14"], "mentions": {"d": "occurred"}}]}
    ev = {"type": "visit", "actor": {"name": "Xi Jinping"}, "countries": ["KAZ"], "start": "2022-09-14",
          "mentions": [{"doc": "d", "status": "occurred"}]}
    figures = score(gold, [ev]).figures
    assert figures["lenient"]["f1"] == figures["strict"]["f1"] == 1.0


def test_false_events_are_counted_per_hundred_documents_that_report_none():
    gold = {"documents": ["d", "quiet1", "quiet2", "quiet3", "quiet4"],
            "events": [{"id": "E1", "type": "visit", "actor": ["Xi Jinping"], "actor_country": "CHN",
                        "destination": ["KAZ"], "window": ["2022-09-14", "2022-09-14"],
                        "mentions": {"d": "occurred"}}]}
    ev = {"type": "visit", "actor": {"name": "Xi Jinping"}, "countries": ["FRA"], "start": "2022-09-14",
          "mentions": [{"doc": "d", "status": "occurred"}, {"doc": "quiet2", "status": "occurred"}]}
    figures = score(gold, [ev]).figures
    assert figures["empty_documents"] == 4
    assert figures["false_per_100_empty"] == 25.0  # one false event over four quiet documents; d's is not counted


def test_names_agree_on_aliases_and_word_subsets():
    assert normalise_name("Ukhnaagiin Khürelsükh") == "ukhnaagiin khurelsukh"
    assert names_agree("Kassym-Jomart Tokayev", ["Tokayev", "Kassym Jomart Tokayev"])
    assert names_agree("Antony J. Blinken", ["Antony Blinken"])  # words of one within the other's
    assert not names_agree("Xi", ["Xi Jinping"])  # a single word must equal an alias
    assert not names_agree(None, ["Xi Jinping"])


def test_meetings_are_matched_whatever_the_order_of_parties():
    gold = {"type": "meeting", "participants": [{"names": ["Xi Jinping"], "country": "CHN"},
                                                {"names": None, "country": "IRN"}]}
    ev = {"type": "meeting", "actor": {"name": None, "country": "IRN"}, "counterparts": [{"name": "Xi Jinping"}]}
    assert lenient_match(ev, gold)


def test_travel_logs_are_scored_by_country_years():
    from summitry.evaluate import gold_country_years, travel_score

    gold = {"events": [
        {"id": "v1", "type": "visit", "actor": ["Xi Jinping", "Xi"], "actor_country": "CHN", "destination": ["KAZ"],
         "window": ["2022-09-14", "2022-09-15"], "mentions": {"a": "occurred"}},
        {"id": "m1", "type": "meeting", "participants": [{"names": ["Xi Jinping"], "country": "CHN"},
                                                        {"names": ["Vladimir Putin"], "country": "RUS"}],
         "host_country": "UZB", "window": ["2022-09-15", "2022-09-15"], "mentions": {"a": "occurred"}},
        {"id": "v2", "type": "visit", "actor": ["Xi Jinping"], "actor_country": "CHN", "destination": ["MAC"],
         "window": ["2024-12-19", "2024-12-20"], "mentions": {"b": "occurred"}},             # at home
        {"id": "v3", "type": "visit", "actor": ["Xi Jinping"], "actor_country": "CHN", "destination": ["USA"],
         "window": ["2023-11-14", "2023-11-17"], "mentions": {"c": "planned"}},              # never happened
        {"id": "v4", "type": "visit", "actor": ["Wang Yi"], "actor_country": "CHN", "destination": ["EGY"],
         "window": ["2023-01-10", "2023-01-10"], "mentions": {"d": "occurred"}, "required": False},
    ]}
    at_home = lambda home, there: (home, there) == ("CHN", "MAC")
    stays = gold_country_years(gold, at_home)
    assert sorted((s.names[0], s.first_year, s.country, s.required) for s in stays) == [
        ("Vladimir Putin", 2022, "UZB", True), ("Wang Yi", 2023, "EGY", False),
        ("Xi Jinping", 2022, "KAZ", True), ("Xi Jinping", 2022, "UZB", True)]
    found = [("Xi Jinping", 2022, "KAZ"), ("Xi Jinping", 2022, "UZB"), ("Xi Jinping", 2022, "RUS"),
             ("Wang Yi", 2023, "EGY")]  # Putin's stay missed; Wang Yi's is optional
    s = travel_score(stays, found)
    assert (s["tp"], s["fp"], s["fn"]) == (2, 1, 1)
    assert s["false"] == [("Xi Jinping", 2022, "RUS")]
    # Xi 2022: {KAZ, UZB} against {KAZ, UZB, RUS}; Putin 2022: {UZB} against nothing
    assert s["person_years"] == 2 and abs(s["mean_jaccard"] - (2 / 3 + 0) / 2) < 1e-9
    # a stay whose window spans years is found in any of them, and missed once
    stay = gold_country_years({"events": [
        {"id": "v", "type": "visit", "actor": ["Barack Obama"], "actor_country": "USA", "destination": ["CUB"],
         "window": ["2014-01-20", "2016-03-22"], "mentions": {"a": "occurred"}}]})
    assert travel_score(stay, [("Barack Obama", 2015, "CUB")])["tp"] == 1
    assert (travel_score(stay, [])["fn"], travel_score(stay, [("Barack Obama", 2017, "CUB")])["fp"]) == (1, 1)
