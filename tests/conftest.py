"""Shared fixtures. Tests that need the shared folder (seeds, gold, scorer) skip when it is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "seeds.gold.json").exists():
        pytest.skip("../shared is absent: seeds, gold and scorer are not available")
    return SHARED


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    if not (EXAMPLES / "corpus.jsonl").exists():
        pytest.skip("examples/corpus.jsonl has not been built")
    return EXAMPLES
