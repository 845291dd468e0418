"""Fusion: one record per real-world event, across documents and languages.

Engines emit one event per mention. Fusion groups mentions that report the
same event and builds one merged record that keeps every mention.

Two mentions are the same event only when
- the type is the same;
- the participants agree: the same actor (visits, gatherings) or the same set
  of parties (meetings, calls — symmetric, so "A met B" and "B met A" agree,
  and a trilateral is never a bilateral); a party known only by country agrees
  with a named party of that country, and once a report names it, with that
  name only;
- the target agrees: the destination of a visit, the forum (or host) of a
  gathering, the host and the place of a meeting where both sides name them; a
  place agrees with a place it lies in or beside (Woodside and San Francisco;
  see ``summitry.places``);
- the times agree (the rules of time below): their possible windows overlap.

The rules of time, stated here once; the store's incremental re-fusion reads
its reach from ``fusion_key``:
- a report *dated* by its text or context has the days it gives (an interval
  as wide as its precision). Dated reports join when their days overlap, with
  a slack for time zones between documents (a day: Beijing time against local
  time) and for a stay abroad (two days: "landed on Tuesday", "in San
  Francisco on Wednesday");
- a report without a date of its own (undated, or dated only by its
  publication day) may sit in a window around its publication day: shortly
  before it for what happened, months after it for what is planned. It joins
  dated reports whose days fall in that window or in the slack a dated report
  has after it (a page stamped on the eve of the days others give: two days
  for a stay abroad, one for a meeting), and other such reports only when all
  their windows overlap, so reports published far apart never meet;
- a report with neither a date nor a publication day is joined only by such
  reports of its own document;
- a postponement or cancellation joins the plan it puts off when the plan was
  announced at most ``PLAN_TO_DEFERRAL_DAYS`` before it, and a report of the
  event happening only when both are dated and overlap (a visit put off in
  February is not the one that happened in June).

Each mention has a *reach*: the days within which any of these rules can join
it to another (``fusion_key``). Fusion works within *islands*: the mentions of
one block (type and countries, ``block_key``) whose reaches chain, named
parties only with the same names or with a mention that leaves a party
unnamed. Islands are found by a sort and a sweep, and each is clustered on its
own in a canonical order, with each cluster's summaries (statuses, windows,
parties, places) kept as mentions join. So fusion costs O(n log n) for n
mentions, the same input gives the same events and ids whatever its order, and
fusing any set of whole islands gives exactly the events that fusing
everything gives for them: the store fuses again only the islands a change
touches.
"""
from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from summitry.gcpause import cycles_paused
from summitry.intervals import NO_DAY, DisjointSets, chain, island_labels
from summitry.records import Event, Mention, Party
from summitry.trips import TRIP_GAP_DAYS as TRIP_GAP_DAYS_OF_A_LOG

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, None: 3}
# Within one document (or among reports of one day), the report that says most decides the status.
_STATUS_RANK = {"occurred": 0, "cancelled": 1, "postponed": 2, "planned": 3, "speculated": 4}
_DEFERRED = frozenset({"postponed", "cancelled"})
_STAYS = frozenset({"visit", "multilateral"})  # a person abroad for days, not an appointment

# --- the rules of time (days) ------------------------------------------------------------------
# How far a report without a date of its own may be from its publication day and still be taken
# for a dated event of the same parties: a past event is reported soon after it, a plan looks
# months ahead.
UNDATED_PAST_DAYS = 45
UNDATED_FUTURE_DAYS = 240
# Reports from different documents may date one occasion a day apart: one in Beijing time, one in
# local time.
TIME_ZONE_SLACK_DAYS = 1
# Reports of one stay abroad may date different days of it.
STAY_SLACK_DAYS = 2
# How long before its postponement a plan may have been announced and still be the one put off.
PLAN_TO_DEFERRAL_DAYS = 120
# Legs of one traveller this many days apart (or closer) are one trip.
TRIP_GAP_DAYS = 1

_EPOCH = date(1970, 1, 1).toordinal()
Interval = tuple[int, int]  # days since 1970-01-01, both ends included
# Dates repeat across millions of reports: their parses are kept (pure functions of a string).
_DATES_KEPT = 1 << 17


@lru_cache(maxsize=_DATES_KEPT)
def _day(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal() - _EPOCH
    except ValueError:
        return None


def _iso(day: int) -> str:
    return date.fromordinal(day + _EPOCH).isoformat()


@lru_cache(maxsize=_DATES_KEPT)
def _published_window(published: str | None) -> Interval | None:
    """The days a publication date (a day, a month or a year) covers; None when unknown or invalid."""
    if not published:
        return None
    try:
        parts = [int(p) for p in published.split("-")]
        if len(parts) == 1:
            first, last = date(parts[0], 1, 1), date(parts[0], 12, 31)
        elif len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            last = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1) - timedelta(days=1)
        else:
            first = last = date(parts[0], parts[1], parts[2])
    except (ValueError, OverflowError):
        return None
    return first.toordinal() - _EPOCH, last.toordinal() - _EPOCH


def _text_interval(ev: Event) -> Interval | None:
    """The days the text (or its context) gives an event; None when undated or dated only by the
    publication day, which fusion places like an undated report (``undated_window``), so that
    reports of one event published a day apart still meet and reports of different occasions are
    not taken for one by their publication days."""
    return text_days(ev.start, ev.end, ev.dated_by)


def text_days(start: str | None, end: str | None, dated_by: str | None) -> Interval | None:
    """``_text_interval`` of a record with these fields."""
    return None if dated_by == "publication" else _days(start, end)


def _record_days(ev: Event) -> Interval | None:
    """The days an event's record gives it (whatever dated it), in order; None when it has none."""
    return _days(ev.start, ev.end)


def _days(start_iso: str | None, end_iso: str | None) -> Interval | None:
    start = _day(start_iso)
    if start is None:
        return None
    end = _day(end_iso)
    if end is None:
        end = start
    return (start, end) if start <= end else (end, start)


