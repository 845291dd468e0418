"""Travel logs from legs: how one person's stays abroad make trips, and trips make days abroad.

A *leg* row is one event that puts the person in a foreign country (``summitry.store`` keeps them;
a country's home territories are not foreign: ``home_territories.csv``). The rules, as an analyst
counts a log of engagements:

* **Trips.** Day-precise legs chain into one trip when the next begins at most two days after
  the last ended, that is with at most one day without a report between them: a day of travel,
  or a day abroad nobody reported. Legs that fusion gave one ``trip`` id travel together too.
* **Legs.** Within a trip, reports of one country whose days touch are one leg listing every
  event; a report known only to the month or year of a country the trip's day-precise legs
  visit is that leg's too (the same stay told loosely).
* **Days abroad.** Every day from a trip's first day-precise day to its last is a day abroad,
  the days between legs included. Each day is counted once, for one leg: the one the person is
  in that day, the one being left on a day of moving from one country to the next (it ends
  first), and on a day between legs the one before it. So a year's days abroad are the sum of
  its day-precise legs' days (``days_abroad`` of a leg, by year).
* **Approximate legs.** Legs known only to the month or year never add days abroad. They are
  listed apart (a trip's ``approximate``) and name their countries in a year only when their trip
  has no day-precise leg (a year's ``countries_approximate`` says which countries those are).
* **Dating source.** A leg's ``dated_by`` is the best of its events' (text, then context, then
  publication); a year's ``days_by_dating`` splits its days abroad by it.

Days are integers here (days since 1970-01-01): busy people have thousands of legs.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from datetime import date
from functools import lru_cache
from heapq import heappop, heappush
from typing import TYPE_CHECKING, Any

from summitry.intervals import DisjointSets, chain

if TYPE_CHECKING:
    import pyarrow as pa

# A leg starting at most this many days after the last ended continues the trip (one day between).
TRIP_GAP_DAYS = 2
# Reports of one country this many days apart (or closer) are one leg.
_LEG_GAP_DAYS = 1
_STATUS_ORDER = {"occurred": 0, "planned": 1, "speculated": 2, "postponed": 3, "cancelled": 4}
_DATING_ORDER = {"text": 0, "context": 1, "publication": 2, None: 3}
_EPOCH = date(1970, 1, 1).toordinal()


def ordinal(day: date) -> int:
    return day.toordinal() - _EPOCH


@lru_cache(maxsize=65536)
def _date(day: int) -> date:
    return date.fromordinal(day + _EPOCH)


def iso(day: int | None) -> str | None:
    return None if day is None else _date(day).isoformat()


def _year(day: int) -> int:
    return _date(day).year


def leg_rows(table: pa.Table) -> list[dict]:
    """The rows of a legs query (``analytics.legs``) as dicts with integer days (end = start when
    the report gives no end)."""
    cols = {n: table.column(n).to_pylist() for n in table.column_names if n not in ("start", "end")}
    # days since 1970 in Python: an Arrow cast would import pyarrow.compute, a third of a short
    # command's start-up
    cols["start"] = [None if d is None else ordinal(d) for d in table.column("start").to_pylist()]
    cols["end"] = [s if d is None else ordinal(d) for s, d in zip(cols["start"], table.column("end").to_pylist())]
    names = list(cols)
    return [dict(zip(names, values)) for values in zip(*cols.values())]


def _day_precise(row: dict) -> bool:
    return row["precision"] == "day" and row["start"] is not None


def build_trips(rows: list[dict]) -> list[dict]:
    """One person's leg rows grouped into trips, in date order (undated trips last)."""
    sets = DisjointSets(len(rows))
    union = sets.union
    dated = sorted((i for i, r in enumerate(rows) if _day_precise(r)), key=lambda i: rows[i]["start"])
    chain(dated, [r["start"] for r in rows], [r["end"] for r in rows], TRIP_GAP_DAYS, sets)
    by_trip: dict[str, int] = {}  # fusion's trip ids
    for i, r in enumerate(rows):
        if r["trip"]:
            if r["trip"] in by_trip:
                union(i, by_trip[r["trip"]])
            else:
                by_trip[r["trip"]] = i
    # a leg known only to the month or year joins a day-precise trip in the same country within
    # its span; same-country legs with the same vague span are one report told twice
    dated_in: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for j in dated:  # already in date order
        dated_in[rows[j]["country"]].append((rows[j]["start"], j))
    vague_seen: dict[tuple, int] = {}
    for i, r in enumerate(rows):
        if _day_precise(r):
            continue
        if r["start"] is not None:
            there = dated_in.get(r["country"], [])
            k = bisect_left(there, (r["start"], -1))
            if k < len(there) and there[k][0] <= r["end"]:
                union(i, there[k][1])
                continue
        key = (r["country"], r["start"], r["end"])
        if key in vague_seen:
            union(i, vague_seen[key])
        else:
            vague_seen[key] = i
    groups: dict[int, list[dict]] = defaultdict(list)
    for i, r in enumerate(rows):
        groups[sets.find(i)].append(r)
    trips = [_trip(members) for members in groups.values()]
    trips.sort(key=lambda t: (t["_start"] is None, t["_start"] or 0, t["_end"] or 0, t["_first_event"]))
    return trips


