"""The listing endpoints: events, one event, the timeline of two countries, a person's travel,
counts, name suggestions and the record's schema. Answers are those of ``summitry.analytics``,
shaped as the CLI prints them with ``--format json`` (events as ``--format jsonl`` records)."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from summitry import analytics, explore, highlight
from summitry.records import json_schema
from summitry.web import models
from summitry.web.export import events_file, table_file
from summitry.web.params import (
    DEFAULT_LIMIT,
    DEFAULT_PEOPLE,
    MAX_PEOPLE,
    Day,
    EvidenceFlag,
    ExportFormat,
    Filter,
    Flag,
    Limit,
    Offset,
    Pair,
    Person,
    Sort,
    country_param,
    with_pair,
)
from summitry.web.responses import BAD_REQUEST, NOT_FOUND, NotFound, json_response, reader

router = APIRouter()


def _page(store, table, offset: int, limit: int, evidence: bool, extra: dict[str, Any] | None = None) -> Response:
    """One page of the records whose ids ``table`` lists in order. Without evidence the stored
    JSON of each record is passed through as it is."""
    ids = table.column("id").slice(offset, limit).to_pylist()
    head = {**(extra or {}), "total": table.num_rows, "offset": offset, "limit": limit}
    if not evidence:
        found = dict(store.db.rows("SELECT id, record FROM events WHERE id = ANY(?)", [ids])) if ids else {}
        records = ",".join(found[i] for i in ids if i in found)
        return json_response(head, raw={"events": "[" + records + "]"})
    records = analytics.event_records(store, ids)
    found = analytics.evidence_by_event(store, ids)
    for record in records:
        record["evidence"] = found.get(record["id"], [])
    return json_response({**head, "events": records})


def _all_records(store, table) -> list[dict[str, Any]]:
    return analytics.event_records(store, table.column("id").to_pylist())


@router.get("/api/events", response_model=models.EventPage, responses=BAD_REQUEST, operation_id="listEvents",
            summary="Events, filtered",
            description="Fused events matching every filter given, a page at a time (by date, undated last, unless "
                        "`sort` says otherwise); with `format` other than json, every matching record as a file.")
def list_events(request: Request, filters: Filter, a: Pair = None, b: Pair = None, sort: Sort = None,
                limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, evidence: EvidenceFlag = False,
                format: ExportFormat = "json") -> Response:
    filters = with_pair(filters, a, b)
    with reader(request) as store:
        if format == "json" and not evidence:
            total, page = analytics.event_page(store, filters, sort, offset, limit)
            return json_response({"total": total, "offset": offset, "limit": limit},
                                 raw={"events": "[" + ",".join(record for _, record in page) + "]"})
        table = analytics.filtered_events(store, filters, sort)
        if format != "json":
            return events_file(_all_records(store, table), format, "summitry-events")
        return _page(store, table, offset, limit, evidence)


@router.get("/api/events/{event_id}", response_model=models.EventWithEvidence, responses=NOT_FOUND,
            operation_id="getEvent", summary="One event with its evidence",
            description="The event record and `evidence`: every sentence reporting it with its document.")
def get_event(request: Request, event_id: Annotated[str, Path(description="Event id (`ev_...`).")]) -> Response:
    with reader(request) as store:
        records = analytics.event_records(store, [event_id])
        if not records:
            raise NotFound(f"no event with id {event_id!r}")
        record = records[0]
        record["evidence"] = analytics.evidence_by_event(store, [event_id]).get(event_id, [])
    for item in record["evidence"]:
        item["marks"] = highlight.marks(item["text"], record, item["lang"], item["published"])
    return json_response(record)


@router.get("/api/documents/{doc_id}", response_model=models.DocumentView, responses=NOT_FOUND,
            operation_id="getDocument", summary="A whole document, with an event marked",
            description="The stored text of a document and its metadata; with `event`, the sentences of the text "
                        "that report that event and, in them, its names, trigger, date expressions, place and forum "
                        "(offsets into the whole text).")
def get_document(request: Request, doc_id: Annotated[str, Path(description="The document's id.")],
                 event: Annotated[str | None, Query(description="An event (`ev_...`) to mark in the text.")] = None
                 ) -> Response:
    with reader(request) as store:
        found = store.db.rows("SELECT id, lang, published, source, url, text FROM documents WHERE id = ?", [doc_id])
        if not found:
            raise NotFound(f"no document with id {doc_id!r}")
        doc_id, lang, published, source, url, text = found[0]
        sentences, marks = [], []
        if event:
            records = analytics.event_records(store, [event])
            if not records:
                raise NotFound(f"no event with id {event!r}")
            for item in analytics.evidence_by_event(store, [event]).get(event, []):
                if item["doc_id"] != doc_id:
                    continue
                start = item["start_char"]
                sentences.append({"start": start, "end": item["end_char"]})
                marks += [{**m, "start": m["start"] + start, "end": m["end"] + start}
                          for m in highlight.marks(item["text"], records[0], lang, published)]
    return json_response({"id": doc_id, "lang": lang, "published": published, "source": source, "url": url,
                          "text": text or "", "event_id": event, "sentences": sentences,
                          "marks": sorted(marks, key=lambda m: (m["start"], m["end"]))})


@router.get("/api/timeline", response_model=models.Timeline, responses=BAD_REQUEST, operation_id="timeline",
            summary="Events between two countries",
            description="Every event involving both countries (as a participant's country or the host or "
                        "destination), by date; with `format` other than json, every one as a file.")
def timeline(request: Request,
             a: Annotated[str, Query(description="The first country (ISO3 code or name).", examples=["CHN"])],
             b: Annotated[str, Query(description="The second country.", examples=["USA"])],
             limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, evidence: EvidenceFlag = False,
             format: ExportFormat = "json") -> Response:
    code_a, code_b = country_param(a, "a"), country_param(b, "b")
    if code_a is None or code_b is None:
        raise analytics.QueryError(f"parameter {'a' if code_a is None else 'b'!r} is required")
    with reader(request) as store:
        table = analytics.timeline(store, code_a, code_b)
        if format != "json":
            return events_file(_all_records(store, table), format, f"summitry-timeline-{code_a}-{code_b}")
        return _page(store, table, offset, limit, evidence, {"a": code_a, "b": code_b})


@router.get("/api/travel", response_model=models.TravelReport, responses=BAD_REQUEST, operation_id="travel",
            summary="A person's trips abroad",
            description="Trips with their legs, countries and distinct days abroad per year; the JSON of "
                        "`summitry travel --format json`. With `format` other than json, the legs as a file.")
def travel(request: Request, name: Person,
           year: Annotated[int | None, Query(ge=1, le=9999, description="Only trips that touch this year.")] = None,
           before: Annotated[Day, Query(description="Only the last trip that ended before this day.")] = None,
           include_planned: Annotated[Flag, Query(description="Also planned and speculated trips.")] = False,
           evidence: Annotated[Flag, Query(description="Add to each leg the sentences behind it.")] = False,
           format: ExportFormat = "json") -> Response:
    if not name.strip():
        raise analytics.QueryError("parameter 'name' is required")
    with reader(request) as store:
        report = analytics.travel(store, name, year=year, include_planned=include_planned, before=before)
        if format != "json":
            table = analytics.trips_table(report)
            return table_file(table, table.to_pylist(), format, f"summitry-travel-{report['person']}")
        if evidence:
            ids = [i for trip in report["trips"] for leg in trip["legs"] for i in leg["event_ids"]]
            found = analytics.evidence_by_event(store, ids)
            for trip in report["trips"]:
                for leg in trip["legs"]:
                    leg["evidence"] = analytics.leg_evidence(leg["event_ids"], found)
    return json_response(report)


@router.get("/api/stats", response_model=models.Stats, operation_id="stats", summary="Counts",
            description="As `summitry stats --format json`.")
def stats(request: Request) -> Response:
    with reader(request) as store:
        tables = analytics.stats(store)
    return json_response({k: {str(r[t.column_names[0]]): r["n"] for r in t.to_pylist()} for k, t in tables.items()})


@router.get("/api/people", response_model=models.People, responses=BAD_REQUEST, operation_id="people",
            summary="Name suggestions",
            description="People named in the store whose name contains `q` (case-insensitive; Chinese text finds "
                        "the people whose Chinese name or alias contains it), the most reported first.")
def people(request: Request,
           q: Annotated[str, Query(description="Part of a name; empty for the most reported people.")] = "",
           limit: Annotated[int, Query(ge=1, le=MAX_PEOPLE, description="Suggestions at most.")] = DEFAULT_PEOPLE
           ) -> Response:
    with reader(request) as store:
        found = explore.suggest_people(store, q, limit)
    return json_response({"q": q.strip(), "people": found})


@router.get("/api/schema", operation_id="eventSchema", summary="The event record's JSON Schema",
            description="summitry-event/1 as JSON Schema 2020-12.", response_model=dict[str, Any])
def schema() -> Response:
    return json_response(json_schema("Event"))
