"""Whether two places a meeting is reported at can be one occasion's place.

Reports of one meeting name its place at different scales: the town (Woodside), the city it is
near (San Francisco), a resort outside a capital, the guesthouse or the city. Two names are one
occasion's place when they are the same, or when the knowledge base puts both within
``SAME_PLACE_KM`` of each other (its points come from GeoNames cities and the curated places of
``kb/data/places_extra.csv``). Places the knowledge base cannot put on the map agree only by name.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

# Camp David is about 100 km from Washington, Woodside 40 km from San Francisco; Tianjin, 110 km
# from Beijing, is another city.
SAME_PLACE_KM = 100.0


@lru_cache(maxsize=65536)
def _point(name: str, hosts: tuple[str, ...]) -> tuple[float, float] | None:
    try:
        from summitry.kb import get_kb
    except ImportError:  # pragma: no cover - the KB ships with the package
        return None
    place = get_kb().place(name, context=hosts)
    if place is None or place.lat is None or place.lon is None or (hosts and place.country not in hosts):
        return None
    return place.lat, place.lon


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance between two points (latitude, longitude in degrees)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def places_agree(a: str, b: str, hosts: Sequence[str] = ()) -> bool:
    """``a`` and ``b``, places in the countries ``hosts`` (when known), can be one occasion's."""
    if a.casefold() == b.casefold():
        return True
    key = tuple(sorted(hosts))
    pa, pb = _point(a, key), _point(b, key)
    return pa is not None and pb is not None and distance_km(pa, pb) <= SAME_PLACE_KM