def event_interval(ev: Event) -> tuple[date, date] | None:
    """The days an event's record gives it (whatever dated it), or None when it has none."""
    days = _record_days(ev)
    return None if days is None else (date.fromordinal(days[0] + _EPOCH), date.fromordinal(days[1] + _EPOCH))


def _undated_days(status: str, published: str | None) -> Interval | None:
    window = _published_window(published)
    if window is None:
        return None
    if status == "occurred":
        return window[0] - UNDATED_PAST_DAYS, window[1]
    return window[0] - UNDATED_PAST_DAYS, window[1] + UNDATED_FUTURE_DAYS


def undated_window(status: str, published: str | None) -> tuple[date, date] | None:
    """Where a report without a date of its own may sit in time, from its publication day: a
    little before it for what happened, months after it for what is planned; None when the
    publication day is unknown."""
    days = _undated_days(status, published)
    if days is None:
        return None
    return date.fromordinal(days[0] + _EPOCH), date.fromordinal(days[1] + _EPOCH)


def _slack_back(type_: str, status: str) -> int:
    """How many days before its own a dated report can reach (see the rules of time)."""
    slack = STAY_SLACK_DAYS if type_ in _STAYS else TIME_ZONE_SLACK_DAYS
    return max(slack, PLAN_TO_DEFERRAL_DAYS) if status in _DEFERRED else slack


def _reach(interval: Interval | None, anchor: Interval | None, type_: str, status: str) -> Interval | None:
    if interval is not None:
        return interval[0] - _slack_back(type_, status), interval[1]
    return anchor


# --- blocks, scopes and islands ---------------------------------------------------------------

def _participants(ev: Event) -> list[Party]:
    return [ev.actor, *ev.counterparts]


def block_key(ev: Event) -> tuple:
    """The block fusion compares a report within: no report of another block can be the same event."""
    if ev.type == "visit":
        return (ev.type, ev.actor.country or "?", tuple(sorted(ev.countries)))
    if ev.type == "multilateral":
        return (ev.type, ev.actor.country or "?")
    return (ev.type, tuple(sorted(p.country or "?" for p in _participants(ev))))


def party_scope(ev: Event) -> str | None:
    """The names that decide whom a report can join within its block; None when a party is
    unnamed (it may then join any named report of its block)."""
    parties = [ev.actor] if ev.type in _STAYS else _participants(ev)
    names = [p.name for p in parties]
    if any(n is None for n in names):
        return None
    return ";".join(sorted(names))  # type: ignore[arg-type]


class FusionKey(NamedTuple):
    """Where fusion may compare a mention with others: its block, scope and reach in days."""

    block: str
    scope: str | None
    reach_from: int | None
    reach_to: int | None


def fusion_key(ev: Event, published: str | None) -> FusionKey:
    """The block, party scope and reach (days since 1970-01-01) of an engine's per-mention event
    reported in a document published on ``published``: two mentions can only be one event when
    their blocks are equal, their scopes agree and their reaches overlap."""
    status = ev.mentions[0].status if ev.mentions else ev.status
    reach = report_reach(ev.type, status, _text_interval(ev), published)
    return FusionKey(block_name(ev), party_scope(ev), *(reach if reach else (None, None)))


def block_name(ev: Event) -> str:
    """``block_key`` as one string."""
    return "|".join(str(part) if not isinstance(part, tuple) else ",".join(part) for part in block_key(ev))


def report_reach(type_: str, status: str, interval: Interval | None, published: str | None) -> Interval | None:
    """The days within which a report of ``type_`` and ``status`` can be joined to another (the
    rules of time), when its text gives it the days ``interval`` and its document was published
    on ``published``; None when it has neither. ``published`` is read only when ``interval`` is
    None (a report dated by its text is placed by its text)."""
    return _reach(interval, _anchor(interval, status, published), type_, status)


def _anchor(interval: Interval | None, status: str, published: str | None) -> Interval | None:
    """Where a report may sit in time by its publication day: only when its text gives no days."""
    return None if interval else _undated_days(status, published)


def islands(members: Sequence[tuple[str | None, int | None, int | None, str]]) -> list[int]:
    """The island of each member (scope, reach_from, reach_to, document) of one block, as a number
    shared by the members of one island: members whose reaches overlap are in one island when
    their scopes are equal or one is unnamed (None), directly or through others; members without a
    reach, only with those of their own document. Sorts and sweeps (``intervals.island_labels``):
    O(n log n)."""
    return islands_of_blocks([members])[0]


def islands_of_blocks(blocks: Sequence[Sequence[tuple[str | None, int | None, int | None, str]]]
                      ) -> list[list[int]]:
    """``islands`` of each block's members, found for all the blocks at once (one sort and sweep:
    many small blocks cost what one large one does)."""
    if sum(len(members) for members in blocks) < 2:
        return [[0] * len(members) for members in blocks]
    scopes: dict[str, int] = {}
    docs: dict[str, int] = {}
    block, scope, lo, hi, doc = (array("q") for _ in range(5))
    for k, members in enumerate(blocks):
        for member_scope, member_lo, member_hi, member_doc in members:
            block.append(k)
            scope.append(-1 if member_scope is None else scopes.setdefault(member_scope, len(scopes)))
            timeless = member_lo is None or member_hi is None
            lo.append(NO_DAY if timeless else member_lo)  # type: ignore[arg-type]
            hi.append(NO_DAY if timeless else member_hi)  # type: ignore[arg-type]
            doc.append(docs.setdefault(member_doc, len(docs)))
    labels = island_labels(block, scope, lo, hi, doc)
    out, start = [], 0
    for members in blocks:
        out.append(labels[start:start + len(members)])
        start += len(members)
    return out


# --- clustering within an island --------------------------------------------------------------

def _party_agrees(a: Party, b: Party) -> bool:
    if a.name and b.name:
        return a.name == b.name
    return a.country is not None and a.country == b.country


