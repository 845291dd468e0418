"""The plain typed records that flow through summitry, one way: Document -> Event (with Mentions).

They follow ``summitry-event/1`` (see EVENT_FORMAT.md in the shared folder and
``summitry schema``). The JSON Schema is generated from these dataclasses, so
the classes are the single source of truth for the record format.
"""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, get_args, get_origin, get_type_hints

SCHEMA_ID = "summitry-event/1"

EventType = Literal["visit", "meeting", "multilateral", "call"]
Status = Literal["occurred", "planned", "speculated", "postponed", "cancelled"]
Level = Literal[
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "minister",
    "legislator",
    "subnational",
    "diplomat",
    "other",
]
Precision = Literal["day", "month", "year"]
# Where an event's dates come from: a date expression in its own sentence ("text"), an earlier
# sentence of the report, its headline or dateline ("context"), or the report's publication day
# ("publication"); null when nothing dates it (see summitry.dating).
DatedBy = Literal["text", "context", "publication"]
Lang = Literal["en", "zh"]

EVENT_TYPES: tuple[str, ...] = get_args(EventType)
STATUSES: tuple[str, ...] = get_args(Status)
LEVELS: tuple[str, ...] = get_args(Level)
PRECISIONS: tuple[str, ...] = get_args(Precision)
DATED_BY: tuple[str, ...] = get_args(DatedBy)

# Patterns the schema enforces on string fields, keyed by "Class.field".
_PATTERNS = {
    "Party.country": r"^[A-Z]{3}$",
    "Event.countries[]": r"^[A-Z]{3}$",
    "Event.start": r"^\d{4}-\d{2}-\d{2}$",
    "Event.end": r"^\d{4}-\d{2}-\d{2}$",
    "Document.published": r"^\d{4}(-\d{2}(-\d{2})?)?$",
}


@dataclass
class Document:
    """One article as it goes in: ``published`` may be a day, a month, a year or unknown."""

    id: str
    text: str
    lang: Lang | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None


@dataclass
class Party:
    """An actor or counterpart. ``name`` is null when only the country (or office) is known."""

    name: str | None = None
    country: str | None = None
    office: str | None = None
    level: Level | None = None

    def key(self) -> str:
        """Identity used to compare parties across reports: the canonical name, else the country."""
        return self.name or f"@{self.country or '?'}"


@dataclass
class Mention:
    """What one document says of an event: its own status and the exact sentence(s), by offsets."""

    doc: str
    status: Status
    lang: Lang | None
    text: str
    start: int
    end: int


@dataclass
class Event:
    """One diplomatic event; after fusion, one real-world event with every mention that reports it."""

    id: str
    type: EventType
    status: Status
    actor: Party
    counterparts: list[Party] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    place: str | None = None
    forum: str | None = None
    start: str | None = None
    end: str | None = None
    precision: Precision | None = None
    dated_by: DatedBy | None = None
    mentions: list[Mention] = field(default_factory=list)
    trip: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # The shape is fixed, so plain copies of the fields do what dataclasses.asdict does, without
        # its deep copies: the store writes and compares every event it fuses again.
        data = dict(self.__dict__)
        data["actor"] = dict(self.actor.__dict__)
        data["counterparts"] = [dict(p.__dict__) for p in self.counterparts]
        data["mentions"] = [dict(m.__dict__) for m in self.mentions]
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return from_dict(cls, data)

    @classmethod
    def from_json(cls, text: str) -> Event:
        """An Event from its own JSON (``to_json``): built directly, with no type hints to read."""
        data = json.loads(text)
        data["actor"] = Party(**data["actor"])
        data["counterparts"] = [Party(**p) for p in data["counterparts"]]
        data["mentions"] = [Mention(**m) for m in data["mentions"]]
        return cls(**data)


def from_dict(cls: type, data: Any) -> Any:
    """Build a record (nested dataclasses and lists included) from plain JSON data."""
    hints = get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in get_args(tp) if a is not type(None)]
        return _convert(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        (item,) = get_args(tp)
        return [_convert(item, v) for v in value]
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    return value


# --- JSON Schema -------------------------------------------------------------------------------

def _type_schema(tp: Any, where: str, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = get_args(tp)
        inner = [a for a in args if a is not type(None)]
        schema = _type_schema(inner[0], where, defs) if len(inner) == 1 else {"anyOf": [
            _type_schema(a, where, defs) for a in inner]}
        if type(None) in args:
            if "$ref" in schema:
                return {"anyOf": [schema, {"type": "null"}]}
            schema = dict(schema)
            if "enum" in schema:
                schema["enum"] = [*schema["enum"], None]
            t = schema.get("type")
            schema["type"] = [t, "null"] if isinstance(t, str) else [*t, "null"]
        return schema
    if origin is Literal:
        values = list(get_args(tp))
        return {"type": "string", "enum": values}
    if origin is list:
        (item,) = get_args(tp)
        return {"type": "array", "items": _type_schema(item, where + "[]", defs)}
    if dataclasses.is_dataclass(tp):
        _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if tp is str:
        schema: dict[str, Any] = {"type": "string"}
        if where in _PATTERNS:
            schema["pattern"] = _PATTERNS[where]
        return schema
    if tp is int:
        return {"type": "integer", "minimum": 0}
    raise TypeError(f"no JSON Schema for {tp!r} at {where}")


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    if cls.__name__ in defs:
        return defs[cls.__name__]
    defs[cls.__name__] = {}  # placeholder against recursion
    hints = get_type_hints(cls)
    props = {}
    required = []
    for f in dataclasses.fields(cls):
        props[f.name] = _type_schema(hints[f.name], f"{cls.__name__}.{f.name}", defs)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)
    schema = {
        "type": "object",
        "description": (cls.__doc__ or "").strip(),
        "properties": props,
        "required": required,
        "additionalProperties": False,
    }
    defs[cls.__name__] = schema
    return schema


@cache
def _schema_json(root: str) -> str:
    cls = {"Event": Event, "Document": Document}[root]
    defs: dict[str, Any] = {}
    body = _class_schema(cls, defs)
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:summitry:{SCHEMA_ID}:{root.lower()}",
        "title": f"summitry {root.lower()} ({SCHEMA_ID})",
        **body,
        "$defs": {k: v for k, v in defs.items() if k != root},
    }
    return json.dumps(schema, indent=1)


def json_schema(root: str = "Event") -> dict[str, Any]:
    """The JSON Schema of an ``Event`` record (or of a ``Document``), generated from the classes."""
    return json.loads(_schema_json(root))
