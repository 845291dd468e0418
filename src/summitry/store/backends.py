"""Two ways to hold the same schema: an embedded DuckDB file, or a shared PostgreSQL database.

Both speak the small interface the ingest and analytics code use: ``execute``/``rows``/``query``
with ``?`` placeholders (translated for psycopg), ``insert`` for bulk rows, and ``transaction()``.
A list passed as a parameter is bound as an array, so ``col = ANY(?)`` works on both.
"""
from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa

from summitry.store import schema
from summitry.store.target import StoreError, default_target, is_postgres_target

__all__ = ["Backend", "StoreError", "connect", "default_target", "is_postgres_target"]


class Backend:
    kind = "?"
    #: no other process can write the store while this connection is open (an ingest may then keep
    #: what it read between its transactions)
    sole_writer = False

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        raise NotImplementedError

    def query(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        raise NotImplementedError

    def insert(self, table: str, rows: list[tuple]) -> None:
        """Append rows (tuples in the order of ``schema.TABLES[table]``)."""
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[None]:
        raise NotImplementedError
        yield

    def close(self) -> None:
        raise NotImplementedError

    def lock_for_ingest(self) -> None:
        """Called first in each ingest transaction: one writer at a time re-fuses a block."""

    def _lock_schema(self) -> None:
        """Called first in the schema transaction: clients opening one database at once take turns."""

    def create_schema(self, indexes: list[tuple[str, str]]) -> None:
        with self.transaction():
            self._lock_schema()
            for statement in schema.ddl(indexes):
                self.execute(statement)
            self._guard_appended_tables()
            found = self.rows("SELECT value FROM meta WHERE key = ?", ["schema_version"])
            if not found:
                self.execute("INSERT INTO meta VALUES (?, ?)", ["schema_version", schema.SCHEMA_VERSION])
            elif found[0][0] != schema.SCHEMA_VERSION:
                raise StoreError(f"the database has schema version {found[0][0]}; "
                                 f"{schema.version_mismatch(found[0][0])}")

    def _guard_appended_tables(self) -> None:
        """Where the database can: refuse changes to the tables that are only ever appended to."""

    def check_schema(self, shown: str) -> None:
        """For a store opened read-only: it must hold this version of summitry's schema."""
        try:
            found = self.rows("SELECT value FROM meta WHERE key = ?", ["schema_version"])
        except Exception as exc:
            self.close()
            raise StoreError(f"{shown} is not a summitry database (no schema version found)") from exc
        if not found or found[0][0] != schema.SCHEMA_VERSION:
            self.close()
            version = found[0][0] if found else "none"
            raise StoreError(f"{shown} has schema version {version}; {schema.version_mismatch(version)}")


class DuckDBBackend(Backend):
    kind = "duckdb"
    sole_writer = True  # a DuckDB file open for writing is locked to this process

    def __init__(self, path: str | Path, read_only: bool = False):
        import duckdb

        self.path = str(path)
        self._checkpoint_threshold = 0
        if read_only and not Path(self.path).is_file():
            raise StoreError(f"no database at {self.path}: run `summitry ingest INPUT --db {self.path}` first")
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # DuckDB lets one process write, or several read, never both at once. A writer waits a
        # little for a reader that holds the file briefly (a server copying it, a quick query);
        # a reader that meets a writer fails at once, since an ingest may take long.
        deadline = time.monotonic() + (0 if read_only else _writer_wait_seconds())
        delay = 0.05
        while True:
            try:
                self.conn = self._open(duckdb, read_only)
                break
            except duckdb.Error as exc:
                busy = "lock" in str(exc).lower()
                if busy and time.monotonic() + delay < deadline:
                    time.sleep(delay)
                    delay = min(delay * 2, 1.0)
                    continue
                hint = ""
                if busy:
                    hint = ("; another process has it open (a writer, or readers while this one wants to "
                            "write): wait for it to end, or use PostgreSQL to share one")
                raise StoreError(f"{self.path}: cannot open the database ({exc}){hint}") from exc
        # an index lookup may return this many rows before DuckDB prefers a scan (its default,
        # 2,048, turns a batch's lookups of a few thousand rows into scans of whole tables)
        self.conn.execute("SET index_scan_max_count = 1000000")
        if read_only:
            self.check_schema(self.path)
        else:
            # a writer's cache of the database stays bounded whatever its size (DuckDB's default is
            # 80% of the machine's memory): an ingest's memory does not grow with the store
            self.conn.execute(f"SET memory_limit = '{_writer_memory()}'")
            self.create_schema(schema.DUCKDB_INDEXES)

    def _open(self, duckdb, read_only: bool):
        """A connection to the file; a writer's writes row groups of ``WRITER_ROW_GROUP_ROWS``."""
        if read_only or self.path == ":memory:":
            return duckdb.connect(self.path, read_only=read_only)
        # (a row group's size is an option of ATTACH, not of a connection's own file)
        conn = duckdb.connect(":memory:")
        try:
            conn.execute(f"ATTACH ? AS store (ROW_GROUP_SIZE {WRITER_ROW_GROUP_ROWS})", [self.path])
            conn.execute("USE store")
            conn.execute(f"SET zstd_min_string_length = {WRITER_ZSTD_MIN_LENGTH}")
        except BaseException:
            conn.close()
            raise
        return conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.conn.execute(*_in_lists(sql, params))

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self.conn.execute(*_in_lists(sql, params)).fetchall()

    def query(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        sql, values = _in_lists(sql, params)
        return self.conn.sql(sql, params=values).to_arrow_table()

    def insert(self, table: str, rows: list[tuple]) -> None:
        if not rows:
            return
        if len(rows) * len(rows[0]) <= 2000:  # a few rows: one statement, no Arrow table to register
            row = f"({', '.join('?' * len(rows[0]))})"
            self.conn.execute(f"INSERT INTO {table} VALUES {', '.join([row] * len(rows))}",
                              [value for r in rows for value in r])
            return
        arrow_schema = schema.arrow_schema(table)
        data = pa.Table.from_arrays(
            [pa.array([r[i] for r in rows], type=f.type) for i, f in enumerate(arrow_schema)],
            schema=arrow_schema)
        self.insert_arrow(table, data)

    def insert_arrow(self, table: str, data: pa.Table) -> None:
        self.conn.register("_summitry_rows", data)
        try:
            self.conn.execute(f"INSERT INTO {table} SELECT * FROM _summitry_rows")
        finally:
            self.conn.unregister("_summitry_rows")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.conn.begin()
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()

    def lock_for_ingest(self) -> None:
        # No lock to take (one process at a time may open a file for writing), but the point
        # where a batch may make DuckDB checkpoint: each checkpoint costs more as the file grows,
        # and at DuckDB's fixed threshold (a write-ahead log of 16 MB, a few batches) they took a
        # quarter of an ingest's time at 140,000 documents (benchmarks/linear_ingest.py). The log
        # may grow to the file's size instead, so their cost stays in proportion to what is
        # written. (At half the file's size, 12 checkpoints to 200,000 documents took 6.6 CPU s;
        # at its size, 7 took 4.3 s, for a peak RSS of 889 MB against 839 MB; at twice its size,
        # 4 took 4.2 s, for 933 MB.)
        if self.path == ":memory:":
            return
        threshold = min(max(os.path.getsize(self.path), _CHECKPOINT_MIN), _CHECKPOINT_MAX)
        if threshold != self._checkpoint_threshold:
            self.conn.execute(f"SET checkpoint_threshold = '{threshold}B'")
            self._checkpoint_threshold = threshold

    def close(self) -> None:
        self.conn.close()


# A checkpoint writes again, compressed anew, every row group a batch appended to: the last one,
# as it fills. At DuckDB's 122,880 rows a row group of documents' texts held up to 250 MB, and the
# checkpoint near its end took 5.7 of an ingest's 80 CPU s to 200,000 documents
# (benchmarks/linear_ingest.py); with 8,192 rows a checkpoint costs about what was written since
# the last one. DuckDB compresses a row group's strings with zstd only where they average 4,096
# bytes: smaller row groups of articles of 1-4 KB were then often left uncompressed (a file of 640
# MB at 200,000 documents, 453 MB with DuckDB's row groups); from 1,024 bytes, 376 MB.
WRITER_ROW_GROUP_ROWS = 8192
WRITER_ZSTD_MIN_LENGTH = 1024

# the write-ahead log a DuckDB writer lets grow before a checkpoint: the file's size, within these
_CHECKPOINT_MIN, _CHECKPOINT_MAX = 16 << 20, 512 << 20

_ANY = "= ANY(?)"
_TOKENS = re.compile(r"('(?:[^']|'')*'|\?)")  # a quoted literal (left as it is) or a placeholder


def _in_lists(sql: str, params: Sequence[Any]) -> tuple[str, list[Any]]:
    """``col = ANY(?)`` with a list bound, written ``col IN (?, ?, ...)``: DuckDB looks the values
    up in an ART index only when they come as an IN list."""
    if _ANY not in sql:
        return sql, list(params)
    out: list[str] = []
    values: list[Any] = []
    given = iter(params)
    expand_next = False
    for token in _TOKENS.split(sql):
        if token != "?":
            if expand_next:
                token = token[1:]  # the ")" of "= ANY(?)", already written
                expand_next = False
            out.append(token)
            continue
        value = next(given)
        if isinstance(value, (list, tuple)) and out and out[-1].endswith("= ANY("):
            out[-1] = out[-1][: -len("= ANY(")]
            out.append(f"IN ({', '.join('?' * len(value))})" if value else "IN (NULL)")
            values.extend(value)
            expand_next = True
        else:
            out.append("?")
            values.append(value)
    return "".join(out), values


# PostgreSQL type OIDs -> Arrow types, so both backends hand back the same column types
_PG_ARROW = {16: pa.bool_(), 20: pa.int64(), 21: pa.int64(), 23: pa.int64(), 25: pa.string(),
             1043: pa.string(), 1082: pa.date32(), 700: pa.float64(), 701: pa.float64(),
             1700: pa.float64(), 19: pa.string()}
_PLACEHOLDER = re.compile(r"\?")
# advisory lock keys (arbitrary, fixed)
_SCHEMA_LOCK, _INGEST_LOCK = 7311, 7312


class PostgresBackend(Backend):
    kind = "postgres"

    def __init__(self, dsn: str, read_only: bool = False):
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - depends on the installation
            raise StoreError("PostgreSQL needs psycopg 3: pip install 'summitry[postgres]'") from exc
        self.dsn = dsn
        try:
            self.conn = psycopg.connect(dsn, autocommit=True)
        except psycopg.OperationalError as exc:
            raise StoreError(f"cannot connect to {redact_dsn(dsn)}: {exc}".strip()) from exc
        if read_only:
            self.conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            self.check_schema(redact_dsn(dsn))
        else:
            self.create_schema(schema.INDEXES)

    @staticmethod
    def _sql(sql: str) -> str:
        # psycopg reads % as the start of a placeholder: a literal one is written %%
        return _PLACEHOLDER.sub("%s", sql.replace("%", "%%"))

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.conn.execute(self._sql(sql), list(params))

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self.conn.execute(self._sql(sql), list(params)).fetchall()

    def query(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        cur = self.conn.execute(self._sql(sql), list(params))
        names = [d.name for d in cur.description]
        types = [_PG_ARROW.get(d.type_code, pa.string()) for d in cur.description]
        data = cur.fetchall()
        arrays = [pa.array([float(r[i]) if t == pa.float64() and r[i] is not None else r[i] for r in data],
                           type=t) for i, t in enumerate(types)]
        return pa.Table.from_arrays(arrays, names=names)

    def insert(self, table: str, rows: list[tuple]) -> None:
        if not rows:
            return
        cols = ", ".join(schema.columns(table))
        with self.conn.cursor() as cur, cur.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def insert_arrow(self, table: str, data: pa.Table) -> None:
        self.insert(table, [tuple(r.values()) for r in data.to_pylist()])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def _lock_schema(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(?)", [_SCHEMA_LOCK])

    def _guard_appended_tables(self) -> None:
        # analysts' corrections are kept for good: PostgreSQL itself refuses to change or delete one
        if self.rows("SELECT 1 FROM pg_trigger WHERE tgname = 'summitry_corrections_append_only'"):
            return
        self.execute("CREATE OR REPLACE FUNCTION summitry_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                     "$$ BEGIN RAISE EXCEPTION 'summitry: % is append-only: add a correction instead', TG_TABLE_NAME; "
                     "END $$")
        for name, when in (("summitry_corrections_append_only", "UPDATE OR DELETE ON corrections FOR EACH ROW"),
                           ("summitry_corrections_no_truncate", "TRUNCATE ON corrections FOR EACH STATEMENT")):
            self.execute(f"CREATE TRIGGER {name} BEFORE {when} EXECUTE FUNCTION summitry_append_only()")

    def lock_for_ingest(self) -> None:
        # Two team members ingesting at once would each re-fuse a shared block from what they
        # see and write both results; the lock makes their transactions take turns (readers never
        # wait). DuckDB needs none: one process at a time may open a file for writing.
        self.execute("SELECT pg_advisory_xact_lock(?)", [_INGEST_LOCK])

    def close(self) -> None:
        self.conn.close()


def redact_dsn(dsn: str) -> str:
    """A DSN without its password, to show."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", dsn)


#: what a DuckDB writer may cache by default: an ingest of 200,000 documents peaked at 986 MB of RSS
#: with 512MB, at 925 MB with 448MB for the same CPU time (2,478 and 2,473 documents per CPU second,
#: benchmarks/linear_ingest.py side by side); 400MB (883 MB) cost up to a tenth more CPU
WRITER_MEMORY = "448MB"


def _writer_memory() -> str:
    """The memory a DuckDB writer may cache: $SUMMITRY_DUCKDB_MEMORY (a DuckDB size: 512MB, 2GB),
    else ``WRITER_MEMORY``."""
    value = os.environ.get("SUMMITRY_DUCKDB_MEMORY", "").strip()
    return value if re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]?i?B", value, re.IGNORECASE) else WRITER_MEMORY


def _writer_wait_seconds() -> float:
    """How long a DuckDB writer waits for a busy file: $SUMMITRY_DUCKDB_WAIT seconds (default 10)."""
    try:
        return max(0.0, float(os.environ.get("SUMMITRY_DUCKDB_WAIT", "10")))
    except ValueError:
        return 10.0


def connect(target: str | Path | None = None, read_only: bool = False) -> Backend:
    """The backend for ``target``; read-only ones need an existing store and never change it."""
    target = str(target) if target is not None else default_target()
    if is_postgres_target(target):
        return PostgresBackend(target, read_only)
    return DuckDBBackend(target, read_only)
