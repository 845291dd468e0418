"""Extraction on every core: worker processes give exactly what one process gives, and a worker
that dies costs only the document that killed it."""
from __future__ import annotations

import os

import pytest
from corpus_support import mixed_corpus

import summitry.extract as extract_module
from summitry.cli import main
from summitry.extract import DocumentNotRead, extract_each
from summitry.extract import parallel as parallel_module
from summitry.extract.parallel import WorkerDied, extract_in_workers
from summitry.fuse import fuse
from summitry.ingest import read_inputs
from summitry.records import Document, Event
from summitry.store import open_store

# enough documents of both languages that the work goes to workers (more than SMALL_INPUT_DOCS)
REAL_SLICE = {"en-gdelt.jsonl": 90, "zh-xwlb-2026.jsonl": 50}


@pytest.fixture(scope="module")
def corpus(shared_dir, examples_dir, tmp_path_factory):
    """The seeds, the examples and the first articles of each real corpus, as one JSON Lines file
    (documents in that order), with the documents read from it."""
    path = mixed_corpus(shared_dir, examples_dir, REAL_SLICE, tmp_path_factory.mktemp("parallel") / "corpus.jsonl")
    docs, errors = read_inputs([path])
    assert not errors
    assert len(docs) > parallel_module.SMALL_INPUT_DOCS
    return path, docs


def records(results) -> list[tuple[str, list[str]]]:
    """Each document's id with its events as JSON text (or the error that kept it from being read)."""
    return [(doc.id, [e.to_json() for e in result] if isinstance(result, list) else [repr(result)])
            for doc, result in results]


@pytest.fixture(scope="module")
def in_one_process(corpus):
    _, docs = corpus
    return records(extract_each(docs, catch=True))


def test_two_workers_give_each_document_the_events_of_one_process_byte_for_byte(corpus, in_one_process):
    _, docs = corpus
    assert records(extract_in_workers(docs, workers=2, catch=True)) == in_one_process
    assert sum(len(events) for _, events in in_one_process) > 50  # a corpus with events to compare


def test_summitry_extract_with_two_workers_writes_the_same_bytes_as_one_process(corpus, in_one_process, tmp_path):
    path, docs = corpus
    out = tmp_path / "events.jsonl"
    assert main(["extract", str(path), "--workers", "2", "-q", "-o", str(out)]) == 0
    mentions = [Event.from_json(e) for _, events in in_one_process for e in events]
    fused = fuse(mentions, {d.id: d.published for d in docs})
    assert out.read_text(encoding="utf-8") == "".join(e.to_json() + "\n" for e in fused)


def test_ingest_with_two_workers_stores_what_one_process_stores_batch_by_batch(corpus, tmp_path):
    _, docs = corpus
    changed = [Document(d.id, d.text + "\n\nPresident Xi Jinping visited Kazakhstan on 14 September 2022.",
                        d.lang, d.published, d.source, d.url) for d in docs[::9]]
    contents = {}
    for workers in (1, 2):
        with open_store(tmp_path / f"workers-{workers}.duckdb") as store:
            first = store.ingest(docs, batch_size=40, workers=workers)
            again = store.ingest([*docs[:30], *changed], batch_size=40, workers=workers)
            contents[workers] = ({name: store.db.rows(f"SELECT * FROM {name} ORDER BY ALL") for name in
                                  ("documents", "mention_events", "events", "event_parties", "event_mentions",
                                   "legs")}, _counts(first), _counts(again))
    assert contents[2] == contents[1]
    tables, _, again = contents[1]
    assert again[1:4] == (30, 0, len(changed))  # unchanged, added, replaced
    assert len(tables["events"]) > 50


def _counts(report) -> tuple:
    return (report.documents, report.unchanged, report.added, report.replaced, report.mention_events,
            report.events_added, report.events_changed, report.events_removed, report.errors)


# --- workers that fail ----------------------------------------------------------------------------

class _TestEngine:
    """Finds nothing; a document that says CRASH kills its process, one that says FAIL raises."""

    name = "test"
    languages = ("en", "zh")

    def extract(self, doc):
        if "CRASH" in doc.text:
            os._exit(3)
        if "FAIL" in doc.text:
            raise ValueError(f"cannot read {doc.id}")
        if "UNPICKLABLE" in doc.text:
            raise _Unpicklable(doc.id)
        return []


class _Unpicklable(Exception):
    def __init__(self, doc_id):
        super().__init__(doc_id)
        self.handle = lambda: doc_id  # an exception that cannot be pickled back from a worker


