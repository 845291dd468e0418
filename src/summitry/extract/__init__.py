"""Extraction engines: a document in, one ``Event`` per mention out.

An engine reads one ``Document`` and returns events that each carry exactly one
``Mention`` (the sentence that says it, with offsets into ``doc.text``). Fusion
(``summitry.fuse``) groups them later, so an engine never looks at other
documents. Engines are found by language through the ``summitry.engines`` entry
point group, so a statistical or LLM engine can be installed as a plug-in
without touching fusion or the store.

An engine that reads many documents at once (the LLM engine sends requests concurrently) also
provides ``extract_many(docs)``, yielding each document with its events in order; an engine that
cannot read a document this time (its server is down, its budget spent) yields a
``DocumentNotRead`` for it instead, and the document is reported, never stored as read.
"""
from __future__ import annotations

import hashlib
import os
import warnings
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import groupby
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from summitry.records import Document, Event, Party

if TYPE_CHECKING:
    from summitry.extract.limits import Limits

ENTRY_POINT_GROUP = "summitry.engines"


@runtime_checkable
class Engine(Protocol):
    """What every extraction engine provides."""

    #: a short stable name, e.g. ``rules-en``
    name: str
    #: the languages (``en``, ``zh``) it reads
    languages: tuple[str, ...]

    def extract(self, doc: Document) -> list[Event]:
        """Events found in ``doc``, each with exactly one mention into ``doc.text``.

        An engine gives the dates the text says (``dated_by`` "text" or "context" if it knows
        which, else left null) and leaves an event undated when nothing in the text dates it:
        ``summitry.dating`` then dates it from the report, the same way for every engine."""
        ...


class UnknownEngine(LookupError):
    pass


class EngineUnavailable(RuntimeError):
    """An engine can read nothing in this run (it is misconfigured, or its server refuses it)."""


class DocumentNotRead(Exception):
    """An engine could not read a document this time; the message says why."""


class DocumentsNotRead(UserWarning):
    """Warned by ``extract_documents`` when documents were left out (``DocumentNotRead``)."""


def available_engines() -> dict[str, type]:
    """Engine classes by name, from the entry points of every installed package."""
    from importlib.metadata import entry_points  # not at start-up: reading the metadata takes a while

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


def _after_engine(doc: Document, events: list[Event]) -> list[Event]:
    """What every engine's events go through before fusion, whichever engine found them: the
    dating stage (``summitry.dating``) dates each event its engine left undated."""
    from summitry.dating import date_events

    return date_events(doc, events)


def extract_document(doc: Document, engine: str | None = None, limits: Limits | None = None) -> list[Event]:
    """Per-mention events of one document, with its language already known; within ``limits``
    (default: ``Limits.from_env()``), a ``TimeLimitExceeded`` when it takes too long. Each is dated by the engine or
    else by the report (``summitry.dating``)."""
    lang = doc.lang or "en"
    return _extract_one(engine_for(lang, engine), doc, limits)


def _extract_one(eng: Engine, doc: Document, limits: Limits | None) -> list[Event]:
    from summitry.dating import as_written
    from summitry.extract.limits import extract_within_limits

    # a long document's sections are each extracted and dated as a document of their own: what the
    # dating stage reads across a report stays bounded too
    return extract_within_limits(lambda part: _after_engine(part, eng.extract(part)), as_written(doc), limits)


def extract_each(docs: Iterable[Document], engine: str | None = None, *, catch: bool = False,
                 limits: Limits | None = None) -> Iterator[tuple[Document, list[Event] | Exception]]:
    """Each document with its per-mention events, in order; a ``DocumentNotRead`` in place of the
    events of a document the engine could not read (or that took longer than its time limit, see
    ``summitry.extract.limits``). Consecutive documents of one engine that reads many at once go to
    it together. ``catch``: an engine's error on one document is yielded in place of its events
    too, so that one bad document does not stop the others."""
    def engine_of(doc: Document) -> Engine:
        return engine_for(doc.lang or "en", engine)

    for eng, run in groupby(docs, key=engine_of):
        if hasattr(eng, "extract_many"):
            from summitry.dating import as_written

            given = list(run)  # each yielded as given (the stored document keeps its stamp), read as written
            for original, (doc, result) in zip(given, eng.extract_many([as_written(d) for d in given]), strict=True):
                yield original, result if isinstance(result, Exception) else _after_engine(doc, result)
            continue
        for doc in run:
            try:
                yield doc, _extract_one(eng, doc, limits)
            except DocumentNotRead as exc:
                yield doc, exc
            except EngineUnavailable:
                raise
            except Exception as exc:
                if not catch:
                    raise
                yield doc, exc


def extract_documents(docs: Iterable[Document], engine: str | None = None) -> list[Event]:
    """Per-mention events of every document; documents the engine could not read are left out with
    a warning (the command line reports them through the engine's own summary)."""
    events: list[Event] = []
    not_read: list[tuple[str, Exception]] = []
    for doc, result in extract_each(docs, engine):
        if isinstance(result, Exception):
            not_read.append((doc.id, result))
        else:
            events.extend(result)
    if not_read:
        doc_id, reason = not_read[0]
        warnings.warn(f"{len(not_read)} document(s) not read, the first {doc_id}: {reason}", DocumentsNotRead,
                      stacklevel=2)
    return events


def mention_event_id(doc_id: str, start: int, end: int, type_: str, parties: Iterable[Party | None],
                     countries: Iterable[str] = (), forum: str | None = None) -> str:
    """A deterministic id for an unmerged event: the same text always yields the same id."""
    keys = sorted(p.key() for p in parties if p is not None)
    raw = "|".join([doc_id, str(start), str(end), type_, ";".join(keys), ",".join(sorted(countries)),
                    forum or ""])
    return "mn_" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]
