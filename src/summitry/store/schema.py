"""The store's tables, declared once and turned into DDL for both DuckDB and PostgreSQL.

Three layers, so that re-ingesting one document only touches what it changed:

* ``documents``: one row per input document with a hash of everything extraction reads;
* ``mention_events``: what the engines returned for each document, one row per mention, with the
  full record as JSON and where fusion may compare it with others (``summitry.fuse.fusion_key``:
  ``block``, ``scope`` and the days ``reach_from``..``reach_to`` it can reach, counted from
  1970-01-01), filed under a ``bucket`` of its block and reach so that the mentions near a change
  are found by an index: see ``summitry.store.ingest``;
* ``events`` (+ ``event_parties``, ``event_mentions``, ``legs``): the fused events and the
  columns the questions filter on, with the analysts' ``corrections`` applied over them
  (``trip_bucket`` files a leg by traveller and days, for numbering trips again around a
  change). ``legs`` holds one row per person abroad, so a travel
  query reads one person's rows by an index (PostgreSQL) or a columnar scan (DuckDB).

A mention event is named ``mention_id`` = ``<doc_id>#<seq>`` (its position in the engine's output
for that document), which stays unique even when two events share a sentence.
"""
from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = "6"
# What each version changed, for the message that asks to ingest an older database anew.
SCHEMA_CHANGES = {
    "4": "events and legs gained dated_by: where an event's date comes from",
    "5": "documents keep their text (the web app shows a whole document); analysts' corrections "
         "are kept in an append-only table",
    "6": "mention events are filed by fusion's block, scope, reach and bucket, and events by trip_bucket, "
         "so that ingest fuses again only the islands a change touches",
}

# column types: the same three logical types on both backends
_SQL_TYPES = {"text": "TEXT", "int": "BIGINT", "date": "DATE"}
_ARROW_TYPES = {"text": pa.string(), "int": pa.int64(), "date": pa.date32()}

TABLES: dict[str, list[tuple[str, str]]] = {
    "meta": [("key", "text"), ("value", "text")],
    "documents": [
        ("id", "text"), ("content_hash", "text"), ("lang", "text"), ("published", "text"),
        ("source", "text"), ("url", "text"), ("text", "text"),
    ],
    "mention_events": [
        ("mention_id", "text"), ("doc_id", "text"), ("seq", "int"), ("id", "text"), ("type", "text"),
        ("status", "text"), ("start_char", "int"), ("end_char", "int"), ("block", "text"),
        ("scope", "text"), ("reach_from", "int"), ("reach_to", "int"), ("bucket", "text"),
        ("record", "text"),
    ],
    "events": [
        ("id", "text"), ("type", "text"), ("status", "text"), ("actor_name", "text"),
        ("actor_country", "text"), ("actor_office", "text"), ("actor_level", "text"),
        ("counterparts", "text"), ("countries", "text"), ("place", "text"), ("forum", "text"),
        ("start_date", "date"), ("end_date", "date"), ("precision", "text"), ("dated_by", "text"),
        ("trip", "text"), ("n_mentions", "int"), ("trip_bucket", "text"), ("record", "text"),
    ],
    # role: actor | counterpart | host (one row per entry of Event.countries)
    "event_parties": [
        ("event_id", "text"), ("role", "text"), ("name", "text"), ("name_lc", "text"),
        ("country", "text"),
    ],
    "event_mentions": [
        ("event_id", "text"), ("mention_id", "text"), ("doc_id", "text"), ("start_char", "int"),
        ("end_char", "int"), ("status", "text"), ("lang", "text"), ("text", "text"),
    ],
    "legs": [
        ("event_id", "text"), ("person", "text"), ("person_lc", "text"), ("person_country", "text"),
        ("country", "text"), ("place", "text"), ("start_date", "date"), ("end_date", "date"),
        ("precision", "text"), ("dated_by", "text"), ("status", "text"), ("type", "text"),
        ("trip", "text"),
    ],
    # analysts' corrections, appended and never changed (see summitry.store.corrections)
    "corrections": [
        ("id", "int"), ("made_at", "text"), ("author", "text"), ("action", "text"), ("target", "text"),
        ("change", "text"), ("reason", "text"),
    ],
}

PRIMARY_KEYS = {
    "meta": ("key",),
    "documents": ("id",),
    "mention_events": ("mention_id",),
    "events": ("id",),
    "corrections": ("id",),
}

INDEXES = [
    ("mention_events", "doc_id"),
    ("mention_events", "bucket"),
    ("events", "trip_bucket"),
    ("event_parties", "event_id"),
    ("event_parties", "name_lc"),
    ("event_parties", "country"),
    ("event_mentions", "event_id"),
    ("event_mentions", "mention_id"),
    ("event_mentions", "doc_id"),
    ("legs", "person_lc"),
    ("legs", "event_id"),
]

# DuckDB answers the questions' filters by zone maps and columnar scans, but ingest looks rows up
# by id, document and bucket in a table that keeps growing: those lookups use its ART indexes
# (a scan would make each batch cost the size of the database).
DUCKDB_INDEXES: list[tuple[str, str]] = [
    ("mention_events", "doc_id"),
    ("mention_events", "bucket"),
    ("events", "trip_bucket"),
    ("event_parties", "event_id"),
    ("event_mentions", "event_id"),
    ("event_mentions", "mention_id"),
    ("event_mentions", "doc_id"),
    ("legs", "event_id"),
]


def version_mismatch(found: str) -> str:
    """Why a database of schema version ``found`` cannot be used, and what to do."""
    changes = [f"{v}: {SCHEMA_CHANGES[v]}" for v in sorted(SCHEMA_CHANGES, key=int)
               if found.isdigit() and int(found) < int(v)]
    since = f" (since then, {'; '.join(changes)})" if changes else ""
    return f"this summitry uses version {SCHEMA_VERSION}{since}: ingest the documents into a new database"


def columns(table: str) -> list[str]:
    return [name for name, _ in TABLES[table]]


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in TABLES[table]])


def ddl(indexes: list[tuple[str, str]]) -> list[str]:
    """CREATE statements (idempotent) for every table and the given indexes."""
    statements = []
    for table, cols in TABLES.items():
        body = [f"{name} {_SQL_TYPES[kind]}" for name, kind in cols]
        if table in PRIMARY_KEYS:
            body.append(f"PRIMARY KEY ({', '.join(PRIMARY_KEYS[table])})")
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(body)})")
    for table, column in indexes:
        statements.append(f"CREATE INDEX IF NOT EXISTS ix_{table}_{column} ON {table} ({column})")
    return statements
