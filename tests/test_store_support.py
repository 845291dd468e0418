"""Helpers for the store and analytics tests (no tests here).

Documents in these tests carry their per-mention events as text, one JSON object per line, and
``line_extractor`` turns each line into the event an engine would return for it (with the line
as its mention). That tests the store and the queries against the project's real fusion without
depending on what the extraction engines find. ``python tests/test_store_support.py DB N`` is the
ingest process the kill test starts and kills.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from summitry.extract import mention_event_id
from summitry.records import Document, Event, Mention, Party

ROOT = Path(__file__).resolve().parents[1]


def line(type_: str, actor: tuple[str | None, str | None], countries=(), start=None, end=None,
         precision="day", status="occurred", counterparts=(), place=None, forum=None) -> str:
    """One mention, written as a line of a test document."""
    return json.dumps({"type": type_, "actor": list(actor), "countries": list(countries), "start": start,
                       "end": end or start, "precision": precision if start else None, "status": status,
                       "counterparts": [list(c) for c in counterparts], "place": place, "forum": forum})


def doc(doc_id: str, lines: list[str], published: str | None = "2022-09-20", lang: str = "en") -> Document:
    return Document(id=doc_id, text="\n".join(lines) + "\n", lang=lang, published=published, source="test")


def line_extractor(document: Document) -> list[Event]:
    """The events a test document's lines describe, one mention each (offsets of the line)."""
    events, offset = [], 0
    for raw in document.text.split("\n"):
        start, offset = offset, offset + len(raw) + 1
        if not raw.strip():
            continue
        d = json.loads(raw)
        actor = Party(name=d["actor"][0], country=d["actor"][1])
        counterparts = [Party(name=n, country=c) for n, c in d["counterparts"]]
        end = start + len(raw)
        events.append(Event(
            id=mention_event_id(document.id, start, end, d["type"], [actor, *counterparts], d["countries"],
                                d["forum"]),
            type=d["type"], status=d["status"], actor=actor, counterparts=counterparts,
            countries=d["countries"], place=d["place"], forum=d["forum"], start=d["start"], end=d["end"],
            precision=d["precision"],
            mentions=[Mention(doc=document.id, status=d["status"], lang=document.lang, text=raw,
                              start=start, end=end)]))
    return events


PEOPLE = [("Alba Norin", "NOR"), ("Bela Csorba", "HUN"), ("Chen Wei", "CHN"), ("Dara Okafor", "NGA"),
          ("Emil Sauer", "DEU"), ("Farah Qasim", "PAK"), ("Goro Ikeda", "JPN"), ("Hana Lindqvist", "SWE")]
HOSTS = ["FRA", "KAZ", "UZB", "BRA", "IDN", "KEN", "USA", "CHN", "NOR", "JPN"]
STATUSES = ["occurred", "occurred", "occurred", "planned", "speculated"]


