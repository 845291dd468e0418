"""Open an existing store for reading only, so that serving it can never change it.

The store's own read-only opening does the work: a DuckDB file is opened with DuckDB's
``read_only`` flag (it must exist and hold summitry's schema, and several readers may share it
while nobody writes), and a PostgreSQL session is made read-only before any query.
"""
from __future__ import annotations

from pathlib import Path

from summitry.store import Store, open_store


def open_readonly(target: str | Path | None = None) -> Store:
    """Open the store at ``target`` (a DuckDB path or a postgresql:// DSN) for reading only."""
    return open_store(target, read_only=True)
