"""The endpoints behind the web app's views: facets, the map, the timeline chart, the network,
the person and country pages. Each takes the same filters as ``/api/events`` where it makes sense,
so a view shows exactly what the event list beside it lists."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from summitry import explore
from summitry.analytics import QueryError
from summitry.web import models
from summitry.web.params import Day, Filter, Flag, Pair, Person, country_param, with_pair
from summitry.web.responses import BAD_REQUEST, json_response, reader

router = APIRouter()

@router.get("/api/facets", response_model=models.Facets, responses=BAD_REQUEST, operation_id="facets",
            summary="Counts beside each filter",
            description="How many events match the filters, and for each facet (type, status, forum, country, year, "
                        "source) the count of each value among the events matching every *other* filter, the "
                        "commonest first (years in order; `undated` for events with no date).")
def facets(request: Request, filters: Filter,
           size: Annotated[int, Query(ge=1, le=500, description="Values per facet at most.")] = 50) -> Response:
    with reader(request) as store:
        return json_response(explore.facets(store, filters, size))


@router.get("/api/map/countries", response_model=models.CountryCounts, responses=BAD_REQUEST,
            operation_id="mapCountries", summary="Events by country, for a world map",
            description="Events matching the filters, by country: as a participant's country, as the host or "
                        "destination, or either (`role`). Each country has its ISO numeric code (the id of Natural "
                        "Earth shapes in world-atlas) and its capital's coordinates.")
def map_countries(request: Request, filters: Filter,
                  role: Annotated[Literal["any", "host", "participant"], Query(
                      description="Which part a country plays: any, host (the host or destination), or "
                                  "participant (an actor's or counterpart's country).")] = "any") -> Response:
    with reader(request) as store:
        return json_response({"role": role, "countries": explore.country_counts(store, filters, role)})


@router.get("/api/map/travel", response_model=models.TravelMap, responses=BAD_REQUEST, operation_id="mapTravel",
            summary="A person's trips, for a world map",
            description="The legs of `/api/travel` with a point each (the place when known, else the capital; `at` "
                        "says which) and the person's home country, in date order: draw home → legs of a trip → home.")
def map_travel(request: Request, name: Person,
               year: Annotated[int | None, Query(ge=1, le=9999, description="Only trips that touch this year.")] = None,
               before: Annotated[Day, Query(description="Only the last trip that ended before this day.")] = None,
               include_planned: Annotated[Flag, Query(description="Also planned and speculated trips.")] = False
               ) -> Response:
    with reader(request) as store:
        return json_response(explore.travel_map(store, name, year=year, include_planned=include_planned,
                                                before=before))


@router.get("/api/charts/series", response_model=models.Series, responses=BAD_REQUEST, operation_id="series",
            summary="Events over time, by type and status",
            description="Events matching the filters (and, with `a` and `b`, involving both countries) by period of "
                        "their start, type and status; undated events apart.")
def series(request: Request, filters: Filter, a: Pair = None, b: Pair = None,
           bucket: Annotated[Literal["year", "month", "week"], Query(description="The period.")] = "month"
           ) -> Response:
    with reader(request) as store:
        return json_response(explore.time_series(store, with_pair(filters, a, b), bucket))


@router.get("/api/network", response_model=models.Network, responses=BAD_REQUEST, operation_id="network",
            summary="Who met whom",
            description="People as nodes (sized by the number of events of the selection they took part in) and an "
                        "edge for each pair who met, among the events matching the filters: meetings unless `type` "
                        "says otherwise; `from` and `to` give the period.")
def network(request: Request, filters: Filter,
            limit: Annotated[int, Query(ge=1, le=1000, description="People at most, those with most events first.")]
            = 100) -> Response:
    with reader(request) as store:
        return json_response(explore.network(store, filters, limit))


@router.get("/api/person", response_model=models.PersonProfile, responses=BAD_REQUEST, operation_id="person",
            summary="A person's page",
            description="Offices held (knowledge base), events, trips and days abroad by year, the people met most "
                        "often, and the last trip that ended before `before` (the latest trip when not given).")
def person(request: Request, name: Person, before: Day = None,
           counterparts: Annotated[int, Query(ge=1, le=200, description="Counterparts at most.")] = 20) -> Response:
    if not name.strip():
        raise QueryError("parameter 'name' is required")
    with reader(request) as store:
        return json_response(explore.person_profile(store, name, before, counterparts))


@router.get("/api/country", response_model=models.CountryProfile, responses=BAD_REQUEST, operation_id="country",
            summary="A country's page",
            description="Visits to the country and by its people abroad, its leaders (knowledge base) and its people "
                        "most reported, and the countries it has most events with; the filters narrow the events "
                        "counted (a period, a type...).")
def country(request: Request, filters: Filter,
            code: Annotated[str, Query(description="The country (ISO3 code or name).", examples=["KAZ"])],
            top: Annotated[int, Query(ge=1, le=200, description="Rows per list at most.")] = 15) -> Response:
    resolved = country_param(code, "code")
    if resolved is None:
        raise QueryError("parameter 'code' is required")
    with reader(request) as store:
        return json_response(explore.country_profile(store, resolved, filters, top))
