"""Travel logs an analyst can quote: an engagement log with no date in any line, and a year of real
broadcast news (issue 13's 'Done when')."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_store_support import (  # noqa: F401  (fixtures)
    XI,
    doc,
    line,
    line_extractor,
    pg_dsn_fixture,
    pg_server_fixture,
    target_fixture,
)

from summitry import analytics
from summitry.ingest import read_inputs
from summitry.kb import get_kb
from summitry.store import open_store

LOG = Path(__file__).parent / "data" / "engagement_log.jsonl"
# 今年是习近平主席对哈萨克斯坦进行国事访问10周年: a visit's anniversary, not a visit
ANNIVERSARY = re.compile(r"(?:访问|出访|访华|到访|会晤|会见)[^，。；]{0,12}?(?:\d+|[一二三四五六七八九十]+)周年")


def legs_days(report: dict, year: str) -> int:
    """The sum of a year's days over the day-precise legs of a travel report."""
    return sum(leg["days_abroad"].get(year, 0) for trip in report["trips"] for leg in trip["legs"])


@pytest.fixture(scope="module")
def log_report(tmp_path_factory) -> dict:
    docs, problems = read_inputs([LOG])
    assert not problems and len(docs) == 30
    with open_store(tmp_path_factory.mktemp("log") / "log.duckdb") as store:
        store.ingest(docs)
        return analytics.travel(store, "Wang Yi")


def test_the_engagement_log_is_thirty_undated_lines_one_a_day():
    rows = [json.loads(x) for x in LOG.read_text("utf-8").splitlines()]
    assert len(rows) == 30 and len({r["published"] for r in rows}) == 30
    assert all(not any(ch.isdigit() for ch in r["text"]) for r in rows)


def test_the_engagement_log_gives_its_trips(log_report):
    assert [(t["start"], t["end"], t["countries"]) for t in log_report["trips"]] == [
        ("2023-07-12", "2023-07-14", ["IDN"]),
        ("2023-08-10", "2023-08-12", ["SGP", "MYS", "KHM"]),
        ("2023-12-28", "2024-01-02", ["EGY", "TUN", "TGO"]),   # over the new year, a day without a line
        ("2024-02-16", "2024-02-19", ["DEU", "ESP", "FRA"]),
        ("2024-04-15", "2024-04-18", ["PNG", "KHM", "LAO"]),
        ("2024-07-25", "2024-07-27", ["LAO"]),
    ]
    assert all(not t["approximate"] for t in log_report["trips"])


def test_the_engagement_log_gives_each_years_countries_and_days_abroad(log_report):
    years = log_report["years"]
    assert sorted(years) == ["2023", "2024"]
    assert years["2023"]["countries"] == ["EGY", "IDN", "KHM", "MYS", "SGP", "TUN"]  # Macao, Hong Kong: home
    assert years["2024"]["countries"] == ["DEU", "ESP", "FRA", "KHM", "LAO", "PNG", "TGO", "TUN"]
    # 2023: Jakarta 3, South-East Asia 3, Cairo to Tunis 28-31 December (the 30th travelling) 4
    # 2024: Tunis and Lome 2, Munich to Paris 4, Port Moresby to Vientiane 4 (the 16th travelling), Vientiane 3
    assert (years["2023"]["days_abroad"], years["2024"]["days_abroad"]) == (10, 13)
    assert years["2023"]["days_by_dating"] == {"publication": 10}
    for year in years:
        assert years[year]["days_abroad"] == legs_days(log_report, year)


def test_a_day_between_legs_counts_for_the_leg_before_it(log_report):
    africa = log_report["trips"][2]["legs"]
    assert [(leg["country"], leg["days_abroad"]) for leg in africa] == [
        ("EGY", {"2023": 3}), ("TUN", {"2023": 1, "2024": 1}), ("TGO", {"2024": 1})]
    assert {leg["dated_by"] for leg in africa} == {"publication"}


