"""Extraction on a Dask cluster: documents in partitions, mention events out as a DataFrame (and
Parquet partitions), fused in one global pass and loaded into the store.

    import dask.bag as db
    from summitry.cluster import fused_events, mention_events

    docs = db.read_text("news/*.jsonl").map(json.loads)   # mappings as in JSON Lines, or Documents,
    mentions = mention_events(docs)                        # or a Dask DataFrame with id and text columns
    mentions.to_parquet("mentions/")                       # one Parquet file per partition
    events = fused_events(mentions)                        # pandas: one row per fused event

``summitry ingest INPUT --dask ADDRESS`` does the same for the store (``DaskExtraction``): this
process reads the input as a stream and skips what the store holds already; the documents to
extract go to the cluster in partitions, a few per worker in flight; each partition's mention
events can be written as Parquet there (``--events-dir``); they come back in the documents' order
and are stored batch by batch, each batch fused with the store's islands it touches. Fusing any
set of whole islands gives what one global pass over everything gives, so the database is the one
a plain ingest makes (``tests/test_cluster.py`` checks it on a ``LocalCluster`` of two workers).

What a worker needs: summitry installed at the version of this process, with the ``dask`` extra
(``pip install 'summitry[dask]'``); the directories of ``--kb-extra`` at the same paths, if any;
and, to skip building the knowledge base on first use (a few seconds), ``SUMMITRY_CACHE_DIR``
pointing at a cache built once (``summitry kb stats`` builds it). Each worker process builds its
own engines on its first document of each language, once; engines are never sent over the
network. Extraction is CPU-bound Python, so run one thread per worker process (``dask worker
ADDRESS --nthreads 1 --nworkers N``): a worker with more threads reads one partition at a time.
The client checks that every worker has this version of summitry and the same knowledge base.
"""
from __future__ import annotations

import os
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summitry.extract import DocumentNotRead, extract_each
from summitry.extract.limits import Limits
from summitry.records import Document, Event

if TYPE_CHECKING:
    import pandas as pd
    from distributed import Client

Result = list[Event] | Exception

#: documents per partition sent to a worker, and partitions in flight per worker
PARTITION_DOCS = 100
IN_FLIGHT_PER_WORKER = 3

#: the columns of ``mention_events``: one row per mention event; a document that could not be
#: extracted has one row with ``error`` set and no event (``seq`` -1)
MENTION_COLUMNS = {
    "mention_id": "string", "doc_id": "string", "seq": "int64", "id": "string", "type": "string",
    "status": "string", "start_char": "Int64", "end_char": "Int64", "published": "string",
    "record": "string", "error": "string",
}
#: the columns of ``fused_events``
EVENT_COLUMNS = {
    "id": "string", "type": "string", "status": "string", "actor": "string", "actor_country": "string",
    "countries": "string", "place": "string", "forum": "string", "start": "string", "end": "string",
    "trip": "string", "n_mentions": "int64", "record": "string",
}


class ClusterMismatch(RuntimeError):
    """A worker of the cluster has another version of summitry or another knowledge base."""


# --- on a worker -----------------------------------------------------------------------------------

_one_at_a_time = threading.Lock()


def _extract_partition(docs: list[Document], engine: str | None, limits: Limits, kb_extra: str,
                       path: str | None = None) -> list[Result]:
    """The events of each document (or why it could not be read), on a worker; written as one
    Parquet file at ``path`` too when it is given."""
    from summitry.extract.parallel import _picklable

    # a worker's threads would only take turns at the interpreter; the engines are not shared
    with _one_at_a_time:
        os.environ["SUMMITRY_KB_EXTRA"] = kb_extra  # engines are built per knowledge base
        results = [result if isinstance(result, list) else _picklable(result)
                   for _, result in extract_each(docs, engine, catch=True, limits=limits)]
    if path is not None:
        _frame(docs, results).to_parquet(path, index=False)
    return results


def _worker_identity(kb_extra: str) -> tuple[str, str]:
    """This process's summitry version and the key of its knowledge base with the extra directories
    ``kb_extra`` (a hash of their data files and of the knowledge base's code)."""
    import summitry
    from summitry.kb.cache import cache_key

    dirs = [Path(p) for p in kb_extra.split(os.pathsep) if p.strip()]
    return summitry.__version__, cache_key(dirs)


