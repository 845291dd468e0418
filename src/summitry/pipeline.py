"""The main job as one call: documents in, (fused) events out."""
from __future__ import annotations

from collections.abc import Iterable

from summitry.extract import extract_documents
from summitry.fuse import fuse, unmerged
from summitry.records import Document, Event


def extract_events(docs: Iterable[Document], merge: bool = True, engine: str | None = None) -> list[Event]:
    """Extract every document; fuse the mentions into events unless ``merge`` is False."""
    docs = list(docs)
    events = extract_documents(docs, engine)
    if not merge:
        return unmerged(events)
    return fuse(events, {d.id: d.published for d in docs})
