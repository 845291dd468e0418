"""How the server reads a store: many requests at once, without holding up the store's writers.

* **DuckDB.** A DuckDB file takes one writer or several readers, never both, so a server that
  kept the file open would refuse every ``summitry ingest``. The server instead reads a
  *snapshot*: it opens the file read-only for as long as it takes to copy it (``COPY FROM
  DATABASE``) into a temporary file, then lets it go, and opens the copy read-only. Each worker
  thread reads the snapshot through a connection of its own. When the file changes (its size or modification time, or its WAL's),
  a background thread copies it again once the writer has closed it, and requests move to the
  new snapshot; until then they are answered from the last one. A writer that meets the short
  copy waits for it (``summitry.store.backends`` retries a busy file for a few seconds).
* **PostgreSQL.** A pool of read-only sessions (``psycopg_pool``): a broken connection is
  replaced, and while the server is away the pool reconnects with exponential backoff; requests
  meanwhile get 503 after a short wait, and ``/healthz`` says the database is unavailable.

``Readers.reader()`` yields a ``summitry.store.Store`` over one connection for one request, so
``summitry.analytics`` runs unchanged. ``Readers.writer()`` opens the store for writing, for the
few requests that change it (corrections).
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summitry.store import Store, StoreError, is_postgres_target, open_store
from summitry.store import schema as store_schema
from summitry.store.backends import DuckDBBackend, PostgresBackend, default_target, redact_dsn

log = logging.getLogger("summitry.web")


class Unavailable(StoreError):
    """The database cannot answer now (PostgreSQL away, DuckDB file unreadable): try again later."""


class Readers:
    """Connections for concurrent requests over one store."""

    kind = "?"
    target = ""

    @contextmanager
    def reader(self) -> Iterator[Store]:
        raise NotImplementedError
        yield

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The store opened for writing (a short transaction's worth); readers see the change after."""
        try:
            store = open_store(self.target)
        except StoreError as exc:
            raise Unavailable(str(exc)) from exc
        try:
            yield store
        finally:
            store.close()
        self.changed()

    def changed(self) -> None:
        """This process has just written the store."""

    def generation(self) -> object | None:
        """An id of what the readers read now when it cannot change under them (a DuckDB snapshot),
        so that answers may be kept for it; None when others may change it at any time."""
        return None

    def health(self) -> dict[str, Any]:
        raise NotImplementedError

    def close(self) -> None:
        pass


# --- DuckDB --------------------------------------------------------------------------------------

class _ConnectionBackend(DuckDBBackend):
    """A DuckDBBackend over a connection someone else opened (one worker thread's, on a snapshot)."""

    def __init__(self, conn, path: str):
        self.conn = conn
        self.path = path

    def close(self) -> None:  # the snapshot owns the connection
        pass


@dataclass
class _Snapshot:
    conn: Any                      # the first connection to the snapshot (read-only)
    signature: tuple
    loaded_at: float
    serial: int
    threads: threading.local = field(default_factory=threading.local)

    def connection(self):
        conn = getattr(self.threads, "conn", None)
        if conn is None:
            conn = self.threads.conn = self.conn.cursor()
        return conn


