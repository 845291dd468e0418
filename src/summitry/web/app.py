"""summitry's HTTP JSON API and web app: one WSGI application over one store.

    from summitry.web import create_app, open_readonly
    app = create_app(open_readonly("events.duckdb"))      # app(environ, start_response)

The answers come from ``summitry.analytics``, shaped as the CLI prints them with ``--format json``
(``events`` as ``--format jsonl`` records), so the CLI, the Python API and the web agree. The app
only reads. Every error reaches the client as ``{"error": "..."}`` with a 4xx/5xx status; a
failure inside the server is logged to ``wsgi.errors`` and answered 500 without details.
"""
from __future__ import annotations

import calendar
import json
import mimetypes
import re
import threading
import traceback
from collections.abc import Callable, Iterable
from datetime import date
from http import HTTPStatus
from importlib import resources
from typing import Any
from urllib.parse import parse_qs

from summitry import __version__, analytics
from summitry.records import EVENT_TYPES, STATUSES, json_schema
from summitry.store import Store, StoreError, canonical_name
from summitry.web import openapi

Response = tuple[int, list[tuple[str, str]], bytes]
StartResponse = Callable[[str, list[tuple[str, str]]], Any]

# The page loads only its own files and talks only to this server.
SECURITY_HEADERS = [
    ("Content-Security-Policy", ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                                 "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cache-Control", "no-cache"),
]
_STATIC_NAME = re.compile(r"^[A-Za-z0-9_-]+\.(html|js|css|svg|ico|png)$")
_EVENT_PATH = re.compile(r"^/api/events/([^/]+)$")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_MAX_FIELDS = 20


class HTTPError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class Query:
    """The query string of one request, checked against the parameters its endpoint declares."""

    def __init__(self, query_string: str, allowed: Iterable[str]):
        try:
            values = parse_qs(query_string, keep_blank_values=True, errors="strict", max_num_fields=_MAX_FIELDS)
        except UnicodeDecodeError:
            raise HTTPError(400, "the query string is not valid UTF-8") from None
        except ValueError:  # more fields than any endpoint takes
            raise HTTPError(400, f"too many parameters (at most {_MAX_FIELDS})") from None
        allowed = set(allowed)
        unknown = sorted(set(values) - allowed)
        if unknown:
            known = ", ".join(sorted(allowed)) or "none"
            raise HTTPError(400, f"unknown parameter {unknown[0]!r} (this endpoint takes: {known})")
        repeated = sorted(k for k, v in values.items() if len(v) > 1)
        if repeated:
            raise HTTPError(400, f"parameter {repeated[0]!r} given more than once")
        self.values = {k: v[0] for k, v in values.items()}

    def text(self, name: str, required: bool = False) -> str | None:
        value = self.values.get(name, "").strip()
        if not value:
            if required:
                raise HTTPError(400, f"parameter {name!r} is required")
            return None
        return value

    def integer(self, name: str, default: int | None, minimum: int, maximum: int) -> int | None:
        value = self.text(name)
        if value is None:
            return default
        if not re.fullmatch(r"[+-]?\d{1,9}", value):
            raise HTTPError(400, f"{name}: expected a whole number, not {value!r}")
        number = int(value)
        if not minimum <= number <= maximum:
            raise HTTPError(400, f"{name}: expected a number from {minimum} to {maximum}, not {number}")
        return number

    def flag(self, name: str) -> bool:
        value = self.values.get(name, "").strip().lower()
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        raise HTTPError(400, f"{name}: expected 1/0, true/false, yes/no or on/off, not {value!r}")

    def choice(self, name: str, choices: Iterable[str]) -> str | None:
        value = self.text(name)
        choices = tuple(choices)
        if value is not None and value not in choices:
            raise HTTPError(400, f"{name}: expected one of {', '.join(choices)}, not {value!r}")
        return value

    def first_day(self, name: str) -> date | None:
        """A day; YYYY-MM and YYYY mean their first day."""
        value = self.text(name)
        return None if value is None else analytics.parse_day(value, name)

    def last_day(self, name: str) -> date | None:
        """A day; YYYY-MM and YYYY mean their last day."""
        value = self.text(name)
        if value is None:
            return None
        first = analytics.parse_day(value, name)
        if len(value) == 4:
            return date(first.year, 12, 31)
        if len(value) == 7:
            return date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
        return first

    def country(self, name: str, required: bool = False) -> str | None:
        value = self.text(name, required)
        if value is None:
            return None
        code = analytics.country_code(value)
        if _known_country(code) is False:
            raise HTTPError(400, f"{name}: unknown country {value!r}: give an ISO 3166-1 alpha-3 code such as CHN")
        return code


