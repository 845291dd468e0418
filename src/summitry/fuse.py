"""Fusion: one record per real-world event, across documents and languages.

Engines emit one event per mention. Fusion groups mentions that report the
same event and builds one merged record that keeps every mention.

Two mentions are the same event when
- the type is the same;
- the participants agree: the same actor (visits, gatherings) or the same set
  of parties (meetings, calls — symmetric, and a trilateral is never a
  bilateral); a party known only by country agrees with a named party of that
  country;
- the target agrees: the destination of a visit, the forum (or host) of a
  gathering, the host and the place of a meeting where both sides name them;
- the dates agree: their intervals overlap (an interval is as wide as its
  precision), so conflicting day-precise dates never merge;
- the statuses agree: a postponed or cancelled report joins a report of the
  event happening only when both are dated and the dates overlap (a visit put
  off in February is not the one that happened in June).

Grouping is blocked (by type and the countries involved) and swept in date
order, never over all pairs, and it runs over the mentions in a canonical
order, so the same input gives the same events and ids whatever the order of
documents.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from summitry.records import Event, Mention, Party

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, None: 3}
# Within one document (or among reports of one day), the report that says most decides the status.
_STATUS_RANK = {"occurred": 0, "cancelled": 1, "postponed": 2, "planned": 3, "speculated": 4}
_DEFERRED = {"postponed", "cancelled"}
# How far an undated report may be from its publication day and still be taken for a dated
# event of the same parties: a past event is reported soon after it, a plan looks months ahead.
_UNDATED_PAST = timedelta(days=45)
_UNDATED_FUTURE = timedelta(days=240)
# Reports of one stay abroad may date different days of it: visits and gatherings whose days are
# this close are one stay (meetings and calls keep strict days). The store's incremental re-fusion
# reads it to know how far a change can reach.
STAY_SLACK = timedelta(days=2)
# How long before its postponement a plan may have been announced and still be the one put off.
_PLAN_TO_DEFERRAL = timedelta(days=120)


def _parse(day: str | None) -> date | None:
    if not day:
        return None
    try:
        return date.fromisoformat(day[:10])
    except ValueError:
        return None


def _published_window(published: str | None) -> tuple[date, date] | None:
    if not published:
        return None
    parts = published.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(parts[1])
    if len(parts) == 2:
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        return date(year, month, 1), nxt - timedelta(days=1)
    day = date(year, month, int(parts[2]))
    return day, day


def _party_agrees(a: Party, b: Party) -> bool:
    if a.name and b.name:
        return a.name == b.name
    return a.country is not None and a.country == b.country


def _parties_agree(xs: list[Party], ys: list[Party]) -> bool:
    """Every party pairs with one party of the other side (so sizes are equal): symmetric."""
    if len(xs) != len(ys):
        return False
    left = list(ys)
    # Named parties first, so that a name pairs with its own name before a country-only party
    # takes it.
    for x in sorted(xs, key=lambda p: p.name is None):
        for i, y in enumerate(left):
            if _party_agrees(x, y) and (x.name is None or y.name is None or x.name == y.name):
                del left[i]
                break
        else:
            return False
    return True


def _participants(ev: Event) -> list[Party]:
    return [ev.actor, *ev.counterparts]


@dataclass
class _Item:
    """One mention with what fusion needs to know of it."""

    event: Event
    mention: Mention
    interval: tuple[date, date] | None
    anchor: tuple[date, date] | None  # where an undated report may sit, from its publication day
    published: str
    source: int = 0  # the position of the report in fusion's input

    @property
    def sort_key(self) -> tuple:
        iv = self.interval
        return (
            iv is None,
            iv[0] if iv else date.max,
            iv[1] if iv else date.max,
            self.mention.doc,
            self.mention.start,
            self.mention.end,
            self.event.id,
        )


@dataclass
class _Cluster:
    items: list[_Item] = field(default_factory=list)
    interval: tuple[date, date] | None = None  # intersection of the members' intervals
    countries: set[str] = field(default_factory=set)  # destinations or hosts its reports name
    places: set[str] = field(default_factory=set)
    forums: set[str] = field(default_factory=set)

    @property
    def first(self) -> _Item:
        return self.items[0]

    def statuses(self) -> set[str]:
        return {it.mention.status for it in self.items}

    def add(self, item: _Item) -> None:
        self.items.append(item)
        self.countries.update(item.event.countries)
        if item.event.place:
            self.places.add(item.event.place)
        if item.event.forum:
            self.forums.add(item.event.forum)
        if item.interval:
            if self.interval is None:
                self.interval = item.interval
            elif _overlap(self.interval, item.interval):
                self.interval = (max(self.interval[0], item.interval[0]), min(self.interval[1], item.interval[1]))
            else:  # a postponement joining the plan it puts off: the event spans both reports
                self.interval = (min(self.interval[0], item.interval[0]), max(self.interval[1], item.interval[1]))


def _widened(iv: tuple[date, date]) -> tuple[date, date]:
    return iv[0] - STAY_SLACK, iv[1] + STAY_SLACK


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _target_agrees(ev: Event, cluster: _Cluster) -> bool:
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
    return not (ev.place and cluster.places and ev.place not in cluster.places)


def _compatible(item: _Item, cluster: _Cluster) -> bool:
    ev, head = item.event, cluster.first.event
    if not _target_agrees(ev, cluster):
        return False
    if ev.type in ("visit", "multilateral"):
        if not _party_agrees(ev.actor, head.actor):
            return False
    elif not _parties_agree(_participants(ev), _participants(head)):
        return False
    deferred = item.mention.status in _DEFERRED
    cluster_deferred = bool(cluster.statuses() & _DEFERRED)
    cluster_occurred = "occurred" in cluster.statuses()
    if item.interval and cluster.interval:
        if _overlap(item.interval, cluster.interval):
            return True
        if ev.type in ("visit", "multilateral") and _overlap(_widened(item.interval), cluster.interval):
            # A stay lasts days: "landed on Tuesday" and "in San Francisco on Wednesday" are one visit.
            return True
        # A postponement or cancellation puts off a plan announced before it.
        return (deferred and cluster.statuses() <= {"planned", "speculated"}
                and cluster.interval[0] <= item.interval[1]
                and (item.interval[0] - cluster.interval[1]) <= _PLAN_TO_DEFERRAL)
    # At least one side is undated from here on.
    if (deferred and cluster_occurred) or (item.mention.status == "occurred" and cluster_deferred):
        return False
    if item.interval is None and item.anchor and cluster.interval:
        return _overlap(item.anchor, cluster.interval)
    if item.interval is None and item.anchor and cluster.interval is None:
        anchors = [it.anchor for it in cluster.items if it.anchor]
        return all(_overlap(item.anchor, a) for a in anchors)
    return True


def block_key(ev: Event) -> tuple:
    """The block fusion compares a report within: no report of another block can be the same event."""
    if ev.type == "visit":
        return (ev.type, ev.actor.country or "?", tuple(sorted(ev.countries)))
    if ev.type == "multilateral":
        return (ev.type, ev.actor.country or "?")
    return (ev.type, tuple(sorted(p.country or "?" for p in _participants(ev))))


def event_interval(ev: Event) -> tuple[date, date] | None:
    """The days an event's report gives it, or None when it is undated."""
    start = _parse(ev.start)
    if start is None:
        return None
    end = _parse(ev.end) or start
    return (start, end) if start <= end else (end, start)


