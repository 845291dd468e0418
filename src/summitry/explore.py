"""Questions an analyst browsing a store asks: name search, facets, counts by country and over
time, who met whom, a person's and a country's profile, a person's trips on a map.

Like ``summitry.analytics`` (whose filters, names and travel rules these reuse), every function
takes an open ``Store``, returns JSON-ready dicts and lists, and never prints.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date
from functools import lru_cache
from typing import Any

from summitry import analytics, geo
from summitry.analytics import EventFilter, QueryError
from summitry.store import Store, canonical_name
from summitry.store.ingest import knowledge_base

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
FACETS = ("type", "status", "forum", "country", "year", "source")
MEETING_TYPES = ("meeting",)


# --- names -----------------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def name_needles(text: str) -> tuple[str, ...]:
    """What to look for in the store's (English, canonical) names for what a user typed: the text,
    its canonical form, and for Chinese text the canonical names of the knowledge base's people
    whose Chinese name or aliases contain it ('习' finds 'xi jinping'), all lower-case."""
    text = text.strip()
    if not text:
        return ()
    needles = {text.lower(), canonical_name(text).lower()}
    kb = knowledge_base()
    if kb is not None and _CJK.search(text):
        for person in kb.people.values():
            if text in person.name_zh or any(text in alias for alias in person.aliases):
                needles.add(person.name.lower())
    return tuple(sorted(needles))


def suggest_people(store: Store, q: str, limit: int) -> list[dict[str, Any]]:
    """People named in the store whose name contains ``q`` (see ``name_needles``): names with a
    word starting with it first, then the most reported."""
    needles = name_needles(q)
    counts: dict[str, Counter] = defaultdict(Counter)
    sql = ("SELECT name, country, COUNT(DISTINCT event_id) FROM event_parties WHERE name IS NOT NULL{} "
           "GROUP BY name, country")
    if needles:
        rows = store.db.rows(sql.format(" AND (" + " OR ".join(["strpos(name_lc, ?) > 0"] * len(needles)) + ")"),
                             list(needles))
    else:
        rows = store.db.rows(sql.format(""))
    for name, country, n in rows:
        counts[name][country] += n

    def rank(name: str) -> tuple:
        lower = name.lower()
        words = re.split(r"[\s\-]+", lower)
        starts = any(lower.startswith(n) or any(w.startswith(n) for w in words) for n in needles)
        return (bool(needles) and not starts, -sum(counts[name].values()), name)

    people = []
    for name in sorted(counts, key=rank)[:limit]:
        by_country = counts[name]
        country = max(by_country, key=lambda c: (by_country[c], c is not None, c or ""))
        people.append({"name": name, "country": country, "events": sum(by_country.values())})
    return people


# --- facets and counts -----------------------------------------------------------------------------

def _in_filter(store: Store, query: EventFilter, skip: str = "") -> tuple[str, list[Any]]:
    where, params = query.where(store, skip)
    return f"SELECT id FROM events{where}", params


def facets(store: Store, query: EventFilter, size: int = 50) -> dict[str, Any]:
    """The number of events matching ``query`` and, for each facet, the count of each value among
    the events matching every other filter (so that a chosen value's alternatives stay visible)."""
    db = store.db
    total_where, total_params = query.where(store)
    total = db.rows(f"SELECT COUNT(*) FROM events{total_where}", total_params)[0][0]
    out: dict[str, list[dict[str, Any]]] = {}
    for facet in FACETS:
        ids, params = _in_filter(store, query, skip=facet)
        if facet in ("type", "status", "forum"):
            rows = db.rows(f"SELECT {facet}, COUNT(*) AS n FROM events WHERE id IN ({ids}) AND {facet} IS NOT NULL "
                           f"GROUP BY {facet} ORDER BY n DESC, {facet} LIMIT ?", [*params, size])
        elif facet == "country":
            rows = db.rows(f"SELECT country, COUNT(DISTINCT event_id) AS n FROM event_parties WHERE country IS NOT NULL "
                           f"AND event_id IN ({ids}) GROUP BY country ORDER BY n DESC, country LIMIT ?",
                           [*params, size])
        elif facet == "year":
            rows = db.rows(f"SELECT CAST(EXTRACT(YEAR FROM start_date) AS BIGINT) AS y, COUNT(*) AS n FROM events "
                           f"WHERE id IN ({ids}) GROUP BY y ORDER BY y", params)
            rows = [(str(y) if y is not None else "undated", n) for y, n in rows]
        else:
            rows = db.rows(f"SELECT d.source, COUNT(DISTINCT em.event_id) AS n FROM event_mentions em "
                           f"JOIN documents d ON d.id = em.doc_id WHERE d.source IS NOT NULL AND em.event_id IN ({ids}) "
                           f"GROUP BY d.source ORDER BY n DESC, d.source LIMIT ?", [*params, size])
        out[facet] = [{"value": value, "count": n} for value, n in rows]
    return {"total": total, "facets": out}


ROLES = {"any": ("actor", "counterpart", "host"), "host": ("host",), "participant": ("actor", "counterpart")}


def country_counts(store: Store, query: EventFilter, role: str = "any") -> list[dict[str, Any]]:
    """Events matching ``query`` by country (as a participant's country, the host, or either),
    with each country's name, numeric code and point: what a world map colours."""
    ids, params = _in_filter(store, query)
    rows = store.db.rows(
        f"SELECT country, COUNT(DISTINCT event_id) AS n FROM event_parties WHERE country IS NOT NULL "
        f"AND role = ANY(?) AND event_id IN ({ids}) GROUP BY country ORDER BY n DESC, country",
        [list(ROLES[role]), *params])
    out = []
    for code, n in rows:
        info = geo.country(code) or {}
        out.append({"country": code, "name": info.get("name"), "numeric": info.get("numeric"),
                    "lat": info.get("lat"), "lon": info.get("lon"), "events": n})
    return out


BUCKETS = ("year", "month", "week")


def time_series(store: Store, query: EventFilter, bucket: str = "month") -> dict[str, Any]:
    """Events matching ``query`` by period of their start (a year, YYYY-MM or an ISO week YYYY-Www),
    type and status; undated events are counted apart."""
    if bucket not in BUCKETS:
        raise QueryError(f"bucket: expected one of {', '.join(BUCKETS)}, not {bucket!r}")
    ids, params = _in_filter(store, query)
    parts = {"year": "EXTRACT(YEAR FROM start_date)", "month": "EXTRACT(MONTH FROM start_date)",
             "week": "EXTRACT(WEEK FROM start_date)", "isoyear": "EXTRACT(ISOYEAR FROM start_date)"}
    keys = ["year"] if bucket == "year" else (["year", "month"] if bucket == "month" else ["isoyear", "week"])
    columns = ", ".join(f"CAST({parts[k]} AS BIGINT) AS {k}" for k in keys)
    rows = store.db.rows(
        f"SELECT {columns}, type, status, COUNT(*) AS n FROM events WHERE id IN ({ids}) AND start_date IS NOT NULL "
        f"GROUP BY {', '.join(keys)}, type, status ORDER BY {', '.join(keys)}, type, status", params)
    series = []
    for row in rows:
        *period, kind, status, n = row
        label = (f"{period[0]:04d}" if bucket == "year" else
                 f"{period[0]:04d}-{period[1]:02d}" if bucket == "month" else f"{period[0]:04d}-W{period[1]:02d}")
        series.append({"period": label, "type": kind, "status": status, "events": n})
    undated = store.db.rows(f"SELECT type, status, COUNT(*) FROM events WHERE id IN ({ids}) AND start_date IS NULL "
                            "GROUP BY type, status ORDER BY type, status", params)
    return {"bucket": bucket, "series": series,
            "undated": [{"type": t, "status": s, "events": n} for t, s, n in undated]}


# --- who met whom ----------------------------------------------------------------------------------

def network(store: Store, query: EventFilter, limit: int = 100) -> dict[str, Any]:
    """Who met whom among the events matching ``query`` (meetings unless ``query`` names types):
    people as nodes sized by the number of those events they took part in, and an edge for each
    pair who met, weighted by how many times; the ``limit`` people with the most meetings."""
    if not query.types:
        query = EventFilter(**{**query.__dict__, "types": MEETING_TYPES})
    ids, params = _in_filter(store, query)
    rows = store.db.rows(
        f"SELECT event_id, name, country FROM event_parties WHERE role IN ('actor', 'counterpart') "
        f"AND name IS NOT NULL AND event_id IN ({ids}) ORDER BY event_id, name", params)
    people: dict[str, set[str]] = defaultdict(set)
    country_of: dict[str, Counter] = defaultdict(Counter)
    by_event: dict[str, list[str]] = defaultdict(list)
    for event_id, name, country in rows:
        people[name].add(event_id)
        country_of[name][country] += 1
        if name not in by_event[event_id]:
            by_event[event_id].append(name)
    kept = sorted(people, key=lambda n: (-len(people[n]), n))[:limit]
    keep = set(kept)
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event_id, names in by_event.items():
        present = sorted(n for n in names if n in keep)
        for i, a in enumerate(present):
            for b in present[i + 1:]:
                edges[(a, b)].append(event_id)
    return {
        "nodes": [{"name": n, "country": _usual(country_of[n]), "meetings": len(people[n])} for n in kept],
        "edges": [{"source": a, "target": b, "meetings": len(ev), "event_ids": ev[:20]}
                  for (a, b), ev in sorted(edges.items(), key=lambda item: (-len(item[1]), item[0]))],
        "people": len(people),
    }


def _usual(counts: Counter) -> str | None:
    known = {c: n for c, n in counts.items() if c}
    return max(known, key=lambda c: (known[c], c)) if known else None


# --- a person --------------------------------------------------------------------------------------

def person_profile(store: Store, name: str, before: str | date | None = None, counterparts: int = 20
                   ) -> dict[str, Any]:
    """A person: offices held (from the knowledge base), events and trips by year with days
    abroad, the people met most often, and the last trip that ended before ``before`` (the latest
    trip when not given)."""
    key = analytics.person_key(store, name)
    db = store.db
    found = db.rows("SELECT name, country, COUNT(DISTINCT event_id) FROM event_parties WHERE name_lc = ? "
                    "GROUP BY name, country", [key])
    stored_name = found[0][0] if found else canonical_name(name)
    countries = Counter({c: n for _, c, n in found})
    events = db.rows("SELECT COUNT(DISTINCT event_id) FROM event_parties WHERE name_lc = ?", [key])[0][0]
    span = db.rows("SELECT MIN(e.start_date), MAX(COALESCE(e.end_date, e.start_date)) FROM events e "
                   "WHERE e.id IN (SELECT event_id FROM event_parties WHERE name_lc = ?)", [key])[0]
    per_year = dict(db.rows(
        "SELECT CAST(EXTRACT(YEAR FROM start_date) AS BIGINT) AS y, COUNT(*) FROM events "
        "WHERE id IN (SELECT event_id FROM event_parties WHERE name_lc = ?) AND start_date IS NOT NULL GROUP BY y",
        [key]))
    travel = analytics.travel(store, stored_name)
    trips_per_year: Counter = Counter()
    for trip in travel["trips"]:
        if trip["start"]:
            trips_per_year[int(trip["start"][:4])] += 1
    years = sorted({*per_year, *trips_per_year, *(int(y) for y in travel["years"])})
    by_year = []
    for y in years:
        abroad = travel["years"].get(str(y), {})
        by_year.append({"year": y, "events": per_year.get(y, 0), "trips": trips_per_year.get(y, 0),
                        "days_abroad": abroad.get("days_abroad", 0),
                        "legs_days_unknown": abroad.get("legs_days_unknown", 0),
                        "countries": abroad.get("countries", [])})
    met = db.rows(
        "SELECT p.name, p.country, COUNT(DISTINCT p.event_id) AS n FROM event_parties p "
        "WHERE p.role IN ('actor', 'counterpart') AND p.name IS NOT NULL AND p.name_lc <> ? AND p.event_id IN "
        "(SELECT event_id FROM event_parties WHERE name_lc = ? AND role IN ('actor', 'counterpart')) "
        "GROUP BY p.name, p.country ORDER BY n DESC, p.name LIMIT ?", [key, key, counterparts])
    last = analytics.travel(store, stored_name, before=before or date(9999, 12, 31))["trips"]
    kb_person = _kb_person(stored_name)
    return {
        "name": stored_name,
        "name_zh": kb_person.name_zh if kb_person else None,
        "country": kb_person.country if kb_person else _usual(countries),
        "in_knowledge_base": kb_person is not None,
        "offices": _offices(kb_person),
        "events": events,
        "first": span[0].isoformat() if span[0] else None,
        "last": span[1].isoformat() if span[1] else None,
        "years": by_year,
        "undated_legs": travel["undated_legs"],
        "counterparts": [{"name": n, "country": c, "meetings": k} for n, c, k in met],
        "last_trip": last[0] if last else None,
        "last_trip_before": analytics.parse_day(before, "before").isoformat() if before else None,
    }


def _kb_person(name: str):
    kb = knowledge_base()
    return kb.person(name) if kb is not None else None


def _offices(person) -> list[dict[str, Any]]:
    if person is None:
        return []
    terms = sorted(person.terms, key=lambda t: (t.start, t.office), reverse=True)
    return [{"office": t.office, "title": t.title, "country": t.country, "organisation": t.organisation,
             "level": t.level,
             "region": t.region, "start": t.start.isoformat(), "end": t.end.isoformat() if t.end else None}
            for t in terms]


# --- a country -------------------------------------------------------------------------------------

LEADER_LEVELS = ("head_of_state", "head_of_government", "foreign_minister")


def country_profile(store: Store, country: str, query: EventFilter | None = None, top: int = 15
                    ) -> dict[str, Any]:
    """A country: visits by its people abroad (out) and by foreigners to it (in), by country;
    its leaders (heads of state and government and foreign ministers, from the knowledge base)
    and its people most reported in the store; the countries it has most events with."""
    code = analytics.country_code(country)
    db = store.db
    query = query or EventFilter()
    ids, params = _in_filter(store, query)
    involving = f"SELECT event_id FROM event_parties WHERE country = ? AND event_id IN ({ids})"
    total = db.rows(f"SELECT COUNT(DISTINCT event_id) FROM ({involving}) AS x", [code, *params])[0][0]
    occurred = list(analytics.TRAVEL_STATUSES)
    visits_in = db.rows(
        f"SELECT COALESCE(person_country, '?') AS c, COUNT(DISTINCT event_id) AS n FROM legs WHERE country = ? "
        f"AND status = ANY(?) AND event_id IN ({ids}) GROUP BY c ORDER BY n DESC, c LIMIT ?",
        [code, occurred, *params, top])
    visits_out = db.rows(
        f"SELECT country, COUNT(DISTINCT event_id) AS n FROM legs WHERE person_country = ? AND status = ANY(?) "
        f"AND event_id IN ({ids}) GROUP BY country ORDER BY n DESC, country LIMIT ?",
        [code, occurred, *params, top])
    partners = db.rows(
        f"SELECT country, COUNT(DISTINCT event_id) AS n FROM event_parties WHERE country IS NOT NULL "
        f"AND country <> ? AND event_id IN ({involving}) GROUP BY country ORDER BY n DESC, country LIMIT ?",
        [code, code, *params, top])
    people = db.rows(
        f"SELECT name, COUNT(DISTINCT event_id) AS n FROM event_parties WHERE country = ? AND name IS NOT NULL "
        f"AND event_id IN ({ids}) GROUP BY name ORDER BY n DESC, name LIMIT ?", [code, *params, top])
    info = geo.country(code) or {"iso3": code, "name": None, "numeric": None, "lat": None, "lon": None}
    return {
        "country": code, **{k: v for k, v in info.items() if k != "iso3"},
        "events": total,
        "visits_in": [{"country": c, "visits": n} for c, n in visits_in],
        "visits_out": [{"country": c, "visits": n} for c, n in visits_out],
        "top_partners": [{"country": c, "events": n} for c, n in partners],
        "people": [{"name": n, "events": k} for n, k in people],
        "leaders": list(_leaders(code)),
    }


@lru_cache(maxsize=512)
def _leaders(code: str) -> tuple[dict[str, Any], ...]:
    kb = knowledge_base()
    if kb is None:
        return ()
    out = []
    for person in kb.people.values():
        for t in person.terms:
            if t.country == code and t.level in LEADER_LEVELS and t.region is None:
                out.append({"name": person.name, "name_zh": person.name_zh, "office": t.office, "title": t.title,
                            "level": t.level, "start": t.start.isoformat(),
                            "end": t.end.isoformat() if t.end else None})
    # by level; within one, current holders first, then the most recent terms
    out.sort(key=lambda r: (LEADER_LEVELS.index(r["level"]), r["end"] is not None,
                            -int(r["start"].replace("-", ""))))
    return tuple(out)


# --- a person's trips on a map -----------------------------------------------------------------------

def travel_map(store: Store, name: str, *, year: int | None = None, include_planned: bool = False,
               before: str | date | None = None) -> dict[str, Any]:
    """A person's trips (as ``analytics.travel``) with a point for each leg (its place, else the
    country's capital) and for the person's home country, to draw as lines on a world map."""
    report = analytics.travel(store, name, year=year, include_planned=include_planned, before=before)
    kb_person = _kb_person(report["person"])
    home_code = kb_person.country if kb_person else None
    if home_code is None:
        rows = store.db.rows("SELECT person_country, COUNT(*) AS n FROM legs WHERE person_lc = ? AND "
                             "person_country IS NOT NULL GROUP BY person_country ORDER BY n DESC LIMIT 1",
                             [analytics.person_key(store, name)])
        home_code = rows[0][0] if rows else None
    home = geo.country(home_code)
    legs = []
    for number, trip in enumerate(report["trips"], 1):
        for leg in (*trip["legs"], *trip["approximate"]):  # approximate legs (month, year) too: placed, no days
            info = geo.country(leg["country"]) or {}
            legs.append({"trip": number, **leg, "country_name": info.get("name"),
                         "numeric": info.get("numeric"), **geo.point(leg["place"], leg["country"])})
    return {
        "person": report["person"],
        "home": None if home is None else {"country": home_code, "name": home["name"], "numeric": home["numeric"],
                                           "lat": home["lat"], "lon": home["lon"]},
        "include_planned": include_planned,
        "trips": len(report["trips"]),
        "legs": legs,
    }
