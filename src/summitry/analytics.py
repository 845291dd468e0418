"""Questions over a store: events, travel logs and days abroad, timelines, counts, exports.

Every function takes an open ``summitry.store.Store`` and returns Arrow tables (``.to_pandas()``,
``polars.from_arrow``) or plain dicts, and never prints, so the CLI and a web layer share them.

    from summitry.store import open_store
    from summitry import analytics
    store = open_store("events.duckdb")
    analytics.travel(store, "Xi Jinping", year=2022)["years"]["2022"]["days_abroad"]
    analytics.events(store, actor="Xi Jinping", country="UZB").to_pandas()

Travel semantics. A *leg* is a stay of one person in a foreign country: a visit, or a gathering or
meeting whose host country (``countries[0]``) is neither the person's nor one of its home
territories (``kb/data/home_territories.csv``). How legs make trips, days abroad and the years'
countries is ``summitry.trips``. Only occurred events count unless planned and speculated ones
are asked for; postponed and cancelled ones never do.
"""
from __future__ import annotations

import calendar
import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import pyarrow as pa

from summitry import trips
from summitry.gcpause import cycles_paused
from summitry.store import Store, canonical_name
from summitry.store.ingest import knowledge_base, store_totals

TRAVEL_STATUSES = ("occurred",)
PLANNED_STATUSES = ("occurred", "planned", "speculated")

EVENT_COLUMNS = ("id, type, status, start_date AS start, end_date AS \"end\", precision, dated_by, "
                 "actor_name AS actor, "
                 "actor_country, actor_level, counterparts, countries, place, forum, trip, n_mentions")


class QueryError(ValueError):
    """A question that cannot be asked as put (unknown country, bad date)."""


# --- names, countries, dates -------------------------------------------------------------------

def person_key(store: Store, name: str) -> str:
    """How a person is looked up in the store: the KB's canonical name, lower-cased; when the
    store knows no one by that name, the one stored person whose name has it as a word
    ("Xi" -> "xi jinping"). Several such people make the question ambiguous."""
    given = " ".join(name.split()).lower()
    # Stored names are the KB's canonical ones: a name found as given needs no knowledge base (whose
    # loading would be most of a short command's time).
    if given and store.db.rows("SELECT 1 FROM event_parties WHERE name_lc = ? LIMIT 1", [given]):
        return given
    key = canonical_name(name).lower()
    if store.db.rows("SELECT 1 FROM event_parties WHERE name_lc = ? LIMIT 1", [key]):
        return key
    word = " ".join(key.split())
    if not word:
        return key
    found = sorted(n for (n,) in store.db.rows(
        "SELECT DISTINCT name FROM event_parties WHERE strpos(' ' || name_lc || ' ', ?) > 0",
        [f" {word} "]))
    if len(found) > 1:
        raise QueryError(f"{name!r} may be any of: {', '.join(found[:10])}; give the full name")
    return found[0].lower() if found else key


def country_code(text: str) -> str:
    """ISO3 code for a code or a country name (names need the knowledge base)."""
    value = text.strip()
    kb = knowledge_base()
    country = kb.country(value) if kb is not None else None
    if country is not None:
        return country.iso3
    if len(value) == 3 and value.isalpha():
        return value.upper()
    raise QueryError(f"unknown country {text!r}: give an ISO 3166-1 alpha-3 code such as CHN")


def parse_day(value: str | date | None, what: str = "date") -> date | None:
    """A day from YYYY-MM-DD (YYYY-MM and YYYY mean their first day)."""
    if value is None or isinstance(value, date):
        return value
    text = value.strip()
    try:
        if len(text) == 4:
            return date(int(text), 1, 1)
        if len(text) == 7:
            return date(int(text[:4]), int(text[5:]), 1)
        return date.fromisoformat(text)
    except ValueError:
        raise QueryError(f"{what}: expected YYYY-MM-DD, YYYY-MM or YYYY, not {value!r}") from None


def _end_of(value: str | date | None, what: str) -> date | None:
    """The last day meant by a YYYY / YYYY-MM / YYYY-MM-DD bound."""
    if isinstance(value, str) and len(value.strip()) in (4, 7):
        first = parse_day(value, what)
        if len(value.strip()) == 4:
            return date(first.year, 12, 31)
        return date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])  # "9999-12" too
    return parse_day(value, what)