class Page:
    """Which records of a listing to return, and whether with their evidence."""

    def __init__(self, query: Query):
        self.limit = query.integer("limit", openapi.DEFAULT_LIMIT, 1, openapi.MAX_LIMIT)
        self.offset = query.integer("offset", 0, 0, 10**9)
        self.evidence = query.flag("evidence")


def _known_country(code: str) -> bool | None:
    """Whether the knowledge base knows an ISO3 code (None when there is no knowledge base)."""
    try:
        from summitry.kb import get_kb
    except ImportError:
        return None
    country = get_kb().country(code)
    return country is not None and country.iso3 == code


def _json_default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def _json(status: int, body: Any) -> Response:
    data = json.dumps(body, ensure_ascii=False, default=_json_default).encode("utf-8")
    return status, [("Content-Type", "application/json; charset=utf-8")], data


def _error(status: int, message: str) -> Response:
    return _json(status, {"error": message})


def _plain(table) -> list[dict[str, Any]]:
    return [{k: _json_default(v) if hasattr(v, "isoformat") else v for k, v in row.items()}
            for row in table.to_pylist()]


def _load_static() -> dict[str, tuple[bytes, str]]:
    files: dict[str, tuple[bytes, str]] = {}
    folder = resources.files("summitry.web").joinpath("static")
    if not folder.is_dir():
        return files
    for item in folder.iterdir():
        if item.is_file() and _STATIC_NAME.match(item.name):
            kind = mimetypes.guess_type(item.name)[0] or "application/octet-stream"
            if kind.startswith("text/") or kind in ("application/javascript", "image/svg+xml"):
                kind += "; charset=utf-8"
            files[item.name] = (item.read_bytes(), kind)
    return files


