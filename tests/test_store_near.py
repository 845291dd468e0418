"""A batch of new reports is fused again with the stored events near them, not with the whole
islands they join: islands grow with the store (reports dated only to a year chain the years of a
block), what new reports change does not. The stored events stay those that fusing every stored
document at once gives: when an event that changes reaches further than the store read, the
whole islands are fused instead.

Held for any reports of a world spread over years (reports dated to the day, the month or the
year, or by their publication only), any batches and order, and for the store's reading distance
as it is, shorter, longer, and below nothing (so that changes reach past it often).
"""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_store_support import doc, line, line_extractor

import summitry.fuse
import summitry.store.ingest as store_ingest
from summitry.fuse import fuse
from summitry.store import open_store

PEOPLE = [("Xi Jinping", "CHN"), ("Shehbaz Sharif", "PAK"), ("Vladimir Putin", "RUS")]
HOSTS = ["PAK", "KAZ", "RUS"]
STATUSES = ["occurred", "occurred", "occurred", "planned", "postponed"]


@st.composite
def report(draw, year: int) -> str:
    kind = draw(st.sampled_from(["visit", "visit", "meeting", "multilateral"]))
    name, home = draw(st.sampled_from(PEOPLE))
    if draw(st.integers(0, 7)) == 0:
        name = None
    precision = draw(st.sampled_from(["day", "day", "month", "year", None]))
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
    start = {"day": f"{year}-{month:02d}-{day:02d}", "month": f"{year}-{month:02d}-01", "year": f"{year}-01-01",
             None: None}[precision]
    end = {"day": start, "month": f"{year}-{month:02d}-28", "year": f"{year}-12-31", None: None}[precision]
    status = draw(st.sampled_from(STATUSES))
    host = draw(st.sampled_from([h for h in HOSTS if h != home]))
    if kind == "meeting":
        other = draw(st.sampled_from([p for p in PEOPLE if p[1] != home]))
        return line(kind, (name, home), [host], start, end, precision=precision or "day", status=status,
                    counterparts=[other])
    return line(kind, (name, home), [host], start, end, precision=precision or "day", status=status,
                forum="Summit" if kind == "multilateral" else None)


@st.composite
def world(draw):
    """Documents of 2015-2021, each about its own year (some about the year before), in the order
    and batches they are ingested in, and the store's reading distance."""
    docs = []
    for i in range(draw(st.integers(2, 16))):
        year = draw(st.integers(2015, 2021))
        lines = [draw(report(year - draw(st.sampled_from([0, 0, 0, 1])))) for _ in range(draw(st.integers(1, 3)))]
        published = f"{year}-{draw(st.integers(1, 12)):02d}-{draw(st.integers(1, 28)):02d}"
        docs.append(doc(f"d{i:02d}", lines, published))
    order = draw(st.permutations(docs))
    batch_size = draw(st.integers(1, 5))
    near_days = draw(st.sampled_from([store_ingest._NEAR_DAYS, 0, 10, 60, 400, -400]))
    return docs, order, batch_size, near_days


@pytest.fixture(scope="module", name="store")
def store_fixture():
    with open_store(":memory:") as store:
        store.db.execute("SET threads = 1")
        yield store


@settings(max_examples=200, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(case=world())
def test_new_reports_fused_with_the_events_near_them_give_the_events_of_fusing_everything(store, case):
    docs, order, batch_size, near_days = case
    for table in ("documents", "mention_events", "events", "event_parties", "event_mentions", "legs"):
        store.db.execute(f"DELETE FROM {table}")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store_ingest, "_NEAR_DAYS", near_days)
        store.ingest(order, extract=line_extractor, batch_size=batch_size)
    stored = {i: json.loads(r) for i, r in store.db.rows("SELECT id, record FROM events")}
    mentions = [e for d in docs for e in line_extractor(d)]
    assert stored == {e.id: json.loads(e.to_json()) for e in fuse(mentions, {d.id: d.published for d in docs})}
    links = store.db.rows("SELECT mention_id, COUNT(*) FROM event_mentions GROUP BY 1")
    assert dict(links) == {m: 1 for (m,) in store.db.rows("SELECT mention_id FROM mention_events")}


def yearly_visits(first: int, last: int, start: int = 0) -> list:
    """A document a year: Xi's visit to Pakistan that year, dated to its day, and (but the first)
    his visit of the year before, dated only to that year (as a report looking back tells it).
    Each year's visit is one event, but a stay's reports may be two days apart, so each year's
    report reaches the year before's: the years make one island."""
    return [doc(f"y{year}", [line("visit", ("Xi Jinping", "CHN"), ["PAK"], f"{year}-04-{10 + k % 5:02d}")] + [
        line("visit", ("Xi Jinping", "CHN"), ["PAK"], f"{year - 1}-01-01", f"{year - 1}-12-31", precision="year")
        for _ in range(year > first)], f"{year}-04-20") for k, year in enumerate(range(first, last + 1), start)]


def counted_fusions(monkeypatch) -> list[int]:
    """The number of reports of each island fusion clusters from now on (fuse.island_clusters counted)."""
    fused: list[int] = []
    clusters = summitry.fuse.island_clusters

    def counting(events, *args, **kwargs):
        events = list(events)
        fused.append(len(events))
        return clusters(events, *args, **kwargs)

    monkeypatch.setattr(summitry.fuse, "island_clusters", counting)
    return fused


def test_a_new_report_in_an_island_of_many_years_is_fused_with_the_events_of_its_own_years(monkeypatch):
    fused = counted_fusions(monkeypatch)
    docs = yearly_visits(1990, 2019)
    with open_store(":memory:") as store:
        store.ingest(docs[:-1], extract=line_extractor, batch_size=100)
        fused.clear()
        store.ingest(docs[-1:], extract=line_extractor)
        stored = {i: json.loads(r) for i, r in store.db.rows("SELECT id, record FROM events")}
    # one island of 59 reports; the new document's two and the events of 2018 and 2017 near them
    assert len(fused) == 1 and fused[0] <= 8, fused
    mentions = [e for d in docs for e in line_extractor(d)]
    assert stored == {e.id: json.loads(e.to_json()) for e in fuse(mentions, {d.id: d.published for d in docs})}


def test_a_change_that_reaches_further_than_the_store_read_is_fused_with_the_whole_islands(monkeypatch):
    # the days read narrower than the reports' own reaches: no event that changes lies within them
    monkeypatch.setattr(store_ingest, "_NEAR_DAYS", -400)
    fused = counted_fusions(monkeypatch)
    docs = yearly_visits(2000, 2009)
    # a report of the visit of 2008, which the report of that year made in 2009 is in
    late = doc("late", [line("visit", ("Xi Jinping", "CHN"), ["PAK"], "2008-04-13")], "2008-04-20")
    with open_store(":memory:") as store:
        store.ingest(docs, extract=line_extractor, batch_size=100)
        fused.clear()
        store.ingest([late], extract=line_extractor)
        stored = {i: json.loads(r) for i, r in store.db.rows("SELECT id, record FROM events")}
    # the part near the new report, refused; then the whole island (but the visit of 2009)
    assert len(fused) == 2 and fused[-1] == 19
    mentions = [e for d in [*docs, late] for e in line_extractor(d)]
    assert stored == {e.id: json.loads(e.to_json())
                      for e in fuse(mentions, {d.id: d.published for d in [*docs, late]})}
