"""The store equals full fusion: for any split of the input into runs and batches, in any order,
with documents replaced by later versions on the way, the stored events are those that fusing
every stored document's mentions at once gives, and no mention is left outside an event.

Documents are drawn from a small world (three people, three hosts, a few weeks, postponements,
undated reports, unnamed parties, meetings told from either side), so that their reports meet in
fusion as often as possible.
"""
from __future__ import annotations

import json
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_store_support import (  # noqa: F401  (fixtures)
    doc,
    line,
    line_extractor,
    pg_server_fixture,
)

from summitry.fuse import fuse
from summitry.store import open_store

PEOPLE = [("Xi Jinping", "CHN"), ("Vladimir Putin", "RUS"), ("Antony Blinken", "USA")]
HOSTS = ["KAZ", "CHN", "USA"]
DAYS = [f"2022-09-{d:02d}" for d in (1, 2, 3, 10, 11, 30)] + ["2022-11-20", "2023-01-25", None]
PUBLISHED = ["2022-09-02", "2022-09-12", "2022-11-15", "2023-01-20", "2022-09", None]
STATUSES = ["occurred", "occurred", "planned", "speculated", "postponed", "cancelled"]
CASES = 200


@st.composite
def report(draw) -> str:
    kind = draw(st.sampled_from(["visit", "visit", "meeting", "multilateral", "call"]))
    name, home = draw(st.sampled_from(PEOPLE))
    if draw(st.integers(0, 9)) == 0:
        name = None  # "the Chinese president"
    day = draw(st.sampled_from(DAYS))
    precision = draw(st.sampled_from(["day", "day", "day", "month"])) if day else None
    end = f"{day[:7]}-28" if precision == "month" else day
    status = draw(st.sampled_from(STATUSES))
    host = draw(st.sampled_from([h for h in HOSTS if h != home]))
    if kind in ("meeting", "call"):
        other = draw(st.sampled_from([p for p in PEOPLE if p[1] != home]))
        sides = [(name, home), other]
        if draw(st.booleans()):  # told from the other side
            sides.reverse()
        return line(kind, sides[0], [host] if kind == "meeting" else [], day, end, precision=precision,
                    status=status, counterparts=[sides[1]],
                    place=draw(st.sampled_from([None, "Astana"])) if kind == "meeting" else None)
    return line(kind, (name, home), [host], day, end, precision=precision, status=status,
                forum="Summit" if kind == "multilateral" else None)


@st.composite
def scenario(draw):
    """Final documents, earlier versions of some, and the order and runs they are ingested in."""
    n = draw(st.integers(1, 7))
    finals = [doc(f"d{i}", draw(st.lists(report(), min_size=1, max_size=3)), draw(st.sampled_from(PUBLISHED)))
              for i in range(n)]
    olds = [doc(d.id, draw(st.lists(report(), min_size=0, max_size=2)) or [line("call", PEOPLE[0])],
                draw(st.sampled_from(PUBLISHED)))
            for d in finals if draw(st.integers(0, 3)) == 0]
    order = draw(st.permutations(finals + olds))
    # each document's final version comes after its earlier one
    position = {id(d): i for i, d in enumerate(order)}
    for old in olds:
        final = next(d for d in finals if d.id == old.id)
        i, j = position[id(old)], position[id(final)]
        if i > j:
            order[i], order[j] = order[j], order[i]
            position[id(old)], position[id(final)] = j, i
    cuts = sorted(draw(st.sets(st.integers(1, max(1, len(order) - 1)), max_size=3)))
    runs = [order[a:b] for a, b in zip([0, *cuts], [*cuts, len(order)]) if order[a:b]]
    batch_sizes = [draw(st.integers(1, 4)) for _ in runs]
    return finals, runs, batch_sizes


def expected_events(finals) -> dict[str, dict]:
    mentions = [e for d in finals for e in line_extractor(d)]
    return {e.id: json.loads(e.to_json()) for e in fuse(mentions, {d.id: d.published for d in finals})}


def check(store, finals, runs, batch_sizes) -> None:
    db = store.db
    for table in ("documents", "mention_events", "events", "event_parties", "event_mentions", "legs"):
        db.execute(f"DELETE FROM {table}")
    for run, size in zip(runs, batch_sizes):
        store.ingest(run, extract=line_extractor, batch_size=size)
    stored = {i: json.loads(r) for i, r in db.rows("SELECT id, record FROM events")}
    assert stored == expected_events(finals)
    # every mention event is in exactly one event, and every link names a stored mention
    links = db.rows("SELECT mention_id, COUNT(*) FROM event_mentions WHERE mention_id IS NOT NULL GROUP BY 1")
    mentions = {m for (m,) in db.rows("SELECT mention_id FROM mention_events")}
    assert dict(links) == {m: 1 for m in mentions}


PROPERTY = settings(max_examples=CASES, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module", name="duckdb_store")
def duckdb_store_fixture():
    """One DuckDB database for every case (emptied by each), in memory (a file would wait on the
    disk at every commit) and on one thread, as the cases are tiny."""
    with open_store(":memory:") as store:
        store.db.execute("SET threads = 1")
        yield store


@PROPERTY
@given(case=scenario())
def test_duckdb_store_equals_full_fusion_for_any_batching_and_order(duckdb_store, case):
    check(duckdb_store, *case)


@pytest.fixture(scope="module", name="pg_store")
def pg_store_fixture(pg_server):
    """One PostgreSQL database for every case (emptied by each), dropped afterwards."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    name = "summitry_p_" + uuid.uuid4().hex[:10]
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    params = conninfo_to_dict(pg_server)
    user, host, port = params.get("user", ""), params.get("host", "127.0.0.1"), params.get("port", "5432")
    dsn = f"postgresql://{user + '@' if user else ''}{host}:{port}/{name}"
    with open_store(dsn) as store:
        assert store.kind == "postgres"
        yield store
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@PROPERTY
@given(case=scenario())
def test_postgres_store_equals_full_fusion_for_any_batching_and_order(pg_store, case):
    check(pg_store, *case)