def _trip(members: list[dict]) -> dict:
    """A trip's rows as legs (one per country and run of touching days) and approximate legs,
    with the days each day-precise leg accounts for."""
    day = sorted((r for r in members if _day_precise(r)), key=lambda r: (r["start"], r["end"], r["country"]))
    legs: list[dict] = []
    latest: dict[str, dict] = {}  # the last leg in each country: rows come in date order
    for r in day:
        leg = latest.get(r["country"])
        if leg is not None and r["start"] <= leg["_end"] + _LEG_GAP_DAYS:
            leg["_end"] = max(leg["_end"], r["end"])
            leg["rows"].append(r)
        else:
            leg = {"country": r["country"], "_start": r["start"], "_end": r["end"], "precision": "day", "rows": [r]}
            legs.append(leg)
            latest[r["country"]] = leg
    first: dict[str, dict] = {}
    for leg in legs:
        first.setdefault(leg["country"], leg)
    approximate: list[dict] = []
    loose: dict[tuple, dict] = {}
    for r in sorted((r for r in members if not _day_precise(r)),
                    key=lambda r: (r["start"] is None, r["start"] or 0, r["country"])):
        same = first.get(r["country"])
        if same is not None:
            same["rows"].append(r)
            continue
        key = (r["country"], r["start"], r["end"])
        if key not in loose:
            loose[key] = {"country": r["country"], "_start": r["start"],
                          "_end": r["end"] if r["start"] is not None else None,
                          "precision": r["precision"] if r["start"] is not None else None, "rows": []}
            approximate.append(loose[key])
        loose[key]["rows"].append(r)
    legs.sort(key=lambda leg: (leg["_start"], leg["_end"], leg["country"]))
    approximate.sort(key=lambda leg: (leg["_start"] is None, leg["_start"] or 0, leg["country"]))
    days = _days_of_legs(legs)
    ends = legs or [leg for leg in approximate if leg["_start"] is not None]
    first_event = min(r["event_id"] for r in members)
    return {
        "legs": [_public_leg(leg, days[k]) for k, leg in enumerate(legs)],
        "approximate": [_public_leg(leg, None) for leg in approximate],
        "_legs": legs, "_approximate": approximate, "_days": days, "_first_event": first_event,
        "_start": min(leg["_start"] for leg in ends) if ends else None,
        "_end": max(leg["_end"] for leg in ends) if ends else None,
    }


def _days_of_legs(legs: list[dict]) -> list[list[int]]:
    """The days of a trip each day-precise leg accounts for (legs in date order): every day from
    the first to the last, once. A day goes to a leg that covers it, the one that ends first (the
    country being left on a day of moving on; of two ending together, the one entered last); a
    day no leg covers, to the leg before it."""
    days: list[list[int]] = [[] for _ in legs]
    if not legs:
        return days
    active: list[tuple[int, int, int]] = []  # (end, -start, k) of the legs begun by the day
    nxt, previous = 0, 0
    for d in range(legs[0]["_start"], max(leg["_end"] for leg in legs) + 1):
        while nxt < len(legs) and legs[nxt]["_start"] <= d:
            heappush(active, (legs[nxt]["_end"], -legs[nxt]["_start"], nxt))
            nxt += 1
        while active and active[0][0] < d:
            heappop(active)
        if active:
            previous = active[0][2]
        days[previous].append(d)
    return days


