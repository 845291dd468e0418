"""Grouping things whose day ranges chain: the one mechanism behind trips (a person's legs) and
behind the islands fusion works within (see ``summitry.fuse``)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence


class DisjointSets:
    """Union-find over 0..n-1."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)


def chain(members: Iterable[int], lows: Sequence[int], highs: Sequence[int], gap: int,
          sets: DisjointSets) -> None:
    """Join the members whose ranges lows[i]..highs[i] overlap or come within ``gap`` days of
    one another, directly or through others (one sweep in order of the first day)."""
    reach, prev = None, None
    for i in sorted(members, key=lows.__getitem__):
        if prev is not None and lows[i] <= reach + gap:
            sets.union(i, prev)
            reach = max(reach, highs[i])
        else:
            reach = highs[i]
        prev = i


def island_labels(block: Sequence[int], scope: Sequence[int], lo: Sequence[int], hi: Sequence[int],
                  doc: Sequence[int]) -> list[int] | object:
    """The island of each member of fusion's blocks (see ``summitry.fuse``), as a number shared by
    the members of one island and no other: members of one ``block`` are in one island when their
    days ``lo[i]..hi[i]`` overlap and their ``scope`` is equal or one is unnamed (-1), directly or
    through others; members without days (``lo`` or ``hi`` -2**62 or less, see ``NO_DAY``) only
    with those of their own ``doc``. Every argument is one integer code a member (numpy arrays or
    sequences); the answer is a numpy array. Sorts and vectorised sweeps, O(n log n).

    How: the named members of one scope chain into *runs* (sorted by the first day, a member
    starting after every day of those before it starts a run), and so do the unnamed members of a
    block. A run's days are one range (its members chain). A named run and an unnamed run are in
    one island when their ranges overlap, which is when two of their members' days do."""
    import numpy as np

    block, scope = np.asarray(block, dtype=np.int64), np.asarray(scope, dtype=np.int64)
    lo, hi, doc = np.asarray(lo, dtype=np.int64), np.asarray(hi, dtype=np.int64), np.asarray(doc, dtype=np.int64)
    n = len(block)
    label = np.empty(n, dtype=np.int64)
    timed = (lo > NO_DAY) & (hi > NO_DAY)
    named = timed & (scope >= 0)
    unnamed = timed & (scope < 0)
    next_label = 0

    # without days: one island per block and document
    timeless = np.flatnonzero(~timed)
    if len(timeless):
        codes = _codes(block[timeless], doc[timeless])
        label[timeless] = codes
        next_label = int(codes.max()) + 1

    def runs(rows: np.ndarray, group: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The run of each of ``rows`` within its ``group``, and each run's group, first and last day."""
        order = np.lexsort((rows, lo[rows], group))  # by group, first day, then input order (a stable sweep)
        rows, group = rows[order], group[order]
        new_group = np.ones(len(rows), dtype=bool)
        new_group[1:] = group[1:] != group[:-1]
        group_no = np.cumsum(new_group) - 1
        # the furthest day of the group's members so far: one running maximum over all groups,
        # each group lifted above the ones before it
        span = int(hi[rows].max() - lo[rows].min()) + 2 if len(rows) else 1
        lifted = group_no * span + (hi[rows] - int(lo[rows].min()) if len(rows) else 0)
        furthest = np.maximum.accumulate(lifted) - group_no * span + (int(lo[rows].min()) if len(rows) else 0)
        starts = new_group.copy()
        starts[1:] |= lo[rows][1:] > furthest[:-1]
        first = np.flatnonzero(starts)
        last = np.append(first[1:], len(rows)) - 1
        run_of = np.empty(n, dtype=np.int64)
        run_of[rows] = np.cumsum(starts) - 1
        return run_of, group[first], lo[rows][first], furthest[last]

    named_rows, unnamed_rows = np.flatnonzero(named), np.flatnonzero(unnamed)
    # a named member's group: its block and scope
    if len(named_rows):
        pair = _codes(block[named_rows], scope[named_rows])
        named_run, named_block_of_pair, named_first, named_last = runs(named_rows, pair)
        # the block of each named run: the block of its members' pair
        pair_block = np.empty(int(pair.max()) + 1, dtype=np.int64)
        pair_block[pair] = block[named_rows]
        named_block = pair_block[named_block_of_pair]
    else:
        named_run = np.empty(n, dtype=np.int64)
        named_block = named_first = named_last = np.empty(0, dtype=np.int64)
    if len(unnamed_rows):
        unnamed_run, anon_block, anon_first, anon_last = runs(unnamed_rows, block[unnamed_rows])
    else:
        unnamed_run = np.empty(n, dtype=np.int64)
        anon_block = anon_first = anon_last = np.empty(0, dtype=np.int64)

    # unnamed runs of a block are disjoint and in order; a named run meets those from the first
    # that ends on or after its first day to the last that starts on or before its last day
    base = min(int(named_first.min()) if len(named_first) else 0, int(anon_first.min()) if len(anon_first) else 0)
    top = max(int(named_last.max()) if len(named_last) else 0, int(anon_last.max()) if len(anon_last) else 0)
    width = top - base + 2
    anon_first_key = anon_block * width + (anon_first - base)
    anon_last_key = anon_block * width + (anon_last - base)
    meets_from = np.searchsorted(anon_last_key, named_block * width + (named_first - base), side="left")
    meets_to = np.searchsorted(anon_first_key, named_block * width + (named_last - base), side="right") - 1
    meets = meets_from <= meets_to
    # unnamed runs k and k+1 are one island when a named run meets both
    bridged = np.zeros(len(anon_first) + 1, dtype=np.int64)
    np.add.at(bridged, meets_from[meets], 1)
    np.add.at(bridged, meets_to[meets], -1)
    joined_to_next = np.cumsum(bridged)[:-1] > 0 if len(anon_first) else np.zeros(0, dtype=bool)
    anon_island = np.zeros(len(anon_first), dtype=np.int64)
    if len(anon_first):
        anon_island[1:] = np.cumsum(~joined_to_next[:-1])
        anon_island += next_label
        next_label = int(anon_island.max()) + 1
    named_island = np.empty(len(named_first), dtype=np.int64)
    named_island[meets] = anon_island[meets_from[meets]]
    alone = np.flatnonzero(~meets)
    named_island[alone] = next_label + np.arange(len(alone))
    label[named_rows] = named_island[named_run[named_rows]]
    label[unnamed_rows] = anon_island[unnamed_run[unnamed_rows]]
    return label


#: the day of members without days in ``island_labels``
NO_DAY = -(2**62)


def _codes(a: object, b: object) -> object:
    """One code for each distinct pair of non-negative integer codes ``(a[i], b[i])``, in order."""
    import numpy as np

    a, b = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
    return np.unique(a * (int(b.max()) + 1) + b, return_inverse=True)[1].reshape(-1)