def _pairing(xs: Sequence[Party], ys: Sequence[Party]) -> list[int] | None:
    """For each party of ``xs`` the index of the party of ``ys`` it pairs with, every party used
    once (so the sizes are equal: symmetric); None when they do not pair."""
    if len(xs) != len(ys):
        return None
    free = list(range(len(ys)))
    out = [0] * len(xs)
    # Named parties first, so that a name pairs with its own name before a country-only party
    # takes it.
    for i in sorted(range(len(xs)), key=lambda i: xs[i].name is None):
        for k, j in enumerate(free):
            if _party_agrees(xs[i], ys[j]):
                out[i] = j
                del free[k]
                break
        else:
            return None
    return out


PlaceAgreement = Callable[[str, str, Sequence[str]], bool]


def _same_place(a: str, b: str, countries: Sequence[str]) -> bool:
    return a == b


@dataclass(slots=True)
class _Item:
    """One mention with what fusion needs to know of it."""

    event: Event
    mention: Mention
    interval: Interval | None   # the days its text gives
    anchor: Interval | None     # where a report without a date of its own may sit
    published: str
    source: int = 0             # the position of the report in fusion's input
    reach: Interval | None = None

    @property
    def sort_key(self) -> tuple:
        """Dated reports by their days, then the others by their publication window, then those
        with neither; ties by document and offsets."""
        iv = self.interval or self.anchor
        rank = 0 if self.interval else (1 if self.anchor else 2)
        m = self.mention
        return (rank, iv[0] if iv else 0, iv[1] if iv else 0, m.doc, m.start, m.end, self.event.id)


@dataclass(slots=True)
class _Cluster:
    """Reports taken for one event, with the summaries compatibility reads, kept as reports join."""

    items: list[_Item] = field(default_factory=list)
    slots: list[list[int]] = field(default_factory=list)   # per item: the party slot of each participant
    parties: list[Party] = field(default_factory=list)     # the head's parties, named as reports name them
    core: Interval | None = None         # the days all its dated reports share (or span, see add)
    spans_days: bool = False             # a stay whose core spans days reported apart
    anchor_core: Interval | None = None  # the window all its reports without a date share
    statuses: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)  # destinations or hosts its reports name
    places: list[str] = field(default_factory=list)
    forums: set[str] = field(default_factory=set)
    order: int = 0                       # its place among the island's clusters, by creation
    # the days of a document whose reports joined a day off the core, a time zone away (rare: made
    # only then): that document's other reports of those days join too
    zone_days: dict[str, Interval] | None = None

    @property
    def first(self) -> _Item:
        return self.items[0]

    def add(self, item: _Item, slots: list[int]) -> None:
        ev = item.event
        if not self.items:
            self.parties = [ev.actor] if ev.type in _STAYS else _participants(ev)
            slots = list(range(len(self.parties)))
        else:  # a report that names a party the cluster knew only by country names it for all
            own = [ev.actor] if ev.type in _STAYS else _participants(ev)
            for party, slot in zip(own, slots):
                if party.name and not self.parties[slot].name:
                    self.parties[slot] = party
        self.items.append(item)
        self.slots.append(slots)
        self.statuses.add(item.mention.status)
        self.docs.add(item.mention.doc)
        self.countries.update(ev.countries)
        if ev.place and ev.place not in self.places:
            self.places.append(ev.place)
        if ev.forum:
            self.forums.add(ev.forum)
        iv = item.interval
        if iv is not None:
            core = self.core
            if core is None:
                self.core = iv
            elif _overlap(core, iv):
                if not self.spans_days:  # (a report of one day of a stay known to span days leaves it)
                    self.core = (max(core[0], iv[0]), min(core[1], iv[1]))
            elif ev.type in _STAYS or item.mention.status in _DEFERRED:
                # a stay reported on different days, or a postponement joining the plan it puts
                # off: the event spans both
                self.core = (min(core[0], iv[0]), max(core[1], iv[1]))
                self.spans_days = True
            else:  # a meeting a time zone apart keeps the days its first reports gave
                doc = item.mention.doc
                days = self.zone_days.get(doc) if self.zone_days else None
                self.zone_days = {**(self.zone_days or {}),
                                  doc: iv if days is None else (min(days[0], iv[0]), max(days[1], iv[1]))}
        elif item.anchor is not None:
            a = self.anchor_core
            self.anchor_core = item.anchor if a is None else (max(a[0], item.anchor[0]), min(a[1], item.anchor[1]))


