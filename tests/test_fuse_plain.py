"""The columnar path's shortcuts give fusion's own answers: its sweep over numpy columns finds the
islands ``intervals.island_labels`` finds, and the islands it fuses over columns (plain islands,
``summitry.fuse_plain``) come out as ``summitry.fuse.fuse`` fuses them, on generated reports that
meet and break each condition of plainness."""
from __future__ import annotations

import random

import pytest

# the columnar path comes with the Dask extras (numpy); fusion itself needs no numerical library
pytest.importorskip("numpy")

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitry.fuse import fuse_with_sources
from summitry.fuse_columnar import (
    _keys_and_days,
    fuse_table,
    fused_events_of,
    island_partition,
    mention_table,
)
from summitry.fuse_plain import plain_islands
from summitry.intervals import NO_DAY, island_labels
from summitry.records import Event, Mention, Party


def same_partition(a: list[int], b: list[int]) -> bool:
    """Whether two labellings group the members alike (whatever their numbers)."""
    forth: dict[int, int] = {}
    back: dict[int, int] = {}
    return all(forth.setdefault(x, y) == y and back.setdefault(y, x) == x for x, y in zip(a, b, strict=True))


@st.composite
def members(draw):
    """Members of a few blocks, scopes (-1 unnamed) and documents, with days that chain or not."""
    n = draw(st.integers(0, 40))
    rows = []
    for _ in range(n):
        lo = draw(st.one_of(st.just(NO_DAY), st.integers(-5, 60)))
        hi = NO_DAY if lo == NO_DAY else lo + draw(st.integers(0, 12))
        rows.append((draw(st.integers(0, 2)), draw(st.integers(-1, 3)), lo, hi, draw(st.integers(0, 4))))
    return [list(column) for column in zip(*rows)] if rows else [[], [], [], [], []]


@settings(max_examples=400, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(columns=members())
def test_the_numpy_sweep_finds_the_islands_of_the_python_sweep(columns):
    expected = island_labels(*columns)
    got = island_partition(*(np.array(column, dtype=np.int64) for column in columns))
    assert same_partition(expected, got.tolist())


# --- plain islands --------------------------------------------------------------------------------

XI = Party("Xi Jinping", "CHN", "President", "head_of_state")
PUTIN = Party("Vladimir Putin", "RUS")
PARTIES = [XI, PUTIN, Party("Xi Jinping", "CHN"), Party(None, "RUS"), Party(None, None), Party("", "KAZ")]
DAYS = ["2023-03-19", "2023-03-20", "2023-03-21", "2023-03-23", "2023-06-01", "2023-12-30"]
PUBLISHED_ON = ["2023-03-20", "2023-03-22", "2023-04-30", "2023-03", "2023", "", None, "2023-02-30"]


def one_story(rng: random.Random, tag: str) -> tuple[list[Event], dict[str, str | None]]:
    """Reports of one story, most telling it alike (so that their islands are often plain), each
    free to differ in what makes an island plain or not: its parties (named, by country or not at
    all; in another order; another's office), a second counterpart or country, place and forum
    (empty or not), dates of every precision and source, no date at all, a postponement, a document
    shared with another report, publication days of every form."""
    kind = rng.choice(["visit", "meeting", "multilateral", "call"])
    countries = rng.choice([["KAZ"], ["RUS"], []])
    place = rng.choice([None, "Astana", ""])
    forum = "SCO" if kind == "multilateral" else None
    stay_alone = rng.random() < 0.5  # (a visit or a gathering told with a counterpart or not)
    events, published = [], {}

    def varied(value, choices):
        return rng.choice(choices) if rng.randrange(14) == 0 else value

    for i in range(rng.randint(1, 6)):
        day = varied(DAYS[1], DAYS + [None])
        precision = varied("day", ["day", "month", "year"]) if day else None
        start = end = day
        if precision == "month":
            start, end = day[:8] + "01", day[:8] + "28"
        elif precision == "year":
            start, end = day[:5] + "01-01", day[:5] + "12-31"
        elif day and rng.randrange(10) == 0:
            end = rng.choice(DAYS)
        doc = f"{tag}d{varied(i, [0, 1])}"
        published.setdefault(doc, varied("2023-03-22", PUBLISHED_ON))
        status = varied(rng.choice(["occurred", "planned"]), ["speculated", "postponed", "cancelled"])
        who, whom = varied(XI, PARTIES), varied(PUTIN, PARTIES)
        if rng.randrange(14) == 0:
            who, whom = whom, who
        counterparts = [] if kind in ("visit", "multilateral") and stay_alone else [whom]
        if rng.randrange(14) == 0:
            counterparts.append(Party("Kassym-Jomart Tokayev", "KAZ"))
        events.append(Event(
            id=f"mn_{tag}{i}", type=kind, status=status, actor=who, counterparts=counterparts,
            countries=varied(countries, [["KAZ", "CHN"], ["RUS"], []]), place=varied(place, [None, "", "Moscow"]),
            forum=varied(forum, [None, "", "BRICS"]), start=start, end=end, precision=precision,
            dated_by=varied(None, ["text", "context", "publication"]) if day else None,
            mentions=[Mention(doc, status, "en", f"sentence {i}", i, i + 5)]))
    return events, published


def stories(seed: int) -> tuple[list[Event], dict[str, str | None]]:
    """A few stories (see ``one_story``), whose islands may chain."""
    rng = random.Random(seed)
    events, published = [], {}
    for k in range(rng.randint(1, 3)):
        more, their_published = one_story(rng, f"s{k}")
        events += more
        published.update(their_published)
    return events, published


@settings(max_examples=500, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32))
def test_plain_islands_fused_over_columns_are_fuses_events(seed):
    events, published = stories(seed)
    expected = fuse_with_sources(events, published)
    table = fuse_table(mention_table(events, published), chunk_reports=7)
    assert [e.to_dict() for e in fused_events_of(table)] == [e.to_dict() for e, _ in expected]
    assert table.column("sources").to_pylist() == [sources for _, sources in expected]


def test_the_stories_have_plain_islands_and_others():
    """(The reports the test above draws go through both paths.)"""
    plain = []
    for seed in range(200):
        table = mention_table(*stories(seed))
        keys = _keys_and_days(table)
        plain += plain_islands(table, island_partition(*keys[:5]), *keys[2:]).tolist()
    assert 0.2 < sum(plain) / len(plain) < 0.8