def matching_interval(ev: Event) -> tuple[date, date] | None:
    """The days fusion compares a report by: its dates when its own text or context gives them;
    None for a report dated only by its publication day, which fusion places like an undated
    one (``undated_window``), so that reports of one event published a day apart still meet and
    reports of different occasions are not taken for one by their publication days."""
    if ev.dated_by == "publication":
        return None
    return event_interval(ev)


def undated_window(status: str, published: str | None) -> tuple[date, date] | None:
    """Where an undated report may sit in time, from its publication day: a little before it for
    what happened, months after it for what is planned; None when the publication day is unknown."""
    window = _published_window(published)
    if window is None:
        return None
    if status == "occurred":
        return window[0] - _UNDATED_PAST, window[1]
    return window[0] - _UNDATED_PAST, window[1] + _UNDATED_FUTURE


def _cluster_block(items: list[_Item]) -> list[_Cluster]:
    items = sorted(items, key=lambda it: it.sort_key)
    clusters: list[_Cluster] = []
    active: list[_Cluster] = []  # dated clusters that may still overlap what comes next
    for item in items:
        if item.interval:
            # Swept by start: a cluster that ends before this start cannot take anything later,
            # except the plan that a (rare) postponement or cancellation puts off.
            active = [c for c in active if c.interval is None or c.interval[1] + STAY_SLACK >= item.interval[0]]
            pool = clusters if item.mention.status in _DEFERRED else active
        else:
            pool = clusters
        target = _best_cluster(item, pool)
        if target is None:
            target = _Cluster()
            clusters.append(target)
            if item.interval:
                active.append(target)
        target.add(item)
    return clusters


