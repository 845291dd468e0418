"""Analysts' corrections: stored with who, when, what and why, applied over fusion, and applied
again after every re-ingest, on both backends."""
from __future__ import annotations

import json

import pytest
from test_store_support import (  # noqa: F401  (fixtures)
    PUTIN,
    TOUR,
    XI,
    doc,
    line,
    line_extractor,
    pg_dsn_fixture,
    pg_server_fixture,
    target_fixture,
)

from summitry import analytics
from summitry.cli import main
from summitry.store import corrections as corr
from summitry.store import open_store

LATER = line("meeting", XI, ["FRA"], "2023-04-06", counterparts=[("Emmanuel Macron", "FRA")], place="Beijing")


def ingest(store, lines=TOUR, doc_id="tour"):
    store.ingest([doc(doc_id, lines)], extract=line_extractor)


def event(store, **filters):
    (found,) = analytics.event_records(store, analytics.filtered_events(
        store, analytics.EventFilter(**filters)).column("id").to_pylist())
    return found


def ids(store, **filters):
    return analytics.filtered_events(store, analytics.EventFilter(**filters)).column("id").to_pylist()


def correct(store, action, event_id, **options):
    return corr.add(store.db, corr.make(store.db, action, event_id, author="analyst", reason="checked", **options))


def test_a_corrected_field_stays_corrected_after_a_reingest(target):
    with open_store(target) as store:
        ingest(store)
        visit = event(store, types=("visit",), country="KAZ")
        stored, outcome = correct(store, "set", visit["id"], fields={"place": "Almaty", "start": "2022-09-13"})
        assert outcome == "applied" and stored.id == 1
        assert (event(store, types=("visit",), country="KAZ")["place"], event(
            store, types=("visit",), country="KAZ")["start"]) == ("Almaty", "2022-09-13")
        # the document changes: its reports are extracted and fused again, the correction is applied again
        ingest(store, TOUR + [LATER])
        again = event(store, types=("visit",), country="KAZ")
        assert (again["place"], again["start"]) == ("Almaty", "2022-09-13")
        legs = analytics.legs(store, "Xi Jinping").to_pylist()
        assert any(leg["place"] == "Almaty" for leg in legs)   # the derived rows follow the record


def test_a_rejected_event_stays_out_after_a_reingest(target):
    with open_store(target) as store:
        ingest(store)
        cancelled = event(store, statuses=("cancelled",))
        correct(store, "reject", cancelled["id"])
        assert ids(store, statuses=("cancelled",)) == []
        ingest(store, TOUR + [LATER])
        assert ids(store, statuses=("cancelled",)) == [] and len(ids(store)) == 10


def test_merged_and_split_events_stay_so_after_a_reingest(target):
    with open_store(target) as store:
        ingest(store)
        kaz_visit = event(store, types=("visit",), country="KAZ")
        kaz_meeting = event(store, types=("meeting",), country="KAZ")
        _, outcome = correct(store, "merge", kaz_visit["id"], others=[kaz_meeting["id"]])
        assert outcome == "applied" and ids(store, country="KAZ") == [kaz_visit["id"]]
        assert len(event(store, country="KAZ")["mentions"]) == 2
        ingest(store, TOUR + [LATER])
        assert len(ids(store, country="KAZ")) == 1
        merged = event(store, country="KAZ")
        # split the meeting's report off again: two events, as fusion made them
        meeting_mention = next(m for m in merged["mentions"] if "Tokayev" in m["text"])
        _, outcome = correct(store, "split", merged["id"],
                             split_mentions=[(meeting_mention["doc"], meeting_mention["start"], meeting_mention["end"])])
        assert outcome == "applied" and len(ids(store, country="KAZ")) == 2
        ingest(store, TOUR + [LATER, line("call", XI, [], "2023-05-01", counterparts=[PUTIN])])
        assert len(ids(store, country="KAZ")) == 2


def test_corrections_are_kept_with_who_when_what_and_why_and_applying_them_again_changes_nothing(target):
    with open_store(target) as store:
        ingest(store)
        visit = event(store, types=("visit",), country="UZB")
        correct(store, "set", visit["id"], fields={"status": "planned"})
        (kept,) = corr.list_corrections(store.db)
        assert (kept.author, kept.action, kept.reason, kept.change) == ("analyst", "set", "checked",
                                                                        {"fields": {"status": "planned"}})
        assert kept.at.endswith("Z") and kept.target["record"]["status"] == "occurred"
        assert kept.target["anchors"]
        before = analytics.event_records(store, ids(store))
        assert corr.apply_corrections(store.db) == {1: "already"}
        assert analytics.event_records(store, ids(store)) == before


