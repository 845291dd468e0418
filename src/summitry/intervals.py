"""Grouping things whose day ranges chain: the one mechanism behind trips (a person's legs) and
behind the islands fusion works within (see ``summitry.fuse``)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
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
                  doc: Sequence[int]) -> list[int]:
    """The island of each member of fusion's blocks (see ``summitry.fuse``), as a number shared by
    the members of one island and no other: members of one ``block`` are in one island when their
    days ``lo[i]..hi[i]`` overlap and their ``scope`` is equal or one is unnamed (-1), directly or
    through others; members without days (``lo`` or ``hi`` ``NO_DAY`` or less) only with those of
    their own ``doc``. Every argument is one non-negative integer code a member (but ``scope``, -1
    when unnamed). Sorts and sweeps, O(n log n), in plain Python: the object path of fusion and the
    store need no numerical library (the columnar path hands its columns over as lists).

    How: the named members of one scope chain into *runs* (sorted by the first day, a member
    starting after every day of those before it starts a run), and so do the unnamed members of a
    block. A run's days are one range (its members chain). A named run and an unnamed run are in
    one island when their ranges overlap, which is when two of their members' days do.

    Numbering: first the members without days, one number for each (block, doc) in that order;
    then the islands of the unnamed runs, by block and first day; then the named runs that meet no
    unnamed run, by block, scope and first day."""
    n = len(block)
    label = [0] * n
    timed = [lo[i] > NO_DAY and hi[i] > NO_DAY for i in range(n)]

    # without days: one island per block and document
    timeless = [i for i in range(n) if not timed[i]]
    pairs = sorted({(block[i], doc[i]) for i in timeless})
    code = {pair: k for k, pair in enumerate(pairs)}
    for i in timeless:
        label[i] = code[(block[i], doc[i])]
    next_label = len(pairs)

    def runs(rows: list[int], group: list) -> tuple[list[int], list[tuple]]:
        """The run of each member (indexed by member; only ``rows`` are set), and each run as
        (group, first day, last day), the runs in order of group, then first day."""
        run_of = [0] * n
        groups: list = []
        firsts: list[int] = []
        lasts: list[int] = []
        current, furthest = None, 0
        # by group, first day, then input order (a stable sweep)
        for g, first, i in sorted(zip(group, (lo[i] for i in rows), rows)):
            if not groups or g != current or first > furthest:
                groups.append(g)
                firsts.append(first)
                lasts.append(hi[i])
                current, furthest = g, hi[i]
            elif hi[i] > furthest:
                furthest = lasts[-1] = hi[i]
            run_of[i] = len(groups) - 1
        return run_of, list(zip(groups, firsts, lasts))

    named_rows = [i for i in range(n) if timed[i] and scope[i] >= 0]
    unnamed_rows = [i for i in range(n) if timed[i] and scope[i] < 0]
    named_run, named = runs(named_rows, [(block[i], scope[i]) for i in named_rows])
    anon_run, anon = runs(unnamed_rows, [block[i] for i in unnamed_rows])

    # unnamed runs of a block are disjoint and in order; a named run meets those from the first
    # that ends on or after its first day to the last that starts on or before its last day
    anon_last_keys = [(b, last) for b, _, last in anon]
    anon_first_keys = [(b, first) for b, first, _ in anon]
    bridged = [0] * (len(anon) + 1)
    meets: list[tuple[int, int] | None] = []
    for (b, _), first, last in named:
        meets_from = bisect_left(anon_last_keys, (b, first))
        meets_to = bisect_right(anon_first_keys, (b, last)) - 1
        if meets_from <= meets_to:
            meets.append((meets_from, meets_to))
            bridged[meets_from] += 1
            bridged[meets_to] -= 1
        else:
            meets.append(None)
    # unnamed runs k and k+1 are one island when a named run meets both
    anon_island = []
    open_bridges = 0
    for k in range(len(anon)):
        if k and not open_bridges:
            next_label += 1
        anon_island.append(next_label)
        open_bridges += bridged[k]
    if anon:
        next_label += 1
    named_island = []
    for meet in meets:
        if meet is None:
            named_island.append(next_label)
            next_label += 1
        else:
            named_island.append(anon_island[meet[0]])
    for i in named_rows:
        label[i] = named_island[named_run[i]]
    for i in unnamed_rows:
        label[i] = anon_island[anon_run[i]]
    return label


#: the day of members without days in ``island_labels``
NO_DAY = -(2**62)