def _frame(docs: list[Document], results: list[Result]) -> pd.DataFrame:
    return _frame_of([(doc.id, doc.published, result) for doc, result in zip(docs, results, strict=True)])


def _frame_of(entries: list[tuple[str, str | None, Result]]) -> pd.DataFrame:
    """The mention-event rows of each document (id, publication day, events or error), in order."""
    import pandas as pd

    rows: list[dict[str, Any]] = []
    for doc_id, published, result in entries:
        if isinstance(result, Exception):
            kind = "not read" if isinstance(result, DocumentNotRead) else "failed"
            rows.append({"doc_id": doc_id, "seq": -1, "published": published,
                         "error": f"{kind}: {type(result).__name__}: {result}"})
            continue
        for seq, event in enumerate(result):
            span = event.mentions[0] if event.mentions else None
            rows.append({"mention_id": f"{doc_id}#{seq}", "doc_id": doc_id, "seq": seq, "id": event.id,
                         "type": event.type, "status": event.status, "start_char": span.start if span else None,
                         "end_char": span.end if span else None, "published": published,
                         "record": event.to_json()})
    return pd.DataFrame(rows, columns=list(MENTION_COLUMNS)).astype(MENTION_COLUMNS)


def _documents(part: Any) -> list[Document | tuple[str, ValueError]]:
    """A partition's documents (Documents, mappings as in JSON Lines, or a pandas DataFrame's rows),
    each as a Document or, when it is not one, its id with the reason."""
    from summitry.ingest import document_from_mapping

    if hasattr(part, "to_dict") and hasattr(part, "columns"):
        part = part.to_dict("records")
    docs: list[Document | tuple[str, ValueError]] = []
    for item in part:
        if isinstance(item, Document):
            docs.append(item)
            continue
        clean = {k: (None if _missing(v) else v) for k, v in dict(item).items()}
        try:
            docs.append(document_from_mapping(clean)[0])
        except ValueError as exc:
            docs.append((str(clean.get("id")), exc))
    return docs


def _missing(value: Any) -> bool:
    """None, NaN or pandas' NA (a DataFrame's empty cell)."""
    import pandas as pd

    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _partition_frame(part: Any, engine: str | None, limits: Limits, kb_extra: str) -> pd.DataFrame:
    items = _documents(part)
    docs = [item for item in items if isinstance(item, Document)]
    results = iter(_extract_partition(docs, engine, limits, kb_extra))
    return _frame_of([(item.id, item.published, next(results)) if isinstance(item, Document)
                      else (item[0], None, item[1]) for item in items])


# --- in the client ---------------------------------------------------------------------------------

def mention_events(documents: Any, engine: str | None = None) -> Any:
    """The mention events of a Dask Bag (of Documents or of mappings with ``id`` and ``text`` and
    optionally ``lang``, ``published``, ``source``, ``url``) or a Dask DataFrame with those
    columns, as a Dask DataFrame of ``MENTION_COLUMNS``, one partition per input partition. Lazy:
    nothing runs until it is computed or written (``.to_parquet(path)``)."""
    import dask
    import dask.dataframe as dd
    import pandas as pd

    limits, kb_extra = Limits.from_env(), os.environ.get("SUMMITRY_KB_EXTRA", "")
    meta = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in MENTION_COLUMNS.items()})
    parts = [dask.delayed(_partition_frame)(part, engine, limits, kb_extra) for part in documents.to_delayed()]
    return dd.from_delayed(parts, meta=meta, verify_meta=False)