@pytest.fixture
def test_engine(monkeypatch):
    monkeypatch.setattr(extract_module, "engine_for", lambda lang, name=None: _TestEngine())
    monkeypatch.setattr(parallel_module, "SMALL_INPUT_DOCS", 4)


def _docs(texts):
    return [Document(id=f"d{i}", text=text, lang="en") for i, text in enumerate(texts)]


def test_a_document_that_kills_its_worker_is_reported_and_every_other_document_is_extracted(test_engine):
    texts = ["nothing here"] * 60
    texts[7] = "CRASH"
    texts[41] = "FAIL"
    results = list(extract_in_workers(_docs(texts), workers=2, catch=True))
    assert [doc.id for doc, _ in results] == [f"d{i}" for i in range(60)]
    failed = {doc.id: result for doc, result in results if not isinstance(result, list)}
    assert set(failed) == {"d7", "d41"}
    assert isinstance(failed["d7"], WorkerDied) and isinstance(failed["d7"], DocumentNotRead)
    assert isinstance(failed["d41"], ValueError) and "cannot read d41" in str(failed["d41"])


def test_an_error_that_cannot_be_pickled_comes_back_as_its_text(test_engine):
    texts = ["nothing here"] * 20
    texts[3] = "UNPICKLABLE"
    failed = [result for _, result in extract_in_workers(_docs(texts), workers=2, catch=True)
              if not isinstance(result, list)]
    assert [str(e) for e in failed] == ["_Unpicklable: d3"]


def test_without_catch_an_engine_error_is_raised_after_the_documents_before_it(test_engine):
    texts = ["nothing here"] * 20
    texts[12] = "FAIL"
    seen = []
    with pytest.raises(ValueError, match="cannot read d12"):
        for doc, _ in extract_in_workers(_docs(texts), workers=2):
            seen.append(doc.id)
    assert seen == [f"d{i}" for i in range(12)]


def test_a_first_document_that_kills_its_process_kills_a_worker_not_the_run(test_engine):
    texts = ["CRASH", *["nothing here"] * 20]
    results = list(extract_in_workers(_docs(texts), workers=2, catch=True))
    assert isinstance(results[0][1], WorkerDied)
    assert [result for _, result in results[1:]] == [[]] * 20


def test_forked_workers_are_given_the_engine_the_parent_built_before_forking(monkeypatch, tmp_path):
    built = tmp_path / "built"

    class Counted(_TestEngine):
        def __init__(self):
            with built.open("a") as f:
                f.write(f"{os.getpid()}\n")

    engines: dict = {}

    def engine_for(lang, name=None):
        if lang not in engines:
            engines[lang] = Counted()
        return engines[lang]

    monkeypatch.setattr(extract_module, "engine_for", engine_for)
    monkeypatch.setattr(parallel_module, "SMALL_INPUT_DOCS", 4)
    monkeypatch.setattr(parallel_module, "CHUNK_DOCS", 2)
    results = list(extract_in_workers(_docs(["nothing here"] * 40), workers=2, catch=True))
    assert [result for _, result in results] == [[]] * 40
    if parallel_module._context().get_start_method() == "fork":
        assert built.read_text().split() == [str(os.getpid())]  # once, here; never in a worker


def test_workers_option_takes_a_number_of_processes(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "x.jsonl", "--workers", "0"])
    assert "1 or more" in capsys.readouterr().err


_KILLED_PARENT = """
import os, sys, time
import summitry.extract as extract_module
from summitry.extract import parallel
from summitry.records import Document

class Slow:
    name, languages = "slow", ("en",)
    def extract(self, doc):
        os.write(1, f"{os.getpid()}\n".encode())  # one write: the two workers' lines never interleave
        time.sleep(0.05)
        return []

extract_module.engine_for = lambda lang, name=None: Slow()
docs = [Document(id=f"d{i}", text="x", lang="en") for i in range(2000)]
for _ in parallel.extract_in_workers(docs, workers=2):
    pass
"""


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ", 1)[1].startswith("Z")  # a zombie has ended
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_workers_end_when_their_parent_is_killed():
    import signal
    import subprocess
    import sys
    import time

    parent = subprocess.Popen([sys.executable, "-c", _KILLED_PARENT], stdout=subprocess.PIPE, text=True)
    workers: set[int] = set()
    for line in parent.stdout:
        workers.add(int(line))
        if len(workers) == 2:
            break
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while not all(_gone(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in workers if not _gone(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left