def _overlap(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _target_agrees(ev: Event, cluster: _Cluster, same_place: PlaceAgreement) -> bool:
    """The destination, forum, host and place agree with what the cluster's reports say of them."""
    countries = set(ev.countries)
    if ev.type == "visit":
        return bool(countries & cluster.countries) or not (countries and cluster.countries)
    if ev.type == "multilateral":
        if ev.forum and cluster.forums and ev.forum not in cluster.forums:
            return False
        # one forum meets in one place at a time: hosts, where both say, agree too
        return not (countries and cluster.countries) or bool(countries & cluster.countries)
    # meetings and calls: hosts and places, where both say
    if countries and cluster.countries and not countries & cluster.countries:
        return False
    if ev.place and cluster.places and ev.place not in cluster.places:
        hosts = sorted(countries | cluster.countries)
        return all(same_place(ev.place, p, hosts) for p in cluster.places)
    return True


def _times_agree(item: _Item, cluster: _Cluster) -> bool:
    """The rules of time (see the module's docstring)."""
    status = item.mention.status
    iv, core = item.interval, cluster.core
    if iv is not None and core is not None:
        if _overlap(iv, core):
            return True
        if item.event.type in _STAYS:
            slack = STAY_SLACK_DAYS
        elif item.mention.doc not in cluster.docs:  # a time zone apart: only between documents
            slack = TIME_ZONE_SLACK_DAYS
        else:  # one document keeps one clock: its own reports of the days it joined with, or none
            own = cluster.zone_days.get(item.mention.doc) if cluster.zone_days else None
            if own is not None and _overlap(own, iv):
                return True
            slack = 0
        if slack and _overlap((iv[0] - slack, iv[1] + slack), core):
            return True
        # a postponement or cancellation puts off a plan announced before it
        return (status in _DEFERRED and cluster.statuses <= {"planned", "speculated"}
                and core[0] <= iv[1] and iv[0] - core[1] <= PLAN_TO_DEFERRAL_DAYS)
    if iv is None and item.anchor is None:  # neither a date nor a publication day
        return cluster.core is None and cluster.anchor_core is None and cluster.docs == {item.mention.doc}
    if cluster.core is None and cluster.anchor_core is None:
        return False
    # at least one side has no date of its own from here on
    if (status in _DEFERRED and "occurred" in cluster.statuses) or (
            status == "occurred" and cluster.statuses & _DEFERRED):
        return False
    window = iv if iv is not None else _anchor_reach(item)
    if core is not None and not _overlap(window, core):  # type: ignore[arg-type]
        return False
    return cluster.anchor_core is None or _overlap(window, cluster.anchor_core)  # type: ignore[arg-type]


def _anchor_reach(item: _Item) -> Interval:
    """The days a report without a date of its own meets dated reports in: its window, and after it
    the slack a dated report of its kind has before its days (a stay's report stamped on its eve).
    Islands hold such pairs already: a dated report reaches as far back (``_slack_back``)."""
    a = item.anchor
    return a[0], a[1] + (STAY_SLACK_DAYS if item.event.type in _STAYS else TIME_ZONE_SLACK_DAYS)  # type: ignore[index]


def _fit(item: _Item, cluster: _Cluster, same_place: PlaceAgreement) -> list[int] | None:
    """How the item's parties pair with the cluster's when the item may join it, else None."""
    ev = item.event
    if not _target_agrees(ev, cluster, same_place):
        return None
    slots = _slots(item, cluster)
    if slots is None or not _times_agree(item, cluster):
        return None
    return slots


class _NotAsBefore(Exception):
    """A report's earlier cluster cannot take it in a replay (what fusion was told is not what it
    made): the island is clustered anew."""


def _cluster_island(items: list[_Item], same_place: PlaceAgreement,
                    before: Mapping[int, str] | None = None) -> list[_Cluster]:
    """The clusters of one island's items: a single pass over them in ``_Item.sort_key`` order,
    each report joining the first (dated) or best (undated) cluster that can take it, given only
    the clusters made of the reports before it. So a report's cluster depends on the reports
    sorted before it, never on those after.

    ``before`` names, by an item's ``source``, the cluster a report was in when the island was last
    clustered (any name shared by the reports of one cluster and no other; None or absent for a new
    report). The reports sorted before the first new one are then placed where they were, without
    looking for a cluster: the pass over them is the one that made those clusters (which the test
    of this function holds against clustering from scratch). Only valid when no report of the
    island has gone since, which the caller knows."""
    if len(items) == 1:  # a report alone in its island (most events have few reports)
        alone = _Cluster()
        alone.add(items[0], [])
        return [alone]
    items = sorted(items, key=lambda it: it.sort_key)
    replayed = 0
    if before:
        replayed = next((k for k, it in enumerate(items) if before.get(it.source) is None), len(items))
    if replayed:
        try:
            return _pass(items, same_place, before, replayed)  # type: ignore[arg-type]
        except _NotAsBefore:
            pass
    return _pass(items, same_place, None, 0)


def _pass(items: list[_Item], same_place: PlaceAgreement, before: Mapping[int, str] | None,
          replayed: int) -> list[_Cluster]:
    """``_cluster_island`` over sorted ``items``, the first ``replayed`` placed as ``before`` says;
    after them, a report without a date of its own that no change can reach is placed as before
    too (``_Changes``)."""
    clusters: list[_Cluster] = []
    active: list[_Cluster] = []  # dated clusters that may still take what comes next
    dated: _DatedClusters | None = None  # the dated clusters, once every dated report is placed
    anchored: list[_Cluster] = []  # clusters of reports without a date that may still take one
    named: dict[str, _Cluster] = {}  # a cluster as it was, by its name in ``before``
    changes = _Changes() if before else None
    for k, item in enumerate(items):
        iv = item.interval
        name = before.get(item.source) if before else None
        as_before = k < replayed
        pool: list[_Cluster] = []
        if iv is not None:
            # Swept by start: a cluster that ends before this start cannot take anything later,
            # except the plan that a (rare) postponement or cancellation puts off.
            active = [c for c in active if c.core is None or c.core[1] + STAY_SLACK_DAYS >= iv[0]]
            pool = clusters if item.mention.status in _DEFERRED else active
        elif item.anchor is not None:
            # Reports without a date come after the dated ones, by the start of their window, and
            # join only a cluster whose days or window meet it (``_times_agree``): the clusters
            # that can are found by their days, and given in the order they were made.
            window = _anchor_reach(item)
            if dated is None:
                dated = _DatedClusters(clusters)
            anchored = [c for c in anchored if c.anchor_core[1] >= window[0]]  # type: ignore[index]
            as_before = as_before or (name is not None and changes.out_of_reach(window, name, named.get(name)))  # type: ignore[union-attr]
            if not as_before:
                pool = sorted(dated.meeting(window) + anchored, key=lambda c: c.order)
        else:
            pool = clusters
        if as_before:
            target = named.get(name)  # type: ignore[arg-type]
            slots = None if target is None else _slots(item, target)
            if target is not None and slots is None:
                raise _NotAsBefore(name)
        else:
            target, slots = _best_cluster(item, pool, same_place)
        made = target is None
        if made:
            target = _Cluster(order=len(clusters))
            clusters.append(target)
            if iv is not None:
                active.append(target)
            elif item.anchor is not None:
                anchored.append(target)
        if name is not None and made and name not in named:
            named[name] = target
        if changes is not None:
            changes.placed(item, name, target, made, named)
        target.add(item, slots)  # type: ignore[arg-type]
    return clusters


_CHANGES_LOOKED_AT = 64


class _Changes:
    """Where clustering again departs from the clustering of ``before``, for ``_pass``.

    A cluster is as it was when it holds the very reports, so far in the pass, that its name held
    then; the others (those a new report joined, and those whose reports went elsewhere, under
    either name) have changed, and the days each changed one spans (its reports under its name,
    and as it is now) are kept. A report without a date of its own joins only a cluster whose days
    and window meet its window (``_times_agree``), and every report without a date comes after
    every dated one: when no changed cluster spans days in its window, the clusters it may join
    are those it met when ``before`` was made, as they were then, and it joins the one it joined
    then."""

    __slots__ = ("changed", "name_of", "spans")

    def __init__(self) -> None:
        self.name_of: dict[int, str] = {}           # a cluster as it was (its order) -> its name
        self.spans: dict[int | str, list[int]] = {}  # a cluster's order, or a name -> days spanned
        self.changed: dict[int | str, None] = {}     # the orders and names that changed, in order

    def out_of_reach(self, window: Interval, name: str, cluster: _Cluster | None) -> bool:
        """No changed cluster spans days in ``window``, and the cluster of ``name`` is as it was.
        (Where many changed, no: looking costs more than clustering again.)"""
        if (name in self.changed or (cluster is not None and cluster.order not in self.name_of)
                or len(self.changed) > _CHANGES_LOOKED_AT):
            return False
        spans = self.spans
        for key in self.changed:
            span = spans.get(key)
            if span is not None and span[0] <= window[1] and window[0] <= span[1]:
                return False
        return True

    def placed(self, item: _Item, name: str | None, target: _Cluster, made: bool,
               named: Mapping[str, _Cluster]) -> None:
        """``item`` (of ``name`` in ``before``, None for a new report) joins ``target`` (just ``made``)."""
        days = item.interval or item.anchor
        if days is not None:
            for key in (target.order, name):
                if key is not None:
                    span = self.spans.get(key)
                    if span is None:
                        self.spans[key] = [days[0], days[1]]
                    else:
                        span[0], span[1] = min(span[0], days[0]), max(span[1], days[1])
        if (name is not None and name not in self.changed and named.get(name) is target
                and (made or self.name_of.get(target.order) == name)):
            self.name_of[target.order] = name
            return
        # a new report, or a report away from its cluster of before: both clusters changed
        changed = [target.order, name, self.name_of.pop(target.order, None)]
        if name is not None and name in named:
            changed.append(named[name].order)
            self.name_of.pop(named[name].order, None)
        for key in changed:
            if key is not None:
                self.changed[key] = None


def _slots(item: _Item, cluster: _Cluster) -> list[int] | None:
    """How the item's parties pair with the cluster's (``_fit`` without the rest of its checks)."""
    ev = item.event
    if ev.type in _STAYS:
        return [0] if _party_agrees(ev.actor, cluster.parties[0]) else None
    return _pairing(_participants(ev), cluster.parties)


class _DatedClusters:
    """The clusters made by dated reports, by their days, which reports without a date of their
    own (all placed after them) no longer change."""

    def __init__(self, clusters: list[_Cluster]):
        cored = sorted((c for c in clusters if c.core is not None), key=lambda c: c.core[0])  # type: ignore[index]
        self.starts = [c.core[0] for c in cored]  # type: ignore[index]
        self.clusters = cored
        self.longest = max((c.core[1] - c.core[0] for c in cored), default=0)  # type: ignore[index]

    def meeting(self, window: Interval) -> list[_Cluster]:
        """The clusters whose days overlap ``window``."""
        lo = bisect_right(self.starts, window[0] - self.longest - 1)
        hi = bisect_right(self.starts, window[1])
        return [c for c in self.clusters[lo:hi] if c.core[1] >= window[0]]  # type: ignore[index]


def _best_cluster(item: _Item, pool: list[_Cluster], same_place: PlaceAgreement
                  ) -> tuple[_Cluster | None, list[int] | None]:
    fits = []
    for c in pool:
        slots = _fit(item, c, same_place)
        if slots is not None:
            if item.interval is not None:
                return c, slots
            fits.append((c, slots))
    if not fits:
        return None, None
    if len(fits) == 1:
        return fits[0]

    # A report without a date of its own: the cluster with a mention of the same document, else
    # one of the same status, else one with days of its own (a report told when it happened, not
    # one of the reports that are as vague as this one), the nearest to its publication window.
    def preference(pair: tuple[_Cluster, list[int]]) -> tuple:
        c = pair[0]
        distance = 0
        if item.anchor and c.core:
            distance = abs(c.core[0] - item.anchor[1])
        return (item.mention.doc not in c.docs, item.mention.status not in c.statuses, c.core is None, distance)

    return min(fits, key=preference)


# --- the merged record ------------------------------------------------------------------------

def _best_party(parties: list[Party]) -> Party:
    if len(parties) == 1:
        return parties[0]

    def completeness(p: Party) -> tuple:
        return (p.name is None, p.office is None, p.level is None, p.country is None)

    ranked = sorted(parties, key=completeness)
    best = ranked[0]
    office, level, filled = best.office, best.level, False
    # Fill what the best one lacks from the others that agree with it (a name or a country, once
    # filled, stays: the agreement of the next ones is read from what is filled so far).
    for other in ranked[1:]:
        if _party_agrees(best, other) or best.name is None:
            name, country = best.name or other.name, best.country or other.country
            if name != best.name or country != best.country:
                best = replace(best, name=name, country=country)
            office, level, filled = office or other.office, level or other.level, True
    return replace(best, office=office, level=level) if filled else best


def _most_common(values: Iterable[str | None]) -> str | None:
    given = [v for v in values if v]
    if not given:
        return None
    if given.count(given[0]) == len(given):  # one value (the usual case): no counting
        return given[0]
    counts = Counter(given)
    top = max(counts.values())
    return min(v for v, n in counts.items() if n == top)


@lru_cache(maxsize=_DATES_KEPT)
def _neg_published(published: str) -> tuple:
    try:
        return tuple(-int(p) for p in published.split("-")) if published else (1,)
    except ValueError:
        return (1,)


def _merged_dates(items: list[_Item]) -> tuple[_Item | None, str | None, str | None, str | None]:
    """The report whose dates the event takes, and those dates."""
    dated = [it for it in items if it.interval]
    if dated:
        votes = Counter(it.interval for it in dated if it.mention.status == "occurred") if len(dated) > 1 else {}

        # The most precise report wins; among equals one whose own sentence dates it, then the
        # narrowest. Of what happened, the days most reports give, then the earliest report's
        # (reports a time zone apart: the local day comes first); of what is to come, the latest
        # report's (a plan's date may move).
        def rank(it: _Item) -> tuple:
            occurred = it.mention.status == "occurred"
            when = (-votes[it.interval], _published_order(it.published)) if occurred else (
                0, _neg_published(it.published))
            return (_PRECISION_RANK.get(it.event.precision, 3), it.event.dated_by == "context",
                    it.interval[1] - it.interval[0], not occurred, when, it.sort_key)  # type: ignore[index]

        best = dated[0] if len(dated) == 1 else min(dated, key=rank)
        start, end = best.event.start, best.event.end or best.event.start
        if best.event.type in _STAYS and best.event.precision == "day" and best.mention.status == "occurred":
            start, end = _stay_days(best, dated)
        return best, start, end, best.event.precision
    return _publication_dates(items)


def _stay_days(best: _Item, dated: list[_Item]) -> tuple[str, str]:
    """A stay's days: those of its chosen report, run on through the days its other reports of
    what happened give (arriving on the 8th, leaving on the 9th: the 8th to the 9th), chained as a
    travel log chains legs (``summitry.trips``: a day without a report between two is the stay's)."""
    days = [it for it in dated if it.mention.status == "occurred" and it.event.precision == "day"]
    lows = [it.interval[0] for it in days]  # type: ignore[index]
    highs = [it.interval[1] for it in days]  # type: ignore[index]
    sets = DisjointSets(len(days))
    chain(range(len(days)), lows, highs, TRIP_GAP_DAYS_OF_A_LOG, sets)
    root = sets.find(next(i for i, it in enumerate(days) if it is best))
    run = [i for i in range(len(days)) if sets.find(i) == root]
    return _iso(min(lows[i] for i in run)), _iso(max(highs[i] for i in run))


def _publication_dates(items: list[_Item]) -> tuple[_Item | None, str | None, str | None, str | None]:
    """The dates of an event that only its reports' publication days date (see summitry.dating).

    What happened is on or shortly before the earliest report of it; a stay (a visit or a
    gathering) runs on through reports of each following day. What is still to come is in the
    window the dating stage gives the latest report of it (the year after the day it was told).
    """
    dated = [it for it in items if it.event.dated_by == "publication" and _day(it.event.start) is not None]
    if not dated:
        return None, None, None, None
    past = [it for it in dated if it.mention.status == "occurred"]
    if not past:
        latest = max(dated, key=lambda it: (it.event.start, it.sort_key))
        return latest, latest.event.start, latest.event.end, None
    finest = min(_PRECISION_RANK.get(it.event.precision, 3) for it in past)
    finest_past = sorted((it for it in past if _PRECISION_RANK.get(it.event.precision, 3) == finest),
                         key=lambda it: (_day(it.event.start), it.sort_key))
    spans = sorted((_day(it.event.start), _day(it.event.end) or _day(it.event.start)) for it in finest_past)
    first, last = spans[0]
    if items[0].event.type in _STAYS:
        for start, end in spans[1:]:
            if start > last + 1:
                break
            last = max(last, end)
    return finest_past[0], _iso(first), _iso(last), finest_past[0].event.precision


@lru_cache(maxsize=_DATES_KEPT)
def _published_order(published: str) -> tuple:
    window = _published_window(published)
    return (0, window[0]) if window else (1, 0)


def _merged_status(mentions: list[Mention], published: Mapping[str, str]) -> str:
    """An occurred report wins; otherwise the report published last (the latest news) decides."""
    statuses = {m.status for m in mentions}
    if "occurred" in statuses:
        return "occurred"
    latest = min(mentions, key=lambda m: (_neg_published(published.get(m.doc, "")),
                                          _STATUS_RANK[m.status]))
    return latest.status


def _event_id(head: _Item) -> str:
    ev, m = head.event, head.mention
    return event_id(event_identity(ev), m.doc, m.start, m.end, ev.start, ev.end, m.status)


def event_identity(ev: Event) -> str:
    """What a fused event's id reads of the record of its first report beside that report's
    mention and dates (``event_id``): its type, parties, target and forum."""
    # One sentence may report several events of one type and party ("visited Russia, Mongolia and
    # Nepal"; "in May and in June"): the target and the days are part of the identity.
    keys = sorted(p.key() for p in _participants(ev))
    return "|".join([ev.type, ";".join(keys), ",".join(sorted(ev.countries)), ev.forum or ""])


def event_id(identity: str, doc: str, mention_start: int, mention_end: int, start: str | None,
             end: str | None, status: str) -> str:
    """The id of a fused event whose first report (in fusion's order) has the record of
    ``event_identity`` ``identity``, the days ``start`` and ``end`` as its record gives them, and a
    mention in ``doc`` at those offsets with ``status``."""
    raw = "|".join([identity, doc, str(mention_start), str(mention_end), start or "", end or "", status])
    return "ev_" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def _merge(cluster: _Cluster, event_id: str) -> Event:
    items = cluster.items
    events = [it.event for it in items]
    head = events[0]
    if head.type in _STAYS:
        actor = _best_party([e.actor for e in events])
        counterparts: list[Party] = []
    else:
        # The parties of every report by the slot they pair with: the head's actor is the actor
        # ("A met B" and "B met A" are one meeting, told as the first report tells it).
        groups: list[list[Party]] = [[] for _ in cluster.parties]
        for it, slots in zip(items, cluster.slots):
            for party, slot in zip(_participants(it.event), slots):
                groups[slot].append(party)
        actor = _best_party(groups[0])
        counterparts = sorted((_best_party(g) for g in groups[1:]), key=lambda p: (p.name is None, p.key()))
    dating, start, end, precision = _merged_dates(items)
    if head.type == "visit":
        countries = sorted({c for e in events for c in e.countries})
    else:
        host = _most_common(c for e in events for c in e.countries[:1])
        countries = [host] if host else []
    mentions = _one_mention_per_document([it.mention for it in items])
    merged = Event(
        id=event_id,
        type=head.type,
        status=_merged_status(mentions, {it.mention.doc: it.published for it in items}),
        actor=actor,
        counterparts=counterparts,
        countries=countries,
        place=_most_common(e.place for e in events),
        forum=_most_common(e.forum for e in events),
        start=start,
        end=end,
        precision=precision,
        dated_by=dating.event.dated_by if dating else None,
        mentions=mentions,
    )
    return merged


MENTION_JOINER = " … "


def _one_mention_per_document(mentions: list[Mention]) -> list[Mention]:
    """A document that reports an event in several sentences is one mention: its sentences joined,
    offsets spanning them all, and the most definite status it gives (one report per document)."""
    if len(mentions) == 1:
        return list(mentions)
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.doc].append(m)
    out = []
    for doc in sorted(by_doc):
        ms = sorted(by_doc[doc], key=lambda m: (m.start, m.end, m.status))
        if len(ms) == 1:
            out.append(ms[0])
            continue
        texts: list[str] = []
        for m in ms:
            for part in m.text.split(MENTION_JOINER):
                if part not in texts:
                    texts.append(part)
        status = min((m.status for m in ms), key=_STATUS_RANK.__getitem__)
        out.append(Mention(doc=doc, status=status, lang=ms[0].lang, text=MENTION_JOINER.join(texts),
                           start=min(m.start for m in ms), end=max(m.end for m in ms)))
    return out