def _file_signature(path: Path) -> tuple:
    """What changes when a writer changes the file: size and modification time, of it and its WAL."""
    out = []
    for p in (path, path.with_name(path.name + ".wal")):
        try:
            st = p.stat()
        except FileNotFoundError:
            out.append(None)
        else:
            out.append((st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(out)


class DuckDBSnapshots(Readers):
    kind = "duckdb"

    def __init__(self, path: str | Path, refresh_seconds: float = 1.0):
        self.path = Path(path)
        self.target = str(path)
        self.refresh_seconds = refresh_seconds
        if not self.path.is_file():
            raise StoreError(f"no database at {self.path}: run `summitry ingest INPUT --db {self.path}` first")
        self._dir = Path(tempfile.mkdtemp(prefix="summitry-snapshots-"))
        self._serial = 0
        self._lock = threading.Lock()
        self._load_lock = threading.Lock()
        self._loading = False
        self._checked = time.monotonic()
        self.last_error: str | None = None
        self._snapshot = self._load()

    def _load(self) -> _Snapshot:
        with self._load_lock:  # one copy at a time (a reload after a write may meet a background one)
            return self._copy()

    def _copy(self) -> _Snapshot:
        import duckdb

        signature = _file_signature(self.path)
        self._serial += 1
        copy = self._dir / f"snapshot-{self._serial}.duckdb"
        conn = duckdb.connect(":memory:")
        try:
            try:
                conn.execute("ATTACH ? AS src (READ_ONLY)", [str(self.path)])
            except duckdb.Error as exc:
                busy = "lock" in str(exc).lower()
                raise (Unavailable if busy else StoreError)(
                    f"{self.path}: cannot read the database ({exc})"
                    + ("; a writer has it open: it is read again when the writer closes it" if busy else "")
                ) from exc
            try:
                found = conn.execute("SELECT value FROM src.meta WHERE key = 'schema_version'").fetchall()
            except duckdb.Error:
                found = None
            if found is None:
                raise StoreError(f"{self.path} is not a summitry database (no schema version found)")
            if not found or found[0][0] != store_schema.SCHEMA_VERSION:
                version = found[0][0] if found else "none"
                raise StoreError(f"{self.path} has schema version {version}; "
                                 f"{store_schema.version_mismatch(version)}")
            conn.execute("ATTACH ? AS snap", [str(copy)])
            conn.execute("COPY FROM DATABASE src TO snap")
        except BaseException:
            conn.close()
            copy.unlink(missing_ok=True)
            raise
        conn.close()  # lets go of the file: writers may open it now
        # one thread per query: requests run in parallel, and small queries gain nothing from more
        reading = duckdb.connect(str(copy), read_only=True, config={"threads": 1})
        # the copy's directory entry goes now: the connections keep it open as long as they live
        copy.unlink()
        return _Snapshot(reading, signature, time.time(), self._serial)

    def _maybe_reload(self) -> None:
        now = time.monotonic()
        if now - self._checked < self.refresh_seconds or self._loading:
            return
        self._checked = now
        if _file_signature(self.path) == self._snapshot.signature:
            return
        with self._lock:
            if self._loading:
                return
            self._loading = True
        threading.Thread(target=self._reload, name="summitry-snapshot", daemon=True).start()

    def _reload(self) -> None:
        try:
            self._snapshot = self._load()
            self.last_error = None
            log.info("summitry: read %s again", self.path)
        except Exception as exc:  # noqa: BLE001 - any failure: keep answering from the last snapshot
            # (a writer still has the file, it is gone, or the copy failed): the next check tries again
            self.last_error = str(exc)
            log.info("summitry: %s", exc)
        finally:
            self._checked = time.monotonic()
            self._loading = False

    def reload(self) -> None:
        """Read the file again now (after this process wrote it)."""
        with self._lock:
            self._snapshot = self._load()
            self.last_error = None

    def changed(self) -> None:
        self.reload()

    def generation(self) -> object | None:
        self._maybe_reload()
        return self._snapshot.serial

    @contextmanager
    def reader(self) -> Iterator[Store]:
        self._maybe_reload()
        snapshot = self._snapshot
        yield Store(_ConnectionBackend(snapshot.connection(), self.target), self.target)

    def health(self) -> dict[str, Any]:
        snapshot = self._snapshot
        current = _file_signature(self.path) == snapshot.signature
        state = {"state": "ok", "snapshot_taken": time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                                time.gmtime(snapshot.loaded_at)),
                 "current": current}
        if not current and self.last_error:
            state["detail"] = self.last_error
        return state

    def close(self) -> None:
        self._snapshot.conn.close()
        shutil.rmtree(self._dir, ignore_errors=True)


# --- PostgreSQL ----------------------------------------------------------------------------------

class _PooledBackend(PostgresBackend):
    """A PostgresBackend over a connection borrowed from the pool."""

    def __init__(self, conn, dsn: str):
        self.conn = conn
        self.dsn = dsn

    def close(self) -> None:  # the pool takes it back
        pass


class PostgresPool(Readers):
    kind = "postgres"

    def __init__(self, dsn: str, min_size: int = 1, max_size: int = 8, wait_seconds: float = 3.0,
                 reconnect_timeout: float = 300.0):
        try:
            from psycopg_pool import ConnectionPool
        except ImportError as exc:  # pragma: no cover - depends on the installation
            raise StoreError("serving PostgreSQL needs psycopg_pool: pip install 'summitry[postgres]'") from exc
        self.target = dsn
        self.shown = redact_dsn(dsn)
        self.wait_seconds = wait_seconds
        # the schema is checked once, by a plain read-only opening (clear errors for a wrong database)
        open_store(dsn, read_only=True).close()
        self.pool = ConnectionPool(
            dsn, min_size=min_size, max_size=max_size, open=False, name="summitry-readers",
            kwargs={"autocommit": True}, configure=self._configure,
            check=ConnectionPool.check_connection, reconnect_timeout=reconnect_timeout)
        self.pool.open(wait=True, timeout=30)

    @staticmethod
    def _configure(conn) -> None:
        conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")

    @contextmanager
    def reader(self) -> Iterator[Store]:
        from psycopg import OperationalError
        from psycopg_pool import PoolTimeout

        try:
            with self.pool.connection(timeout=self.wait_seconds) as conn:
                yield Store(_PooledBackend(conn, self.target), self.target)
        except (PoolTimeout, OperationalError) as exc:
            raise Unavailable(f"the database at {self.shown} does not answer: {type(exc).__name__}") from exc

    def health(self) -> dict[str, Any]:
        try:
            with self.reader() as store:
                store.db.rows("SELECT 1")
        except Unavailable as exc:
            return {"state": "unavailable", "detail": str(exc)}
        stats = self.pool.get_stats()
        return {"state": "ok", "pool_size": stats.get("pool_size", 0),
                "connections_lost": stats.get("connections_lost", 0)}

    def close(self) -> None:
        self.pool.close()


def open_readers(target: str | Path | None = None, **options: Any) -> Readers:
    """Readers for the store at ``target`` (a DuckDB path or a postgresql:// DSN), which must exist."""
    target = str(target) if target is not None else default_target()
    if is_postgres_target(target):
        return PostgresPool(target, **{k: v for k, v in options.items() if k != "refresh_seconds"})
    return DuckDBSnapshots(target, **{k: v for k, v in options.items() if k == "refresh_seconds"})


def env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default