# --- events ------------------------------------------------------------------------------------

SORT_KEYS = {"date": "start_date", "end": "end_date", "type": "type", "status": "status",
             "actor": "actor_name", "country": "actor_country", "place": "place", "forum": "forum",
             "mentions": "n_mentions"}


@dataclass
class EventFilter:
    """Which fused events a question is about; every field given must hold.

    ``actor`` matches any participant (actor or counterpart); ``country`` any participant's
    country or the host/destination; ``start``/``end`` keep events whose dates overlap them
    (YYYY and YYYY-MM mean their first and last day); ``types`` and ``statuses`` any of theirs;
    ``forum`` the forum's name (case-insensitive); ``place`` part of the place's name; ``text``
    part of any participant's name, the place, the forum or a sentence reporting the event;
    ``source`` the source of a document reporting it; ``pair`` two countries both involved.
    """

    actor: str | None = None
    country: str | None = None
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    start: str | date | None = None
    end: str | date | None = None
    forum: str | None = None
    place: str | None = None
    text: str | None = None
    source: str | None = None
    pair: tuple[str, str] | None = None

    def where(self, store: Store, skip: str = "") -> tuple[str, list[Any]]:
        """A WHERE clause over ``events`` (empty when nothing is asked) and its parameters;
        ``skip`` names a field to leave out (facets count each field's values under the others)."""
        where, params = [], []

        def add(sql: str, *values: Any) -> None:
            where.append(sql)
            params.extend(values)

        if self.actor and skip != "actor":
            add("id IN (SELECT event_id FROM event_parties WHERE name_lc = ?)", person_key(store, self.actor))
        if self.country and skip != "country":
            add("id IN (SELECT event_id FROM event_parties WHERE country = ?)", country_code(self.country))
        if self.pair:
            a, b = (country_code(c) for c in self.pair)
            if a == b:
                raise QueryError(f"a pair needs two different countries, got {a} twice")
            add("id IN (SELECT event_id FROM event_parties WHERE country = ?) "
                "AND id IN (SELECT event_id FROM event_parties WHERE country = ?)", a, b)
        if self.types and skip != "type":
            add(f"type IN ({', '.join('?' * len(self.types))})", *self.types)  # cheaper than ANY(list) in DuckDB
        if self.statuses and skip != "status":
            add(f"status IN ({', '.join('?' * len(self.statuses))})", *self.statuses)
        first = parse_day(self.start, "from") if self.start else None
        last = _end_of(self.end, "to") if self.end else None
        if first and last and first > last:
            raise QueryError(f"from ({first.isoformat()}) is after to ({last.isoformat()}): nothing can match")
        if skip != "year":
            if first:
                add("COALESCE(end_date, start_date) >= ?", first)
            if last:
                add("start_date <= ?", last)
        if self.forum and skip != "forum":
            add("lower(forum) = ?", self.forum.strip().lower())
        if self.place:
            add("strpos(lower(place), ?) > 0", self.place.strip().lower())
        if self.text:
            needle = self.text.strip().lower()
            add("(id IN (SELECT event_id FROM event_parties WHERE strpos(name_lc, ?) > 0) "
                "OR strpos(lower(COALESCE(place, '')), ?) > 0 OR strpos(lower(COALESCE(forum, '')), ?) > 0 "
                "OR id IN (SELECT event_id FROM event_mentions WHERE strpos(lower(text), ?) > 0))",
                canonical_name(self.text).lower() if len(needle) > 1 else needle, needle, needle, needle)
        if self.source and skip != "source":
            add("id IN (SELECT em.event_id FROM event_mentions em JOIN documents d ON d.id = em.doc_id "
                "WHERE d.source = ?)", self.source.strip())
        return (" WHERE " + " AND ".join(where)) if where else "", params


def order_by(sort: str | None) -> str:
    """ORDER BY for a sort key ('date', '-mentions', ...): undated and empty values last, then by id."""
    key = (sort or "date").strip()
    descending = key.startswith("-")
    column = SORT_KEYS.get(key.lstrip("-"))
    if column is None:
        raise QueryError(f"sort: expected one of {', '.join(SORT_KEYS)} (with - for descending), not {sort!r}")
    direction = "DESC" if descending else "ASC"
    then = ", end_date NULLS LAST" if column == "start_date" else ", start_date NULLS LAST"
    return f" ORDER BY {column} {direction} NULLS LAST{then}, id"