# --- trips ------------------------------------------------------------------------------------

def trip_leg(ev: Event) -> tuple[str, Interval] | None:
    """(traveller, days) when ``ev`` is a leg trips are numbered over: a day-precise visit or
    gathering abroad of a named person that happened or is planned (not put off); else None."""
    if ev.type not in _STAYS or not ev.actor.name or ev.status in _DEFERRED or ev.precision != "day":
        return None
    if ev.type == "multilateral" and (not ev.countries or ev.countries[0] == ev.actor.country):
        return None
    iv = event_interval(ev)
    if iv is None:
        return None
    return ev.actor.name, (iv[0].toordinal() - _EPOCH, iv[1].toordinal() - _EPOCH)


def assign_trips(events: list[Event], max_gap_days: int = TRIP_GAP_DAYS) -> None:
    """Give the legs (``trip_leg``) of one traveller whose days touch a shared ``trip`` id; every
    other event gets none. Legs chain in date order, so any set of whole chains (legs of one
    traveller linked through gaps of at most ``max_gap_days``) gets the ids all events would."""
    legs = []
    for ev in events:
        ev.trip = None
        leg = trip_leg(ev)
        if leg:
            legs.append((leg[0], leg[1][0], leg[1][1], ev.status, ev.id, ev))
    for leg, trip in zip(legs, trip_ids(legs, max_gap_days)):
        leg[5].trip = trip


