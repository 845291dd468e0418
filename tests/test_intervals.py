"""The islands fusion works within (summitry.intervals.island_labels), against the rule read
plainly: members of one block are in one island when their days overlap and their scopes agree
(equal, or one unnamed), directly or through others; members without days only with those of
their own document."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from summitry.intervals import NO_DAY, DisjointSets, island_labels


def islands_by_pairs(block, scope, lo, hi, doc) -> list[set[int]]:
    """Every pair of members compared: quadratic, but plainly the rule."""
    n = len(block)
    sets = DisjointSets(n)
    timed = [lo[i] > NO_DAY and hi[i] > NO_DAY for i in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            if block[i] != block[j] or timed[i] != timed[j]:
                continue
            if not timed[i]:
                joined = doc[i] == doc[j]
            else:
                joined = lo[i] <= hi[j] and lo[j] <= hi[i] and (scope[i] == scope[j] or -1 in (scope[i], scope[j]))
            if joined:
                sets.union(i, j)
    groups: dict[int, set[int]] = {}
    for i in range(n):
        groups.setdefault(sets.find(i), set()).add(i)
    return sorted(groups.values(), key=min)


def groups_of(labels: list[int]) -> list[set[int]]:
    groups: dict[int, set[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, set()).add(i)
    return sorted(groups.values(), key=min)


member = st.tuples(st.integers(0, 2), st.sampled_from([-1, -1, 0, 1]), st.one_of(st.none(), st.integers(0, 40)),
                   st.integers(0, 6), st.integers(0, 3))


@settings(max_examples=300, deadline=None)
@given(st.lists(member, max_size=30))
def test_islands_are_the_members_the_rule_joins(members):
    block = [m[0] for m in members]
    scope = [m[1] for m in members]
    lo = [NO_DAY if m[2] is None else m[2] for m in members]
    hi = [NO_DAY if m[2] is None else m[2] + m[3] for m in members]
    doc = [m[4] for m in members]
    labels = island_labels(block, scope, lo, hi, doc)
    assert isinstance(labels, list)
    assert groups_of(labels) == islands_by_pairs(block, scope, lo, hi, doc)


def test_two_named_scopes_are_one_island_only_through_an_unnamed_member():
    # Xi's visit (scope 0) and Putin's (scope 1) in one block, days overlapping: two islands ...
    assert island_labels([0, 0], [0, 1], [10, 11], [12, 13], [0, 1]) == [0, 1]
    # ... until an unnamed report overlapping both joins them
    labels = island_labels([0, 0, 0], [0, 1, -1], [10, 11, 12], [12, 13, 12], [0, 1, 2])
    assert len(set(labels)) == 1


def test_a_large_input_is_labelled_in_one_sweep():
    rng = random.Random(5)
    n = 20_000
    block = [rng.randint(0, 50) for _ in range(n)]
    lo = [rng.randint(0, 3000) for _ in range(n)]
    labels = island_labels(block, [rng.choice([-1, 0, 1]) for _ in range(n)], lo, [d + 3 for d in lo],
                           list(range(n)))
    assert len(labels) == n and min(labels) == 0
