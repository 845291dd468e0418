"""Extraction on every core of one machine: documents go to worker processes in chunks, and each
document comes back with its events in the order it was read, exactly as ``extract_each`` in one
process gives them (each worker runs ``extract_each`` itself, so every engine's events pass
through the same ``_after_engine``).

What a worker holds:

- the knowledge base, loaded once: the parent loads it (from the cache, or building and caching it)
  before the workers start, so a forked worker has it already and a started one (where the
  platform does not fork) unpickles it from the cache the parent just wrote (``SUMMITRY_CACHE_DIR``);
- the engines: where workers are forked, the parent builds the engine of each language of the
  first documents, and reads a sentence of its own with it (what an engine makes on its first
  document, its date grammar, lexicons and indexes), before it forks: each worker has them ready,
  rather than every worker building the same (0.5 to 1 CPU second each). The parent never reads
  the input with them: a document that kills its process kills a worker, never the run. An engine
  is never sent to a worker (the Chinese one cannot be pickled, the English one would be 18 MB):
  a started worker, or one meeting a language first seen later, builds its own (``engine_for``);
- nothing for its cycle collector to walk: what the parent holds when it forks is frozen
  (``gc.freeze``), so the workers' collections do not touch (and copy) the pages they share.

Only documents go out and events (or the error that kept a document from being read) come back.
The workers read ahead of the documents this process has taken back, by enough chunks to stay
busy while it does its own work between two reads (``summitry ingest`` fuses and writes a batch
of 1,000 documents: some tenths of a second); the input is still read only as it is needed, and
memory does not grow with it. An input of a few documents is extracted in this process: starting
workers would cost more than it saves. Engines that read many documents at once (the LLM engine,
whose requests run concurrently in one process) are always run in this process.

A worker that dies (killed, out of memory, a crash in native code) does not lose the run: the
documents it had are extracted again one by one in new workers, and a document that kills a
worker again is reported as not extracted (``WorkerDied``), like any other failed document.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from itertools import chain, islice

from summitry.extract import DocumentNotRead, EngineUnavailable, available_engines, extract_each
from summitry.extract.limits import Limits
from summitry.records import Document, Event

Result = list[Event] | Exception

#: a chunk holds at most this many documents, or this many characters of text (then fewer)
CHUNK_DOCS = 32
CHUNK_CHARS = 128_000
#: chunks waiting, running or done but not yet taken back, per worker: enough to keep each busy
#: while this process fuses and writes an ingest's batch (4 chunks of 16 documents left each worker
#: of an ingest waiting a tenth of its time); larger chunks, fewer trips for the workers to wait on
IN_FLIGHT_PER_WORKER = 12
#: an input of at most this many documents and characters is extracted in this process
SMALL_INPUT_DOCS = 64
SMALL_INPUT_CHARS = 256_000
#: new pools started after workers died, before the run gives up
MAX_RESTARTS = 8
#: how often a worker checks that its parent is alive
PARENT_CHECK_SECONDS = 0.2
#: what each language's engine reads in the parent before the workers fork, so that what it makes
#: on its first document is made there once (written for this: no input is read in the parent)
WARM_UP = {
    "en": "The President of Ruritania visited Japan on 5 May 2025 and met the Prime Minister in Tokyo "
          "the next day; they will meet again in Geneva next March.",
    "zh": "2025年5月5日，鲁里塔尼亚总统访问日本，次日在东京会见首相。双方商定明年3月在日内瓦再次会晤。",
}


class WorkerDied(DocumentNotRead):
    """The worker process extracting a document died, again when it was given that document alone."""


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def reads_many(engine: str | None) -> bool:
    """Whether the engine named ``engine`` (None: the rules of each language) reads many documents at
    once in this process (``extract_many``), and so is not run in worker processes."""
    if engine is None:
        return False
    found = available_engines().get(engine)
    return found is not None and hasattr(found.load(), "extract_many")


def extract_in_workers(docs: Iterable[Document], engine: str | None = None, *, workers: int | None = None,
                       catch: bool = False, limits: Limits | None = None) -> Iterator[tuple[Document, Result]]:
    """``extract_each(docs, engine, catch=catch, limits=limits)`` on ``workers`` processes (default:
    every core): the same documents with the same events, in the same order."""
    workers = default_workers() if workers is None else workers
    docs = iter(docs)
    head, small = _head(docs)
    if workers <= 1 or small or reads_many(engine):
        yield from extract_each(chain(head, docs), engine, catch=catch, limits=limits)
        return
    yield from _Pool(workers, engine, catch, limits, {doc.lang or "en" for doc in head}).run(chain(head, docs))


def _head(docs: Iterator[Document]) -> tuple[list[Document], bool]:
    """The first documents of ``docs``, and whether they are all of it and a small input."""
    head: list[Document] = []
    chars = 0
    for doc in docs:
        head.append(doc)
        chars += len(doc.text)
        if len(head) > SMALL_INPUT_DOCS or chars > SMALL_INPUT_CHARS:
            return head, False
    return head, True


def _chunks(docs: Iterator[Document]) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    chars = 0
    for doc in docs:
        chunk.append(doc)
        chars += len(doc.text)
        if len(chunk) >= CHUNK_DOCS or chars >= CHUNK_CHARS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


# --- in the worker -----------------------------------------------------------------------------

def _start_worker() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the workers itself
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), name="summitry-parent-watch",
                     daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent is gone (killed: it could not stop its workers) ends at once. It must
    not wait for work that never comes, holding what it inherited (a forked worker holds its
    parent's database connection open, and with it the transaction the parent had begun)."""
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def _extract_chunk(docs: list[Document], engine: str | None, limits: Limits | None) -> list[Result]:
    """The events of each document, or the error that kept it from being read (sent back as one
    that can be pickled)."""
    return [result if isinstance(result, list) else _picklable(result)
            for _, result in extract_each(docs, engine, catch=True, limits=limits)]