def trip_ids(legs: Sequence[tuple], max_gap_days: int = TRIP_GAP_DAYS) -> list[str]:
    """The trip id of each leg (traveller, first day, last day, status, event id, ...): legs of one
    traveller and status whose days come within ``max_gap_days`` of one another, chained in date
    order, share one."""
    # each traveller's legs by first day, last day and event id, ties in their order in ``legs``
    # (the position closes each tuple, so tuples sort as those keys with a stable sort)
    by_actor: dict[str, list[tuple]] = defaultdict(list)
    for k, leg in enumerate(legs):
        by_actor[leg[0]].append((leg[1], leg[2], leg[4], k, leg[3]))
    out = [""] * len(legs)
    days: dict[int, str] = {}  # (a day's ISO form, made once)
    for name, mine in by_actor.items():
        mine.sort()
        trips: list[list[int]] = []
        reach = trip_status = None
        for lo, hi, _, k, status in mine:
            if trips and reach is not None and lo <= reach + max_gap_days and status == trip_status:
                trips[-1].append(k)
                reach = max(reach, hi)
            else:
                trips.append([k])
                reach, trip_status = hi, status
        for trip in trips:
            first = legs[trip[0]]
            day = days.get(first[1])
            if day is None:
                day = days[first[1]] = _iso(first[1])
            raw = f"{name}|{day}|{first[3]}"
            trip_id = "tr_" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:10]
            for k in trip:
                out[k] = trip_id
    return out


