"""The OpenAPI 3.1 description of summitry's HTTP API.

The application reads the query parameters each endpoint accepts from this document, so the
description and the server cannot drift apart. The event record schema is the one
``summitry.records.json_schema()`` generates; its ``$defs`` become components.
"""
from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

from summitry import __version__
from summitry.records import EVENT_TYPES, STATUSES, json_schema

MAX_LIMIT = 1000          # events per page at most
DEFAULT_LIMIT = 100
MAX_PEOPLE = 50           # name suggestions at most
DEFAULT_PEOPLE = 10

_REF = "#/components/schemas/"
_DATE = {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$", "examples": ["2022-09-14", "2022-09", "2022"]}
_ISO_DAY = {"type": ["string", "null"], "format": "date"}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": _REF + name}


def _param(name: str, description: str, schema: dict[str, Any], required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "description": description, "schema": schema}


def _country_param(name: str, description: str, required: bool = False) -> dict[str, Any]:
    return _param(name, description + " An ISO 3166-1 alpha-3 code (or a country name the knowledge base "
                                      "knows).", {"type": "string", "examples": ["CHN"]}, required)


_PAGE_PARAMS = [
    _param("limit", f"Records per page (default {DEFAULT_LIMIT}, at most {MAX_LIMIT}).",
           {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT}),
    _param("offset", "Records to skip (default 0).", {"type": "integer", "minimum": 0, "default": 0}),
]
_FLAG = {"type": "string", "enum": ["1", "0", "true", "false", "yes", "no", "on", "off", ""]}
_EVIDENCE_PARAM = _param(
    "evidence", "Add an `evidence` list to each record: every sentence behind it with its document's "
                "id, language, publication date, source and URL.", _FLAG)


def _json_response(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_BAD_REQUEST = {"400": {"$ref": "#/components/responses/BadRequest"}}


def _get(summary: str, description: str, parameters: list[dict[str, Any]], ok: dict[str, Any],
         errors: dict[str, Any] | None = None, operation_id: str = "") -> dict[str, Any]:
    return {"get": {"operationId": operation_id, "summary": summary, "description": description,
                    "parameters": parameters, "responses": {"200": ok, **(errors or {})}}}


def _components() -> dict[str, Any]:
    event = copy.deepcopy(json_schema("Event"))
    defs = event.pop("$defs", {})
    for key in ("$schema", "$id"):
        event.pop(key, None)
    schemas: dict[str, Any] = {name: body for name, body in defs.items()}
    schemas["Event"] = event
    # the record allows no other keys, so the variant with evidence is a copy with one more
    with_evidence = copy.deepcopy(event)
    with_evidence["description"] = "An event record with the sentences behind it (`evidence=1`)."
    with_evidence["properties"]["evidence"] = {"type": "array", "items": {"$ref": "#/$defs/Evidence"}}
    schemas["EventWithEvidence"] = with_evidence
    _rewrite_refs(schemas)
    schemas.update({
        "Error": {"type": "object", "required": ["error"], "additionalProperties": False,
                  "properties": {"error": {"type": "string", "description": "What was wrong, for a person."}}},
        "Evidence": {
            "type": "object", "description": "One sentence behind an event and the document it comes from.",
            "required": ["doc_id", "status", "lang", "start_char", "end_char", "text"],
            "properties": {
                "doc_id": {"type": "string"}, "status": {"type": "string", "enum": list(STATUSES)},
                "lang": {"type": ["string", "null"]}, "start_char": {"type": "integer"},
                "end_char": {"type": "integer"}, "text": {"type": "string"},
                "published": {"type": ["string", "null"]}, "source": {"type": ["string", "null"]},
                "url": {"type": ["string", "null"]}}},
        "EventPage": {
            "type": "object", "required": ["total", "offset", "limit", "events"],
            "properties": {
                "total": {"type": "integer", "description": "Records matching the filters, on every page."},
                "offset": {"type": "integer"}, "limit": {"type": "integer"},
                "events": {"type": "array", "items": _ref("EventWithEvidence"),
                           "description": "summitry-event/1 records, by date (undated last)."}}},
        "Timeline": {"allOf": [_ref("EventPage"), {
            "type": "object", "required": ["a", "b"],
            "properties": {"a": {"type": "string", "pattern": "^[A-Z]{3}$"},
                           "b": {"type": "string", "pattern": "^[A-Z]{3}$"}}}]},
        "Leg": {
            "type": "object", "description": "A stay in one foreign country.",
            "required": ["country", "place", "start", "end", "precision", "status", "event_ids"],
            "properties": {
                "country": {"type": "string"}, "place": {"type": ["string", "null"]},
                "start": _ISO_DAY, "end": _ISO_DAY, "precision": {"type": ["string", "null"]},
                "status": {"type": "string"}, "event_ids": {"type": "array", "items": {"type": "string"}},
                "evidence": {"type": "array", "items": _ref("Evidence"),
                             "description": "The sentences behind the leg's events, each once."}}},
        "Trip": {
            "type": "object", "required": ["start", "end", "countries", "legs"],
            "properties": {"start": _ISO_DAY, "end": _ISO_DAY,
                           "countries": {"type": "array", "items": {"type": "string"}},
                           "legs": {"type": "array", "items": _ref("Leg")}}},
        "TravelYear": {
            "type": "object", "required": ["countries", "days_abroad", "legs_days_unknown"],
            "properties": {
                "countries": {"type": "array", "items": {"type": "string"}},
                "days_abroad": {"type": "integer", "description": "Distinct days covered by day-precise legs."},
                "legs_days_unknown": {"type": "integer",
                                      "description": "Legs known only to the month or year."}}},
        "TravelReport": {
            "type": "object", "required": ["person", "include_planned", "trips", "years", "undated_legs"],
            "properties": {
                "person": {"type": "string"}, "include_planned": {"type": "boolean"},
                "trips": {"type": "array", "items": _ref("Trip")},
                "years": {"type": "object", "additionalProperties": _ref("TravelYear"),
                          "description": "Keyed by year (YYYY)."},
                "undated_legs": {"type": "integer"}}},
        "Stats": {
            "type": "object", "required": ["totals", "type", "status", "country", "year"],
            "description": "Counts: totals (documents, mention_events, events) and events by type, status, "
                           "country involved and year of start ('undated' when none).",
            "properties": {k: {"type": "object", "additionalProperties": {"type": "integer"}}
                           for k in ("totals", "type", "status", "country", "year")}},
        "People": {
            "type": "object", "required": ["q", "people"],
            "properties": {
                "q": {"type": "string"},
                "people": {"type": "array", "items": {
                    "type": "object", "required": ["name", "country", "events"],
                    "properties": {"name": {"type": "string"}, "country": {"type": ["string", "null"]},
                                   "events": {"type": "integer"}}}}}},
        "Health": {
            "type": "object", "required": ["status", "store", "version"],
            "properties": {"status": {"type": "string", "enum": ["ok"]}, "store": {"type": "string"},
                           "version": {"type": "string"}}},
    })
    return schemas


def _rewrite_refs(node: Any) -> None:
    """Point the event schema's ``#/$defs/X`` references at the components."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            node["$ref"] = _REF + ref.removeprefix("#/$defs/")
        for value in node.values():
            _rewrite_refs(value)
    elif isinstance(node, list):
        for value in node:
            _rewrite_refs(value)


@lru_cache(maxsize=1)
def _document() -> dict[str, Any]:
    filters = [
        _param("actor", "Any participant (actor or counterpart), by name or alias.", {"type": "string"}),
        _country_param("country", "Any participant's country, or the host or destination."),
        _param("type", "Event type.", {"type": "string", "enum": list(EVENT_TYPES)}),
        _param("status", "Event status.", {"type": "string", "enum": list(STATUSES)}),
        _param("from", "Events ending on or after this day (YYYY or YYYY-MM mean their first day).", _DATE),
        _param("to", "Events starting on or before this day (YYYY or YYYY-MM mean their last day).", _DATE),
    ]
    paths = {
        "/healthz": _get("Liveness", "The server is up and its store answers.", [],
                         _json_response("Up.", _ref("Health")),
                         {"503": _json_response("The store does not answer.", _ref("Error"))}, "health"),
        "/api/events": _get(
            "Events, filtered", "Fused events matching every filter given, by date (undated last), a page at "
            "a time; as `summitry events --format jsonl`.", [*filters, *_PAGE_PARAMS, _EVIDENCE_PARAM],
            _json_response("A page of event records.", _ref("EventPage")), _BAD_REQUEST, "listEvents"),
        "/api/events/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"},
                            "description": "Event id (`ev_...`)."}],
            **_get("One event with its evidence",
                   "The event record and `evidence`: every sentence reporting it with its document.", [],
                   _json_response("The record.", _ref("EventWithEvidence")),
                   {"404": {"$ref": "#/components/responses/NotFound"}}, "getEvent")},
        "/api/travel": _get(
            "A person's trips abroad", "Trips with their legs, countries and distinct days abroad per year; "
            "the JSON of `summitry travel --format json`.",
            [_param("name", "The person, by name or alias.", {"type": "string", "minLength": 1}, True),
             _param("year", "Only trips that touch this year.", {"type": "integer", "minimum": 1, "maximum": 9999}),
             _param("before", "Only the last trip that ended before this day.", _DATE),
             _param("include_planned", "Also planned and speculated trips.", _FLAG),
             _param("evidence", "Add to each leg the sentences behind it.", _FLAG)],
            _json_response("The travel report.", _ref("TravelReport")), _BAD_REQUEST, "travel"),
        "/api/timeline": _get(
            "Events between two countries", "Every event involving both countries (as a participant's "
            "country or the host or destination), by date.",
            [_country_param("a", "The first country.", True), _country_param("b", "The second country.", True),
             *_PAGE_PARAMS, _EVIDENCE_PARAM],
            _json_response("A page of event records.", _ref("Timeline")), _BAD_REQUEST, "timeline"),
        "/api/stats": _get("Counts", "As `summitry stats --format json`.", [],
                           _json_response("Counts.", _ref("Stats")), None, "stats"),
        "/api/people": _get(
            "Name suggestions", "People named in the store whose name contains `q` (case-insensitive; a "
            "known alias finds the usual name), the most reported first.",
            [_param("q", "Part of a name; empty for the most reported people.", {"type": "string"}),
             _param("limit", f"Suggestions at most (default {DEFAULT_PEOPLE}).",
                    {"type": "integer", "minimum": 1, "maximum": MAX_PEOPLE, "default": DEFAULT_PEOPLE})],
            _json_response("Suggestions.", _ref("People")), _BAD_REQUEST, "people"),
        "/api/schema": _get("The event record's JSON Schema", "summitry-event/1 as JSON Schema 2020-12.", [],
                            _json_response("The schema.", {"type": "object"}), None, "eventSchema"),
        "/api/openapi.json": _get("This document", "The OpenAPI 3.1 description of the API.", [],
                                  _json_response("The document.", {"type": "object"}), None, "openapi"),
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "summitry",
            "version": __version__,
            "summary": "Diplomatic events (visits, meetings, summits, calls) extracted from news.",
            "description": "Read-only JSON API over one summitry store. Errors are `{\"error\": \"...\"}` "
                           "with status 400 (bad parameter), 404 (unknown id or path), 405 (method) or "
                           "503 (store unavailable).",
            "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"},
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "paths": paths,
        "components": {
            "schemas": _components(),
            "responses": {
                "BadRequest": _json_response("A parameter is missing, unknown or malformed.", _ref("Error")),
                "NotFound": _json_response("No such record.", _ref("Error")),
            },
        },
    }


def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 document (a fresh copy: callers may change it)."""
    return copy.deepcopy(_document())


def query_parameters(path: str) -> frozenset[str]:
    """The query parameters the document declares for ``path`` (a template such as /api/events/{id})."""
    operation = _document()["paths"][path]["get"]
    return frozenset(p["name"] for p in operation["parameters"] if p["in"] == "query")
