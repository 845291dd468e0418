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
