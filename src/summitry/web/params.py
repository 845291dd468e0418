"""The query parameters the endpoints share, declared once with their types and descriptions.

FastAPI reads them into the OpenAPI document and checks them (a wrong value answers 400 naming
the parameter); ``checked_query`` also refuses parameters an endpoint does not declare and a
scalar parameter given twice. A parameter given empty (``?type=``) counts as not given.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal, Union, get_args, get_origin

from fastapi import Depends, Query, Request

from summitry import analytics
from summitry.analytics import EventFilter, QueryError
from summitry.records import EventType, Status

MAX_LIMIT = 1000          # events per page at most
DEFAULT_LIMIT = 100
MAX_PEOPLE = 50           # name suggestions at most
DEFAULT_PEOPLE = 10
MAX_FIELDS = 30           # query parameters at most
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DAY_HELP = "YYYY-MM-DD; YYYY-MM and YYYY mean"

Format = Literal["json", "csv", "jsonl", "parquet"]
SortKey = Literal[tuple(k for key in analytics.SORT_KEYS for k in (key, "-" + key))]  # type: ignore[valid-type]


class QueryProblem(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _is_list(annotation: Any) -> bool:
    if get_origin(annotation) is list:
        return True
    return get_origin(annotation) in (Union, type(int | None)) and any(_is_list(a) for a in get_args(annotation))


def _query_fields(dependant: Any) -> list[Any]:
    """The query parameters of a FastAPI dependant and of its dependencies."""
    fields = list(dependant.query_params)
    for sub in dependant.dependencies:
        fields.extend(_query_fields(sub))
    return fields


def _declared(request: Request) -> tuple[set[str], set[str]]:
    """The query parameters the route declares, and those of them that may repeat (lists)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return set(), set()
    cache = getattr(route, "_summitry_params", None)
    if cache is None:
        fields = _query_fields(dependant)
        cache = ({f.alias for f in fields}, {f.alias for f in fields if _is_list(f.field_info.annotation)})
        route._summitry_params = cache
    return cache


def checked_query(request: Request) -> None:
    """Refuse undeclared and repeated parameters (app-wide dependency)."""
    names, lists = _declared(request)
    items = request.query_params.multi_items()
    if len(items) > MAX_FIELDS:
        raise QueryProblem(f"too many parameters (at most {MAX_FIELDS})")
    seen: set[str] = set()
    for key, _ in items:
        if key not in names:
            known = ", ".join(sorted(names)) or "none"
            raise QueryProblem(f"unknown parameter {key!r} (this endpoint takes: {known})")
        if key in seen and key not in lists:
            raise QueryProblem(f"parameter {key!r} given more than once")
        seen.add(key)


def _country(value: str | None, name: str) -> str | None:
    if value is None or not value.strip():
        return None
    code = analytics.country_code(value)
    kb = analytics.knowledge_base()
    if kb is not None:
        country = kb.country(code)
        if country is None or country.iso3 != code:
            raise QueryError(f"{name}: unknown country {value!r}: give an ISO 3166-1 alpha-3 code such as CHN")
    return code


def country_param(value: str | None, name: str) -> str | None:
    """A country code from a code or a name the knowledge base knows (400 otherwise)."""
    try:
        return _country(value, name)
    except QueryError as exc:
        message = str(exc)
        raise QueryError(message if message.startswith(name) else f"{name}: {message}") from None


def _text(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def event_filter(
    actor: Annotated[str | None, Query(description="Any participant (actor or counterpart), by name or alias.")] = None,
    country: Annotated[str | None, Query(
        description="Any participant's country, or the host or destination: an ISO 3166-1 alpha-3 code "
                    "(or a country name the knowledge base knows).", examples=["CHN"])] = None,
    type: Annotated[list[EventType] | None, Query(description="Event type; repeat for any of several.")] = None,
    status: Annotated[list[Status] | None, Query(description="Event status; repeat for any of several.")] = None,
    start: Annotated[str | None, Query(alias="from", pattern=DATE_PATTERN,
                                       description=f"Events ending on or after this day ({DAY_HELP} their first day).")]
    = None,
    end: Annotated[str | None, Query(alias="to", pattern=DATE_PATTERN,
                                     description=f"Events starting on or before this day ({DAY_HELP} their last day).")]
    = None,
    forum: Annotated[str | None, Query(description="The forum, as the records name it (case-insensitive).")] = None,
    place: Annotated[str | None, Query(description="Part of the place's name (case-insensitive).")] = None,
    q: Annotated[str | None, Query(description="Free text: part of a participant's name (in English or Chinese), "
                                               "the place, the forum, or a sentence reporting the event.")] = None,
    source: Annotated[str | None, Query(description="The source of a document reporting the event.")] = None,
) -> EventFilter:
    return EventFilter(actor=_text(actor), country=country_param(country, "country"), types=tuple(type or ()),
                       statuses=tuple(status or ()), start=_text(start), end=_text(end), forum=_text(forum),
                       place=_text(place), text=_text(q), source=_text(source))


Filter = Annotated[EventFilter, Depends(event_filter)]
Pair = Annotated[str | None, Query(description="With `b`: only events involving both countries (ISO3 or name).")]


def with_pair(filters: EventFilter, a: str | None, b: str | None) -> EventFilter:
    """The filters narrowed to the events involving both ``a`` and ``b`` (neither: unchanged)."""
    code_a, code_b = country_param(a, "a"), country_param(b, "b")
    if (code_a is None) != (code_b is None):
        raise QueryError("a and b go together: give both countries of the pair, or neither")
    if code_a is None:
        return filters
    return EventFilter(**{**filters.__dict__, "pair": (code_a, code_b)})

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Records per page (at most {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Records to skip.")]
Flag = Annotated[bool, Query()]
EvidenceFlag = Annotated[bool, Query(description="Add an `evidence` list to each record: every sentence behind it "
                                                 "with its document's id, language, publication date, source and URL.")]
Sort = Annotated[SortKey | None, Query(description="Sort key; `-` first for descending. Undated and empty values "
                                                   "come last either way. Default `date`.")]
ExportFormat = Annotated[Format, Query(description="`json` (default) for the page, or a download of every matching "
                                                   "record: `csv` and `parquet` (one flat row per event, with CAMEO "
                                                   "and PLOVER codes) or `jsonl` (full records).")]
Person = Annotated[str, Query(min_length=1, description="The person, by name or alias (English or Chinese).")]
Day = Annotated[str | None, Query(pattern=DATE_PATTERN, description=f"A day ({DAY_HELP} their first day).")]