def events(store: Store, *, actor: str | None = None, country: str | None = None, type: str | None = None,
           status: str | None = None, start: str | date | None = None, end: str | date | None = None
           ) -> pa.Table:
    """Fused events matching every filter given, by date (undated last); see ``EventFilter``."""
    return filtered_events(store, EventFilter(actor=actor, country=country, types=(type,) if type else (),
                                              statuses=(status,) if status else (), start=start, end=end))


def filtered_events(store: Store, query: EventFilter, sort: str | None = None) -> pa.Table:
    """The events ``query`` asks for (the listing's columns), sorted by ``sort`` (see ``order_by``)."""
    where, params = query.where(store)
    return store.db.query(f"SELECT {EVENT_COLUMNS} FROM events{where}{order_by(sort)}", params)


def event_page(store: Store, query: EventFilter, sort: str | None, offset: int, limit: int
               ) -> tuple[int, list[tuple[str, str]]]:
    """How many events ``query`` matches, and the (id, stored JSON record) of one page of them."""
    where, params = query.where(store)
    rows = store.db.rows(f"SELECT id, record, COUNT(*) OVER () FROM events{where}{order_by(sort)} LIMIT ? OFFSET ?",
                         [*params, limit, offset])
    if rows:
        return rows[0][2], [(i, r) for i, r, _ in rows]
    return store.db.rows(f"SELECT COUNT(*) FROM events{where}", params)[0][0], []