def test_approximate_legs_add_no_days_and_name_their_country_only_alone(target):
    lines = [line("visit", XI, ["FRA"], "2023-05-06", "2023-05-07"),
             line("multilateral", XI, ["FRA"], "2023-05-01", "2023-05-31", precision="month",
                  forum="OECD"),                                                                # the same stay, loosely
             line("visit", XI, ["BRA"], "2023-01-01", "2023-12-31", precision="year")]   # a trip known to the year
    with open_store(target) as s:
        s.ingest([doc("loose", lines, published="2023-06-10")], extract=line_extractor)
        report = analytics.travel(s, "Xi Jinping")
    france, brazil = report["trips"][1], report["trips"][0]
    assert [leg["country"] for leg in france["legs"]] == ["FRA"] and len(france["legs"][0]["event_ids"]) == 2
    assert (brazil["legs"], [leg["precision"] for leg in brazil["approximate"]]) == ([], ["year"])
    assert report["years"]["2023"] == {"countries": ["BRA", "FRA"], "countries_approximate": ["BRA"],
                                       "days_abroad": 2, "days_by_dating": {"none": 2}, "legs_days_unknown": 1}


def test_a_chinese_official_in_macao_is_not_abroad(target):
    lines = [line("visit", XI, ["MAC"], "2024-12-19", "2024-12-20"), line("visit", XI, ["RUS"], "2024-10-22")]
    with open_store(target) as s:
        s.ingest([doc("home", lines, published="2024-12-21")], extract=line_extractor)
        report = analytics.travel(s, "Xi Jinping")
    assert [t["countries"] for t in report["trips"]] == [["RUS"]]


def test_a_visit_somewhere_in_a_region_names_no_country_of_the_travel_log(target):
    # "toured Europe": the record lists every country the visit may be in; the log lists none of them
    europe = ["AUT", "BEL", "DEU", "FRA", "ITA", "NLD"]
    lines = [line("visit", XI, europe, "2023-05-02", "2023-05-03", place="Europe"),
             line("visit", XI, ["RUS"], "2023-05-09")]
    with open_store(target) as s:
        s.ingest([doc("tour", lines, published="2023-05-10")], extract=line_extractor)
        report = analytics.travel(s, "Xi Jinping")
        assert s.db.rows("SELECT count(*) FROM events WHERE type = 'visit'")[0][0] == 2
    assert [t["countries"] for t in report["trips"]] == [["RUS"]]
    assert report["years"]["2023"]["countries"] == ["RUS"]


@pytest.fixture(scope="module")
def broadcast_store(tmp_path_factory, shared_dir):
    """Every story of the Chinese development corpus, ingested once."""
    docs, _ = read_inputs([Path(shared_dir) / "corpus" / "real" / "zh-xwlb-2026.jsonl"])
    with open_store(tmp_path_factory.mktemp("xwlb") / "xwlb.duckdb") as store:
        store.ingest(docs)
        yield store


def test_travel_over_a_year_of_broadcast_news_counts_no_home_territory_and_no_anniversary(broadcast_store):
    kb = get_kb()
    people = [name for (name,) in broadcast_store.db.rows(
        "SELECT DISTINCT person FROM legs WHERE person_country = 'CHN' ORDER BY person")]
    assert "Xi Jinping" in people
    for person in people:
        report = analytics.travel(broadcast_store, person)
        for trip in report["trips"]:
            legs = [*trip["legs"], *trip["approximate"]]
            assert not [leg["country"] for leg in legs if kb.at_home("CHN", leg["country"])], (person, trip)
            ids = [i for leg in legs for i in leg["event_ids"]]
            said = [e["text"] for items in analytics.evidence_by_event(broadcast_store, ids).values() for e in items]
            assert not all(ANNIVERSARY.search(text) for text in said), (person, trip, said)
        for year, figures in report["years"].items():
            assert figures["days_abroad"] == legs_days(report, year), (person, year)


def test_an_organisation_s_officer_met_in_a_country_is_there_and_an_unknown_party_is_not():
    from summitry.records import Event, Party
    from summitry.store.ingest import travellers

    officer = Party(name="Hana Lindqvist", country=None, office="Secretary-General")
    host = Party(name="Chen Wei", country="CHN", office="Vice President")
    unknown = Party(name="Goro Ikeda")
    meeting = Event(id="m", type="meeting", status="occurred", actor=host, counterparts=[officer, unknown],
                    countries=["CHN"])
    assert [p.name for p in travellers(meeting)] == ["Hana Lindqvist"]
