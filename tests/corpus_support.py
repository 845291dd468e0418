"""A corpus of every kind of text the tests read: the seeds, the examples and the first articles
of each real corpus, written as one JSON Lines file (documents in that order)."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest


def mixed_corpus(shared_dir: Path, examples_dir: Path, real_slice: dict[str, int], path: Path) -> Path:
    """Write the corpus to ``path`` with the first ``real_slice[name]`` articles of each real
    corpus; skip the test when one is absent."""
    lines = (shared_dir / "corpus" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
    lines += (examples_dir / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    for name, count in real_slice.items():
        real = shared_dir / "corpus" / "real" / name
        if not real.exists():
            pytest.skip(f"{real} is absent")
        with real.open(encoding="utf-8") as f:
            lines += [line.rstrip("\n") for line in itertools.islice(f, count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
