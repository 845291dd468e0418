"""The HTTP API and the web app: the ASGI application called in process, and over a socket."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import jsonschema
import pytest
from fastapi.testclient import TestClient
from test_store_support import (  # noqa: F401  (fixtures)
    BIDEN,
    PUTIN,
    TOKAYEV,
    TOUR,
    XI,
    doc,
    line,
    line_extractor,
    pg_dsn_fixture,
    pg_server_fixture,
    target_fixture,
)

from summitry import __version__
from summitry.cli import main
from summitry.records import json_schema
from summitry.store import StoreError, open_store
from summitry.web import create_app, open_readers
from summitry.web.server import Server

# a report whose text and place carry markup: the API returns it as data, the page must not run it
HOSTILE = [line("visit", PUTIN, ["KAZ"], "2023-10-09", place="<img src=x onerror=alert(1)>")]

STATIC = Path(__file__).resolve().parents[1] / "src" / "summitry" / "web" / "static"


def build(target_: str) -> None:
    with open_store(target_) as s:
        s.ingest([doc("tour", TOUR), doc("zh-report", HOSTILE, published="2023-10-10", lang="zh")],
                 extract=line_extractor)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "store.duckdb"
    build(str(path))
    return path


@pytest.fixture(scope="module")
def app(db):
    readers = open_readers(db)
    yield TestClient(create_app(readers), raise_server_exceptions=False)
    readers.close()


class Reply:
    def __init__(self, response):
        self.code = response.status_code
        self.headers = response.headers
        self.body = response.content

    def json(self):
        assert self.headers["content-type"].startswith("application/json")
        return json.loads(self.body)


def call(app, path: str, params: dict | str | None = None, method: str = "GET", headers=None) -> Reply:
    query = params if isinstance(params, str) else urlencode(params or {}, doseq=True)
    return Reply(app.request(method, path + ("?" + query if query else ""), headers=headers))


def get(app, path, params=None):
    reply = call(app, path, params)
    assert reply.code == 200, reply.body
    return reply.json()


def cli_json(db: Path, tmp_path: Path, capsys, *args: str):
    """What the CLI prints for ``args`` with --format json (on a copy: DuckDB keeps one mode per file)."""
    copy = tmp_path / "cli.duckdb"
    if not copy.exists():
        shutil.copy(db, copy)
    capsys.readouterr()
    assert main([*args, "--format", "json", "--db", str(copy)]) == 0
    return json.loads(capsys.readouterr().out)


def openapi(app) -> dict:
    return get(app, "/api/openapi.json")


def validate(document: dict, schema: dict, instance) -> None:
    jsonschema.Draft202012Validator({**schema, "components": document["components"]}).validate(instance)


def response_schema(document: dict, path: str, status: str = "200") -> dict:
    return document["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]


# --- events --------------------------------------------------------------------------------------

def test_events_are_full_records_by_date_with_a_total(app):
    page = get(app, "/api/events")
    assert page["total"] == 11 and page["offset"] == 0 and page["limit"] == 100
    validator = jsonschema.Draft202012Validator(json_schema("Event"))
    for record in page["events"]:
        validator.validate(record)
    starts = [r["start"] for r in page["events"]]
    assert starts == sorted(starts)


def test_events_filters_combine(app):
    def types(**params):
        return sorted(r["type"] for r in get(app, "/api/events", params)["events"])

    assert types(actor="Vladimir Putin") == ["meeting", "meeting", "visit"]
    assert types(actor="vladimir putin", country="UZB") == ["meeting"]
    assert types(country="Uzbekistan", type="visit") == ["visit"]          # names resolve to codes
    assert types(status="planned") == ["multilateral"]
    assert types(status="cancelled", type="visit") == ["visit"]
    assert len(types(**{"from": "2022-09", "to": "2022-09"})) == 5           # a month means all its days
    assert types(**{"from": "2022-11-16", "to": "2022-12-31"}) == ["multilateral", "visit"]
    assert types(actor="Nobody Known") == []
    assert types(type=["visit", "call"], actor="Vladimir Putin") == ["visit"]           # any of several
    assert types(status=["planned", "cancelled"]) == ["multilateral", "visit"]


def test_events_pages_cover_every_record_once(app):
    ids = [r["id"] for r in get(app, "/api/events")["events"]]
    paged = []
    for offset in range(0, 12, 4):
        page = get(app, "/api/events", {"limit": 4, "offset": offset})
        assert page["total"] == 11 and page["limit"] == 4
        paged += [r["id"] for r in page["events"]]
    assert paged == ids


def test_events_with_evidence_carry_the_sentences_and_their_documents(app):
    page = get(app, "/api/events", {"actor": "Vladimir Putin", "type": "visit", "evidence": "1"})
    (record,) = page["events"]
    (item,) = record["evidence"]
    assert item["doc_id"] == "zh-report" and item["lang"] == "zh" and item["published"] == "2023-10-10"
    assert item["text"] == record["mentions"][0]["text"]


@pytest.mark.parametrize("params, word", [
    ({"type": "summit"}, "type"),
    ({"status": "happened"}, "status"),
    ({"from": "2022-13-01"}, "from"),
    ({"to": "next week"}, "to"),
    ({"from": "2022-02-30"}, "from"),
    ({"country": "XYZ"}, "country"),
    ({"country": "C1N"}, "country"),
    ({"limit": "0"}, "limit"),
    ({"limit": "ten"}, "limit"),
    ({"limit": "100000"}, "limit"),
    ({"offset": "-1"}, "offset"),
    ({"evidence": "maybe"}, "evidence"),
    ({"actr": "Xi Jinping"}, "actr"),
    ("sort=date&sort=type", "sort"),
    ({"sort": "length"}, "sort"),
    ("actor=%FF", "UTF-8"),
    ("&".join(f"p{i}=1" for i in range(100)), "parameters"),
])
def test_bad_event_filters_are_400_naming_the_parameter(app, params, word):
    reply = call(app, "/api/events", params)
    assert reply.code == 400
    body = reply.json()
    assert set(body) == {"error"} and word in body["error"]


def test_an_event_with_its_mentions_as_evidence(app):
    first = get(app, "/api/events", {"actor": "Kassym-Jomart Tokayev"})["events"][0]
    record = get(app, f"/api/events/{first['id']}")
    assert {k: v for k, v in record.items() if k != "evidence"} == first
    (item,) = record["evidence"]
    mention = first["mentions"][0]
    assert (item["doc_id"], item["status"], item["lang"], item["text"]) == (
        mention["doc"], mention["status"], mention["lang"], mention["text"])
    assert (item["start_char"], item["end_char"]) == (mention["start"], mention["end"])
    assert item["source"] == "test"


def test_evidence_marks_the_names_trigger_and_dates_in_each_sentence(app):
    meeting = get(app, "/api/events", {"actor": "Kassym-Jomart Tokayev"})["events"][0]
    (item,) = get(app, f"/api/events/{meeting['id']}")["evidence"]
    marked = {(m["kind"], item["text"][m["start"]:m["end"]]) for m in item["marks"]}
    assert {("name", "Xi Jinping"), ("name", "Kassym-Jomart Tokayev"), ("place", "Astana"),
            ("date", "2022-09-14"), ("trigger", "meeting")} <= marked
    chinese = get(app, "/api/events", {"actor": "Vladimir Putin", "type": "visit"})["events"][0]
    (item,) = get(app, f"/api/events/{chinese['id']}")["evidence"]
    assert ("name", "Vladimir Putin") in {(m["kind"], item["text"][m["start"]:m["end"]]) for m in item["marks"]}


def test_the_whole_document_with_the_same_marks(app):
    meeting = get(app, "/api/events", {"actor": "Kassym-Jomart Tokayev"})["events"][0]
    (item,) = get(app, f"/api/events/{meeting['id']}")["evidence"]
    document = get(app, f"/api/documents/{item['doc_id']}", {"event": meeting["id"]})
    assert document["id"] == "tour" and document["source"] == "test" and len(document["text"]) > len(item["text"])
    assert document["sentences"] == [{"start": item["start_char"], "end": item["end_char"]}]
    assert document["text"][item["start_char"]:item["end_char"]] == item["text"]
    whole = [(m["kind"], document["text"][m["start"]:m["end"]]) for m in document["marks"]]
    assert whole == [(m["kind"], item["text"][m["start"]:m["end"]]) for m in item["marks"]]
    plain = get(app, "/api/documents/tour")
    assert plain["marks"] == [] and plain["text"] == document["text"]
    assert call(app, "/api/documents/nothing").code == 404
    assert call(app, "/api/documents/tour", {"event": "ev_nothing"}).code == 404


@pytest.mark.parametrize("path", ["/api/events/ev_000000000000", "/api/events/ev_1/more", "/api/nothing",
                                  "/static/../app.py", "/static/missing.js", "/api"])
def test_unknown_ids_and_paths_are_404_json(app, path):
    reply = call(app, path)
    assert reply.code == 404 and "error" in reply.json()


def test_a_fault_inside_the_server_is_logged_and_answered_500_without_details(app, monkeypatch, caplog):
    def broken(store):
        raise RuntimeError("secret detail of the inside")

    monkeypatch.setattr("summitry.analytics.stats", broken)
    reply = call(app, "/api/stats")
    assert reply.code == 500
    assert reply.json() == {"error": "internal error: see the server's log"}
    assert "secret detail of the inside" in caplog.text and "Traceback" in caplog.text


def test_only_reading_methods_are_allowed_without_a_token(app):
    reply = call(app, "/api/events", method="POST")
    assert reply.code == 405 and "GET" in reply.headers["allow"] and "error" in reply.json()
    head = call(app, "/api/stats", method="HEAD")
    assert head.code == 200 and head.body == b"" and int(head.headers["content-length"]) > 0


# --- travel, timeline, stats, people ---------------------------------------------------------------

@pytest.mark.parametrize("params, cli_args", [
    ({"name": "Xi Jinping"}, ["Xi Jinping"]),
    ({"name": "Xi Jinping", "year": "2022"}, ["Xi Jinping", "--year", "2022"]),
    ({"name": "xi jinping", "include_planned": "true"}, ["xi jinping", "--include-planned"]),
    ({"name": "Xi Jinping", "before": "2022-09-01"}, ["Xi Jinping", "--before", "2022-09-01"]),
    ({"name": "Vladimir Putin", "evidence": "1"}, ["Vladimir Putin", "--evidence"]),
])
def test_travel_is_the_json_of_the_travel_command(app, db, tmp_path, capsys, params, cli_args):
    assert get(app, "/api/travel", params) == cli_json(db, tmp_path, capsys, "travel", *cli_args)


def test_travel_answers_trips_legs_and_days_abroad(app):
    report = get(app, "/api/travel", {"name": "Xi Jinping", "year": "2022"})
    assert [t["countries"] for t in report["trips"]] == [["KAZ", "UZB"]]
    assert report["years"] == {"2022": {"countries": ["KAZ", "UZB"], "countries_approximate": [], "days_abroad": 3,
                                        "days_by_dating": {"none": 3}, "legs_days_unknown": 0}}
    assert get(app, "/api/travel", {"name": "Xi Jinping"})["years"]["2020"]["legs_days_unknown"] == 1


@pytest.mark.parametrize("params, word", [
    ({}, "name"), ({"name": "  "}, "name"), ({"name": "Xi Jinping", "year": "twenty"}, "year"),
    ({"name": "Xi Jinping", "year": "0"}, "year"), ({"name": "Xi Jinping", "before": "2022-99-01"}, "before"),
    ({"name": "Xi Jinping", "include_planned": "perhaps"}, "include_planned"),
])
def test_bad_travel_questions_are_400(app, params, word):
    reply = call(app, "/api/travel", params)
    assert reply.code == 400 and word in reply.json()["error"]


def test_timeline_lists_events_of_both_countries_in_order(app):
    page = get(app, "/api/timeline", {"a": "CHN", "b": "Russia"})
    assert (page["a"], page["b"], page["total"]) == ("CHN", "RUS", 3)
    assert [r["type"] for r in page["events"]] == ["meeting", "meeting", "visit"]
    for record in page["events"]:
        parties = {record["actor"]["country"], *(p["country"] for p in record["counterparts"]),
                   *record["countries"]}
        assert {"CHN", "RUS"} <= parties
    assert get(app, "/api/timeline", {"a": "CHN", "b": "RUS", "limit": "1", "offset": "2"})["events"] == \
        page["events"][2:]


@pytest.mark.parametrize("params", [{"a": "CHN"}, {"a": "CHN", "b": "chn"}, {"a": "CHN", "b": "QQQ"},
                                    {"a": "", "b": "USA"}])
def test_bad_timelines_are_400(app, params):
    reply = call(app, "/api/timeline", params)
    assert reply.code == 400 and reply.json()["error"]


def test_stats_are_the_json_of_the_stats_command(app, db, tmp_path, capsys):
    stats = get(app, "/api/stats")
    assert stats == cli_json(db, tmp_path, capsys, "stats")
    assert stats["totals"] == {"documents": 2, "mention_events": 11, "events": 11}
    assert stats["type"]["visit"] == 5


def test_people_suggests_names_from_the_store(app):
    assert [p["name"] for p in get(app, "/api/people", {"q": "put"})["people"]] == ["Vladimir Putin"]
    # a name with a word that starts with q comes before names that merely contain it
    names = [p["name"] for p in get(app, "/api/people", {"q": "t"})["people"]]
    assert names == ["Kassym-Jomart Tokayev", "Vladimir Putin"]
    everyone = get(app, "/api/people")["people"]
    assert everyone[0] == {"name": "Xi Jinping", "country": "CHN", "events": 10}
    assert [p["events"] for p in everyone] == sorted((p["events"] for p in everyone), reverse=True)
    assert len(get(app, "/api/people", {"limit": "2"})["people"]) == 2
    assert get(app, "/api/people", {"q": "习近平"})["people"][0]["name"] == "Xi Jinping"  # a KB alias
    assert get(app, "/api/people", {"q": "nobody"})["people"] == []
    assert call(app, "/api/people", {"limit": "500"}).code == 400


def test_part_of_a_chinese_name_finds_the_person_as_the_whole_name_does(app):
    whole = [p["name"] for p in get(app, "/api/people", {"q": "习近平"})["people"]]
    assert [p["name"] for p in get(app, "/api/people", {"q": "习"})["people"]] == whole == ["Xi Jinping"]
    assert [p["name"] for p in get(app, "/api/people", {"q": "普京"})["people"]] == ["Vladimir Putin"]


def test_a_period_that_ends_before_it_starts_is_a_clear_400(app):
    reply = call(app, "/api/events", {"from": "2023", "to": "2020"})
    assert reply.code == 400
    assert reply.json() == {"error": "from (2023-01-01) is after to (2020-12-31): nothing can match"}


# --- schema, OpenAPI, health ----------------------------------------------------------------------

def test_schema_is_the_event_json_schema(app):
    assert get(app, "/api/schema") == json_schema("Event")


def test_health_reports_the_database(app):
    health = get(app, "/healthz")
    assert (health["status"], health["store"], health["version"]) == ("ok", "duckdb", __version__)
    assert health["database"]["state"] == "ok" and health["database"]["current"] is True


def test_openapi_is_generated_and_lists_every_endpoint(app):
    document = openapi(app)
    assert document["openapi"].startswith("3.1")
    assert {"/healthz", "/api/events", "/api/events/{event_id}", "/api/travel", "/api/timeline", "/api/stats",
            "/api/people", "/api/schema", "/api/facets", "/api/map/countries", "/api/map/travel",
            "/api/charts/series", "/api/network", "/api/person", "/api/country"} <= set(document["paths"])
    jsonschema.Draft202012Validator.check_schema({"components": document["components"]})
    operation_ids = []
    for path, item in document["paths"].items():
        for operation in item.values():
            operation_ids.append(operation["operationId"])
            assert operation["summary"] and operation["description"], path
            for parameter in operation.get("parameters", []):
                assert parameter["description"], (path, parameter["name"])
    assert len(set(operation_ids)) == len(operation_ids)
    assert "#/components/schemas/Party" in json.dumps(document)


def test_every_reference_in_the_openapi_document_resolves(app):
    document = openapi(app)
    found = set(re.findall(r'"\$ref": "([^"]+)"', json.dumps(document)))
    assert found
    for ref in found:
        node = document
        for part in ref[2:].split("/"):
            assert part in node, ref
            node = node[part]


EXAMPLES = [
    ("/api/events", {"evidence": "1"}), ("/api/events", {"type": ["visit", "meeting"], "sort": "-date"}),
    ("/api/events/{event_id}", None), ("/api/travel", {"name": "Xi Jinping", "include_planned": "1", "evidence": "1"}),
    ("/api/timeline", {"a": "CHN", "b": "USA"}), ("/api/stats", None), ("/api/people", None),
    ("/healthz", None), ("/api/facets", {"actor": "Xi Jinping"}), ("/api/map/countries", {"role": "host"}),
    ("/api/map/travel", {"name": "Xi Jinping"}), ("/api/charts/series", {"a": "CHN", "b": "RUS"}),
    ("/api/charts/series", {"bucket": "week"}), ("/api/network", {}), ("/api/person", {"name": "Xi Jinping"}),
    ("/api/person", {"name": "Nobody Known"}), ("/api/country", {"code": "KAZ"}),
    ("/api/documents/{doc_id}", {"event": "EVENT"}), ("/api/corrections", None),
]


@pytest.mark.parametrize("path, params", EXAMPLES)
def test_answers_validate_against_the_openapi_document(app, path, params):
    document = openapi(app)
    first = get(app, "/api/events")["events"][0]
    url = path.format(event_id=first["id"], doc_id=first["mentions"][0]["doc"])
    if params and params.get("event") == "EVENT":
        params = {"event": first["id"]}
    validate(document, response_schema(document, path), get(app, url, params))


def test_errors_validate_against_the_openapi_document(app):
    document = openapi(app)
    validate(document, response_schema(document, "/api/events", "400"), call(app, "/api/events", {"type": "x"}).json())


def test_every_declared_parameter_is_accepted_empty(app):
    document = openapi(app)
    for path in ("/api/events", "/api/timeline", "/api/travel", "/api/people", "/api/facets", "/api/network"):
        names = [p["name"] for p in document["paths"][path]["get"]["parameters"]]
        reply = call(app, path, {name: "" for name in names})
        # empty values are "not given": only the required parameters can be missing
        assert reply.code in (200, 400)
        if reply.code == 400:
            assert "required" in reply.json()["error"]


# --- the page -------------------------------------------------------------------------------------

def test_the_page_and_its_files_are_served_with_a_strict_policy(app):
    page = call(app, "/")
    assert page.code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    html = page.body.decode("utf-8")
    for ref in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert ref.startswith(("/", "#")), ref                   # only this server's own files
        if ref.startswith("/static/") and not ref.startswith("/static/dist/"):
            assert call(app, ref).code == 200
    for label_for in re.findall(r'<label for="([^"]+)"', html):
        assert f'id="{label_for}"' in html                        # every label names a field
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))                              # no id names two elements
    assert call(app, "/static/style.css").headers["content-type"].startswith("text/css")
    if (STATIC / "dist" / "app.js").exists():                     # built by make install (npm)
        assert "javascript" in call(app, "/static/dist/app.js").headers["content-type"]
        assert call(app, "/static/dist/world.json").code == 200


def test_the_page_loads_nothing_from_elsewhere_and_never_parses_data_as_html():
    """The page's own files (static/ and the modules in frontend/src that make install bundles)."""
    external = re.compile(r"(?:https?:)?//[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|@import|url\(")
    modules = sorted((STATIC.parents[3] / "frontend" / "src").rglob("*.js"))
    files = [f for f in sorted(STATIC.iterdir()) if f.is_file()] + modules
    assert {f.suffix for f in files} == {".html", ".js", ".css", ".svg"} and modules
    for f in files:
        text = f.read_text("utf-8")
        if f.suffix == ".svg":
            text = text.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert not external.search(text), (f.name, external.search(text).group(0))
    for f in modules:
        script = f.read_text("utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in script, (f.name, sink)


def test_markup_in_the_data_comes_back_as_json_text(app):
    page = get(app, "/api/events", {"actor": "Vladimir Putin", "type": "visit"})
    assert page["events"][0]["place"] == "<img src=x onerror=alert(1)>"


# --- read-only ---------------------------------------------------------------------------------

def test_serving_never_changes_the_database(db, tmp_path):
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    readers = open_readers(copy)
    try:
        web = TestClient(create_app(readers))
        event_id = get(web, "/api/events")["events"][0]["id"]
        for path, params in [("/api/events", {"evidence": "1"}), (f"/api/events/{event_id}", None),
                             ("/api/travel", {"name": "Xi Jinping"}), ("/api/timeline", {"a": "CHN", "b": "USA"}),
                             ("/api/stats", None), ("/api/people", {"q": "x"}), ("/healthz", None)]:
            get(web, path, params)
    finally:
        readers.close()
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before


def test_readers_refuse_writes(target):
    build(target)
    readers = open_readers(target)
    try:
        assert get(TestClient(create_app(readers)), "/api/stats")["totals"]["events"] == 11
        with readers.reader() as store, pytest.raises(Exception, match="(?i)read.only"):
            store.db.execute("DELETE FROM events")
    finally:
        readers.close()


def test_a_missing_or_foreign_database_is_a_clear_error(tmp_path):
    missing = tmp_path / "missing.duckdb"
    with pytest.raises(StoreError, match="no database"):
        open_readers(missing)
    assert not missing.exists()
    import duckdb

    foreign = tmp_path / "foreign.duckdb"
    duckdb.connect(str(foreign)).close()
    with pytest.raises(StoreError, match="not a summitry database"):
        open_readers(foreign)


# --- over a socket --------------------------------------------------------------------------------

@pytest.fixture
def served(db):
    readers = open_readers(db)
    server = Server(create_app(readers), "127.0.0.1", 0, quiet=True)
    thread = server.start_in_thread()
    yield server
    server.stop()
    thread.join(timeout=10)
    readers.close()
    assert not thread.is_alive()


def test_the_server_answers_over_loopback(served):
    base = served.url.rstrip("/")
    with urllib.request.urlopen(base + "/healthz", timeout=10) as reply:
        assert json.load(reply)["status"] == "ok"
    with urllib.request.urlopen(base + "/api/stats", timeout=10) as reply:
        assert json.load(reply)["totals"]["events"] == 11
    with pytest.raises(urllib.error.HTTPError) as bad:
        urllib.request.urlopen(base + "/api/events?type=x", timeout=10)
    assert bad.value.code == 400 and "error" in json.load(bad.value)


def test_the_serve_command_serves_until_stopped(db, tmp_path):
    copy = tmp_path / "served.duckdb"
    shutil.copy(db, copy)
    proc = subprocess.Popen([sys.executable, "-m", "summitry.cli", "serve", "--db", str(copy), "--port", "0",
                             "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = []
        reader = threading.Thread(target=lambda: first.append(proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout=60)
        assert first and first[0], proc.stderr.read() if proc.poll() is not None else "no output"
        url = re.search(r"http://\S+/", first[0]).group(0)
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url + "healthz", timeout=10) as reply:
            assert json.load(reply)["status"] == "ok"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_without_a_database_fails_with_a_message(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "none.duckdb"), "--port", "0"]) == 2
    assert "no database" in capsys.readouterr().err


def test_a_database_another_process_writes_is_a_clear_error(db, tmp_path):
    copy = tmp_path / "busy.duckdb"
    shutil.copy(db, copy)
    hold_open = "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('open', flush=True); sys.stdin.read()"
    writer = subprocess.Popen([sys.executable, "-c", hold_open, str(copy)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="a writer has it open"):
            open_readers(copy)
    finally:
        writer.stdin.close()
        writer.wait(timeout=10)