class App:
    """The WSGI application. One lock serialises store access: a database connection is not
    meant to be shared by threads, and the threaded server may run several requests at once."""

    def __init__(self, store: Store):
        self.store = store
        self.lock = threading.Lock()
        self.static = _load_static()
        self.routes: dict[str, Callable[[Query], Response]] = {
            "/healthz": self.healthz,
            "/api/events": self.events,
            "/api/travel": self.travel,
            "/api/timeline": self.timeline,
            "/api/stats": self.stats,
            "/api/people": self.people,
            "/api/schema": self.schema,
            "/api/openapi.json": self.openapi,
        }

    # --- WSGI ----------------------------------------------------------------------------------

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> list[bytes]:
        method = environ.get("REQUEST_METHOD", "GET").upper()
        try:
            status, headers, body = self.respond(method, _path(environ), environ.get("QUERY_STRING", ""))
        except Exception:  # noqa: BLE001 - a fault of the server: log it, tell the client nothing of its inside
            environ["wsgi.errors"].write(traceback.format_exc())
            status, headers, body = _error(500, "internal error: see the server's log")
        headers = [*headers, ("Content-Length", str(len(body))), *SECURITY_HEADERS]
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [b"" if method == "HEAD" else body]

    def respond(self, method: str, path: str, query_string: str) -> Response:
        if method not in ("GET", "HEAD"):
            status, headers, body = _error(405, f"method {method} not allowed: this server only reads")
            return status, [*headers, ("Allow", "GET, HEAD")], body
        try:
            return self.route(path, query_string)
        except HTTPError as exc:
            return _error(exc.status, exc.message)
        except analytics.QueryError as exc:
            return _error(400, str(exc))
        except StoreError as exc:
            return _error(503, f"the store cannot answer: {exc}")

    def route(self, path: str, query_string: str) -> Response:
        if path in self.routes:
            query = Query(query_string, openapi.query_parameters(path))
            with self.lock:
                return self.routes[path](query)
        match = _EVENT_PATH.match(path)
        if match:
            Query(query_string, openapi.query_parameters("/api/events/{id}"))
            with self.lock:
                return self.event(match.group(1))
        if path in ("/", "/index.html"):
            return self.static_file("index.html")
        if path.startswith("/static/"):
            return self.static_file(path.removeprefix("/static/"))
        raise HTTPError(404, f"no such path: {path}")

    def static_file(self, name: str) -> Response:
        if name not in self.static:
            raise HTTPError(404, f"no such file: {name}")
        body, kind = self.static[name]
        return 200, [("Content-Type", kind)], body

    # --- endpoints -----------------------------------------------------------------------------

    def healthz(self, query: Query) -> Response:
        try:
            self.store.db.rows("SELECT 1")
        except Exception as exc:  # noqa: BLE001 - any driver error: the store is not answering
            return _error(503, f"the store does not answer: {type(exc).__name__}")
        return _json(200, {"status": "ok", "store": self.store.kind, "version": __version__})

    def events(self, query: Query) -> Response:
        page = Page(query)
        table = analytics.events(
            self.store, actor=query.text("actor"), country=query.country("country"),
            type=query.choice("type", EVENT_TYPES), status=query.choice("status", STATUSES),
            start=query.first_day("from"), end=query.last_day("to"))
        return _json(200, self._page(table, page))

    def timeline(self, query: Query) -> Response:
        page = Page(query)
        a, b = query.country("a", required=True), query.country("b", required=True)
        table = analytics.timeline(self.store, a, b)
        return _json(200, {"a": a, "b": b, **self._page(table, page)})

    def _page(self, table, page: Page) -> dict[str, Any]:
        """One page of the records whose ids ``table`` lists in order."""
        ids = table.column("id").slice(page.offset, page.limit).to_pylist()
        records = analytics.event_records(self.store, ids)
        if page.evidence:
            found = self._evidence(ids)
            for record in records:
                record["evidence"] = found.get(record["id"], [])
        return {"total": table.num_rows, "offset": page.offset, "limit": page.limit, "events": records}

    def _evidence(self, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        return analytics.evidence_by_event(self.store, event_ids)

    def event(self, event_id: str) -> Response:
        records = analytics.event_records(self.store, [event_id])
        if not records:
            raise HTTPError(404, f"no event with id {event_id!r}")
        record = records[0]
        record["evidence"] = self._evidence([event_id]).get(event_id, [])
        return _json(200, record)

    def travel(self, query: Query) -> Response:
        name = query.text("name", required=True)
        report = analytics.travel(self.store, name, year=query.integer("year", None, 1, 9999),
                                  include_planned=query.flag("include_planned"), before=query.first_day("before"))
        if query.flag("evidence"):
            ids = [i for trip in report["trips"] for leg in trip["legs"] for i in leg["event_ids"]]
            found = self._evidence(ids)
            for trip in report["trips"]:
                for leg in trip["legs"]:
                    leg["evidence"] = analytics.leg_evidence(leg["event_ids"], found)
        return _json(200, report)

    def stats(self, query: Query) -> Response:
        tables = analytics.stats(self.store)
        return _json(200, {k: {str(r[t.column_names[0]]): r["n"] for r in t.to_pylist()}
                           for k, t in tables.items()})

    def people(self, query: Query) -> Response:
        q = query.text("q") or ""
        limit = query.integer("limit", openapi.DEFAULT_PEOPLE, 1, openapi.MAX_PEOPLE)
        return _json(200, {"q": q, "people": suggest_people(self.store, q, limit)})

    def schema(self, query: Query) -> Response:
        return _json(200, json_schema("Event"))

    def openapi(self, query: Query) -> Response:
        return _json(200, openapi.openapi_document())


def _path(environ: dict[str, Any]) -> str:
    """PATH_INFO as text: WSGI hands it over as latin-1-decoded bytes."""
    raw = environ.get("PATH_INFO", "") or "/"
    try:
        return raw.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return raw


def suggest_people(store: Store, q: str, limit: int) -> list[dict[str, Any]]:
    """People named in the store whose name contains ``q`` (or whose usual name ``q`` is an alias
    of): names that start a word with ``q`` first, then the most reported."""
    needles = {q.strip().lower()}
    if q.strip():
        needles.add(canonical_name(q).lower())
    counts: dict[str, dict[str, int]] = {}
    for needle in needles:
        rows = store.db.rows(
            "SELECT name, country, COUNT(DISTINCT event_id) FROM event_parties "
            "WHERE name IS NOT NULL AND strpos(name_lc, ?) > 0 GROUP BY name, country", [needle])
        for name, country, n in rows:
            counts.setdefault(name, {})[country] = n

    def rank(name: str) -> tuple:
        words = re.split(r"[\s\-]+", name.lower())
        starts = any(name.lower().startswith(n) or any(w.startswith(n) for w in words) for n in needles)
        return (not starts, -sum(counts[name].values()), name)

    people = []
    for name in sorted(counts, key=rank)[:limit]:
        by_country = counts[name]
        country = max(by_country, key=lambda c: (by_country[c], c is not None, c or ""))
        people.append({"name": name, "country": country, "events": sum(by_country.values())})
    return people


def create_app(store: Store) -> App:
    """The WSGI application serving ``store`` (open it with ``open_readonly``)."""
    return App(store)
