"""Open an existing store for reading only, so that serving it can never change it.

``summitry.store.open_store`` creates the schema when it is missing, which is right for ingest but
not for a server: here a DuckDB file is opened with DuckDB's ``read_only`` flag (the file must
exist and hold summitry's schema), and a PostgreSQL session is made read-only before any query.
The backends' query methods are reused unchanged.
"""
from __future__ import annotations

from pathlib import Path

from summitry.store import Store, StoreError, default_target, is_postgres_target
from summitry.store import schema as store_schema
from summitry.store.backends import Backend, DuckDBBackend, PostgresBackend, _redact


class ReadOnlyDuckDB(DuckDBBackend):
    def __init__(self, path: str | Path):
        import duckdb

        self.path = str(path)
        if not Path(self.path).is_file():
            raise StoreError(f"no database at {self.path}: run `summitry ingest INPUT --db {self.path}` first")
        try:
            self.conn = duckdb.connect(self.path, read_only=True)
        except duckdb.Error as exc:
            hint = ""
            if "lock" in str(exc).lower():
                # DuckDB lets one process write, or several read, never both at once
                hint = "; another process is writing it: wait for it to end, serve a copy, or use PostgreSQL"
            raise StoreError(f"{self.path}: cannot open the database for reading ({exc}){hint}") from exc


class ReadOnlyPostgres(PostgresBackend):
    def __init__(self, dsn: str):
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - depends on the installation
            raise StoreError("PostgreSQL needs psycopg 3: pip install 'summitry[postgres]'") from exc
        self.dsn = dsn
        try:
            self.conn = psycopg.connect(dsn, autocommit=True)
        except psycopg.OperationalError as exc:
            raise StoreError(f"cannot connect to {_redact(dsn)}: {exc}".strip()) from exc
        self.conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")


def _check_schema(backend: Backend, target: str) -> None:
    try:
        found = backend.rows("SELECT value FROM meta WHERE key = ?", ["schema_version"])
    except Exception as exc:  # the driver's own error types: no meta table means no summitry schema
        backend.close()
        raise StoreError(f"{target} is not a summitry database (no schema version found)") from exc
    if not found or found[0][0] != store_schema.SCHEMA_VERSION:
        backend.close()
        version = found[0][0] if found else "none"
        raise StoreError(f"{target} has schema version {version}; this summitry reads version "
                         f"{store_schema.SCHEMA_VERSION}: ingest into a new database")


def open_readonly(target: str | Path | None = None) -> Store:
    """Open the store at ``target`` (a DuckDB path or a postgresql:// DSN) for reading only."""
    target = str(target) if target is not None else default_target()
    if is_postgres_target(target):
        backend: Backend = ReadOnlyPostgres(target)
        shown = _redact(target)
    else:
        backend = ReadOnlyDuckDB(target)
        shown = target
    _check_schema(backend, shown)
    return Store(backend, target)
