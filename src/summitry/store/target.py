"""Where a store is (a DuckDB file or a PostgreSQL DSN) and the error of a store that cannot be
used: what every command that takes --db needs, with nothing heavy to import."""
from __future__ import annotations

import os
from pathlib import Path


class StoreError(RuntimeError):
    pass


def is_postgres_target(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def default_target() -> str:
    """SUMMITRY_DB, else summitry.duckdb in the user's data directory (XDG_DATA_HOME)."""
    if os.environ.get("SUMMITRY_DB"):
        return os.environ["SUMMITRY_DB"]
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "summitry" / "summitry.duckdb")
