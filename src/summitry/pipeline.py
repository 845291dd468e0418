"""The main job as one call: documents in, (fused) events out.

Documents are read one at a time and never kept: without fusion each document's events are given
out as soon as it is read; with fusion only the mention events and the publication days wait for
the fusion at the end, never the texts.
"""
from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator

from summitry.extract import DocumentsNotRead, extract_each
from summitry.extract.limits import Limits
from summitry.fuse import fuse, unmerged
from summitry.records import Document, Event

#: told of each document with its events, or the exception that kept it from being read
OnResult = Callable[[Document, "list[Event] | Exception"], None]


def stream_events(docs: Iterable[Document], merge: bool = True, engine: str | None = None, *,
                  limits: Limits | None = None, on_result: OnResult | None = None,
                  workers: int | None = 1) -> Iterator[Event]:
    """The events of ``docs``: each document's as it is read when ``merge`` is False, all of them
    fused at the end when it is True. A document that cannot be extracted (an engine's error, a
    time limit, an engine that cannot read it now) is skipped and told to ``on_result``; without
    ``on_result``, a ``DocumentsNotRead`` warning counts them at the end. ``workers``: extract in
    that many processes (None: every core; see ``summitry.extract.parallel``), with the same
    events in the same order as in one."""
    published: dict[str, str | None] = {}
    found: list[Event] = []
    skipped: list[tuple[str, Exception]] = []
    if workers == 1:
        results = extract_each(docs, engine, catch=True, limits=limits)
    else:
        from summitry.extract.parallel import extract_in_workers

        results = extract_in_workers(docs, engine, workers=workers, catch=True, limits=limits)
    for doc, result in results:
        if on_result is not None:
            on_result(doc, result)
        if isinstance(result, Exception):
            skipped.append((doc.id, result))
        elif merge:
            published[doc.id] = doc.published
            found.extend(result)
        else:
            yield from unmerged(result)
    if skipped and on_result is None:
        doc_id, reason = skipped[0]
        warnings.warn(f"{len(skipped)} document(s) not read, the first {doc_id}: {type(reason).__name__}: {reason}",
                      DocumentsNotRead, stacklevel=2)
    if merge:
        yield from fuse(found, published)


def extract_events(docs: Iterable[Document], merge: bool = True, engine: str | None = None,
                   workers: int | None = 1) -> list[Event]:
    """Extract every document (in ``workers`` processes); fuse the mentions into events unless
    ``merge`` is False."""
    return list(stream_events(docs, merge, engine, workers=workers))