def generated_documents(n: int, seed: int = 7, lines_per_doc: int = 6) -> list[Document]:
    """``n`` documents about a few people, so that many reports of one event meet in fusion."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        lines = []
        for _ in range(lines_per_doc):
            name, home = rng.choice(PEOPLE)
            draw = rng.random()
            if draw < 0.05:  # "the Japanese leader": known only by country
                name = None
            elif draw < 0.08:  # a report that does not say where the person is from
                home = None
            host = rng.choice([h for h in HOSTS if h != home])
            # mostly dated; some undated reports, which fusion places by the publication day
            day = f"2022-{rng.randint(1, 3):02d}-{rng.randint(1, 9):02d}" if rng.random() < 0.85 else None
            kind = rng.choice(["visit", "visit", "meeting", "multilateral", "call"])
            status = rng.choice(STATUSES)
            if kind == "visit":
                lines.append(line("visit", (name, home), [host], day, status=status, place=f"{host} City"))
            elif kind == "multilateral":
                lines.append(line("multilateral", (name, home), [host], day, status=status, forum="Summit"))
            else:
                other = rng.choice([p for p in PEOPLE if p[0] != name and p[1] != home])
                lines.append(line(kind, (name, home), [host] if kind == "meeting" else [], day, status=status,
                                  counterparts=[other]))
        published = f"2022-{rng.randint(1, 12):02d}-15" if rng.random() < 0.95 else None
        docs.append(doc(f"gen{i:05d}", lines, published=published))
    return docs


# --- comparing whole stores --------------------------------------------------------------------

SNAPSHOT_QUERIES = {
    "documents": "SELECT id, content_hash, published FROM documents ORDER BY id",
    "mention_events": "SELECT mention_id, id, block, record FROM mention_events ORDER BY mention_id",
    "events": "SELECT id, record FROM events ORDER BY id",
    "event_parties": "SELECT event_id, role, name, country FROM event_parties "
                     "ORDER BY event_id, role, name NULLS FIRST, country NULLS FIRST",
    "event_mentions": "SELECT event_id, mention_id, doc_id, start_char FROM event_mentions "
                      "ORDER BY event_id, mention_id NULLS FIRST",
    "legs": "SELECT event_id, person, country, start_date, end_date, status FROM legs "
            "ORDER BY event_id, person, country",
}


def snapshot(store) -> dict[str, list[tuple]]:
    return {name: [tuple(r) for r in store.db.rows(sql)] for name, sql in SNAPSHOT_QUERIES.items()}


# --- fixtures (test modules import them by their *_fixture names) --------------------------------------------------------------------------------

def _server_dsn() -> str | None:
    dsn = os.environ.get("SUMMITRY_TEST_PG_DSN")
    if dsn:
        return dsn
    script = ROOT / "scripts" / "postgres.sh"
    if shutil.which("bash") is None:
        return None
    try:
        run = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = run.stdout.strip().splitlines()
    if run.returncode != 0 or not lines or not lines[-1].startswith("postgresql://"):
        return None
    return lines[-1]


@pytest.fixture(scope="session", name="pg_server")
def pg_server_fixture() -> str:
    """The DSN of a PostgreSQL server: SUMMITRY_TEST_PG_DSN, else one scripts/postgres.sh starts."""
    psycopg = pytest.importorskip("psycopg")
    dsn = _server_dsn()
    if dsn is None:
        pytest.skip("no PostgreSQL server: set SUMMITRY_TEST_PG_DSN or let scripts/postgres.sh start one")
    try:
        psycopg.connect(dsn, connect_timeout=5).close()
    except psycopg.OperationalError as exc:
        if os.environ.get("SUMMITRY_TEST_PG_DSN"):
            raise  # CI promised a server: failing to reach it is an error, not a skip
        pytest.skip(f"PostgreSQL at {dsn} unreachable: {exc}")
    return dsn


@pytest.fixture(name="pg_dsn")
def pg_dsn_fixture(pg_server: str):
    """A fresh empty database on the test server, dropped afterwards."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    name = "summitry_t_" + uuid.uuid4().hex[:10]
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    params = conninfo_to_dict(pg_server)
    params["dbname"] = name
    host, port, user = params.get("host", "127.0.0.1"), params.get("port", "5432"), params.get("user", "")
    yield f"postgresql://{user}@{host}:{port}/{name}" if user else make_conninfo(**params)
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["duckdb", "postgres"], name="target")
def target_fixture(request, tmp_path) -> str:
    """Each store test runs on an embedded DuckDB file and on PostgreSQL."""
    if request.param == "duckdb":
        return str(tmp_path / "store.duckdb")
    return request.getfixturevalue("pg_dsn")


# --- the process the kill test kills -----------------------------------------------------------

def main(argv: list[str]) -> int:
    from summitry.store import open_store

    db, n = argv[0], int(argv[1])
    with open_store(db) as store:
        def progress(report) -> None:
            print(f"committed {report.added + report.replaced + report.unchanged}", flush=True)
        store.ingest(generated_documents(n), extract=line_extractor, batch_size=25, progress=progress)
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


# People and a tour the analytics and web tests share.
XI = ("Xi Jinping", "CHN")
PUTIN = ("Vladimir Putin", "RUS")
TOKAYEV = ("Kassym-Jomart Tokayev", "KAZ")
BIDEN = ("Joe Biden", "USA")

TOUR = [
    # a two-country trip: the days in Kazakhstan and Uzbekistan overlap on the 14th
    line("visit", XI, ["KAZ"], "2022-09-14", place="Astana"),
    line("meeting", XI, ["KAZ"], "2022-09-14", counterparts=[TOKAYEV], place="Astana"),
    line("visit", XI, ["UZB"], "2022-09-14", "2022-09-16", place="Samarkand"),
    line("multilateral", XI, ["UZB"], "2022-09-15", "2022-09-16", forum="SCO", place="Samarkand"),
    line("meeting", XI, ["UZB"], "2022-09-15", counterparts=[PUTIN], place="Samarkand"),
    # known only to the month
    line("visit", XI, ["MMR"], "2020-01-01", "2020-01-31", precision="month"),
    # at home, by phone, or not yet happened: no days abroad unless asked
    line("meeting", XI, ["CHN"], "2022-02-04", counterparts=[PUTIN], place="Beijing"),
    line("call", XI, [], "2022-03-18", counterparts=[BIDEN]),
    line("multilateral", XI, ["IDN"], "2022-11-15", "2022-11-16", forum="G20", status="planned", place="Bali"),
    line("visit", XI, ["RUS"], "2022-12-01", status="cancelled"),
]
