"""The example corpus (examples/) and its gold events are consistent and in the seeds' gold format.

examples/articles/*.txt + meta.yaml  --build_corpus.py-->  examples/corpus.jsonl
examples/gold.json                   gold events for those documents (format of seeds.gold.json)
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

import opencc
import pycountry
import pytest
import rjieba

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"

EVENT_TYPES = {"visit", "meeting", "multilateral", "call"}
STATUSES = {"occurred", "planned", "speculated", "postponed", "cancelled"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _load_module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


build_corpus = _load_module("examples_build_corpus", EXAMPLES / "build_corpus.py")


@pytest.fixture(scope="module")
def corpus() -> dict[str, dict]:
    docs = {}
    with open(EXAMPLES / "corpus.jsonl", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            docs[doc["id"]] = doc
    return docs


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads((EXAMPLES / "gold.json").read_text(encoding="utf-8"))


def _valid_country(code: str) -> bool:
    return code == "TWN" or pycountry.countries.get(alpha_3=code) is not None


def _parties(event: dict) -> list[tuple[list[str] | None, str]]:
    """(aliases or None, country) of everyone the event names: actor or participants."""
    if event["type"] in ("meeting", "call"):
        return [(p["names"], p["country"]) for p in event["participants"]]
    return [(event["actor"], event["actor_country"])]


# --- corpus.jsonl is what build_corpus.py makes of the articles ---------------------------------

def test_corpus_jsonl_is_built_from_the_articles():
    expected = build_corpus.render(build_corpus.build_documents())
    assert (EXAMPLES / "corpus.jsonl").read_text(encoding="utf-8") == expected, \
        "corpus.jsonl is out of date: run python examples/build_corpus.py"


def test_documents_follow_the_document_format(corpus):
    for doc_id, doc in corpus.items():
        assert list(doc) == ["id", "text", "lang", "published", "source", "url"]
        assert doc["text"] == (EXAMPLES / "articles" / f"{doc_id}.txt").read_bytes().decode("utf-8")
        assert doc["lang"] in ("en", "zh")
        assert doc["published"] is None or re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", doc["published"])
        assert doc["source"].startswith("team-written")
        assert doc["url"] is None


def test_build_reports_every_problem_with_file_and_line(tmp_path):
    (tmp_path / "meta.yaml").write_text(
        "a: {lang: en, published: \"2024-05-06\", source: x}\n"
        "b: {lang: fr, published: \"2024-05-06\", source: x}\n"
        "c: {lang: zh, published: \"2024-13\", source: x}\n"
        "d: {lang: zh, published: null, source: x}\n"
        "f: {lang: zh, published: null, source: x, url: y}\n",
        encoding="utf-8")
    for stem in "abcf":
        (tmp_path / f"{stem}.txt").write_text("text\n", encoding="utf-8")
    (tmp_path / "e.txt").write_text("text\n", encoding="utf-8")
    with pytest.raises(build_corpus.CorpusError) as err:
        build_corpus.build_documents(tmp_path)
    problems = "\n".join(err.value.problems)
    assert f"{tmp_path / 'meta.yaml'}:2: b: lang must be one of en, zh" in problems
    assert f"{tmp_path / 'meta.yaml'}:3: c: published must be" in problems
    assert f"{tmp_path / 'meta.yaml'}:4: entry 'd' has no file d.txt" in problems
    assert f"{tmp_path / 'meta.yaml'}:5: f: unknown key 'url'" in problems
    assert f"{tmp_path / 'e.txt'}:1: no entry for 'e'" in problems
    assert len(err.value.problems) == 5, "each problem is reported once"


def test_build_keeps_unquoted_dates_and_nulls_as_written(tmp_path):
    (tmp_path / "meta.yaml").write_text(
        "a: {lang: en, published: 2024-05-06, source: wire}\nb: {lang: zh, published: ~, source: wire}\n",
        encoding="utf-8")
    (tmp_path / "a.txt").write_text("one\r\ntwo\n", encoding="utf-8", newline="")
    (tmp_path / "b.txt").write_text("三\n", encoding="utf-8")
    docs = build_corpus.build_documents(tmp_path)
    assert [(d["id"], d["published"], d["text"]) for d in docs] == [("a", "2024-05-06", "one\r\ntwo\n"),
                                                                   ("b", None, "三\n")]


# --- the corpus has what the project needs to be tested on --------------------------------------

def test_corpus_mixes_languages_scripts_and_publication_precision(corpus):
    langs = Counter(d["lang"] for d in corpus.values())
    assert langs["en"] >= 10 and langs["zh"] >= 10
    t2s = opencc.OpenCC("t2s")
    traditional = [i for i, d in corpus.items() if d["lang"] == "zh" and t2s.convert(d["text"]) != d["text"]
                   and sum(a != b for a, b in zip(t2s.convert(d["text"]), d["text"])) >= 20]
    assert len(traditional) >= 2
    published = [d["published"] for d in corpus.values()]
    assert sum(p is None for p in published) >= 1
    assert sum(p is not None and len(p) == 7 for p in published) >= 2


def test_articles_are_short_news_articles(corpus):
    for doc_id, doc in corpus.items():
        if doc["lang"] == "en":
            words = len(doc["text"].split())
        else:
            words = sum(1 for w in rjieba.cut(doc["text"]) if re.search(r"\w", w))
        assert 120 <= words <= 450, f"{doc_id}: {words} words"


def test_articles_are_original_not_seed_text(corpus):
    seeds = SHARED / "corpus" / "seeds.jsonl"
    if not seeds.exists():
        pytest.skip("../shared is absent")
    seed_texts = [json.loads(line)["text"] for line in seeds.read_text(encoding="utf-8").splitlines() if line]
    for doc_id, doc in corpus.items():
        sentences = [s for s in re.split(r"(?<=[.!?。！？])\s*", doc["text"]) if len(s) >= 40]
        for s in sentences:
            assert not any(s in t for t in seed_texts), f"{doc_id} repeats a seed sentence: {s[:60]}"


# --- gold.json is well formed and consistent with the corpus ------------------------------------

def test_gold_documents_are_exactly_the_corpus(gold, corpus):
    assert gold["schema"] == "summitry-gold/1"
    assert len(gold["documents"]) == len(set(gold["documents"]))
    assert set(gold["documents"]) == set(corpus)


def test_every_mention_is_a_listed_document_with_a_valid_status(gold):
    documents = set(gold["documents"])
    for ev in gold["events"]:
        assert ev["mentions"], ev["id"]
        for doc_id, status in ev["mentions"].items():
            assert doc_id in documents, (ev["id"], doc_id)
            assert status in STATUSES, (ev["id"], status)


def test_events_have_the_fields_of_their_type(gold):
    ids = [ev["id"] for ev in gold["events"]]
    assert len(ids) == len(set(ids))
    for ev in gold["events"]:
        assert ev["type"] in EVENT_TYPES, ev["id"]
        assert isinstance(ev["required"], bool), ev["id"]
        if ev["type"] in ("meeting", "call"):
            assert len(ev["participants"]) >= 2, ev["id"]
            for p in ev["participants"]:
                assert p["names"] is None or (p["names"] and all(isinstance(n, str) and n for n in p["names"]))
        else:
            assert ev["actor"] and all(isinstance(n, str) and n for n in ev["actor"]), ev["id"]
        if ev["type"] == "visit":
            assert ev["destination"], ev["id"]
            assert ev["actor_country"] not in ev["destination"], f"{ev['id']}: a visit goes abroad"
        if ev["type"] == "multilateral":
            assert ev["forum"] and ev["host_country"], ev["id"]


def test_country_codes_are_iso3_or_twn(gold):
    for ev in gold["events"]:
        codes = [c for _, c in _parties(ev)] + ev.get("destination", [])
        if ev.get("host_country"):
            codes.append(ev["host_country"])
        for code in codes:
            assert _valid_country(code), f"{ev['id']}: {code}"


def test_windows_are_ordered_iso_dates(gold):
    for ev in gold["events"]:
        start, end = ev["window"]
        assert ISO_DATE.match(start) and ISO_DATE.match(end), ev["id"]
        assert dt.date.fromisoformat(start) <= dt.date.fromisoformat(end), ev["id"]


def test_no_document_reports_as_occurred_an_event_after_its_publication(gold, corpus):
    """A document can only report as done what had begun by the day (month, year) it was published."""
    for ev in gold["events"]:
        for doc_id, status in ev["mentions"].items():
            published = corpus[doc_id]["published"]
            if status == "occurred" and published:
                assert ev["window"][0][:len(published)] <= published, (ev["id"], doc_id)


def _names_in(text: str, alias: str) -> bool:
    """Latin-script aliases as whole words ('Lee' is not in 'sleep'); Chinese ones as substrings."""
    if re.search(r"[A-Za-z]", alias):
        return re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", text, re.IGNORECASE) is not None
    return alias in text


def test_every_named_party_is_named_in_each_reporting_document(gold, corpus):
    for ev in gold["events"]:
        for doc_id in ev["mentions"]:
            text = corpus[doc_id]["text"]
            for names, country in _parties(ev):
                if names:
                    assert any(_names_in(text, n) for n in names), f"{ev['id']}: {names[0]} not in {doc_id}"


def test_fusion_is_exercised_across_documents_and_languages(gold, corpus):
    multi_doc = [ev for ev in gold["events"] if len(ev["mentions"]) >= 2]
    cross_lingual = [ev for ev in multi_doc if {corpus[d]["lang"] for d in ev["mentions"]} == {"en", "zh"}]
    assert len(multi_doc) >= 5
    assert len(cross_lingual) >= 3
    statuses = {s for ev in gold["events"] for s in ev["mentions"].values()}
    assert statuses == STATUSES


def test_some_documents_have_no_event(gold):
    reported = {d for ev in gold["events"] for d in ev["mentions"]}
    assert len(set(gold["documents"]) - reported) >= 2


def _perfect_prediction(ev: dict) -> dict:
    """What an ideal extractor would output for a gold event: first aliases, the window as dates."""
    def party(names, country):
        return {"name": names[0] if names else None, "country": country}
    if ev["type"] in ("meeting", "call"):
        parties = [party(p["names"], p["country"]) for p in ev["participants"]]
        actor, counterparts = parties[0], parties[1:]
    else:
        actor, counterparts = party(ev["actor"], ev["actor_country"]), []
    countries = ev.get("destination") or ([ev["host_country"]] if ev.get("host_country") else [])
    return {"type": ev["type"], "actor": actor, "counterparts": counterparts, "countries": countries[:1],
            "forum": ev["forum"][0] if ev["type"] == "multilateral" else None,
            "start": ev["window"][0], "end": ev["window"][1],
            "mentions": [{"doc": d, "status": s} for d, s in ev["mentions"].items()]}


def test_the_shared_scorer_reads_the_gold_and_gives_a_perfect_run_full_marks(gold):
    score_py = SHARED / "eval" / "score.py"
    if not score_py.exists():
        pytest.skip("../shared is absent")
    scorer = _load_module("shared_eval_score", score_py)
    result = scorer.score(gold, [_perfect_prediction(ev) for ev in gold["events"]])
    assert result["misses"] == [] and result["spurious"] == []
    assert result["strict"]["f1"] == 1.0
    assert result["merge"]["f1"] == 1.0
    assert result["status_accuracy"] == 1.0
