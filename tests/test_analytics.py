"""Questions over the store: travel logs and days abroad, events, timelines, stats, export."""
from __future__ import annotations

import csv
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
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

from summitry import analytics
from summitry.cli import main
from summitry.store import open_store


@pytest.fixture
def store(target):
    with open_store(target) as s:
        s.ingest([doc("tour", TOUR)], extract=line_extractor)
        yield s


def test_travel_lists_the_trip_with_its_legs_and_counts_days_once(store):
    report = analytics.travel(store, "Xi Jinping", year=2022)
    assert [t["countries"] for t in report["trips"]] == [["KAZ", "UZB"]]
    legs = report["trips"][0]["legs"]
    assert [(leg["country"], leg["place"], leg["start"], leg["end"]) for leg in legs] == [
        ("KAZ", "Astana", "2022-09-14", "2022-09-14"), ("UZB", "Samarkand", "2022-09-14", "2022-09-16")]
    assert len(legs[0]["event_ids"]) == 2 and len(legs[1]["event_ids"]) == 3
    # the day of moving on counts for the country left: Kazakhstan the 14th, Uzbekistan the 15th-16th
    assert [leg["days_abroad"] for leg in legs] == [{"2022": 1}, {"2022": 2}]
    assert report["years"] == {"2022": {"countries": ["KAZ", "UZB"], "countries_approximate": [],
                                        "days_abroad": 3, "days_by_dating": {"none": 3}, "legs_days_unknown": 0}}


def test_a_leg_known_only_to_the_month_counts_as_days_unknown(store):
    report = analytics.travel(store, "Xi Jinping")
    assert report["years"]["2020"] == {"countries": ["MMR"], "countries_approximate": ["MMR"], "days_abroad": 0,
                                       "days_by_dating": {}, "legs_days_unknown": 1}
    (trip,) = [t for t in report["trips"] if t["start"] == "2020-01-01"]
    assert trip["legs"] == [] and [leg["precision"] for leg in trip["approximate"]] == ["month"]


def test_planned_trips_only_when_asked_and_cancelled_ones_never(store):
    report = analytics.travel(store, "Xi Jinping", year=2022, include_planned=True)
    assert [t["countries"] for t in report["trips"]] == [["KAZ", "UZB"], ["IDN"]]
    assert report["trips"][1]["legs"][0]["status"] == "planned"
    assert report["years"]["2022"]["days_abroad"] == 5


def test_before_answers_the_last_trip_abroad_before_a_day(store):
    report = analytics.travel(store, "Xi Jinping", before="2022-09-01")
    assert [(t["countries"], t["start"], t["end"]) for t in report["trips"]] == [
        (["MMR"], "2020-01-01", "2020-01-31")]
    assert analytics.travel(store, "Xi Jinping", before="2020-01-01")["trips"] == []


def test_meeting_abroad_is_a_leg_for_every_participant_not_from_the_host(store):
    putin = analytics.travel(store, "vladimir putin")  # names match without regard to case
    assert [t["countries"] for t in putin["trips"]] == [["CHN"], ["UZB"]]
    assert putin["years"]["2022"]["days_abroad"] == 2
    assert analytics.travel(store, "Kassym-Jomart Tokayev")["trips"] == []  # met Xi at home


def test_legs_of_one_person_within_a_day_of_each_other_are_one_trip(target):
    lines = [line("visit", XI, ["FRA"], "2023-05-01", "2023-05-02"),
             line("visit", XI, ["ITA"], "2023-05-03"),          # the next day: same trip
             line("visit", XI, ["ESP"], "2023-05-06")]          # three days later: a new trip
    with open_store(target) as s:
        s.ingest([doc("eu", lines, published="2023-05-10")], extract=line_extractor)
        report = analytics.travel(s, "Xi Jinping")
    assert [t["countries"] for t in report["trips"]] == [["FRA", "ITA"], ["ESP"]]
    assert report["years"]["2023"]["days_abroad"] == 4


