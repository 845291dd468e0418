"""The issue's acceptance questions, asked of the seed articles through the whole pipeline."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_store_support import (  # noqa: F401  (fixtures)
    pg_dsn_fixture,
    pg_server_fixture,
    snapshot,
    target_fixture,
)

from summitry.cli import main
from summitry.ingest import read_inputs
from summitry.store import open_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds.jsonl"

pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="../shared/corpus/seeds.jsonl is not there")


@pytest.fixture
def seeded(target):
    assert main(["ingest", str(SEEDS), "--db", target]) == 0
    return target


def _travel(capsys, db: str, *args: str) -> dict:
    assert main(["travel", "Xi Jinping", *args, "--format", "json", "--db", db]) == 0
    return json.loads(capsys.readouterr().out)


def test_xi_jinping_in_central_asia_in_september_2022(seeded, capsys):
    report = _travel(capsys, seeded, "--year", "2022")
    september = [t for t in report["trips"] if t["start"] and t["start"].startswith("2022-09")]
    assert len(september) == 1
    trip = september[0]
    assert {"KAZ", "UZB"} <= set(trip["countries"])
    assert (trip["start"], trip["end"]) == ("2022-09-14", "2022-09-16")
    # the days abroad: 14, 15 and 16 September, each counted once
    assert report["years"]["2022"]["days_abroad"] >= 3
    assert {"KAZ", "UZB"} <= set(report["years"]["2022"]["countries"])


def test_xi_jinpings_last_trip_abroad_before_september_2022(seeded, capsys):
    report = _travel(capsys, seeded, "--before", "2022-09-01")
    assert [(t["countries"], t["start"][:7]) for t in report["trips"]] == [(["MMR"], "2020-01")]


def test_ingesting_the_seeds_again_changes_nothing(seeded, capsys):
    with open_store(seeded) as store:
        before = snapshot(store)
        docs, errors = read_inputs([SEEDS])
        report = store.ingest(docs)
        assert not errors and report.unchanged == len(docs) == 5
        assert snapshot(store) == before
