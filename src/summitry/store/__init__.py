"""Where summitry keeps what it read: documents, per-mention events and fused events.

    from summitry.store import open_store
    with open_store("events.duckdb") as store:          # or "postgresql://user@host/db"
        report = store.ingest(documents)

The default target is SUMMITRY_DB, else ``summitry.duckdb`` in the user's data directory.
Questions over a store are in ``summitry.analytics``.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Self

from summitry.lazy import lazy_exports
from summitry.records import Document
from summitry.store.target import StoreError, default_target, is_postgres_target

if TYPE_CHECKING:
    from summitry.store.backends import Backend
    from summitry.store.ingest import Extractor, Fuser, IngestReport, StreamExtractor, canonical_name

# pyarrow, DuckDB and fusion only when a store is opened, not for every command's start-up
__getattr__, __dir__ = lazy_exports(__name__, dict.fromkeys(["IngestReport", "canonical_name"],
                                                            "summitry.store.ingest"))

__all__ = [
    "IngestReport",
    "Store",
    "StoreError",
    "canonical_name",
    "default_target",
    "is_postgres_target",
    "open_store",
]


class Store:
    """An open database (DuckDB file or PostgreSQL) with summitry's schema."""

    def __init__(self, backend: Backend, target: str):
        self.db = backend
        self.target = target

    @property
    def kind(self) -> str:
        return self.db.kind

    def ingest(self, documents: Iterable[Document], *, extract: Extractor | None = None,
               fuse: Fuser | None = None, batch_size: int | None = None,
               progress: Callable[[IngestReport], None] | None = None, engine: str | None = None,
               workers: int | None = 1, extract_stream: StreamExtractor | None = None) -> IngestReport:
        """Store ``documents``; each batch of ``batch_size`` documents (default 1,000) is one transaction. ``engine``
        names the extraction engine (default: the rules of each language); ``extract`` replaces
        extraction altogether. ``workers`` other than 1 extracts in that many processes (None: one per
        core); the store is the same as with one. ``extract_stream`` extracts elsewhere instead, e.g.
        ``summitry.cluster.DaskExtraction`` on a Dask cluster."""
        from summitry.store.ingest import Ingestor

        return Ingestor(self.db, extract, fuse, batch_size, engine=engine, workers=workers,
                        extract_stream=extract_stream).ingest(documents, progress)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(target: str | Path | None = None, *, read_only: bool = False) -> Store:
    """Open (creating if needed) the store at ``target``: a DuckDB path or a postgresql:// DSN.

    ``read_only`` opens an existing store for questions only: it is never created or changed,
    and several processes may read one DuckDB file at once (while none writes it).
    """
    from summitry.store.backends import connect

    target = str(target) if target is not None else default_target()
    return Store(connect(target, read_only), target)
