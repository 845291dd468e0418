"""The endpoints behind the web app's views, and the downloads, over the tour of test_store_support:
Xi Jinping in Kazakhstan and Uzbekistan (September 2022), Myanmar (a month), meetings with Putin
and Tokayev, a call with Biden, a planned G20 and a cancelled visit to Russia."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from test_store_support import TOUR, doc, line_extractor

from summitry.store import open_store
from summitry.web import create_app, open_readers


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    path = tmp_path_factory.mktemp("views") / "store.duckdb"
    with open_store(path) as store:
        store.ingest([doc("tour", TOUR)], extract=line_extractor)
    readers = open_readers(path)
    yield TestClient(create_app(readers), raise_server_exceptions=False)
    readers.close()


def get(web, path, **params):
    reply = web.get(path, params=params)
    assert reply.status_code == 200, reply.text
    return reply.json()


def counts(facet):
    return {item["value"]: item["count"] for item in facet}


# --- facets, filters, sorting --------------------------------------------------------------------------

def test_facets_count_each_value_under_the_other_filters(web):
    everything = get(web, "/api/facets")
    assert everything["total"] == 10
    assert counts(everything["facets"]["type"]) == {"visit": 4, "meeting": 3, "multilateral": 2, "call": 1}
    assert counts(everything["facets"]["year"]) == {"2020": 1, "2022": 9}
    assert counts(everything["facets"]["forum"]) == {"SCO": 1, "G20": 1}
    assert counts(everything["facets"]["source"]) == {"test": 10}
    visits = get(web, "/api/facets", type="visit")
    assert visits["total"] == 4
    # the chosen facet still shows its alternatives; the others count visits only
    assert counts(visits["facets"]["type"]) == counts(everything["facets"]["type"])
    assert counts(visits["facets"]["status"]) == {"occurred": 3, "cancelled": 1}
    assert counts(visits["facets"]["country"])["UZB"] == 1


def test_filters_by_forum_place_free_text_and_source(web):
    def ids(**params):
        return [e["type"] for e in get(web, "/api/events", **params)["events"]]

    assert ids(forum="sco") == ["multilateral"]
    assert sorted(ids(place="samar")) == ["meeting", "multilateral", "visit"]
    assert sorted(ids(q="tokayev")) == ["meeting"]                  # a participant's name
    assert sorted(ids(q="普京")) == ["meeting", "meeting"]              # Putin, by his Chinese name
    assert len(ids(q="bali")) == 1                                    # the place
    assert len(ids(source="test")) == 10 and ids(source="elsewhere") == []


def test_events_sort_by_any_column_either_way(web):
    by_date = [e["start"] for e in get(web, "/api/events", sort="-date")["events"]]
    assert by_date == sorted(by_date, reverse=True)
    by_type = [e["type"] for e in get(web, "/api/events", sort="type")["events"]]
    assert by_type == sorted(by_type)
    assert web.get("/api/events", params={"sort": "colour"}).status_code == 400


# --- map, chart, network ---------------------------------------------------------------------------------

def test_events_of_a_pair_of_countries_take_the_other_filters_like_the_series(web):
    pair = get(web, "/api/events", a="CHN", b="RUS")
    assert pair["total"] == get(web, "/api/timeline", a="CHN", b="RUS")["total"] > 0
    meetings = get(web, "/api/events", a="CHN", b="RUS", type="meeting", sort="-date")
    series = get(web, "/api/charts/series", a="CHN", b="RUS", type="meeting")
    assert meetings["total"] == sum(p["events"] for p in series["series"]) + sum(u["events"] for u in series["undated"])
    assert 0 < meetings["total"] < pair["total"] and {e["type"] for e in meetings["events"]} == {"meeting"}
    assert web.get("/api/events", params={"a": "CHN"}).status_code == 400


def test_map_counts_events_by_country_with_codes_and_points(web):
    answer = get(web, "/api/map/countries")
    by_code = {c["country"]: c for c in answer["countries"]}
    assert by_code["CHN"]["events"] == 10 and by_code["RUS"]["events"] == 3
    assert by_code["KAZ"]["numeric"] == "398" and by_code["KAZ"]["name"] == "Kazakhstan"
    assert by_code["KAZ"]["lat"] == pytest.approx(51.18, abs=0.1)
    hosts = {c["country"]: c["events"] for c in get(web, "/api/map/countries", role="host")["countries"]}
    assert hosts == {"KAZ": 2, "UZB": 3, "MMR": 1, "CHN": 1, "IDN": 1, "RUS": 1}
    assert {c["country"] for c in get(web, "/api/map/countries", role="participant", type="call")["countries"]} \
        == {"CHN", "USA"}


def test_map_of_a_persons_trips_puts_each_leg_at_its_place_or_capital(web):
    answer = get(web, "/api/map/travel", name="Xi Jinping", year="2022")
    assert answer["home"]["country"] == "CHN" and answer["home"]["lat"] == pytest.approx(39.9, abs=0.1)
    legs = [(leg["trip"], leg["country"], leg["place"], leg["at"]) for leg in answer["legs"]]
    assert legs == [(1, "KAZ", "Astana", "place"), (1, "UZB", "Samarkand", "place")]
    samarkand = answer["legs"][1]
    assert (samarkand["lat"], samarkand["lon"]) == pytest.approx((39.65, 66.96), abs=0.05)
    myanmar = get(web, "/api/map/travel", name="Xi Jinping", year="2020")["legs"][0]
    assert myanmar["at"] == "capital" and myanmar["numeric"] == "104"


def test_series_counts_events_by_period_type_and_status(web):
    monthly = get(web, "/api/charts/series")
    assert {"period": "2022-09", "type": "visit", "status": "occurred", "events": 2} in monthly["series"]
    assert sum(p["events"] for p in monthly["series"]) == 10 and monthly["undated"] == []
    yearly = get(web, "/api/charts/series", bucket="year", a="CHN", b="RUS")
    assert {(p["period"], p["type"], p["status"]): p["events"] for p in yearly["series"]} == {
        ("2022", "meeting", "occurred"): 2, ("2022", "visit", "cancelled"): 1}
    weekly = get(web, "/api/charts/series", bucket="week", type="call")
    assert weekly["series"] == [{"period": "2022-W11", "type": "call", "status": "occurred", "events": 1}]
    assert web.get("/api/charts/series", params={"a": "CHN"}).status_code == 400


def test_network_links_who_met_whom_sized_by_meetings(web):
    answer = get(web, "/api/network")
    nodes = {n["name"]: n["meetings"] for n in answer["nodes"]}
    assert nodes == {"Xi Jinping": 3, "Vladimir Putin": 2, "Kassym-Jomart Tokayev": 1}
    edges = {(e["source"], e["target"]): e["meetings"] for e in answer["edges"]}
    assert edges == {("Vladimir Putin", "Xi Jinping"): 2, ("Kassym-Jomart Tokayev", "Xi Jinping"): 1}
    in_september = get(web, "/api/network", **{"from": "2022-09", "to": "2022-09"})
    assert {n["name"] for n in in_september["nodes"]} == {"Xi Jinping", "Vladimir Putin", "Kassym-Jomart Tokayev"}
    assert {n["name"] for n in get(web, "/api/network", **{"from": "2022-02", "to": "2022-02"})["nodes"]} == \
        {"Xi Jinping", "Vladimir Putin"}
    calls = get(web, "/api/network", type="call")
    assert [(e["source"], e["target"]) for e in calls["edges"]] == [("Joe Biden", "Xi Jinping")]


# --- person and country pages --------------------------------------------------------------------------

def test_person_page_has_offices_years_counterparts_and_the_last_trip_before_a_date(web):
    page = get(web, "/api/person", name="习近平")
    assert page["name"] == "Xi Jinping" and page["name_zh"] == "习近平" and page["in_knowledge_base"]
    assert any(o["office"] == "head_of_state" and o["country"] == "CHN" and o["end"] is None for o in page["offices"])
    assert page["events"] == 10 and (page["first"], page["last"]) == ("2020-01-01", "2022-12-01")
    years = {y["year"]: y for y in page["years"]}
    assert years[2022]["days_abroad"] == 3 and years[2022]["trips"] == 1 and years[2022]["events"] == 9
    assert years[2020]["legs_days_unknown"] == 1
    assert [(c["name"], c["meetings"]) for c in page["counterparts"]] == [
        ("Vladimir Putin", 2), ("Joe Biden", 1), ("Kassym-Jomart Tokayev", 1)]
    assert page["last_trip"]["countries"] == ["KAZ", "UZB"] and page["last_trip_before"] is None
    earlier = get(web, "/api/person", name="Xi Jinping", before="2022-09-01")
    assert earlier["last_trip"]["countries"] == ["MMR"] and earlier["last_trip_before"] == "2022-09-01"
    assert get(web, "/api/person", name="Xi Jinping", before="2019")["last_trip"] is None


def test_country_page_has_visits_in_and_out_leaders_and_partners(web):
    page = get(web, "/api/country", code="Uzbekistan")
    assert page["country"] == "UZB" and page["numeric"] == "860" and page["name"] == "Uzbekistan"
    # Xi (a visit, a summit, a meeting) and Putin (the meeting in Samarkand) were there
    assert page["visits_in"] == [{"country": "CHN", "visits": 3}, {"country": "RUS", "visits": 1}]
    assert page["visits_out"] == []
    assert {p["country"] for p in page["top_partners"]} == {"CHN", "RUS"}
    assert any(leader["level"] == "head_of_state" for leader in page["leaders"])
    china = get(web, "/api/country", code="CHN")
    assert {v["country"]: v["visits"] for v in china["visits_out"]} == {"KAZ": 2, "UZB": 3, "MMR": 1}
    assert china["people"][0] == {"name": "Xi Jinping", "events": 10}
    assert get(web, "/api/country", code="CHN", type="call")["events"] == 1
    assert web.get("/api/country", params={"code": "Atlantis"}).status_code == 400


# --- downloads -------------------------------------------------------------------------------------------

def test_events_download_as_csv_jsonl_and_parquet(web):
    page = get(web, "/api/events", type="visit")
    as_csv = web.get("/api/events", params={"type": "visit", "format": "csv", "limit": 1})
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert 'filename="summitry-events.csv"' in as_csv.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert [r["id"] for r in rows] == [e["id"] for e in page["events"]]      # every record, not one page
    assert rows[0]["cameo_code"] and rows[0]["actor_name"] == "Xi Jinping"
    lines = web.get("/api/events", params={"type": "visit", "format": "jsonl"}).text.splitlines()
    assert [json.loads(x) for x in lines] == page["events"]
    parquet = pq.read_table(io.BytesIO(web.get("/api/events", params={"type": "visit", "format": "parquet"}).content))
    assert parquet.column("id").to_pylist() == [e["id"] for e in page["events"]]
    assert parquet.schema.field("countries").type.value_type == "string"


def test_timeline_and_travel_download(web):
    timeline = web.get("/api/timeline", params={"a": "CHN", "b": "RUS", "format": "jsonl"})
    assert 'summitry-timeline-CHN-RUS.jsonl' in timeline.headers["content-disposition"]
    assert len(timeline.text.splitlines()) == 3
    legs = list(csv.DictReader(io.StringIO(web.get("/api/travel", params={"name": "Xi Jinping",
                                                                          "format": "csv"}).text)))
    assert [(r["trip"], r["country"]) for r in legs] == [("1", "MMR"), ("2", "KAZ"), ("2", "UZB")]
    parquet = pq.read_table(io.BytesIO(web.get("/api/travel", params={"name": "Xi Jinping",
                                                                      "format": "parquet"}).content))
    assert parquet.num_rows == 3
