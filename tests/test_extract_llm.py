"""The llm and hybrid engines, against a fake OpenAI-compatible server on a loopback port.

No model and no network: ``tests/fake_openai_server.py`` replays answers recorded by hand
(``tests/data/llm/answers.json``) for texts written for these tests (``tests/data/llm/docs.jsonl``).
"""
from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

pytest.importorskip("openai")

from fake_openai_server import FakeOpenAI

from summitry.cli import main
from summitry.extract.llm import LLMSettings, load_settings
from summitry.extract.llm.grounding import DocView, Grounder, Tally
from summitry.extract.llm.passages import chunk, document_passages, excerpt_passages, sentence_spans
from summitry.extract.llm.prompt import ANSWER_SCHEMA, MalformedAnswer, parse_answer
from summitry.extract.llm.settings import SettingsError
from summitry.records import Document, json_schema

DATA = Path(__file__).parent / "data" / "llm"
DOCS = DATA / "docs.jsonl"
ANSWERS = json.loads((DATA / "answers.json").read_text("utf-8"))
SECRET = "sk-test-not-a-real-key-5150"


def _docs() -> dict[str, Document]:
    out = {}
    for line in DOCS.read_text("utf-8").splitlines():
        d = json.loads(line)
        out[d["id"]] = Document(id=d["id"], text=d["text"], lang=d["lang"], published=d["published"])
    return out


@pytest.fixture
def server():
    with FakeOpenAI(ANSWERS) as fake:
        yield fake