def _best_cluster(item: _Item, pool: list[_Cluster]) -> _Cluster | None:
    fits = [c for c in pool if _compatible(item, c)]
    if not fits:
        return None
    if len(fits) == 1 or item.interval:
        return fits[0]

    # An undated report: the cluster with a mention of the same document, else one of the same
    # status, else the one nearest its publication day.
    def preference(c: _Cluster) -> tuple:
        same_doc = any(it.mention.doc == item.mention.doc for it in c.items)
        same_status = item.mention.status in c.statuses()
        distance = 0
        if item.anchor and c.interval:
            distance = abs((c.interval[0] - item.anchor[1]).days)
        return (not same_doc, not same_status, distance)

    return min(fits, key=preference)


def _best_party(parties: list[Party]) -> Party:
    def completeness(p: Party) -> tuple:
        return (p.name is None, p.office is None, p.level is None, p.country is None)

    ranked = sorted(parties, key=completeness)
    best = ranked[0]
    # Fill what the best one lacks from the others that agree with it.
    for other in ranked[1:]:
        if _party_agrees(best, other) or best.name is None:
            best = replace(
                best,
                name=best.name or other.name,
                country=best.country or other.country,
                office=best.office or other.office,
                level=best.level or other.level,
            )
    return best


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    top = max(counts.values())
    return min(v for v, n in counts.items() if n == top)


def _merged_dates(items: list[_Item]) -> tuple[str | None, str | None, str | None, str | None]:
    """(start, end, precision, dated_by) of the merged event, from its best dated report, else
    from the publication days of its reports."""
    dated = [it for it in items if it.interval]
    if not dated:
        return _publication_dates(items)
    # The most precise report wins; among equals the narrowest, then the latest published.
    best = min(
        dated,
        key=lambda it: (
            _PRECISION_RANK.get(it.event.precision, 3),
            (it.interval[1] - it.interval[0]).days,
            it.mention.status != "occurred",
            _neg_published(it.published),
            it.sort_key,
        ),
    )
    return best.event.start, best.event.end or best.event.start, best.event.precision, best.event.dated_by


def _publication_dates(items: list[_Item]) -> tuple[str | None, str | None, str | None, str | None]:
    """The dates of an event that only its reports' publication days date (see summitry.dating).

    What happened is on or shortly before the earliest report of it; a stay (a visit or a
    gathering) runs on through reports of each following day. What is still to come is after the
    latest report of it, open-ended.
    """
    dated = [it for it in items if it.event.dated_by == "publication" and it.event.start]
    if not dated:
        return None, None, None, None
    past = [it for it in dated if it.mention.status == "occurred"]
    if not past:
        return max(it.event.start for it in dated), None, None, "publication"
    finest = min(_PRECISION_RANK.get(it.event.precision, 3) for it in past)
    spans = sorted(event_interval(it.event) for it in past
                   if _PRECISION_RANK.get(it.event.precision, 3) == finest)
    first, last = spans[0]
    if items[0].event.type in ("visit", "multilateral"):
        for start, end in spans[1:]:
            if start > last + timedelta(days=1):
                break
            last = max(last, end)
    precision = next(it.event.precision for it in past if _PRECISION_RANK.get(it.event.precision, 3) == finest)
    return first.isoformat(), last.isoformat(), precision, "publication"


def _neg_published(published: str) -> tuple:
    return tuple(-int(p) for p in published.split("-")) if published else (1,)


def _merged_status(mentions: list[Mention], published: Mapping[str, str]) -> str:
    """An occurred report wins; otherwise the report published last (the latest news) decides."""
    statuses = {m.status for m in mentions}
    if "occurred" in statuses:
        return "occurred"
    latest = min(mentions, key=lambda m: (_neg_published(published.get(m.doc, "")),
                                          _STATUS_RANK[m.status]))
    return latest.status