def _public_leg(leg: dict, days: list[int] | None) -> dict[str, Any]:
    rows = leg["rows"]
    out = {
        "country": leg["country"],
        "place": _usual_place(rows),
        "start": iso(leg["_start"]),
        "end": iso(leg["_end"]),
        "precision": leg["precision"],
        "status": rows[0]["status"] if len(rows) == 1 else
        min((r["status"] for r in rows), key=_STATUS_ORDER.__getitem__),
        "event_ids": [rows[0]["event_id"]] if len(rows) == 1 else sorted({r["event_id"] for r in rows}),
        "dated_by": min((r.get("dated_by") for r in rows), key=_DATING_ORDER.__getitem__),
    }
    if days is not None:
        out["days_abroad"] = _by_year(days)
    return out


def _by_year(days: list[int]) -> dict[str, int]:
    """How many of ``days`` (in order) fall in each year."""
    if not days:
        return {}
    if _year(days[0]) == _year(days[-1]):
        return {str(_year(days[0])): len(days)}
    return {str(y): n for y, n in sorted(Counter(_year(d) for d in days).items())}


def _usual_place(rows: list[dict]) -> str | None:
    """The place most reports of a leg give (alphabetically first among equals)."""
    places = [r["place"] for r in rows if r["place"]]
    if len(set(places)) <= 1:
        return places[0] if places else None
    counts = Counter(places)
    top = max(counts.values())
    return min(p for p, n in counts.items() if n == top)


def years(trips: list[dict], only: int | None = None) -> dict[str, dict[str, Any]]:
    """Countries, days abroad (split by dating source) and legs of unknown days, by year."""
    abroad: Counter = Counter()  # a trip's days are counted once, for one leg, and trips never overlap
    by_dating: dict[int, Counter] = defaultdict(Counter)
    countries: dict[int, set[str]] = defaultdict(set)
    approximate: dict[int, set[str]] = defaultdict(set)
    unknown: Counter = Counter()
    for trip in trips:
        for leg, days, public in zip(trip["_legs"], trip["_days"], trip["legs"]):
            for y in range(_year(leg["_start"]), _year(leg["_end"]) + 1):
                countries[y].add(leg["country"])
            for y, n in public["days_abroad"].items():
                abroad[int(y)] += n
                by_dating[int(y)][public["dated_by"] or "none"] += n
        for leg in trip["_approximate"]:
            if leg["_start"] is None:
                continue
            unknown[_year(leg["_start"])] += 1
            if not trip["_legs"]:
                for y in range(_year(leg["_start"]), _year(leg["_end"]) + 1):
                    approximate[y].add(leg["country"])
    wanted = sorted(set(countries) | set(approximate) | set(abroad) | set(unknown))
    if only is not None:
        wanted = [y for y in wanted if y == only]
    return {str(y): {"countries": sorted(countries[y] | approximate[y]),
                     "countries_approximate": sorted(approximate[y] - countries[y]),
                     "days_abroad": abroad[y],
                     "days_by_dating": dict(sorted(by_dating[y].items(), key=lambda kv: _DATING_ORDER.get(kv[0], 3))),
                     "legs_days_unknown": unknown[y]} for y in wanted}


def public_trip(trip: dict) -> dict[str, Any]:
    """A trip as the travel report gives it."""
    shown = trip["legs"] or trip["approximate"]
    counted: Counter = Counter()
    for leg in trip["legs"]:
        counted.update(leg["days_abroad"])
    return {"start": iso(trip["_start"]), "end": iso(trip["_end"]),
            "countries": list(dict.fromkeys(leg["country"] for leg in shown)),
            "legs": trip["legs"], "approximate": trip["approximate"],
            "days_abroad": dict(sorted(counted.items()))}


def undated_legs(trips: list[dict]) -> int:
    return sum(1 for t in trips for leg in t["_approximate"] if leg["_start"] is None)
