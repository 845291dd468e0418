"""Extraction engines: a document in, one ``Event`` per mention out.

An engine reads one ``Document`` and returns events that each carry exactly one
``Mention`` (the sentence that says it, with offsets into ``doc.text``). Fusion
(``summitry.fuse``) groups them later, so an engine never looks at other
documents. Engines are found by language through the ``summitry.engines`` entry
point group, so a statistical or LLM engine can be installed as a plug-in
without touching fusion or the store.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from functools import cache
from importlib.metadata import entry_points
from typing import Protocol, runtime_checkable

from summitry.records import Document, Event, Party

ENTRY_POINT_GROUP = "summitry.engines"


@runtime_checkable
class Engine(Protocol):
    """What every extraction engine provides."""

    #: a short stable name, e.g. ``rules-en``
    name: str
    #: the languages (``en``, ``zh``) it reads
    languages: tuple[str, ...]

    def extract(self, doc: Document) -> list[Event]:
        """Events found in ``doc``, each with exactly one mention into ``doc.text``."""
        ...


class UnknownEngine(LookupError):
    pass


def available_engines() -> dict[str, type]:
    """Engine classes by name, from the entry points of every installed package."""
    found = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        found[ep.name] = ep
    return found


def engine_for(lang: str, name: str | None = None) -> Engine:
    """The engine named ``name``, or the first installed engine that reads ``lang`` (rules first).

    Engines are built once per knowledge base: a different ``SUMMITRY_KB_EXTRA`` builds them anew.
    """
    return _engine(lang, name, os.environ.get("SUMMITRY_KB_EXTRA", ""))


@cache
def _engine(lang: str, name: str | None, kb_extra: str) -> Engine:
    eps = available_engines()
    if name is not None:
        if name not in eps:
            raise UnknownEngine(f"no extraction engine named {name!r}; installed: {', '.join(sorted(eps))}")
        return eps[name].load()()
    preferred = f"rules-{lang}"
    order = sorted(eps, key=lambda n: (n != preferred, n))
    for n in order:
        cls = eps[n].load()
        if lang in getattr(cls, "languages", ()):
            return cls()
    raise UnknownEngine(f"no extraction engine reads language {lang!r}")


def extract_document(doc: Document, engine: str | None = None) -> list[Event]:
    """Per-mention events of one document, with its language already known."""
    lang = doc.lang or "en"
    return engine_for(lang, engine).extract(doc)


def extract_documents(docs: Iterable[Document], engine: str | None = None) -> list[Event]:
    events: list[Event] = []
    for doc in docs:
        events.extend(extract_document(doc, engine))
    return events


def mention_event_id(doc_id: str, start: int, end: int, type_: str, parties: Iterable[Party | None],
                     countries: Iterable[str] = (), forum: str | None = None) -> str:
    """A deterministic id for an unmerged event: the same text always yields the same id."""
    keys = sorted(p.key() for p in parties if p is not None)
    raw = "|".join([doc_id, str(start), str(end), type_, ";".join(keys), ",".join(sorted(countries)),
                    forum or ""])
    return "mn_" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]