# --- entry points -----------------------------------------------------------------------------

def fuse(events: Iterable[Event], published: Mapping[str, str | None] | None = None,
         same_place: PlaceAgreement | None = None) -> list[Event]:
    """Merge per-mention events (or already merged ones) into one event per real-world event.

    ``published`` maps document ids to their publication dates; it decides which report is the
    latest and anchors reports without a date of their own in time. ``same_place`` says whether
    two places of the given host countries are one occasion's (default: the knowledge base's
    geography, see ``summitry.places``).
    """
    return [event for event, _ in fuse_with_sources(events, published, same_place)]


@cycles_paused()
def fuse_with_sources(events: Iterable[Event], published: Mapping[str, str | None] | None = None,
                      same_place: PlaceAgreement | None = None) -> list[tuple[Event, list[int]]]:
    """``fuse``, with the positions in ``events`` of the reports each merged event is made of
    (a document's mentions are joined into one, so the record alone cannot tell them apart)."""
    merged = fuse_islands(events, published, same_place)
    assign_trips([event for event, _ in merged])
    return merged


def default_place_agreement() -> PlaceAgreement:
    from summitry.places import places_agree

    return places_agree


def _single(ev: Event, mention: Mention) -> Event:
    """The report of ``mention`` of ``ev``: a record with that mention alone, of its status, no trip."""
    if len(ev.mentions) == 1 and ev.status == mention.status and ev.trip is None:
        return ev  # an engine's record: already one mention
    return replace(ev, mentions=[mention], status=mention.status, trip=None)


