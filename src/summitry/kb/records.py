"""The records of the knowledge base: small frozen dataclasses, hashable and picklable."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    name_zh: str
    capital: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    # territories where the country's officials are at home, not abroad (home_territories.csv)
    home_territories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    person_id: str
    # The state the office is of; None for an international organisation's office, whose holder
    # acts for no state (``organisation`` then names it: a key of forums.yaml).
    country: str | None
    office: str
    title: str
    level: str
    start: date
    end: date | None
    region: str | None = None
    to_country: str | None = None
    # Where the fact comes from (a page or a dated news report a reader can follow), and whether
    # it was checked: a YYYY-MM-DD day, "reference" or "unverified" (see kb/data/README.md).
    source: str = ""
    verified: str = ""
    organisation: str | None = None

    def covers(self, day: date) -> bool:
        """True when the term includes ``day`` (an open end means still in office)."""
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    name_zh: str
    # The country of the person's offices of state; None for someone the knowledge base knows
    # only in an international organisation's office (UN Secretary-General Guterres).
    country: str | None
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    terms: tuple[Term, ...] = ()


@dataclass(frozen=True)
class Office:
    key: str
    level: str
    titles_en: tuple[str, ...] = ()
    titles_zh: tuple[str, ...] = ()
    # The international organisation whose office this is (a key of forums.yaml: "un", "nato"),
    # None for an office of a state.
    organisation: str | None = None


@dataclass(frozen=True)
class Edition:
    forum: str
    number: int | None
    start: date
    end: date
    city: str
    country: str


@dataclass(frozen=True)
class Forum:
    key: str
    name: str
    acronym: str
    aliases: tuple[str, ...] = ()
    names_zh: tuple[str, ...] = ()
    kind: str = "organisation"
    editions: tuple[Edition, ...] = ()


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    kind: str
    population: int = 0
    names_zh: tuple[str, ...] = ()
    lat: float | None = None  # where it is (decimal degrees), when known
    lon: float | None = None


@dataclass(frozen=True)
class Region:
    key: str
    name: str
    name_zh: str
    members: tuple[str, ...] = ()


class KBMatch(NamedTuple):
    """One KB mention in a text: ``text[start:end] == surface``.

    ``record`` is the record the surface names. When a person's short form (or full name) is
    shared by several people, ``record`` is a tuple of the candidate Persons, the most recently
    appointed first (``kb.people_by_short(surface)`` gives the same tuple).
    A named tuple rather than a dataclass: the matcher makes hundreds of thousands per second.
    """

    start: int
    end: int
    kind: str
    surface: str
    record: object