def test_events_filters(store):
    def ids(table):
        return table.column("type").to_pylist()

    assert sorted(ids(analytics.events(store, actor="Vladimir Putin"))) == ["meeting", "meeting"]
    assert ids(analytics.events(store, country="UZB", type="meeting")) == ["meeting"]
    assert ids(analytics.events(store, status="planned")) == ["multilateral"]
    sept = analytics.events(store, start="2022-09-01", end="2022-09-30")
    assert sept.num_rows == 5 and all(d.month == 9 for d in sept.column("start").to_pylist())
    assert analytics.events(store, start="2022-09", end="2022-09").num_rows == 5


def test_timeline_lists_events_between_two_countries_in_order(store):
    t = analytics.timeline(store, "CHN", "RUS")
    assert t.column("type").to_pylist() == ["meeting", "meeting", "visit"]
    starts = [d for d in t.column("start").to_pylist()]
    assert starts == sorted(starts)
    with pytest.raises(analytics.QueryError):
        analytics.timeline(store, "CHN", "chn")


def test_stats_count_by_type_status_country_and_year(store):
    s = analytics.stats(store)
    by = {k: {r[t.column_names[0]]: r["n"] for r in t.to_pylist()} for k, t in s.items()}
    assert by["type"] == {"visit": 4, "meeting": 3, "multilateral": 2, "call": 1}
    assert by["status"] == {"occurred": 8, "planned": 1, "cancelled": 1}
    assert by["year"] == {"2020": 1, "2022": 9}
    assert by["country"]["CHN"] == 10 and by["country"]["RUS"] == 3
    assert by["totals"]["events"] == 10


def test_export_adds_cameo_and_plover_codes(store):
    table = analytics.export_table(store)
    codes = {(r["type"], r["countries"][0] if r["countries"] else None, r["status"]):
             (r["cameo_code"], r["plover_mode"]) for r in table.to_pylist()}
    assert codes[("visit", "KAZ", "occurred")] == ("042", "visit")
    assert codes[("call", None, "occurred")] == ("041", "phone")
    assert codes[("meeting", "CHN", "occurred")] == ("043", "host")          # Xi receives Putin
    assert codes[("meeting", "KAZ", "occurred")] == ("042", "visit")         # Xi meets Tokayev at home
    assert codes[("meeting", "UZB", "occurred")] == ("044", "third-party")   # Xi and Putin in Samarkand
    assert codes[("multilateral", "UZB", "occurred")] == ("042", "visit")
    assert set(table.column("plover_event").to_pylist()) == {"CONSULT"}


def test_python_api_returns_arrow_tables_with_typed_columns(store):
    table = analytics.events(store, actor="Xi Jinping")
    assert isinstance(table, pa.Table) and table.num_rows == 10
    assert table.schema.field("start").type == pa.date32()
    assert table.schema.field("n_mentions").type == pa.int64()
    days = analytics.days_abroad(store, "Xi Jinping")
    assert days.to_pylist() == [
        {"year": 2020, "countries": ["MMR"], "days_abroad": 0, "legs_days_unknown": 1},
        {"year": 2022, "countries": ["KAZ", "UZB"], "days_abroad": 3, "legs_days_unknown": 0}]


# --- the command line --------------------------------------------------------------------------

@pytest.fixture
def db(store) -> str:
    """The tour's database, closed, as the commands (other processes) find it."""
    store.close()
    return store.target


def _run(capsys, *argv) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_travel_command_json(db, capsys):
    code, out = _run(capsys, "travel", "Xi Jinping", "--year", "2022", "--format", "json", "--db", db)
    assert code == 0
    report = json.loads(out)
    assert set(report["trips"][0]["legs"][0]) >= {"country", "place", "start", "end", "status", "event_ids"}
    assert report["years"]["2022"]["days_abroad"] == 3