@pytest.mark.parametrize("fields, word", [
    ({"status": "happened"}, "status"), ({"start": "14 Sept"}, "start"), ({"colour": "red"}, "colour"),
    ({"actor": {"name": "X", "country": "China"}}, "country"),
])
def test_a_correction_that_would_make_an_invalid_record_is_refused(tmp_path, fields, word):
    with open_store(tmp_path / "s.duckdb") as store:
        ingest(store)
        visit = event(store, types=("visit",), country="UZB")
        with pytest.raises(corr.CorrectionError, match=word):
            correct(store, "set", visit["id"], fields=fields)
        assert corr.list_corrections(store.db) == []


def test_corrections_export_and_import_into_a_database_built_again(tmp_path, capsys):
    first, second = tmp_path / "first.duckdb", tmp_path / "second.duckdb"
    for path in (first, second):
        with open_store(path) as store:
            ingest(store)
    with open_store(first) as store:
        uzb = event(store, types=("visit",), country="UZB")["id"]
        cancelled = event(store, statuses=("cancelled",))["id"]
    assert main(["corrections", "set", uzb, "place=Tashkent", "--db", str(first), "--author", "ana",
                 "--reason", "the text says Tashkent"]) == 0
    assert main(["corrections", "reject", cancelled, "--db", str(first), "--author", "ana"]) == 0
    capsys.readouterr()
    assert main(["corrections", "list", "--db", str(first)]) == 0
    listing = capsys.readouterr().out
    assert "ana" in listing and "Tashkent" in listing and "reject" in listing
    exported = tmp_path / "corrections.jsonl"
    assert main(["corrections", "export", "--db", str(first), "-o", str(exported)]) == 0
    assert [json.loads(x)["action"] for x in exported.read_text().splitlines()] == ["set", "reject"]
    assert main(["corrections", "import", str(exported), "--db", str(second)]) == 0
    with open_store(second) as a, open_store(first, read_only=True) as b:
        assert analytics.event_records(a, ids(a)) == analytics.event_records(b, ids(b))
        assert [c.author for c in corr.list_corrections(a.db)] == ["ana", "ana"]