def _item(single: Event, interval: Interval | None, published: str, position: int) -> _Item:
    """The item of a report with one mention, whose status is the mention's and which has no trip;
    ``interval`` is its ``_text_interval``, ``published`` its document's publication day or ""."""
    mention = single.mentions[0]
    anchor = _anchor(interval, mention.status, published or None)
    return _Item(single, mention, interval, anchor, published, position,
                 _reach(interval, anchor, single.type, mention.status))


def _island_clusters(island: list[_Item], same_place: PlaceAgreement,
                     before: Mapping[int, str] | None = None) -> Iterator[FusedCluster]:
    """The clusters of one island's items, each named by its id (``before``: see ``_cluster_island``)."""
    seen: Counter[str] = Counter()
    for cluster in _cluster_island(island, same_place, before):
        event_id = _event_id(cluster.first)
        seen[event_id] += 1
        if seen[event_id] > 1:  # two clusters headed by one identical report, told twice
            event_id = f"{event_id}~{seen[event_id]}"
        yield FusedCluster(cluster, event_id)


def fused_order(event: Event) -> tuple:
    """The order of fusion's output: by first day (undated last), type, actor, number of parties, id."""
    return (event.start or "9999", event.type, event.actor.key(), len(event.counterparts), event.id)


@cycles_paused()
def fuse_islands(events: Iterable[Event], published: Mapping[str, str | None] | None = None,
                 same_place: PlaceAgreement | None = None) -> list[tuple[Event, list[int]]]:
    """The events (without trips) and their sources, island by island: fusing any set of whole
    islands gives the events that fusing everything gives for them."""
    merged = [(cluster.event(), cluster.sources) for cluster in island_clusters(events, published, same_place)]
    merged.sort(key=lambda pair: fused_order(pair[0]))
    return merged


class FusedCluster:
    """The reports fusion takes for one event: its id and the positions of its reports in
    fusion's input (``sources``) are known at once, its merged record (``event``) is made when
    asked, so that a caller that holds the event these very reports made (the store, fusing an
    island again) need not make it again."""

    __slots__ = ("_cluster", "id", "sources")

    def __init__(self, cluster: _Cluster, event_id: str):
        self._cluster, self.id = cluster, event_id
        self.sources = sorted({it.source for it in cluster.items})

    def event(self) -> Event:
        """The merged record (without a trip)."""
        return _merge(self._cluster, self.id)

    @property
    def items(self) -> list[_Item]:
        """Its reports with what fusion knows of them, in fusion's order."""
        return self._cluster.items


@cycles_paused()
def island_clusters(events: Iterable[Event], published: Mapping[str, str | None] | None = None,
                    same_place: PlaceAgreement | None = None, before: Mapping[int, str] | None = None,
                    islands: Sequence[Hashable] | None = None) -> list[FusedCluster]:
    """The clusters of ``events``, island by island, in no particular order (``fuse_islands``
    merges each into its event).

    ``before``, for a caller that fused these islands before and kept the result (the store):
    the event each report was in then, by its position in ``events`` (reports of one mention
    each; a position absent for a new report). Each island is then clustered again only from its
    first new report in fusion's order, the reports before it placed where they were: the same
    clusters, for less work. Valid only when no report of these islands has gone since.

    ``islands``, for a caller that has found them by fusion's keys (``fusion_key``) and sweep
    (``islands_of_blocks``), as the store does to know what to fuse again: each event's island,
    by a value shared by the events of one island and no other. They are then not found again."""
    published = published or {}
    same_place = same_place or default_place_agreement()
    events = events if isinstance(events, list) else list(events)
    if before:  # (an event of several mentions is clustered anew)
        before = {position: name for position, name in before.items() if len(events[position].mentions) == 1}
    if islands is not None:
        given: dict[Hashable, list[tuple[int, Mention]]] = defaultdict(list)
        for position, (ev, island) in enumerate(zip(events, islands, strict=True)):
            given[island].extend((position, mention) for mention in ev.mentions)
        return _clusters_of_islands(events, given.values(), published, same_place, before)
    # Where each report may be compared (block, scope, reach, document), for every block at once:
    # the islands come from one sort and sweep over all of them. Reports are made into items an
    # island at a time.
    blocks: dict[tuple, int] = {}
    scopes: dict[str, int] = {}
    docs: dict[str, int] = {}
    reports = []  # (position, mention) of each report
    block, scope, lo, hi, doc = (array("q") for _ in range(5))
    for position, ev in enumerate(events):
        interval = _text_interval(ev)
        block_code = blocks.setdefault(block_key(ev), len(blocks))
        names = party_scope(ev)
        scope_code = -1 if names is None else scopes.setdefault(names, len(scopes))
        for mention in ev.mentions:
            reach = report_reach(ev.type, mention.status, interval, published.get(mention.doc) or None)
            reports.append((position, mention))
            block.append(block_code)
            scope.append(scope_code)
            lo.append(NO_DAY if reach is None else reach[0])
            hi.append(NO_DAY if reach is None else reach[1])
            doc.append(docs.setdefault(mention.doc, len(docs)))
    by_island: dict[int, list[tuple[int, Mention]]] = defaultdict(list)
    for report, label in zip(reports, island_labels(block, scope, lo, hi, doc)):
        by_island[label].append(report)
    del reports, block, scope, lo, hi, doc
    return _clusters_of_islands(events, by_island.values(), published, same_place, before)


def _clusters_of_islands(events: list[Event], islands: Iterable[list[tuple[int, Mention]]],
                         published: Mapping[str, str | None], same_place: PlaceAgreement,
                         before: Mapping[int, str] | None) -> list[FusedCluster]:
    """The clusters of each island of reports (position of the event in ``events``, mention)."""
    out: list[FusedCluster] = []
    for island in islands:
        items = [_item(_single(events[position], mention), _text_interval(events[position]),
                       published.get(mention.doc) or "", position) for position, mention in island]
        out.extend(_island_clusters(items, same_place, before))
    return out


def unmerged(events: Iterable[Event]) -> list[Event]:
    """One record per mention (``--no-merge``), ids kept as the engines gave them."""
    out = []
    for ev in events:
        for mention in ev.mentions:
            out.append(replace(ev, mentions=[mention], status=mention.status))
    return out