def fused_events(mentions: Any, workers: int = 1) -> pd.DataFrame:
    """The mention events of ``mention_events`` (a Dask or pandas DataFrame) fused in one global
    pass into a pandas DataFrame of ``EVENT_COLUMNS``: ``summitry.fuse.fuse``'s events, by fusion
    over columns (``summitry.fuse_columnar``, ``workers`` processes), the records read by Arrow."""
    import pandas as pd
    import pyarrow as pa

    from summitry.fuse_columnar import fuse_table, fused_events_of, mention_table_of_records

    frame = mentions.compute() if hasattr(mentions, "compute") else mentions
    frame = frame[frame["error"].isna()].sort_values(["doc_id", "seq"], kind="stable")
    reports = mention_table_of_records(pa.array(frame["record"], pa.string(), from_pandas=True),
                                       pa.array(frame["published"], pa.string(), from_pandas=True))
    del frame
    rows = [{"id": e.id, "type": e.type, "status": e.status, "actor": e.actor.name,
             "actor_country": e.actor.country, "countries": ",".join(e.countries), "place": e.place,
             "forum": e.forum, "start": e.start, "end": e.end, "trip": e.trip, "n_mentions": len(e.mentions),
             "record": e.to_json()} for e in fused_events_of(fuse_table(reports, workers=workers))]
    return pd.DataFrame(rows, columns=list(EVENT_COLUMNS)).astype(EVENT_COLUMNS)


def connect(address: str, workers: int | None = None) -> Client:
    """A client of the scheduler at ``address``, or with ``local`` of a cluster of ``workers``
    processes (default: one per core) on this machine, one thread each."""
    from distributed import Client, LocalCluster

    if address == "local":
        from summitry.extract.parallel import default_workers

        cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
        client._summitry_cluster = cluster  # closed with the client (see close)
        return client
    return Client(address)


def close(client: Client) -> None:
    cluster = getattr(client, "_summitry_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def check_workers(client: Client) -> int:
    """The number of workers, after checking that each has this summitry and this knowledge base."""
    from summitry.kb import get_kb

    get_kb()  # built and cached here first: local workers read the same cache
    kb_extra = os.environ.get("SUMMITRY_KB_EXTRA", "")
    mine = _worker_identity(kb_extra)
    theirs = client.run(_worker_identity, kb_extra)
    if not theirs:
        raise ClusterMismatch("the cluster has no workers")
    for worker, identity in sorted(theirs.items()):
        if tuple(identity) != mine:
            what = "summitry version" if identity[0] != mine[0] else "knowledge base (data files or --kb-extra)"
            raise ClusterMismatch(f"worker {worker} has another {what} than this process: install the same "
                                  f"summitry (and the same --kb-extra directories) on every worker")
    return len(theirs)


class DaskExtraction:
    """Extraction of a stream of documents on a Dask cluster, with the results in the documents'
    order, as ``extract_each`` gives them (``Store.ingest(extract_stream=...)`` takes it)."""

    def __init__(self, client: Client, engine: str | None = None, events_dir: str | None = None,
                 partition_docs: int | None = None):
        self.client, self.engine = client, engine
        self.partition_docs = partition_docs or PARTITION_DOCS
        self.events_dir = events_dir.rstrip("/") if events_dir else None
        self.workers = check_workers(client)
        self.run = f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"  # names this run's files
        self.partitions = 0
        if self.events_dir and "://" not in self.events_dir:
            os.makedirs(self.events_dir, exist_ok=True)

    def __call__(self, docs: Iterable[Document]) -> Iterator[tuple[Document, Result]]:
        limits, kb_extra = Limits.from_env(), os.environ.get("SUMMITRY_KB_EXTRA", "")
        pending: deque[tuple[list[Document], Any]] = deque()
        limit = self.workers * IN_FLIGHT_PER_WORKER
        parts = self._partitions(iter(docs))
        try:
            for part in parts:
                pending.append((part, self._submit(part, limits, kb_extra)))
                while len(pending) >= limit:
                    yield from self._results(*pending.popleft())
            while pending:
                yield from self._results(*pending.popleft())
        finally:
            for _, future in pending:
                future.cancel()

    def _partitions(self, docs: Iterator[Document]) -> Iterator[list[Document]]:
        part: list[Document] = []
        for doc in docs:
            part.append(doc)
            if len(part) >= self.partition_docs:
                yield part
                part = []
        if part:
            yield part

    def _submit(self, part: list[Document], limits: Limits, kb_extra: str) -> Any:
        path = f"{self.events_dir}/{self.run}-{self.partitions:06d}.parquet" if self.events_dir else None
        self.partitions += 1
        return self.client.submit(_extract_partition, part, self.engine, limits, kb_extra, path, pure=False)

    @staticmethod
    def _results(part: list[Document], future: Any) -> Iterator[tuple[Document, Result]]:
        yield from zip(part, future.result(), strict=True)