@pytest.fixture
def llm_args(server, tmp_path, monkeypatch):
    """Options for a run against the fake server: a config file with short waits, its own cache."""
    monkeypatch.setenv("SUMMITRY_LLM_API_KEY", SECRET)
    for var in ("SUMMITRY_LLM_BASE_URL", "SUMMITRY_LLM_MODEL", "SUMMITRY_LLM_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    config = tmp_path / "llm.toml"
    config.write_text('[llm]\nbackoff = 0.01\nmax_backoff = 0.05\ntimeout = 5.0\nconcurrency = 2\n', "utf-8")

    def args(*extra: str, engine: str = "llm") -> list[str]:
        return ["--engine", engine, "--llm-base-url", server.base_url, "--llm-model", "fake-model",
                "--llm-config", str(config), "--llm-cache-dir", str(tmp_path / "cache"), *extra]
    return args


def _run(capsys, argv: list[str]) -> tuple[int, list[dict], str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


def _extract(capsys, llm_args, *extra: str, engine: str = "llm", docs: Path = DOCS):
    return _run(capsys, ["extract", str(docs), "--no-merge", *llm_args(*extra, engine=engine)])


def _valid(record: dict) -> bool:
    from jsonschema import Draft202012Validator

    return not list(Draft202012Validator(json_schema("Event")).iter_errors(record))


# --- the engine end to end -------------------------------------------------------------------------

def test_llm_engine_gives_valid_grounded_records_whose_offsets_point_at_the_evidence(capsys, llm_args):
    code, events, _ = _extract(capsys, llm_args)
    assert code == 0
    docs = _docs()
    assert events and all(_valid(e) for e in events)
    for e in events:
        (m,) = e["mentions"]
        assert docs[m["doc"]].text[m["start"]:m["end"]] == m["text"]
    by = {(e["type"], e["actor"]["name"]): e for e in events}
    visit = by[("visit", "Kassym-Jomart Tokayev")]
    assert visit["countries"] == ["CHN"] and visit["place"] == "Beijing"
    assert (visit["start"], visit["end"], visit["precision"]) == ("2024-05-16", "2024-05-16", "day")  # "on Thursday"
    assert "arrived in Beijing on Thursday" in visit["mentions"][0]["text"]
    # a quote whose spaces and punctuation differ from the text is found, and the mention is the sentence
    meeting = by[("meeting", "Kassym-Jomart Tokayev")]
    assert meeting["mentions"][0]["text"].startswith("He held talks with Chinese President Xi Jinping")
    assert meeting["counterparts"][0]["name"] == "Xi Jinping" and meeting["countries"] == ["CHN"]
    # unnamed offices are their holders on the event's date (Monday 2023-06-19)
    call = by[("call", "Qin Gang")]
    assert call["counterparts"][0]["name"] == "Sergey Lavrov" and call["start"] == "2023-06-19"
    # Chinese names through the knowledge base, the day read relative to publication
    zh = by[("meeting", "Xi Jinping")]
    assert zh["counterparts"][0]["name"] == "Vladimir Putin" and zh["start"] == "2024-05-16"
    assert zh["place"] == "Great Hall of the People" and zh["countries"] == ["CHN"]
    # the model wrote "Ruto": the knowledge base's name, country and office on the day
    assert by[("visit", "William Ruto")]["actor"] == {"name": "William Ruto", "country": "KEN",
                                                      "office": "President", "level": "head_of_state"}


def test_a_hallucinated_quote_and_an_unwritten_name_are_dropped_and_counted(capsys, llm_args):
    code, events, err = _extract(capsys, llm_args)
    assert code == 0
    assert not [e for e in events if "Vladimir Putin" in json.dumps(e) and e["mentions"][0]["doc"] == "llm-en-visit"]
    assert not [e for e in events if e["actor"]["name"] == "Nursultan Nazarbayev"]
    assert "2 events dropped as not grounded: " in err
    assert "1 evidence quote not in the text" in err and "1 actor not grounded" in err


def test_the_request_asks_for_a_json_schema_and_never_for_offsets_or_codes(capsys, llm_args, server):
    _extract(capsys, llm_args)
    body = server.requests[0]["body"]
    assert body["model"] == "fake-model" and body["temperature"] == 0
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["schema"] == ANSWER_SCHEMA
    item = ANSWER_SCHEMA["properties"]["events"]["items"]["properties"]
    assert "evidence" in item and not {"start", "end", "offset", "iso3", "country_code"} & set(item)
    assert "verbatim" in body["messages"][0]["content"] or "character for character" in body["messages"][0]["content"]


def test_the_api_key_is_sent_to_the_server_and_never_printed(capsys, llm_args, server):
    _, events, err = _extract(capsys, llm_args)
    assert {r["authorization"] for r in server.requests} == {f"Bearer {SECRET}"}
    assert SECRET not in err and SECRET not in json.dumps(events)
    assert SECRET not in repr(load_settings())


def test_a_server_without_schemas_is_asked_in_plain_json_mode(capsys, llm_args, tmp_path):
    with FakeOpenAI(ANSWERS, schema_support=False) as plain:
        code = main(["extract", str(DOCS), "--no-merge", *llm_args(), "--llm-base-url", plain.base_url])
        out, _ = capsys.readouterr()
        formats = [(r["body"].get("response_format") or {}).get("type") for r in plain.requests]
    assert code == 0 and len(out.splitlines()) == 6
    assert formats[0] == "json_schema" and formats[-1] == "json_object"
    assert formats.count("json_schema") < len(_docs())  # the run keeps the mode that worked
    schema_in_prompt = [r for r in plain.requests if r["body"].get("response_format", {}).get("type") == "json_object"]
    assert all("schema" in r["body"]["messages"][0]["content"] for r in schema_in_prompt)


def test_a_server_with_neither_schemas_nor_json_mode_gets_the_schema_in_the_prompt(capsys, llm_args):
    with FakeOpenAI(ANSWERS, schema_support=False, json_mode_support=False) as bare:
        code = main(["extract", str(DOCS), "--no-merge", *llm_args(), "--llm-base-url", bare.base_url])
        out, _ = capsys.readouterr()
        last = bare.requests[-1]["body"]
    assert code == 0 and len(out.splitlines()) == 6
    assert "response_format" not in last and "schema" in last["messages"][0]["content"]


def test_parameters_a_model_refuses_are_changed_or_left_out(capsys, llm_args):
    with FakeOpenAI(ANSWERS, refused_params=("max_tokens", "temperature")) as strict:
        code = main(["extract", str(DOCS), "--no-merge", *llm_args(), "--llm-base-url", strict.base_url,
                     "--llm-concurrency", "1"])
        out, _ = capsys.readouterr()
        bodies = [r["body"] for r in strict.requests]
    assert code == 0 and len(out.splitlines()) == 6
    assert bodies[-1]["max_completion_tokens"] == 4096 and "temperature" not in bodies[-1]
    assert len(bodies) == len(_docs()) + 2  # two refusals, then the run keeps what worked


def test_hybrid_sends_only_the_sentences_around_triggers_the_rules_left_open(capsys, llm_args, server):
    code, events, err = _extract(capsys, llm_args, engine="hybrid")
    assert code == 0 and all(_valid(e) for e in events)
    docs = _docs()
    for e in events:
        (m,) = e["mentions"]
        assert docs[m["doc"]].text[m["start"]:m["end"]] == m["text"]
    sent = [r["body"]["messages"][1]["content"] for r in server.requests]
    # the rules told Tokayev's visit and meeting, the Chinese meeting and the call of the unnamed
    # ministers ("his Russian counterpart") in full: those documents cost nothing; only the one whose
    # trip the rules left open is read by the model
    assert len(sent) == 1
    assert not any("Tokayev" in s or "习近平" in s for s in sent)
    assert [e for e in events if e["type"] == "call" and e["actor"]["name"] == "Qin Gang"]
    (hybrid,) = [s for s in sent if "Ruto had been invited" in s]
    assert "Markets rose on Friday." in hybrid          # a sentence of context
    assert "met Kenyan President William Ruto" not in hybrid  # the rules' complete event is not sent
    # the model's visit is added; its meeting, quoted from a sentence it was not shown, is not
    assert [e for e in events if e["type"] == "visit" and e["actor"]["name"] == "William Ruto"]
    assert "1 evidence quote not in the text" in err
    # shown that sentence too, the model's meeting and Ruto's visit (met at the White House: he was in
    # the United States) repeat the rules' and are left out
    code, wider, err = _extract(capsys, llm_args, "--llm-context", "2", engine="hybrid")
    assert "met Kenyan President William Ruto" in server.requests[-1]["body"]["messages"][1]["content"]
    assert "2 already found by the rules" in err
    assert sorted(map(json.dumps, wider)) == sorted(map(json.dumps, events))


def test_hybrid_keeps_the_rules_events_and_adds_only_what_they_lack():
    from summitry.extract.llm.engine import complete, repeats
    from summitry.records import Event, Party

    xi, putin = Party("Xi Jinping", "CHN"), Party("Vladimir Putin", "RUS")
    rule = Event(id="r", type="meeting", status="occurred", actor=xi, counterparts=[putin], start="2024-05-16",
                 end="2024-05-16")
    same = Event(id="m", type="meeting", status="occurred", actor=putin, counterparts=[xi])
    earlier = Event(id="e", type="meeting", status="occurred", actor=putin, counterparts=[xi], start="2023-03-21",
                    end="2023-03-21")
    assert repeats(same, rule) and not repeats(earlier, rule)
    assert complete(rule) and not complete(Event(id="u", type="meeting", status="occurred", actor=xi))
    assert not complete(Event(id="n", type="visit", status="occurred", actor=Party(None, "CHN"), countries=["RUS"]))


def test_a_long_document_is_read_in_overlapping_passages_and_each_event_kept_once(capsys, llm_args, server):
    _, whole, _ = _extract(capsys, llm_args)
    sent = len(server.requests)
    _, events, err = _extract(capsys, llm_args, "--llm-chunk-chars", "260", "--llm-no-cache")
    passages = [r["body"]["messages"][1]["content"] for r in server.requests[sent:]]
    visit_doc = [p for p in passages if "Tokayev" in p or "fruitful" in p]
    assert len(visit_doc) == 3 and all(len(p.split("Article:\n", 1)[1]) <= 260 for p in visit_doc)
    assert "told twice" in err  # the visit, told in the first two passages
    assert sorted(e["id"] for e in events) == sorted(e["id"] for e in whole)


def test_the_cache_makes_a_second_run_send_no_request(capsys, llm_args, server):
    first = _extract(capsys, llm_args)
    sent = len(server.requests)
    assert sent == len(_docs())
    second = _extract(capsys, llm_args)
    assert len(server.requests) == sent
    assert second[1] == first[1]
    assert f"{sent} passages ({sent} from the cache), 0 requests" in second[2]


def test_a_changed_document_or_model_asks_again(capsys, llm_args, server, tmp_path):
    _extract(capsys, llm_args)
    sent = len(server.requests)
    _extract(capsys, llm_args, "--llm-model", "another-model")
    assert len(server.requests) == 2 * sent
    changed = tmp_path / "changed.jsonl"
    lines = DOCS.read_text("utf-8").splitlines()
    first = json.loads(lines[0])
    first["text"] += " Trade was discussed."
    changed.write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n", "utf-8")
    _extract(capsys, llm_args, docs=changed)
    assert len(server.requests) == 2 * sent + 1


def test_a_429_is_retried_after_the_server_s_wait(capsys, llm_args, server):
    server.fail_next(429, times=2, retry_after=0)
    code, events, err = _extract(capsys, llm_args, "--llm-concurrency", "1")
    assert code == 0 and len(events) == 6
    assert "(2 retries)" in err


def test_a_5xx_and_a_time_out_are_retried(capsys, llm_args, server):
    server.fail_next(503)
    server.delay_next(1.5)
    code, events, err = _extract(capsys, llm_args, "--llm-concurrency", "1", "--llm-timeout", "0.5")
    assert code == 0 and len(events) == 6
    assert "(2 retries)" in err


def test_a_server_that_keeps_failing_leaves_the_document_unread_and_the_run_goes_on(capsys, llm_args, server):
    server.fail_next(500, times=3)
    code, events, err = _extract(capsys, llm_args, "--llm-concurrency", "1", "--llm-retries", "2")
    assert code == 1
    assert "1 documents not read: 1 the server failed 3 times (HTTP 500)" in err
    assert {e["mentions"][0]["doc"] for e in events} == set(_docs()) - {"llm-en-visit"}


def test_a_refused_key_stops_the_run_with_a_clear_error(capsys, llm_args, server):
    server.fail_next(401, times=10)
    code, events, err = _extract(capsys, llm_args, "--llm-concurrency", "1")
    assert code == 2 and events == []
    assert "refused the API key" in err and SECRET not in err


def test_a_malformed_answer_is_asked_for_again(capsys, llm_args, server):
    server.garble_next()
    code, events, err = _extract(capsys, llm_args, "--llm-concurrency", "1")
    assert code == 0 and len(events) == 6
    assert "1 answers were not JSON; 0 passages lost" in err


def test_an_answer_malformed_twice_loses_that_passage_only_and_is_not_cached(capsys, llm_args, server):
    server.garble_next("Sure! Here are the events: none.", times=2)
    code, events, err = _extract(capsys, llm_args, "--llm-concurrency", "1")
    assert code == 0
    assert "2 answers were not JSON; 1 passages lost" in err
    assert not [e for e in events if e["mentions"][0]["doc"] == "llm-en-visit"]
    sent = len(server.requests)
    code, events, err = _extract(capsys, llm_args)  # the lost passage is asked again, the others come from the cache
    assert len(server.requests) == sent + 1 and len(events) == 6


def test_the_budget_stops_the_run_cleanly_and_a_re_run_finishes_from_the_cache(capsys, llm_args, server):
    code, events, err = _extract(capsys, llm_args, "--llm-concurrency", "1", "--llm-budget", "100")
    assert code == 1
    assert len(server.requests) == 1  # the first answer spent the budget: nothing more was sent
    assert "3 documents not read: 3 the token budget (100) is spent" in err
    assert {e["mentions"][0]["doc"] for e in events} == {"llm-en-visit"}
    code, events, err = _extract(capsys, llm_args, "--llm-concurrency", "1")
    assert code == 0 and len(server.requests) == 4 and len(events) == 6
    assert "(1 from the cache)" in err


def test_the_progress_bar_shows_tokens_and_cost(capsys, llm_args):
    code, _, err = _extract(capsys, llm_args, "--llm-progress", "--llm-price-prompt", "1.5",
                            "--llm-price-completion", "6")
    assert code == 0
    assert "tokens $" in err and "4doc" in err and "cost $" in err  # the input is a stream: no total up front


def test_ingest_with_the_llm_engine_stores_events_and_leaves_unread_documents_for_later(capsys, llm_args, server,
                                                                                        tmp_path):
    db = str(tmp_path / "llm.duckdb")
    code = main(["ingest", str(DOCS), "--db", db, *llm_args("--llm-budget", "100", "--llm-concurrency", "1")])
    out, err = capsys.readouterr()
    assert code == 1 and "1 added" in out and "3 failed" in out and "not read" in err
    code = main(["ingest", str(DOCS), "--db", db, *llm_args()])
    out, err = capsys.readouterr()
    assert code == 0 and "3 added" in out and "1 unchanged" in out
    from summitry.store import open_store

    with open_store(db, read_only=True) as store:
        (count,) = store.db.rows("SELECT count(*) FROM mention_events")[0]
    assert count == 6


def test_eval_with_the_llm_engine_scores_like_the_rules(capsys, llm_args):
    code = main(["eval", "--gold", str(DATA / "gold.json"), str(DOCS), "--json", *llm_args()])
    out, _ = capsys.readouterr()
    figures = json.loads(out)
    assert code == 0 and figures["lenient"]["tp"] == 2 and figures["lenient"]["fn"] == 0
    assert figures["strict"]["tp"] == 2


def _benchmark():
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "llm_eval.py"
    spec = importlib.util.spec_from_file_location("llm_eval", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _hybrid_requests() -> int:
    """How many requests the hybrid engine makes for the test documents, as the rules stand."""
    from summitry.extract import engine_for
    from summitry.extract.llm.engine import HybridEngine

    count = 0
    for doc in _docs().values():
        rules = engine_for(doc.lang)
        count += len(HybridEngine.passages(doc, rules.extract(doc), rules.trigger_spans(doc), 1, 6000))
    assert count >= 1  # the Ruto document's trip is left to the model
    return count


def test_the_evaluation_script_prints_the_table_with_tokens_requests_and_seconds(capsys, server, monkeypatch):
    monkeypatch.setenv("SUMMITRY_LLM_API_KEY", SECRET)
    _benchmark().main(["--base-url", server.base_url, "--model", "fake-model", "--engine", "llm", "hybrid",
                       "--gold", str(DATA / "gold.json"), "--corpus", str(DOCS), "--no-cache"])
    out, err = capsys.readouterr()
    header, rule, *rows = out.splitlines()
    assert header.endswith("| engine | tokens / doc | requests / doc | seconds / doc |")
    assert rule.count("|") == header.count("|")
    cells = {row.split("|")[12].strip(): row.split("|") for row in rows if "| all |" in row}
    assert set(cells) == {"llm", "hybrid"}
    assert float(cells["llm"][13].replace(",", "")) > float(cells["hybrid"][13].replace(",", "")) > 0
    assert cells["llm"][14].strip() == "1.00"
    assert float(cells["hybrid"][14]) == pytest.approx(_hybrid_requests() / len(_docs()), abs=0.005)
    assert float(cells["llm"][5]) == 1.0  # lenient recall: both gold events found
    assert SECRET not in out + err


def test_the_evaluation_script_counts_what_the_hybrid_engine_sends_without_a_server(capsys):
    _benchmark().main(["--share", "--gold", str(DATA / "gold.json"), "--corpus", str(DOCS)])
    out = capsys.readouterr().out
    row = out.splitlines()[2].split("|")
    assert row[2].strip() == "4" and row[5].strip() == str(_hybrid_requests())


def test_no_server_named_is_a_clear_error(capsys, monkeypatch, tmp_path):
    for var in ("SUMMITRY_LLM_BASE_URL", "SUMMITRY_LLM_MODEL", "SUMMITRY_LLM_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    code = main(["extract", str(DOCS), "--engine", "llm", "--llm-cache-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "needs a server" in err and "--llm-base-url" in err


# --- grounding -------------------------------------------------------------------------------------

def _view(text: str, lang: str = "en", published: str | None = "2024-05-17") -> DocView:
    return DocView(Document(id="d", text=text, lang=lang, published=published))


def test_quotes_are_found_exactly_then_ignoring_case_spaces_punctuation_and_script():
    v = _view("He said: “We will go to Astana.”\nThen,  they   left for Bishkek on Monday.")
    assert v.find("We will go to Astana.") == (10, 31)
    a, b = v.find("then they left for bishkek on monday")
    assert v.text[a:b] == "Then,  they   left for Bishkek on Monday"
    assert v.find("they left for Tashkent") is None
    zh = _view("習近平主席在人民大會堂會見了來訪的總統。", "zh")
    a, b = zh.find("习近平主席在人民大会堂会见了来访的总统")
    assert zh.text[a:b] == "習近平主席在人民大會堂會見了來訪的總統"


def test_a_quote_cut_with_an_ellipsis_is_found_piece_by_piece_in_order():
    v = _view("Xi arrived in Astana on Wednesday. Crowds lined the streets. He then met Tokayev at the palace.")
    a, b = v.find("Xi arrived in Astana ... He then met Tokayev")
    assert v.text[a:b] == "Xi arrived in Astana on Wednesday. Crowds lined the streets. He then met Tokayev"
    assert v.find("He then met Tokayev ... Xi arrived in Astana") is None


def _item(**changes):
    item = {"type": "visit", "status": "occurred", "actor": {"name": "Xi Jinping", "title": "President",
                                                             "country": "Chinese"},
            "counterparts": [], "destination": "Kazakhstan", "place": "Astana", "forum": None, "date": "on Wednesday",
            "evidence": "Chinese President Xi Jinping arrived in Astana on Wednesday for a state visit to Kazakhstan."}
    item.update(changes)
    return item


TEXT = ("Chinese President Xi Jinping arrived in Astana on Wednesday for a state visit to Kazakhstan. "
        "He will attend the SCO summit in Samarkand next week.")


@pytest.fixture(scope="module")
def grounder():
    from summitry.kb import get_kb

    return Grounder(get_kb(), Tally())


def test_grounding_resolves_through_the_knowledge_base_and_the_date_grammar(grounder):
    view = _view(TEXT, published="2022-09-16")
    ev = grounder.event(view, _item())
    assert (ev.actor.name, ev.actor.country, ev.actor.level) == ("Xi Jinping", "CHN", "head_of_state")
    assert ev.countries == ["KAZ"] and ev.place == "Astana"
    assert (ev.start, ev.end, ev.precision) == ("2022-09-14", "2022-09-14", "day")
    summit = grounder.event(view, _item(type="multilateral", status="planned", destination=None, place="Samarkand",
                                        forum="SCO summit", date="next week",
                                        evidence="He will attend the SCO summit in Samarkand next week."))
    assert summit.forum == "SCO" and summit.countries == ["UZB"] and summit.place == "Samarkand"
    assert summit.start == "2022-09-19" and summit.precision == "month"  # a week is month-precise


@pytest.mark.parametrize(("changes", "reason"), [
    ({"evidence": "Xi arrived in Almaty on Tuesday."}, "evidence quote not in the text"),
    ({"evidence": "Xi Jinping"}, "evidence quote not in the text"),  # too short to prove anything
    ({"actor": {"name": "Li Qiang", "title": "Premier", "country": "Chinese"}}, "actor not grounded"),
    ({"destination": "Uzbekistan", "place": None}, "visit without a destination in the text"),
    ({"destination": "China", "place": None}, "visit without a destination in the text"),
    ({"type": "meeting"}, "meeting or call without a grounded counterpart"),
    ({"type": "summit"}, "unknown type or status"),
    ({"evidence": None}, "no evidence quote"),
])
def test_what_cannot_be_grounded_is_dropped_and_counted_never_guessed(grounder, changes, reason):
    view = _view(TEXT, published="2022-09-16")
    before = grounder.tally.dropped[reason]
    assert grounder.event(view, _item(**changes)) is None
    assert grounder.tally.dropped[reason] == before + 1


def test_a_date_the_text_does_not_hold_leaves_the_event_undated(grounder):
    ev = grounder.event(_view(TEXT, published="2022-09-16"), _item(date="on 14 September 2022"))
    assert ev is not None and ev.start is None and ev.precision is None


# --- passages, answers, settings -------------------------------------------------------------------

def test_long_documents_are_cut_between_sentences_with_overlap():
    text = " ".join(f"Sentence number {i} is here." for i in range(60))
    doc = Document(id="long", text=text, lang="en")
    passages = document_passages(doc, 300, 2)
    assert len(passages) > 3 and all(p.chars <= 300 for p in passages)
    spans = sentence_spans(doc)
    starts = {s[0] for s in spans}
    ends = {s[1] for s in spans}
    assert all(p.ranges[0][0] in starts and p.ranges[0][1] in ends for p in passages)
    for before, after in pairwise(passages):
        overlap = before.ranges[0][1] - after.ranges[0][0]
        assert overlap > 0 and text[after.ranges[0][0]:before.ranges[0][1]].count("Sentence") == 2
    assert passages[0].ranges[0][0] == 0 and passages[-1].ranges[0][1] == len(text)
    assert chunk([(0, 1000)], 300, 1) == [(0, 300), (300, 600), (600, 900), (900, 1000)]


def test_excerpts_merge_neighbouring_windows():
    spans = [(i * 10, i * 10 + 9) for i in range(10)]
    (p,) = excerpt_passages(spans, [2, 3, 8], 1, 1000)
    assert p.ranges == ((10, 49), (70, 99))


def test_answers_are_parsed_leniently_but_garbage_is_refused():
    item = {"type": "visit"}
    assert parse_answer(json.dumps({"events": [item]})) == [item]
    assert parse_answer("```json\n" + json.dumps({"events": [item]}) + "\n```") == [item]
    assert parse_answer(json.dumps([item])) == [item]
    for bad in ("", "no events", '{"events": [', '{"items": []}'):
        with pytest.raises(MalformedAnswer):
            parse_answer(bad)


def test_settings_take_the_key_from_the_environment_only(tmp_path):
    env = {"SUMMITRY_LLM_API_KEY": SECRET, "SUMMITRY_LLM_MODEL": "from-env"}
    config = tmp_path / "llm.toml"
    config.write_text('model = "from-file"\nbase_url = "http://127.0.0.1:1/v1"\nbudget_tokens = 5000\n', "utf-8")
    s = load_settings({"model": "from-cli"}, config, env)
    assert (s.model, s.base_url, s.budget_tokens, s.api_key) == ("from-cli", "http://127.0.0.1:1/v1", 5000, SECRET)
    assert load_settings({}, config, env).model == "from-env"
    assert SECRET not in repr(s) and SECRET not in s.describe()
    config.write_text('api_key = "sk-in-a-file"\n', "utf-8")
    with pytest.raises(SettingsError, match="SUMMITRY_LLM_API_KEY"):
        load_settings({}, config, env)
    config.write_text('modle = "typo"\n', "utf-8")
    with pytest.raises(SettingsError, match="unknown setting 'modle'"):
        load_settings({}, config, env)
    with pytest.raises(SettingsError, match="concurrency"):
        LLMSettings(concurrency=0)


def test_there_is_no_command_line_option_for_the_key():
    from summitry.cli import build_parser

    helps = build_parser()._subparsers._group_actions[0].choices
    for command in ("extract", "eval", "ingest"):
        options = {o for a in helps[command]._actions for o in a.option_strings}
        assert "--llm-model" in options and not [o for o in options if "key" in o]

