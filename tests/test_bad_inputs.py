"""The bad-input corpus (``tests/data/bad_inputs``): each file read as ``expected.yaml`` says, and a
run over the good examples plus that file extracts every good document, names the file and the
line of what it skipped, and exits 1 (0 when nothing was skipped)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from summitry import cli
from summitry.ingest import DocumentStream

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "data" / "bad_inputs"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
EXAMPLES = HERE.parent / "examples" / "corpus.jsonl"


def test_every_file_of_the_corpus_has_its_expected_outcome():
    files = {p.name for p in CORPUS.iterdir()} - {"make.py", "expected.yaml", "__pycache__"}
    assert files == set(EXPECTED)


def _errors(expected: dict) -> list:
    errors = expected.get("errors", [])
    return [] if isinstance(errors, dict) else errors


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_bad_file_is_read_as_expected(name):
    expected = EXPECTED[name]
    stream = DocumentStream([CORPUS / name])
    ids = [d.id for d in stream]
    want = expected["documents"]
    if isinstance(want, dict):
        assert (len(ids), ids[0], ids[-1]) == (want["count"], want["first"], want["last"])
    else:
        assert ids == want
    errors = expected.get("errors", [])
    if isinstance(errors, dict):
        assert len(stream.errors) == errors["count"] and all(errors["says"] in e.message for e in stream.errors)
    else:
        assert [(e.line, e.path) for e in stream.errors] == [(line, str(CORPUS / name)) for line, _ in errors]
        for error, (_, words) in zip(stream.errors, errors):
            assert words in error.message
    notes = expected.get("notes", [])
    assert len(stream.notes) == len(notes) and all(w in n.message for n, w in zip(stream.notes, notes))


@pytest.fixture(scope="module")
def examples_alone(tmp_path_factory):
    if not EXAMPLES.exists():
        pytest.skip("examples/corpus.jsonl is not there")
    out = tmp_path_factory.mktemp("alone") / "events.jsonl"
    assert cli.main(["extract", "--no-merge", "--quiet", str(EXAMPLES), "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_run_over_the_examples_and_a_bad_file_extracts_every_good_document(name, examples_alone, tmp_path,
                                                                             capsys):
    out = tmp_path / "events.jsonl"
    bad = CORPUS / name
    code = cli.main(["extract", "--no-merge", "--quiet", str(EXAMPLES), str(bad), "-o", str(out)])
    err = capsys.readouterr().err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[: len(examples_alone)] == examples_alone  # the examples' events, every one, first
    expected = EXPECTED[name]
    if expected.get("errors"):
        assert code == 1
        for line, _ in _errors(expected):
            assert f"{bad}:{line}" in err if line else str(bad) in err
        assert str(bad) in err and "input(s) skipped" in err
    else:
        assert code == 0, err