def test_travel_command_table_with_evidence(db, capsys):
    code, out = _run(capsys, "travel", "Xi Jinping", "--year", "2022", "--evidence", "--db", db)
    assert code == 0
    assert "KAZ" in out and "2022-09-14" in out and "Samarkand" in out
    assert "[tour occurred]" in out and '"forum": "SCO"' in out  # the sentence behind each leg


def test_events_command_formats(db, capsys):
    code, out = _run(capsys, "events", "--country", "UZB", "--format", "jsonl", "--db", db)
    records = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and {r["type"] for r in records} == {"visit", "multilateral", "meeting"}
    assert all(r["mentions"][0]["doc"] == "tour" for r in records)
    code, out = _run(capsys, "events", "--type", "call", "--format", "csv", "--evidence", "--db", db)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1 and rows[0]["counterparts"] == "Joe Biden (USA)" and "tour" in rows[0]["evidence"]


def test_timeline_and_stats_commands(db, capsys):
    code, out = _run(capsys, "timeline", "CHN", "KAZ", "--format", "json", "--db", db)
    assert code == 0 and [r["type"] for r in json.loads(out)] == ["visit", "meeting"]
    code, out = _run(capsys, "stats", "--format", "json", "--db", db)
    assert code == 0 and json.loads(out)["type"]["visit"] == 4


def test_export_command_writes_parquet_csv_and_jsonl(db, capsys, tmp_path):
    path = tmp_path / "events.parquet"
    assert main(["export", "--format", "parquet", "-o", str(path), "--db", db]) == 0
    assert pq.read_table(path).num_rows == 10
    code, out = _run(capsys, "export", "--format", "jsonl", "--db", db)
    assert code == 0
    assert {json.loads(x)["cameo_code"] for x in out.splitlines()} == {"041", "042", "043", "044"}
    code, out = _run(capsys, "export", "--format", "csv", "--db", db)
    assert next(csv.DictReader(io.StringIO(out)))["plover_event"] == "CONSULT"


def test_query_commands_refuse_a_missing_database(tmp_path, capsys):
    assert main(["stats", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "run `summitry ingest" in capsys.readouterr().err


def test_a_person_is_found_by_a_word_of_the_name_when_unambiguous(store):
    assert analytics.travel(store, "Tokayev")["person"] == "Kassym-Jomart Tokayev"
    assert analytics.events(store, actor="putin").num_rows == 2
    assert analytics.travel(store, "Nobody Known")["trips"] == []


def test_an_ambiguous_name_asks_for_the_full_name(target):
    lines = [line("visit", ("Li Qiang", "CHN"), ["DEU"], "2023-06-19"),
             line("visit", ("Li Hui", "CHN"), ["UKR"], "2023-05-16")]
    with open_store(target) as s:
        s.ingest([doc("two-lis", lines)], extract=line_extractor)
        with pytest.raises(analytics.QueryError, match="Li Hui, Li Qiang"):
            analytics.travel(s, "Li")


def test_the_code_table_covers_every_type_and_setting_with_consult_codes():
    codes = analytics.consult_codes()
    settings = {"visit": {"abroad", "home", "unknown"}, "call": {"any"},
                "meeting": {"actor_home", "counterpart_home", "third", "unknown"},
                "multilateral": {"actor_home", "abroad", "unknown"}}
    assert set(codes) == {(t, s) for t, ss in settings.items() for s in ss}
    for row in codes.values():
        assert row["cameo"] in {"040", "041", "042", "043", "044", "045", "046"}
        assert row["plover_event"] == "CONSULT"
        assert row["plover_mode"] in {"", "phone", "visit", "host", "third-party"}
        assert row["cameo_label"] and row["note"]


def test_a_month_or_year_bound_ends_on_its_last_day():
    assert analytics._end_of("2024-02", "to").isoformat() == "2024-02-29"
    assert analytics._end_of("9999-12", "to").isoformat() == "9999-12-31"
    assert analytics._end_of("2023", "to").isoformat() == "2023-12-31"