def _picklable(exc: Exception) -> Exception:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001  (whatever kept it from pickling, its text goes back)
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


# --- in the parent -----------------------------------------------------------------------------

def _context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe (Linux and other POSIX but macOS): the workers share the loaded knowledge
    base. Elsewhere workers are started anew and load it from the cache."""
    if sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _ready_engines(langs: Iterable[str], engine: str | None) -> None:
    """Build the engine of each language of ``langs`` that has a ``WARM_UP`` sentence in this
    process, and have it read that sentence, so that forked workers have what it makes on first
    use. An engine that cannot be built or fails here is left to the workers, which report it."""
    for lang in sorted(set(langs) & set(WARM_UP)):
        with suppress(Exception):  # the workers meet the same error, and report it
            for _ in extract_each([Document(id="warm-up", text=WARM_UP[lang], lang=lang)], engine, catch=True):
                pass


class _Pool:
    def __init__(self, workers: int, engine: str | None, catch: bool, limits: Limits | None,
                 langs: Iterable[str] = ()):
        self.workers, self.engine, self.catch, self.limits = workers, engine, catch, limits
        self.langs = set(langs)  # of the first documents: their engines are built before forking
        self.restarts = 0
        self.executor: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        from summitry.kb import get_kb

        get_kb()  # loaded (and cached) here once, before any worker starts
        context = _context()
        if context.get_start_method() == "fork":
            if self.engine is None:  # the project's rules (another engine may hold what forks badly)
                _ready_engines(self.langs, self.engine)
            gc.freeze()  # the workers' collections then leave alone every page they share with this process
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start_worker)

    def _submit(self, chunk: list[Document]) -> Future:
        assert self.executor is not None
        return self.executor.submit(_extract_chunk, chunk, self.engine, self.limits)

    def run(self, docs: Iterator[Document]) -> Iterator[tuple[Document, Result]]:
        chunks = _chunks(docs)
        limit = self.workers * IN_FLIGHT_PER_WORKER
        pending: deque[tuple[list[Document], Future]] = deque()
        self.executor = self._start()
        try:
            pending.extend((chunk, self._submit(chunk)) for chunk in islice(chunks, limit))
            while pending:
                chunk, future = pending.popleft()
                try:
                    results = future.result()
                except BrokenProcessPool:
                    yield from self._after_crash(chunk, pending)
                    pending.clear()
                else:
                    yield from self._yield(chunk, results)
                for more in islice(chunks, limit - len(pending)):
                    pending.append((more, self._submit(more)))
        finally:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def _yield(self, chunk: list[Document], results: list[Result]) -> Iterator[tuple[Document, Result]]:
        for doc, result in zip(chunk, results, strict=True):
            if isinstance(result, Exception) and not self.catch and not isinstance(result, DocumentNotRead):
                raise result
            yield doc, result

    def _after_crash(self, chunk: list[Document], pending: deque[tuple[list[Document], Future]]
                     ) -> Iterator[tuple[Document, Result]]:
        """A worker died: every chunk not yet read is lost with the pool. Their documents are
        extracted again one at a time in a new pool; one that kills a worker again is not read."""
        waiting = [doc for c in [chunk, *(c for c, _ in pending)] for doc in c]
        self._restart()
        for doc in waiting:
            try:
                results = self._submit([doc]).result()
            except BrokenProcessPool:
                self._restart()
                failure = WorkerDied(f"the worker process extracting it died, twice ({self.restarts} "
                                     "new pools started so far)")
                if not self.catch:
                    raise failure from None
                yield doc, failure
                continue
            yield from self._yield([doc], results)

    def _restart(self) -> None:
        assert self.executor is not None
        self.restarts += 1
        if self.restarts > MAX_RESTARTS:
            raise EngineUnavailable(f"worker processes died {self.restarts} times: extraction stopped")
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()