def event_records(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """The full ``summitry-event/1`` records of ``ids``, in that order."""
    found = dict(store.db.rows("SELECT id, record FROM events WHERE id = ANY(?)", [list(ids)]))
    return [json.loads(found[i]) for i in ids if i in found]


def evidence(store: Store, event_ids: list[str]) -> pa.Table:
    """The sentences behind each event, with the document each comes from."""
    return store.db.query(
        "SELECT DISTINCT em.event_id, em.doc_id, em.status, em.lang, em.start_char, em.end_char, em.text, "
        "d.published, d.source, d.url FROM event_mentions em LEFT JOIN documents d ON d.id = em.doc_id "
        "WHERE em.event_id = ANY(?) ORDER BY em.event_id, em.doc_id, em.start_char",
        [list(event_ids)])


def evidence_by_event(store: Store, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The sentences behind each event as JSON-ready dicts (dates as ISO strings), by event id."""
    found: dict[str, list[dict[str, Any]]] = {}
    for row in evidence(store, event_ids).to_pylist():
        item = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in row.items()}
        found.setdefault(item.pop("event_id"), []).append(item)
    return found


def leg_evidence(event_ids: list[str], found: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The sentences behind a leg's events, each once (one sentence may report several events)."""
    seen: dict[tuple, dict[str, Any]] = {}
    for event_id in event_ids:
        for item in found.get(event_id, []):
            seen.setdefault((item["doc_id"], item["start_char"], item["end_char"]), item)
    return list(seen.values())


def timeline(store: Store, country_a: str, country_b: str) -> pa.Table:
    """Every event involving both countries (as participants' countries or host), in date order."""
    a, b = country_code(country_a), country_code(country_b)
    if a == b:
        raise QueryError(f"a timeline needs two different countries, got {a} twice")
    return filtered_events(store, EventFilter(pair=(a, b)))


def stats(store: Store) -> dict[str, pa.Table]:
    """Counts of events by type, status, country involved and year of start (``undated``), and
    the totals of what the store holds (documents, mention events, fused events)."""
    db = store.db
    totals = store_totals(db)
    return {
        # what ingest reports the store holds, under the same names (see store_totals)
        "totals": pa.table({"what": list(totals), "n": pa.array(list(totals.values()), pa.int64())}),
        "type": db.query("SELECT type, COUNT(*) AS n FROM events GROUP BY type ORDER BY n DESC, type"),
        "status": db.query("SELECT status, COUNT(*) AS n FROM events GROUP BY status ORDER BY n DESC, status"),
        "country": db.query(
            "SELECT country, COUNT(DISTINCT event_id) AS n FROM event_parties WHERE country IS NOT NULL "
            "GROUP BY country ORDER BY n DESC, country"),
        "year": db.query(
            "SELECT COALESCE(CAST(CAST(EXTRACT(YEAR FROM start_date) AS BIGINT) AS TEXT), 'undated') AS year, "
            "COUNT(*) AS n FROM events GROUP BY 1 ORDER BY 1"),
    }


# --- travel ------------------------------------------------------------------------------------

def legs(store: Store, person: str, *, include_planned: bool = False) -> pa.Table:
    """The raw legs (one per event) of ``person`` abroad, read by the person's key."""
    statuses = list(PLANNED_STATUSES if include_planned else TRAVEL_STATUSES)
    marks = ", ".join("?" * len(statuses))
    return store.db.query(
        "SELECT event_id, person, person_country, country, place, start_date AS start, end_date AS \"end\", "
        f"precision, dated_by, status, type, trip FROM legs WHERE person_lc = ? AND status IN ({marks}) "
        "ORDER BY start_date NULLS LAST, event_id", [person_key(store, person), *statuses])


def travel(store: Store, person: str, *, year: int | None = None, include_planned: bool = False,
           before: str | date | None = None) -> dict[str, Any]:
    """Trips (with legs), countries and days abroad per year of ``person``.

    ``year`` keeps the trips that touch that year; ``before`` keeps only the last trip that
    ended before that day ("the last trip abroad before ...").
    """
    table = legs(store, person, include_planned=include_planned)
    with cycles_paused():
        rows = trips.leg_rows(table)
        found = trips.build_trips(rows)
    if year is not None:
        first, last = trips.ordinal(date(year, 1, 1)), trips.ordinal(date(year, 12, 31))
        found = [t for t in found if t["_start"] is not None and t["_start"] <= last and t["_end"] >= first]
    if before is not None:
        limit = trips.ordinal(parse_day(before, "before"))
        ended = [t for t in found if t["_end"] is not None and t["_end"] < limit]
        found = [max(ended, key=lambda t: (t["_end"], t["_start"]))] if ended else []
    people = {r["person"] for r in rows}
    return {
        "person": min(people) if people else canonical_name(person),
        "include_planned": include_planned,
        "trips": [trips.public_trip(t) for t in found],
        "years": trips.years(found, year),
        "undated_legs": trips.undated_legs(found),
    }


def days_abroad(store: Store, person: str, *, include_planned: bool = False) -> pa.Table:
    """One row per year: countries visited, distinct days abroad, legs whose days are unknown."""
    years = travel(store, person, include_planned=include_planned)["years"]
    return pa.table({
        "year": pa.array([int(y) for y in years], pa.int64()),
        "countries": pa.array([v["countries"] for v in years.values()], pa.list_(pa.string())),
        "days_abroad": pa.array([v["days_abroad"] for v in years.values()], pa.int64()),
        "legs_days_unknown": pa.array([v["legs_days_unknown"] for v in years.values()], pa.int64()),
    })


def trip_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The legs of a ``travel`` report as flat rows (trip number, leg, dates, events), the
    approximate legs (``approximate`` true) after each trip's day-precise ones."""
    return [{"trip": i, "country": leg["country"], "place": leg["place"], "start": leg["start"],
             "end": leg["end"], "precision": leg["precision"], "status": leg["status"],
             "dated_by": leg.get("dated_by"), "approximate": approx, "event_ids": leg["event_ids"]}
            for i, trip in enumerate(report["trips"], 1)
            for approx, legs_ in ((False, trip["legs"]), (True, trip.get("approximate", []))) for leg in legs_]


def trips_table(report: dict[str, Any]) -> pa.Table:
    """``trip_rows`` as a table."""
    rows = trip_rows(report)
    schema = pa.schema([("trip", pa.int64()), ("country", pa.string()), ("place", pa.string()),
                        ("start", pa.string()), ("end", pa.string()), ("precision", pa.string()),
                        ("status", pa.string()), ("dated_by", pa.string()), ("approximate", pa.bool_()),
                        ("event_ids", pa.list_(pa.string()))])
    return pa.Table.from_pylist(rows, schema=schema)


# --- export with CAMEO / PLOVER codes ---------------------------------------------------------

@lru_cache(maxsize=1)
def consult_codes() -> dict[tuple[str, str], dict[str, str]]:
    """(type, setting) -> CAMEO and PLOVER codes, from ``store/data/consult_codes.csv``."""
    text = resources.files("summitry.store").joinpath("data/consult_codes.csv").read_text("utf-8")
    return {(row["type"], row["setting"]): row for row in csv.DictReader(io.StringIO(text))}


def consult_setting(record: dict[str, Any]) -> str:
    """Where the event took place relative to its parties: the key into ``consult_codes``."""
    kind = record["type"]
    if kind == "call":
        return "any"
    host = record["countries"][0] if record.get("countries") else None
    home = (record.get("actor") or {}).get("country")
    if host is None:
        return "unknown"
    if kind == "visit":
        return "unknown" if home is None else ("home" if host == home else "abroad")
    if home == host:
        return "actor_home"
    if kind == "multilateral":
        return "abroad" if home else "unknown"
    if host in {p.get("country") for p in record.get("counterparts") or []}:
        return "counterpart_home"
    return "third" if home else "unknown"


def _target_country(record: dict[str, Any]) -> str | None:
    if record["type"] in ("meeting", "call"):
        for p in record.get("counterparts") or []:
            if p.get("country"):
                return p["country"]
    return record["countries"][0] if record.get("countries") else None


EXPORT_SCHEMA = pa.schema([
    ("id", pa.string()), ("type", pa.string()), ("status", pa.string()), ("start", pa.string()),
    ("end", pa.string()), ("precision", pa.string()), ("dated_by", pa.string()), ("actor_name", pa.string()),
    ("actor_country", pa.string()), ("actor_office", pa.string()), ("actor_level", pa.string()),
    ("counterpart_names", pa.list_(pa.string())), ("counterpart_countries", pa.list_(pa.string())),
    ("countries", pa.list_(pa.string())), ("place", pa.string()), ("forum", pa.string()),
    ("trip", pa.string()), ("source_country", pa.string()), ("target_country", pa.string()),
    ("cameo_code", pa.string()), ("cameo_label", pa.string()), ("plover_event", pa.string()),
    ("plover_mode", pa.string()), ("documents", pa.list_(pa.string())), ("n_mentions", pa.int64()),
])


def coded_record(record: dict[str, Any]) -> dict[str, Any]:
    """An event record with its CAMEO and PLOVER codes."""
    code = consult_codes()[(record["type"], consult_setting(record))]
    return {**record, "cameo_code": code["cameo"], "cameo_label": code["cameo_label"],
            "plover_event": code["plover_event"], "plover_mode": code["plover_mode"] or None}


def export_records(store: Store) -> list[dict[str, Any]]:
    """Every event (full record) with its codes, by date."""
    rows = store.db.rows("SELECT record FROM events ORDER BY start_date NULLS LAST, id")
    return [coded_record(json.loads(r)) for (r,) in rows]


def export_table(store: Store) -> pa.Table:
    """Every event as one flat row with CAMEO (040-046) and PLOVER (CONSULT + mode) codes."""
    return flat_events(export_records(store))


def flat_events(coded: Iterable[dict[str, Any]]) -> pa.Table:
    """Coded event records (``coded_record``) as flat rows of ``EXPORT_SCHEMA``."""
    out = []
    for rec in coded:
        actor = rec.get("actor") or {}
        cps = rec.get("counterparts") or []
        out.append({
            "id": rec["id"], "type": rec["type"], "status": rec["status"], "start": rec.get("start"),
            "end": rec.get("end"), "precision": rec.get("precision"), "dated_by": rec.get("dated_by"),
            "actor_name": actor.get("name"),
            "actor_country": actor.get("country"), "actor_office": actor.get("office"),
            "actor_level": actor.get("level"), "counterpart_names": [p.get("name") for p in cps],
            "counterpart_countries": [p.get("country") for p in cps], "countries": rec.get("countries") or [],
            "place": rec.get("place"), "forum": rec.get("forum"), "trip": rec.get("trip"),
            "source_country": actor.get("country"), "target_country": _target_country(rec),
            "cameo_code": rec["cameo_code"], "cameo_label": rec["cameo_label"],
            "plover_event": rec["plover_event"], "plover_mode": rec["plover_mode"],
            "documents": sorted({m["doc"] for m in rec.get("mentions") or []}),
            "n_mentions": len(rec.get("mentions") or []),
        })
    return pa.Table.from_pylist(out, schema=EXPORT_SCHEMA)