def test_the_corrections_command_explains_what_it_cannot_do(tmp_path, capsys):
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        ingest(store)
    assert main(["corrections", "reject", "ev_nothing", "--db", str(path)]) == 2
    assert "no event" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"action": "set"}\nnot json\n')
    assert main(["corrections", "import", str(bad), "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:1" in err and f"{bad}:2" in err


# --- over HTTP -----------------------------------------------------------------------------------------

TOKEN = "s3cret-token"


@pytest.fixture
def served(tmp_path):
    from fastapi.testclient import TestClient

    from summitry.web import create_app, open_readers

    path = tmp_path / "served.duckdb"
    with open_store(path) as store:
        ingest(store)
    readers = open_readers(path)
    yield path, TestClient(create_app(readers, token=TOKEN), raise_server_exceptions=False), readers
    readers.close()


def write(web, body, token=TOKEN, **headers):
    if token:
        headers["authorization"] = f"Bearer {token}"
    return web.post("/api/corrections", json=body, headers=headers)


def test_a_correction_over_http_is_stored_applied_and_listed(served):
    path, web, _ = served
    visit = web.get("/api/events", params={"type": "visit", "country": "UZB"}).json()["events"][0]
    made = write(web, {"action": "set", "event_id": visit["id"], "author": "ana", "reason": "the text says so",
                       "fields": {"place": "Tashkent"}})
    assert made.status_code == 201, made.text
    assert made.json()["outcome"] == "applied" and made.json()["correction"]["author"] == "ana"
    # the next read sees it, and the list shows who, when, what and why
    assert web.get("/api/events", params={"type": "visit", "country": "UZB"}).json()["events"][0]["place"] == "Tashkent"
    (listed,) = web.get("/api/corrections", params={"event_id": visit["id"]}).json()["corrections"]
    assert (listed["action"], listed["change"], listed["reason"]) == ("set", {"fields": {"place": "Tashkent"}},
                                                                      "the text says so")
    with open_store(path) as store:                  # a re-ingest keeps it
        ingest(store, TOUR + [LATER])
    with open_store(path, read_only=True) as store:
        assert event(store, types=("visit",), country="UZB")["place"] == "Tashkent"


def test_split_and_merge_over_http(served):
    _, web, _ = served
    kaz = web.get("/api/events", params={"country": "KAZ", "evidence": "1"}).json()["events"]
    merged = write(web, {"action": "merge", "event_id": kaz[0]["id"], "others": [kaz[1]["id"]], "author": "ana"})
    assert merged.status_code == 201
    (one,) = web.get("/api/events", params={"country": "KAZ", "evidence": "1"}).json()["events"]
    meeting = next(e for e in one["evidence"] if "Tokayev" in e["text"])
    split = write(web, {"action": "split", "event_id": one["id"], "author": "ana",
                        "mentions": [{k: meeting[k] for k in ("doc_id", "start_char", "end_char")}]})
    assert split.status_code == 201, split.text
    assert len(web.get("/api/events", params={"country": "KAZ"}).json()["events"]) == 2


@pytest.mark.parametrize("body, status, word", [
    ({"action": "set", "event_id": "ev_missing", "author": "a", "fields": {"place": "X"}}, 404, "no event"),
    ({"action": "set", "author": "a", "fields": {"status": "happened"}}, 400, "status"),
    ({"action": "explode", "author": "a"}, 400, "action"),
    ({"action": "reject"}, 400, "author"),
])
def test_bad_corrections_over_http_are_refused_in_json(served, body, status, word):
    _, web, _ = served
    if "event_id" not in body:
        body = {**body, "event_id": web.get("/api/events").json()["events"][0]["id"]}
    reply = write(web, body)
    assert reply.status_code == status and word in reply.json()["error"], reply.text


def test_writes_need_the_token_json_and_the_servers_own_origin(served, tmp_path):
    from fastapi.testclient import TestClient

    from summitry.web import create_app

    _, web, readers = served
    event_id = web.get("/api/events").json()["events"][0]["id"]
    body = {"action": "reject", "event_id": event_id, "author": "mallory"}
    assert write(web, body, token=None).status_code == 401
    wrong = write(web, body, token="guess")
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"].startswith("Bearer")
    form = web.post("/api/corrections", data={"action": "reject"}, headers={"authorization": f"Bearer {TOKEN}"})
    assert form.status_code == 415 and "JSON" in form.json()["error"]
    cross = write(web, body, origin="https://evil.example")
    assert cross.status_code == 403 and "evil.example" in cross.json()["error"]
    off = TestClient(create_app(readers)).post("/api/corrections", json=body,
                                               headers={"authorization": f"Bearer {TOKEN}"})
    assert off.status_code == 403 and "SUMMITRY_API_TOKEN" in off.json()["error"]
    assert web.get("/api/corrections").json() == {"corrections": []}       # nothing was written


def test_a_merge_of_events_fused_apart_keeps_every_report_when_one_side_is_fused_again(target):
    with open_store(target) as store:
        first = [line("visit", XI, ["KAZ"], "2022-09-14", place="Astana")]
        second = [line("visit", XI, ["KAZ"], "2022-11-20", place="Astana")]    # weeks apart: two visits
        ingest(store, first, "a")
        ingest(store, second, "b")
        a, b = ids(store, types=("visit",))
        correct(store, "merge", a, others=[b])
        assert ids(store, types=("visit",)) == [a]
        ingest(store, first + [line("call", XI, [], "2022-09-20", counterparts=[PUTIN])], "a")  # only a's side
        (merged,) = analytics.event_records(store, ids(store, types=("visit",)))
        assert sorted(m["doc"] for m in merged["mentions"]) == ["a", "b"]


def test_postgres_itself_refuses_to_change_or_delete_a_correction(pg_dsn):
    with open_store(pg_dsn) as store:
        ingest(store)
        correct(store, "reject", event(store, statuses=("cancelled",))["id"])
        for statement in ("UPDATE corrections SET reason = 'nothing happened'", "DELETE FROM corrections",
                          "TRUNCATE corrections"):
            with pytest.raises(Exception, match="append-only"):
                store.db.execute(statement)
    with open_store(pg_dsn) as store:   # opening it again keeps one guard
        assert [c.reason for c in corr.list_corrections(store.db)] == ["checked"]
