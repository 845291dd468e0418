"""The shapes of the API's answers, as typed models: FastAPI builds the OpenAPI document from them.

The event record is ``summitry.records.Event`` itself (pydantic reads the dataclass), so the API
describes the same record the CLI writes. Answers are serialised by the endpoints directly (the
stored JSON of events is passed through as it is); ``tests/test_web.py`` validates real answers
against the schemas of the generated document.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.dataclasses import dataclass as pydantic_dataclass

from summitry.records import DatedBy, Event, EventType, Precision, Status

Day = str  # YYYY-MM-DD


class Error(BaseModel):
    error: str = Field(description="What was wrong, for a person.")


class Mark(BaseModel):
    """A span of a text to mark: a name, the trigger word, a date expression, the place or the forum."""

    start: int = Field(description="Characters from the start of the text it belongs to.")
    end: int
    kind: Literal["name", "trigger", "date", "place", "forum"]


class Evidence(BaseModel):
    """One sentence behind an event and the document it comes from."""

    doc_id: str
    status: Status
    lang: str | None
    start_char: int = Field(description="Where the sentence starts in the document (characters).")
    end_char: int
    text: str
    published: str | None = None
    source: str | None = None
    url: str | None = None
    marks: list[Mark] | None = Field(None, description="In `/api/events/{event_id}`: what to mark in `text` "
                                                       "(offsets into `text`).")


class DocumentView(BaseModel):
    """A whole stored document; with `event`, the sentences reporting that event and what to mark."""

    id: str
    lang: str | None
    published: str | None
    source: str | None
    url: str | None
    text: str
    event_id: str | None
    sentences: list[dict[str, int]] = Field(description="The event's sentences in the text: `start`, `end`.")
    marks: list[Mark] = Field(description="What to mark in the text (offsets into `text`).")


@pydantic_dataclass
class EventWithEvidence(Event):
    """An event record (summitry-event/1); with ``evidence`` when it was asked for."""

    evidence: list[Evidence] | None = None


class EventPage(BaseModel):
    total: int = Field(description="Records matching the filters, on every page.")
    offset: int
    limit: int
    events: list[EventWithEvidence] = Field(description="summitry-event/1 records in the order asked for.")


class Timeline(EventPage):
    a: str = Field(pattern=r"^[A-Z]{3}$")
    b: str = Field(pattern=r"^[A-Z]{3}$")


class Leg(BaseModel):
    """A stay in one foreign country."""

    country: str
    place: str | None
    start: Day | None
    end: Day | None
    precision: Precision | None
    status: Status
    event_ids: list[str]
    dated_by: DatedBy | None = Field(None, description="Where its dates come from: the best of its events' "
                                     "(text, then context, then publication).")
    days_abroad: dict[str, int] | None = Field(
        None, description="The days of its trip this day-precise leg accounts for, by year (YYYY); each day of a "
                          "trip is counted for one leg. Absent for approximate legs.")
    evidence: list[Evidence] | None = Field(None, description="The sentences behind the leg's events, each once.")


class Trip(BaseModel):
    start: Day | None
    end: Day | None
    countries: list[str]
    legs: list[Leg] = Field(description="Day-precise legs.")
    approximate: list[Leg] = Field([], description="Legs known only to the month or year (or undated): they add no "
                                                   "days abroad.")
    days_abroad: dict[str, int] = Field({}, description="Days abroad of the trip by year (YYYY): every day from its "
                                                        "first day-precise day to its last.")


class TravelYear(BaseModel):
    countries: list[str] = Field(description="Countries of its day-precise legs, and of approximate legs whose trip "
                                             "has no day-precise leg.")
    countries_approximate: list[str] = Field([], description="The countries named only by approximate legs.")
    days_abroad: int = Field(description="Days abroad: every day of its trips from the first day-precise day to the "
                                         "last (the sum of its day-precise legs' days).")
    days_by_dating: dict[str, int] = Field({}, description="Days abroad by where their legs' dates come from "
                                                           "(text, context, publication).")
    legs_days_unknown: int = Field(description="Legs known only to the month or year.")


class TravelReport(BaseModel):
    person: str
    include_planned: bool
    trips: list[Trip]
    years: dict[str, TravelYear] = Field(description="Keyed by year (YYYY).")
    undated_legs: int


class Stats(BaseModel):
    """Counts: totals (documents, mention_events, events) and events by type, status, country
    involved and year of start ('undated' when none)."""

    totals: dict[str, int]
    type: dict[str, int]
    status: dict[str, int]
    country: dict[str, int]
    year: dict[str, int]


class PersonSuggestion(BaseModel):
    name: str
    country: str | None
    events: int


class People(BaseModel):
    q: str
    people: list[PersonSuggestion]


class Health(BaseModel):
    status: Literal["ok", "unavailable"]
    store: str
    version: str
    database: dict[str, str | int | bool] = Field(
        description="The database's state: `state` (ok or unavailable) and details: for DuckDB when the "
                    "snapshot served was taken and whether the file changed since, for PostgreSQL the pool.")
    answers: dict[str, int] = Field(
        default_factory=dict, description="Answers kept for the DuckDB snapshot: `hits`, `misses`, `kept`, `bytes`.")


# --- views ---------------------------------------------------------------------------------------

class FacetValue(BaseModel):
    value: str
    count: int


class Facets(BaseModel):
    total: int = Field(description="Events matching every filter.")
    facets: dict[Literal["type", "status", "forum", "country", "year", "source"], list[FacetValue]] = Field(
        description="For each facet, its values' counts among the events matching every *other* filter.")


class CountryCount(BaseModel):
    country: str = Field(description="ISO 3166-1 alpha-3.")
    name: str | None
    numeric: str | None = Field(description="ISO 3166-1 numeric, the id of Natural Earth / world-atlas shapes.")
    lat: float | None = Field(description="The capital's latitude.")
    lon: float | None
    events: int


class CountryCounts(BaseModel):
    role: Literal["any", "host", "participant"]
    countries: list[CountryCount]


class SeriesPoint(BaseModel):
    period: str = Field(description="YYYY, YYYY-MM or YYYY-Www (ISO week), by `bucket`.")
    type: EventType
    status: Status
    events: int


class UndatedCount(BaseModel):
    type: EventType
    status: Status
    events: int


class Series(BaseModel):
    bucket: Literal["year", "month", "week"]
    series: list[SeriesPoint]
    undated: list[UndatedCount]


class NetworkNode(BaseModel):
    name: str
    country: str | None
    meetings: int = Field(description="Events of the selection the person took part in.")


class NetworkEdge(BaseModel):
    source: str
    target: str
    meetings: int
    event_ids: list[str] = Field(description="The first 20 of them.")


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    people: int = Field(description="People in the selection, before `limit`.")


class Office(BaseModel):
    office: str
    title: str
    country: str | None = Field(description="Null for an international organisation's office.")
    organisation: str | None = Field(None, description="The organisation whose office it is, by its knowledge-base key (un, nato, eu ...).")
    level: str
    region: str | None
    start: Day
    end: Day | None


class PersonYear(BaseModel):
    year: int
    events: int
    trips: int = Field(description="Trips starting that year.")
    days_abroad: int
    legs_days_unknown: int
    countries: list[str]


class Counterpart(BaseModel):
    name: str
    country: str | None
    meetings: int


class PersonProfile(BaseModel):
    name: str
    name_zh: str | None
    country: str | None
    in_knowledge_base: bool
    offices: list[Office] = Field(description="From the knowledge base, the latest first.")
    events: int
    first: Day | None
    last: Day | None
    years: list[PersonYear]
    undated_legs: int
    counterparts: list[Counterpart] = Field(description="The people met most often.")
    last_trip: Trip | None = Field(description="The last trip that ended before `before` (the latest when not given).")
    last_trip_before: Day | None


class CountryVisits(BaseModel):
    country: str
    visits: int


class CountryEvents(BaseModel):
    country: str
    events: int


class CountryPerson(BaseModel):
    name: str
    events: int


class Leader(BaseModel):
    name: str
    name_zh: str | None
    office: str
    title: str
    level: str
    start: Day
    end: Day | None


class CountryProfile(BaseModel):
    model_config = ConfigDict(extra="allow")

    country: str
    name: str | None
    name_zh: str | None = None
    numeric: str | None
    capital: str | None = None
    lat: float | None
    lon: float | None
    events: int
    visits_in: list[CountryVisits] = Field(description="Occurred visits to the country, by the visitor's country.")
    visits_out: list[CountryVisits] = Field(description="Occurred visits by its people, by destination.")
    top_partners: list[CountryEvents]
    people: list[CountryPerson] = Field(description="Its people most reported in the store.")
    leaders: list[Leader] = Field(description="Heads of state and government and foreign ministers (knowledge base).")


class MapLeg(Leg):
    trip: int = Field(description="The trip's number, from 1, in date order.")
    country_name: str | None
    numeric: str | None
    lat: float | None
    lon: float | None
    at: Literal["place", "capital"] | None = Field(description="Whether the point is the place or the capital.")


class Home(BaseModel):
    country: str
    name: str | None
    numeric: str | None
    lat: float | None
    lon: float | None


class TravelMap(BaseModel):
    person: str
    home: Home | None
    include_planned: bool
    trips: int
    legs: list[MapLeg]