def _event_id(cluster: _Cluster) -> str:
    # One sentence may report several events of one type and party ("visited Russia, Mongolia and
    # Nepal"): the target is part of the identity.
    head = cluster.first
    keys = sorted(p.key() for p in _participants(head.event))
    raw = "|".join([head.event.type, ";".join(keys), ",".join(sorted(head.event.countries)),
                    head.event.forum or "", head.mention.doc, str(head.mention.start), str(head.mention.end)])
    return "ev_" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def _merge(cluster: _Cluster) -> Event:
    items = cluster.items
    events = [it.event for it in items]
    head = events[0]
    actor = _best_party([e.actor for e in events])
    counterparts: list[Party] = []
    if head.type in ("meeting", "call"):
        # Group the counterparts of every report by party, then keep the most complete of each.
        groups: list[list[Party]] = []
        for e in events:
            for p in e.counterparts:
                if _party_agrees(p, actor):
                    continue
                for g in groups:
                    if _party_agrees(p, g[0]) or (p.name is None and p.country == g[0].country):
                        g.append(p)
                        break
                else:
                    groups.append([p])
        counterparts = sorted((_best_party(g) for g in groups), key=lambda p: (p.name is None, p.key()))
    start, end, precision, dated_by = _merged_dates(items)
    if head.type == "visit":
        countries = sorted({c for e in events for c in e.countries})
    else:
        host = _most_common(c for e in events for c in e.countries[:1])
        countries = [host] if host else []
    mentions = _one_mention_per_document([it.mention for it in items])
    return Event(
        id=_event_id(cluster),
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
        mentions=mentions,
        dated_by=dated_by,
    )


MENTION_JOINER = " … "


def _one_mention_per_document(mentions: list[Mention]) -> list[Mention]:
    """A document that reports an event in several sentences is one mention: its sentences joined,
    offsets spanning them all, and the most definite status it gives (one report per document)."""
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


def assign_trips(events: list[Event], max_gap_days: int = 1) -> None:
    """Give visits and gatherings abroad of one actor whose dates touch a shared ``trip`` id."""
    by_actor: dict[str, list[tuple[tuple[date, date], Event]]] = defaultdict(list)
    for ev in events:
        if ev.type not in ("visit", "multilateral") or not ev.actor.name or ev.status in _DEFERRED:
            continue
        if ev.type == "multilateral" and (not ev.countries or ev.countries[0] == ev.actor.country):
            continue
        iv = event_interval(ev)
        if iv:
            by_actor[ev.actor.name].append((iv, ev))
    gap = timedelta(days=max_gap_days)
    for name, legs in by_actor.items():
        legs.sort(key=lambda leg: (leg[0], leg[1].id))
        trips: list[list[tuple[tuple[date, date], Event]]] = []
        reach = None
        for iv, ev in legs:
            if trips and reach is not None and iv[0] <= reach + gap and ev.status == trips[-1][0][1].status:
                trips[-1].append((iv, ev))
                reach = max(reach, iv[1])
            else:
                trips.append([(iv, ev)])
                reach = iv[1]
        for trip in trips:
            first_iv, _ = trip[0]
            raw = f"{name}|{first_iv[0].isoformat()}|{trip[0][1].status}"
            trip_id = "tr_" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:10]
            for _, ev in trip:
                ev.trip = trip_id


def fuse(events: Iterable[Event], published: Mapping[str, str | None] | None = None) -> list[Event]:
    """Merge per-mention events (or already merged ones) into one event per real-world event.

    ``published`` maps document ids to their publication dates; it decides which report is the
    latest and anchors undated reports in time.
    """
    return [event for event, _ in fuse_with_sources(events, published)]


def fuse_with_sources(events: Iterable[Event], published: Mapping[str, str | None] | None = None
                      ) -> list[tuple[Event, list[int]]]:
    """``fuse``, with the positions in ``events`` of the reports each merged event is made of
    (a document's mentions are joined into one, so the record alone cannot tell them apart)."""
    published = published or {}
    blocks: dict[tuple, list[_Item]] = defaultdict(list)
    for position, ev in enumerate(events):
        for mention in ev.mentions:
            if len(ev.mentions) == 1 and ev.status == mention.status and ev.trip is None:
                single = ev  # an engine's record: already one mention
            else:
                single = replace(ev, mentions=[mention], status=mention.status, trip=None)
            pub = published.get(mention.doc) or ""
            blocks[block_key(ev)].append(_Item(single, mention, matching_interval(ev),
                                               undated_window(mention.status, pub or None), pub, position))
    merged: list[tuple[Event, list[int]]] = []
    for key in sorted(blocks):
        for cluster in _cluster_block(blocks[key]):
            merged.append((_merge(cluster), sorted({it.source for it in cluster.items})))
    merged.sort(key=lambda pair: (pair[0].start or "9999", pair[0].type, pair[0].actor.key(),
                                  len(pair[0].counterparts), pair[0].id))
    assign_trips([event for event, _ in merged])
    return merged


def unmerged(events: Iterable[Event]) -> list[Event]:
    """One record per mention (``--no-merge``), ids kept as the engines gave them."""
    out = []
    for ev in events:
        for mention in ev.mentions:
            out.append(replace(ev, mentions=[mention], status=mention.status))
    return out
