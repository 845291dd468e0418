"""Incremental, transactional ingest: documents -> per-mention events -> fused events.

For each batch of documents:

1. a document whose content hash (text, lang, published, source, url) is already stored is
   skipped: ingesting the same input twice changes nothing;
2. the changed documents are extracted (outside any transaction: it is the slow part);
3. in one transaction (one writer at a time): their old mention events are deleted and the new
   ones written, the *islands* of fusion they touch are fused again from all of their mention
   events (each clustered anew from its first new report in fusion's order: the reports before
   it are placed in the events stored for them, see ``summitry.fuse.island_clusters``), the
   events those yield replace the islands' old events (only those that changed are rewritten;
   one made of the very reports it was made of before is not even merged again), and trips are
   numbered again around them.

Fusion (``summitry.fuse``) works within islands: the mentions of one block whose reaches chain,
named parties only with the same names or an unnamed party. Fusing any set of whole islands gives
exactly the events that fusing everything gives for them, so the stored events equal those of
``summitry extract`` over every stored document, whatever the batches, runs and order (the tests
check this over random batchings). The islands a change touches are found from the old and new
mentions of the changed documents: the mentions of their blocks within reach are read by
*bucket* (block, a band of reach lengths and a band of days: an indexed key), the islands among
them are computed by fusion's own sweep, and the read widens until it covers every island that
holds a change. Islands grow with the store (reports dated only to a year chain the years of a
block), so a batch of new reports (no report of a stored document gone) is first fused with the
stored events near them only (``Ingestor._near``), which gives the same events as long as every
event that changes lies near the new reports (checked before anything is written; the whole
islands are fused otherwise). Trips chain a traveller's legs at most a day apart; they are
numbered again over the chains that hold a changed event, read by ``trip_bucket`` the same way.
So a batch costs what it touches, not the size of the database.

A process killed mid-way loses at most the open transaction: every document in the database has
all of its mention events and fused events, or none.
"""
from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from collections import OrderedDict, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from summitry.extract import DocumentNotRead
from summitry.fuse import TRIP_GAP_DAYS, FusionKey, assign_trips, fusion_key, islands_of_blocks, trip_leg
from summitry.gcpause import cycles_paused
from summitry.intervals import DisjointSets, chain
from summitry.records import Document, Event
from summitry.store.backends import Backend
from summitry.store.corrections import apply_corrections

# Documents a transaction: each batch fuses again the islands it touches, and those grow with the
# store (reports dated only to the year, or not at all, chain the years of one block), so fewer,
# larger batches fuse each less often (benchmarks/linear_ingest.py, per CPU second: 2.2x at 200,000
# documents with 1,000 rather than 200, at a lower peak RSS).
BATCH_SIZE = 1000
# decoded mention events kept between batches, the most recently used (some tens of MB at most)
_CACHE_LIMIT = 20_000
# the rows of fusion's buckets kept between batches (a tuple of four fields each: tens of MB at most)
_BUCKET_ROWS_LIMIT = 200_000
# the events of mention events kept between batches (a short string each: tens of MB at most)
_EVENT_OF_LIMIT = 500_000
# A batch of new reports (none gone) is fused again with the events near them (``Ingestor._near``)
# when every report of an event that changes lies within this many days of the reaches of the new
# reports and of the events they meet (those a new report most often joins, or is the first of);
# else with their whole islands. (At 150,000 documents of benchmarks/linear_ingest.py 11 batches
# in 13 are fused so with 15, 45, 120 or 366 days alike; the part grows with the days.)
_NEAR_DAYS = 30

Extractor = Callable[[Document], list[Event]]
#: extracts a stream of documents elsewhere (worker processes, a cluster), giving each document
#: with its events, or the error that kept it from being read, in the order it was given
StreamExtractor = Callable[[Iterable[Document]], Iterator[tuple[Document, "list[Event] | Exception"]]]
Fuser = Callable[[list[Event], Mapping[str, str | None]], list[Event]]


@dataclass
class IngestReport:
    """What one ingest did, and what the store holds after it (``totals``, the counts that
    ``summitry stats`` and ``/api/stats`` show under the same names)."""

    documents: int = 0          # documents read
    unchanged: int = 0          # skipped: same content already stored
    added: int = 0              # new documents stored
    replaced: int = 0           # stored documents whose content changed
    mention_events: int = 0     # per-mention events written
    events_added: int = 0       # fused events that are new
    events_changed: int = 0     # fused events rewritten (a new report joined, a trip changed)
    events_removed: int = 0     # fused events gone (merged into another, or their reports replaced)
    errors: list[str] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)


def store_totals(db: Backend) -> dict[str, int]:
    """What the store holds: documents, mention events (one per report an engine found) and
    events (fused: one per real-world event)."""
    (documents, mentions, events), = db.rows(
        "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM mention_events), "
        "(SELECT COUNT(*) FROM events)")
    return {"documents": int(documents), "mention_events": int(mentions), "events": int(events)}


# --- names -------------------------------------------------------------------------------------

def knowledge_base():
    """The default knowledge base, or None where the package has none (names then match as given)."""
    try:
        from summitry.kb import get_kb
    except ImportError:
        return None
    return get_kb()


@lru_cache(maxsize=65536)
def canonical_name(name: str) -> str:
    """The knowledge base's usual English form of a person's name; the name itself when unknown."""
    kb = knowledge_base()
    person = kb.person(name) if kb is not None else None
    return person.name if person is not None else name.strip()


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# --- buckets: where the rows near a change are found by an index ---------------------------------

# A reach of at most BANDS[k][0] days is filed in band k under the BANDS[k][1]-day period its first
# day falls in; longer ones in the last band, one per block. The rows whose reach can overlap days
# lo..hi are then in the buckets of each band from (lo - length) to hi: a few keys, each an index
# lookup, and a read of about the rows within reach of the change.
_BANDS = ((64, 64), (512, 512))


def _bucket(prefix: str, lo: int, hi: int) -> str:
    for k, (length, period) in enumerate(_BANDS):
        if hi - lo <= length:
            return f"{prefix}|{k}:{lo // period}"
    return f"{prefix}|*"


def _buckets(prefix: str, lo: int, hi: int) -> set[str]:
    """The buckets that hold every row of ``prefix`` whose days can overlap lo..hi."""
    keys = {f"{prefix}|*"}
    for k, (length, period) in enumerate(_BANDS):
        keys.update(f"{prefix}|{k}:{p}" for p in range((lo - length) // period, hi // period + 1))
    return keys


def mention_bucket(key: FusionKey) -> str | None:
    if key.reach_from is None or key.reach_to is None:
        return None  # joined only by its own document's reports: never looked up by time
    return _bucket(key.block, key.reach_from, key.reach_to)


def trip_bucket(event: Event) -> str | None:
    leg = trip_leg(event)
    return _bucket(leg[0], *leg[1]) if leg else None


def _spans(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def _meets(spans: Sequence[tuple[int, int]], lo: int, hi: int) -> bool:
    """Days lo..hi overlap one of ``spans`` (sorted and disjoint, as ``_spans`` gives them)."""
    k = bisect_right(spans, (hi, _LAST_DAY)) - 1
    return k >= 0 and spans[k][1] >= lo


_LAST_DAY = 1 << 62


# --- rows derived from events ------------------------------------------------------------------

def travellers(event: Event) -> list:
    """The named parties of ``event`` who are abroad in its host country (countries[0])."""
    if event.type == "call" or not event.countries:
        return []
    host = event.countries[0]
    if event.type in ("visit", "multilateral"):
        parties = [event.actor]
    else:
        parties = [event.actor, *event.counterparts]
    # a visitor's home may be unknown, a meeting participant is only abroad if we know it (an
    # organisation's officer, who has no country, is wherever a meeting places them); in one
    # of their country's home territories (Macao for China: the knowledge base) they are at home
    kb = knowledge_base()
    return [p for p in parties if p is not None and p.name and p.country != host
            and (p.country or event.type == "visit" or p.office) and not (kb is not None and kb.at_home(p.country, host))]


def covered_links(event: Event, spans: Mapping[str, list[tuple[int, int, str]]]) -> dict[str, list[str]]:
    """For a fuser that does not say which reports it merged: the mention events of each document
    (``spans``: start, end, mention id) that a mention of ``event`` covers."""
    return {m.doc: [mid for start_char, end_char, mid in spans.get(m.doc, ())
                    if m.start <= start_char and end_char <= m.end] for m in event.mentions}


def event_rows(event: Event, links: Mapping[str, list[str]], record: str | None = None
               ) -> dict[str, list[tuple]]:
    """The rows of ``events``, ``event_parties``, ``event_mentions`` and ``legs`` for one event.

    ``links`` names, by document, the mention events the fused event is made of (fusion joins a
    document's reports of one event into a single mention).
    """
    start, end = _date(event.start), _date(event.end)
    actor = event.actor
    counterparts = "; ".join(
        f"{p.name or '?'} ({p.country or '?'})" for p in event.counterparts)
    out: dict[str, list[tuple]] = {"events": [(
        event.id, event.type, event.status, actor.name, actor.country, actor.office, actor.level,
        counterparts, ",".join(event.countries), event.place, event.forum, start, end, event.precision,
        event.dated_by, event.trip, len(event.mentions), trip_bucket(event), record or event.to_json())]}
    parties = [("actor", actor)] + [("counterpart", p) for p in event.counterparts]
    out["event_parties"] = [
        (event.id, role, canonical_name(p.name) if p.name else None,
         canonical_name(p.name).lower() if p.name else None, p.country) for role, p in parties
    ] + [(event.id, "host", None, None, c) for c in event.countries]
    out["event_mentions"] = []
    for m in event.mentions:
        for mention_id in links.get(m.doc) or [None]:
            out["event_mentions"].append(
                (event.id, mention_id, m.doc, m.start, m.end, m.status, m.lang, m.text))
    # A visit lists several countries only when its text names a region, not the country ("a
    # tour of Europe", 访问中亚: every country it may be in). A travel log names only countries
    # the reports name, so such a visit is no leg (it stays in the record, and in ``events``).
    destinations = event.countries[:1] if event.type != "visit" or len(event.countries) == 1 else []
    out["legs"] = [
        (event.id, canonical_name(p.name), canonical_name(p.name).lower(), p.country, country,
         event.place, start, end, event.precision, event.dated_by, event.status, event.type, event.trip)
        for p in travellers(event) for country in destinations if country != p.country]
    return out


# --- ingest ------------------------------------------------------------------------------------

def content_hash(doc: Document) -> str:
    raw = json.dumps([doc.text, doc.lang, doc.published, doc.source, doc.url], ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _fuse_with_sources(fuser: Fuser, events: list[Event], published: Mapping[str, str | None]
                       ) -> list[tuple[Event, list[int] | None]]:
    """The fused events (trips are numbered afterwards) and, when the fuser is summitry's own,
    the positions of the reports each is made of; another fuser's events come without (their
    links are then read from spans)."""
    from summitry.fuse import fuse, fuse_islands

    if fuser is fuse:
        return list(fuse_islands(events, published))
    return [(event, None) for event in _distinct_ids(fuser(events, published))]


def _distinct_ids(events: list[Event]) -> list[Event]:
    """Another fuser's events with one id each: events it gave the same id each get that id with
    a suffix from their own content, whatever their order, instead of overwriting one another
    (summitry's own fusion gives distinct ids)."""
    counts: dict[str, int] = defaultdict(int)
    for event in events:
        counts[event.id] += 1
    for event in events:
        if counts[event.id] > 1:
            raw = "|".join([",".join(event.countries), event.forum or "", event.place or "", event.start or ""])
            event.id = f"{event.id}~{hashlib.sha1(raw.encode('utf-8')).hexdigest()[:6]}"
    return events


def default_fuser() -> Fuser:
    from summitry.fuse import fuse
    return fuse


class _Seed:
    """A mention whose island must be fused again: an old or a new (``mention_id``) mention of a
    changed document."""

    __slots__ = ("doc", "key", "mention_id")

    def __init__(self, key: FusionKey, doc: str, mention_id: str | None = None):
        self.key, self.doc, self.mention_id = key, doc, mention_id


class _Near:
    """The part of the store a batch of new reports is fused again with (``Ingestor._near``): each
    mention event's island among them (``islands``, by mention id, sorted), the block, scope,
    reach and document of these and of the others read near them (``rows``), and the reaches of
    the new reports, by block, widened by the distance they were read within (``close``)."""

    __slots__ = ("close", "islands", "rows")

    def __init__(self, islands: dict[str, tuple], rows: dict[str, tuple], close: dict[str, list[tuple[int, int]]]):
        self.islands, self.rows, self.close = islands, rows, close

    def holds(self, mention_id: str) -> bool:
        """The whole reach of ``mention_id`` lies within the distance read of a new report's."""
        block, _, lo, hi, _ = self.rows[mention_id]
        if lo is None:
            return True
        spans = self.close.get(block, ())
        k = bisect_right(spans, (lo, _LAST_DAY)) - 1
        return k >= 0 and spans[k][1] >= hi


class _Batch:
    """Documents read together and written in one transaction: their content hashes, the ones to
    extract (the others are stored as they are) and, as they come, their events; the hashes of
    those the store held when they were read, and how many batches this writer had written then."""

    __slots__ = ("hashes", "read", "results", "stored", "todo", "written")

    def __init__(self, read: int, hashes: dict[str, str], todo: list[Document], stored: dict[str, str],
                 written: int):
        self.read, self.hashes, self.todo, self.stored, self.written = read, hashes, todo, stored, written
        self.results: list[tuple[Document, list[Event] | Exception]] = []

    def extracted(self) -> bool:
        return len(self.results) == len(self.todo)


class Ingestor:
    """Writes documents into a store; ``extract`` and ``fuse`` default to the project's own.

    With ``workers`` other than 1 (None: one per core), for the project's extraction by engines that
    read one document at a time, documents are extracted in that many worker processes (``summitry.extract.parallel``)
    while this process writes: the workers read ahead of the batch being written, by enough to stay
    busy while it is fused and written. The store is the same as with one worker, batch by batch."""

    def __init__(self, backend: Backend, extract: Extractor | None = None, fuse: Fuser | None = None,
                 batch_size: int | None = None, engine: str | None = None, workers: int | None = 1,
                 extract_stream: StreamExtractor | None = None):
        self.db = backend
        self.extract = extract  # None: summitry.extract with ``engine``, a batch at a time
        self.engine = engine
        self.fuse = fuse or default_fuser()
        self.batch_size = batch_size or BATCH_SIZE
        self.workers = workers
        self.extract_stream = extract_stream
        # What this writer read or wrote, kept between batches where no other writer can change the
        # store meanwhile (``Backend.sole_writer``): the islands a batch touches grow with the store
        # (reports dated only to the year, or not at all, chain years of one block), and reading
        # them again each batch made a batch cost the size of the store.
        # doc id -> mention id -> mention event, least recently used first; and how many it holds
        self._decoded: OrderedDict[str, dict[str, Event]] = OrderedDict()
        self._decoded_count = 0
        self._published: dict[str, str | None] = {}  # of the documents in _decoded
        # bucket -> mention id -> (scope, reach_from, reach_to, doc id), least recently used first
        self._bucket_rows: OrderedDict[str, dict[str, tuple]] = OrderedDict()
        self._bucket_rows_count = 0
        # doc id -> mention id -> the id of the event it is in: an island fused again keeps most of
        # its events, made of the very reports they were made of before, which are then neither
        # merged again, nor read, nor written
        self._event_of: dict[str, dict[str, str]] = {}
        self._event_of_count = 0
        # block -> the days of the long islands a batch fused again (spans that overlap merged): a
        # later batch reaching into one reads all of it at once, not in rounds widening by its
        # length, each finding the islands among all the rows read so far
        self._island_days: dict[str, list[tuple[int, int]]] = {}
        self._written = 0  # batches this writer has written (or tried to)

    def _forget(self) -> None:
        """Drop what is kept between batches (a rolled-back batch, or another writer)."""
        self._decoded.clear()
        self._decoded_count = 0
        self._published.clear()
        self._bucket_rows.clear()
        self._bucket_rows_count = 0
        self._event_of.clear()
        self._event_of_count = 0
        self._island_days.clear()

    def ingest(self, documents: Iterable[Document], progress: Callable[[IngestReport], None] | None = None
               ) -> IngestReport:
        report = IngestReport()
        for batch in self._extracted(self._batches(documents, report)):
            report.documents += batch.read
            self._store(batch, report)
            if progress:
                progress(report)
        report.totals = store_totals(self.db)
        return report

    def _batches(self, documents: Iterable[Document], report: IngestReport) -> Iterator[_Batch]:
        batch: list[Document] = []
        for doc in documents:
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield self._select(batch, report)
                batch = []
        if batch:
            yield self._select(batch, report)

    def _select(self, docs: Sequence[Document], report: IngestReport) -> _Batch:
        """The batch of ``docs``, with the documents to extract: those not stored with the same content."""
        latest = {d.id: d for d in docs}  # a document repeated within a batch: the last one wins
        hashes = {d.id: content_hash(d) for d in latest.values()}
        stored = dict(self.db.rows("SELECT id, content_hash FROM documents WHERE id = ANY(?)", [list(latest)]))
        report.unchanged += len(docs) - len(latest)
        todo: list[Document] = []
        for doc_id, doc in latest.items():
            if stored.get(doc_id) == hashes[doc_id]:
                report.unchanged += 1
            else:
                todo.append(doc)
        return _Batch(len(docs), hashes, todo, stored, self._written)

    def _extracted(self, batches: Iterator[_Batch]) -> Iterator[_Batch]:
        """Each batch with the events of its documents to extract."""
        extract_stream = self.extract_stream or self._in_workers()
        if extract_stream is None:
            for batch in batches:
                batch.results = list(self._extract_each(batch.todo))
                yield batch
            return
        waiting: deque[_Batch] = deque()

        def documents() -> Iterator[Document]:
            for batch in batches:
                waiting.append(batch)
                yield from batch.todo

        with closing(extract_stream(documents())) as results:
            for doc, result in results:
                while waiting[0].extracted():
                    yield waiting.popleft()
                waiting[0].results.append((doc, result))
        while waiting:  # the batches after the last document extracted have none left to extract
            yield waiting.popleft()

    def _in_workers(self) -> StreamExtractor | None:
        """Extraction in worker processes, unless one process is asked for, or extraction is
        another's (``extract``), or the engine reads a batch at a time in this process."""
        if self.workers == 1 or self.extract is not None:
            return None
        from summitry.extract.parallel import extract_in_workers, reads_many

        if reads_many(self.engine):
            return None
        return lambda docs: extract_in_workers(docs, self.engine, workers=self.workers, catch=True)

    def _store(self, batch: _Batch, report: IngestReport) -> None:
        changed: list[tuple[Document, list[Event]]] = []
        for doc, result in batch.results:
            if isinstance(result, DocumentNotRead):  # not stored: a later run reads it
                report.errors.append(f"document {doc.id}: not read: {result}")
            elif isinstance(result, Exception):
                report.errors.append(f"document {doc.id}: extraction failed: {type(result).__name__}: {result}")
            else:
                changed.append((doc, result))
        if not changed:
            return
        counts = IngestReport()
        try:
            # the cycle collector's passes during a batch walked the rows and events kept between
            # batches, more of them as the store grew (a tenth of a batch's time at 150,000
            # documents, benchmarks/linear_ingest.py): it runs between batches instead, and
            # finds any cycles a batch left then
            with self.db.transaction(), cycles_paused():
                self._write(changed, batch, counts)
        except BaseException:
            self._forget()  # it may hold rows of the rolled-back batch
            raise
        finally:
            self._written += 1
        for name in ("unchanged", "added", "replaced", "mention_events", "events_added", "events_changed",
                     "events_removed"):
            setattr(report, name, getattr(report, name) + getattr(counts, name))

    def _extract_each(self, docs: list[Document]) -> Iterable[tuple[Document, list[Event] | Exception]]:
        """Each document with its events, or the error that kept it from being read; one bad document
        does not stop the others."""
        if self.extract is None:
            from summitry.extract import extract_each

            yield from extract_each(docs, self.engine, catch=True)
            return
        for doc in docs:
            try:
                yield doc, self.extract(doc)
            except Exception as exc:  # noqa: BLE001  (one bad document must not stop the others)
                yield doc, exc

    def _mention_events(self, ids: list[str], changed_docs: set[str]) -> dict[str, Event]:
        """The mention events ``ids`` (sorted), decoded. Decoded ones are kept between batches, by
        document (a document's mention ids are reused when it changes, so its entry goes)."""
        cache = self._decoded
        for doc_id in changed_docs:
            self._decoded_count -= len(cache.pop(doc_id, ()))
            self._published.pop(doc_id, None)
        missing = [m for m in ids if m not in cache.get(m.rsplit("#", 1)[0], ())]
        found: dict[str, Event] = {}
        for mention_id, record in self.db.rows(
                "SELECT mention_id, record FROM mention_events WHERE mention_id = ANY(?)", [missing]):
            found[mention_id] = Event.from_json(record)
        out = {}
        for m in ids:
            doc_id = m.rsplit("#", 1)[0]
            if m in found:
                cache.setdefault(doc_id, {})[m] = out[m] = found[m]
                self._decoded_count += 1
            else:
                out[m] = cache[doc_id][m]
            cache.move_to_end(doc_id)
        while self._decoded_count > _CACHE_LIMIT and len(cache) > 1:
            doc_id, gone = cache.popitem(last=False)
            self._decoded_count -= len(gone)
            self._published.pop(doc_id, None)
        return out

    def _published_of(self, doc_ids: list[str]) -> dict[str, str | None]:
        """The publication dates of ``doc_ids``: kept for the documents whose mention events are."""
        kept = self._published
        missing = [d for d in doc_ids if d not in kept]
        found = dict(self.db.rows("SELECT id, published FROM documents WHERE id = ANY(?)", [missing])) if missing else {}
        for doc_id, published in found.items():
            if doc_id in self._decoded:
                kept[doc_id] = published
        return {d: kept[d] if d in kept else found.get(d) for d in doc_ids}

    def _read_buckets(self, keys: list[str]) -> dict[str, dict[str, tuple]]:
        """The rows of the buckets ``keys`` (mention id -> scope, reach_from, reach_to, doc id), by bucket."""
        kept = self._bucket_rows
        missing = [k for k in keys if k not in kept]
        found: dict[str, dict[str, tuple]] = {k: {} for k in missing}
        if missing:
            for mention_id, doc, bucket, scope, lo, hi in self.db.rows(
                    "SELECT mention_id, doc_id, bucket, scope, reach_from, reach_to FROM mention_events "
                    "WHERE bucket = ANY(?)", [missing]):
                found[bucket][mention_id] = (scope, lo, hi, doc)
            for bucket, bucket_rows in found.items():
                kept[bucket] = bucket_rows
                self._bucket_rows_count += len(bucket_rows)
        out = {}
        for k in keys:
            out[k] = kept[k]
            kept.move_to_end(k)
        return out

    def _trim_buckets(self) -> None:
        while self._bucket_rows_count > _BUCKET_ROWS_LIMIT and self._bucket_rows:
            self._bucket_rows_count -= len(self._bucket_rows.popitem(last=False)[1])

    def _bucket_rows_changed(self, removed: Iterable[tuple[str | None, str]],
                             added: Iterable[tuple[str | None, str, tuple]]) -> None:
        """Keep the buckets in step with the mention events deleted (bucket, mention id) and
        written (bucket, mention id, row); buckets not kept are read when needed."""
        kept = self._bucket_rows
        for bucket, mention_id in removed:
            if bucket in kept and kept[bucket].pop(mention_id, None) is not None:
                self._bucket_rows_count -= 1
        for bucket, mention_id, row in added:
            if bucket in kept:
                self._bucket_rows_count += mention_id not in kept[bucket]
                kept[bucket][mention_id] = row

    def _write(self, changed: list[tuple[Document, list[Event]]], batch: _Batch, report: IngestReport) -> None:
        hashes = batch.hashes
        self.db.lock_for_ingest()
        if not self.db.sole_writer:  # another writer may have changed the store since the last batch
            self._forget()
        if self.db.sole_writer and batch.written == self._written:
            stored = batch.stored  # nothing was written since the batch was read
        else:
            # Another writer (or this one, a batch read ahead) may have stored some of these
            # documents since they were read: with the lock held, what is stored now decides (so
            # two runs of one file count each document once).
            stored = dict(self.db.rows("SELECT id, content_hash FROM documents WHERE id = ANY(?)",
                                       [[doc.id for doc, _ in changed]]))
        todo = [(doc, events) for doc, events in changed if stored.get(doc.id) != hashes[doc.id]]
        report.unchanged += len(changed) - len(todo)
        if not todo:
            return
        changed_docs = {doc.id for doc, _ in todo}
        replaced = changed_docs & stored.keys()  # (the others have no rows to replace)
        seeds = self._replace_mentions(todo, hashes, report, replaced)
        # reports of documents stored before are gone: their islands are clustered anew
        gone = any(seed.mention_id is None for seed in seeds)
        # new reports only: fused again with the events near them, when what changes stays near
        part = None
        if not gone and self.fuse is default_fuser() and not self._corrected():
            near = self._near(seeds, changed_docs)
            if near is not None and self._fuse_again(list(near.islands), changed_docs, report, gone,
                                                     near.islands, near, replaced):
                part = list(near.islands)
        if part is None:  # their whole islands
            islands = self._part(seeds)
            part = list(islands)
            self._fuse_again(part, changed_docs, report, gone, islands, replaced=replaced)
        # analysts' corrections outlive every re-fusion: they are applied again over its events
        apply_corrections(self.db, part)
        for doc, _ in todo:
            if doc.id in stored:
                report.replaced += 1
            else:
                report.added += 1

    def _replace_mentions(self, changed: list[tuple[Document, list[Event]]], hashes: Mapping[str, str],
                          report: IngestReport, replaced: set[str]) -> list[_Seed]:
        """Store the documents and their new mention events in place of the old ones (of the
        documents ``replaced``, those stored before); the places of both, old and new, are what
        changed."""
        db = self.db
        old = db.rows("SELECT doc_id, block, scope, reach_from, reach_to, mention_id, bucket FROM mention_events "
                      "WHERE doc_id = ANY(?)", [sorted(replaced)]) if replaced else []
        seeds = [_Seed(FusionKey(block, scope, lo, hi), doc) for doc, block, scope, lo, hi, _, _ in old]
        self._bucket_rows_changed(((bucket, mention_id) for *_, mention_id, bucket in old), ())
        if replaced:
            for table, column in (("mention_events", "doc_id"), ("documents", "id")):
                db.execute(f"DELETE FROM {table} WHERE {column} = ANY(?)", [sorted(replaced)])
        doc_rows, mention_rows = [], []
        for doc, events in changed:
            doc_rows.append((doc.id, hashes[doc.id], doc.lang, doc.published, doc.source, doc.url, doc.text))
            for seq, event in enumerate(events):
                span = event.mentions[0] if event.mentions else None
                key = fusion_key(event, doc.published)
                seeds.append(_Seed(key, doc.id, f"{doc.id}#{seq}"))
                mention_rows.append((f"{doc.id}#{seq}", doc.id, seq, event.id, event.type, event.status,
                                     span.start if span else None, span.end if span else None, *key,
                                     mention_bucket(key), event.to_json()))
        db.insert("documents", doc_rows)
        db.insert("mention_events", mention_rows)
        self._bucket_rows_changed((), ((row[-2], row[0], (row[9], row[10], row[11], row[1])) for row in mention_rows))
        report.mention_events += len(mention_rows)
        return seeds

    def _near(self, seeds: list[_Seed], changed_docs: set[str]) -> _Near | None:
        """For a batch of new reports only (none gone): the new reports with the stored events
        near them, and the days they were read within (``close``): the new reports' reaches and
        those of the reports of the events one of whose reports meets them, widened by
        _NEAR_DAYS. The part is the reports that meet those days, in the islands they make with
        the new ones, then their events whole. None when a report near them is in no event
        (another fuser's store).

        Fusing these gives what fusing the new reports' whole islands gives when every report of
        an event that changes (one a new report joins, or that loses a report, or is made anew)
        lies within those days (``_near_enough``, checked before anything is written; the whole
        islands are fused otherwise). A report can only join a cluster of which some report's
        reach meets its own, with names that agree (which is what makes islands of fusion's
        keys: ``fuse.islands``). Every report outside these events either meets none of those
        days, so meets no report of an event that changes, or meets them and none of these
        events' reports: so, in fusion's order, no report outside joins a cluster that changes,
        and no report of one joins a cluster outside, which are those fusing the whole islands
        makes. The islands grow with the store (reports dated only to a year chain the years of
        a block); what a batch of new reports changes does not."""
        rows: dict[str, tuple] = {}  # mention id -> block, scope, reach_from, reach_to, doc id
        reaches: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for seed in seeds:
            key = seed.key
            rows[seed.mention_id] = (key.block, key.scope, key.reach_from, key.reach_to, seed.doc)  # type: ignore[index]
            if key.reach_from is not None:
                reaches[key.block].append((key.reach_from, key.reach_to))  # type: ignore[arg-type]
        new = {block: _spans(spans) for block, spans in reaches.items()}
        # the events the new reports meet: what they change is most often theirs
        met = [m for m in self._rows_meeting(new, rows) if rows[m][4] not in changed_docs]
        members: dict[str, list[str]] = {}  # event -> its reports, for the events read
        if self._members_of(met, changed_docs, rows, members) is None:
            return None
        for reports in members.values():
            for m in reports:
                block, _, lo, hi, _ = rows[m]
                if lo is not None:
                    reaches[block].append((lo, hi))
        close = {block: _spans((lo - _NEAR_DAYS, hi + _NEAR_DAYS) for lo, hi in spans)
                 for block, spans in reaches.items()}
        self._rows_meeting(close, rows)
        islands = self._islands_of_rows(rows)
        while True:
            wanted = {islands[seed.mention_id] for seed in seeds}  # type: ignore[index]
            kept = [m for m in rows if islands[m] in wanted]
            events = self._members_of([m for m in kept if rows[m][4] not in changed_docs], changed_docs,
                                      rows, members)
            if events is None:
                return None
            missing = [m for event in events for m in members[event] if islands.get(m) not in wanted]
            if not missing:
                break
            # the islands the reports of those events further off make with the others
            blocks = {rows[m][0] for m in missing}
            changed = self._islands_of_rows({m: row for m, row in rows.items() if row[0] in blocks})
            if all(changed[m] == islands.get(m) for m in changed):  # (an event's reports make one island)
                return None
            islands.update(changed)
        return _Near({m: islands[m] for m in sorted(kept)}, rows, close)

    def _rows_meeting(self, spans_of: Mapping[str, list[tuple[int, int]]], rows: dict[str, tuple]) -> list[str]:
        """The stored mention events of each block whose reaches meet its ``spans_of`` (sorted and
        disjoint), added to ``rows`` (mention id -> block, scope, reach_from, reach_to, doc id)."""
        keys = sorted({key for block, spans in spans_of.items() for lo, hi in spans for key in _buckets(block, lo, hi)})
        found = []
        for key, bucket_rows in self._read_buckets(keys).items():
            block = key.rsplit("|", 1)[0]
            spans = spans_of[block]
            for mention_id, (scope, lo, hi, doc) in bucket_rows.items():
                if _meets(spans, lo, hi):
                    found.append(mention_id)
                    if mention_id not in rows:
                        rows[mention_id] = (block, scope, lo, hi, doc)
        self._trim_buckets()
        return found

    def _members_of(self, mention_ids: list[str], changed_docs: set[str], rows: dict[str, tuple],
                    members: dict[str, list[str]]) -> set[str] | None:
        """The events of the stored ``mention_ids``; the reports of those not in ``members`` are
        added to it, and those not in ``rows`` read into it. None when a mention event is in no
        event."""
        event_of = self._events_of(mention_ids, changed_docs)
        if len(event_of) < len(mention_ids):
            return None
        events = set(event_of.values())
        asked = sorted(events - members.keys())
        missing = []
        for event_id, mention_id in self.db.rows(
                "SELECT event_id, mention_id FROM event_mentions WHERE event_id = ANY(?)", [asked]) if asked else ():
            if mention_id is None:
                return None
            members.setdefault(event_id, []).append(mention_id)
            if mention_id not in rows:
                missing.append(mention_id)
        if missing:
            for mention_id, doc, block, scope, lo, hi in self.db.rows(
                    "SELECT mention_id, doc_id, block, scope, reach_from, reach_to FROM mention_events "
                    "WHERE mention_id = ANY(?)", [missing]):
                rows[mention_id] = (block, scope, lo, hi, doc)
            if any(mention_id not in rows for mention_id in missing):
                return None
        return events

    @staticmethod
    def _islands_of_rows(rows: Mapping[str, tuple]) -> dict[str, tuple]:
        """The island of each row (block, scope, reach_from, reach_to, doc id) among ``rows``."""
        islands: dict[str, tuple] = {}
        by_block: dict[str, list[str]] = defaultdict(list)
        for mention_id, (block, _, lo, _, doc) in rows.items():
            if lo is not None:
                by_block[block].append(mention_id)
            else:  # in its document's island of mentions without days
                islands[mention_id] = (block, None, doc)
        blocks = list(by_block)
        for block, labels in zip(blocks, islands_of_blocks([[rows[m][1:] for m in by_block[b]] for b in blocks])):
            islands.update((m, (block, label)) for m, label in zip(by_block[block], labels))
        return islands

    def _part(self, seeds: list[_Seed]) -> dict[str, tuple | None]:
        """The ids of the mention events in the islands that hold a seed (see the module's
        docstring), in order, each with its island: a value shared by the mention events of one
        island and no other (None where it is not known)."""
        by_block: dict[str, list[_Seed]] = defaultdict(list)
        for seed in seeds:
            by_block[seed.key.block].append(seed)
        rows: dict[str, dict[str, tuple]] = defaultdict(dict)  # block -> mention id -> row
        fetched: set[str] = set()
        wanted = {block: self._known_islands(block, _spans((s.key.reach_from, s.key.reach_to) for s in block_seeds
                                                           if s.key.reach_from is not None))
                  for block, block_seeds in by_block.items()}
        part = {s.mention_id for s in seeds if s.mention_id is not None}
        # a mention without days is in the island of its document's others of its block
        island_of: dict[str, tuple] = {s.mention_id: (s.key.block, None, s.doc) for s in seeds
                                       if s.mention_id is not None and s.key.reach_from is None}
        while wanted:
            keys = sorted({key for block, spans in wanted.items() for lo, hi in spans
                           for key in _buckets(block, lo, hi)} - fetched)
            fetched.update(keys)
            if keys:
                for key, bucket_rows in self._read_buckets(keys).items():
                    rows[key.rsplit("|", 1)[0]].update(bucket_rows)
            more: dict[str, list[tuple[int, int]]] = {}
            ids_of = {block: list(rows[block]) for block in wanted}
            members_of = {block: [rows[block][m] for m in ids_of[block]] + [
                (s.key.scope, s.key.reach_from, s.key.reach_to, s.doc) for s in by_block[block]] for block in wanted}
            labels_of = dict(zip(wanted, islands_of_blocks(list(members_of.values()))))
            for block in wanted:
                ids, members, labels = ids_of[block], members_of[block], labels_of[block]
                touched = set(labels[len(ids):])
                hull: dict[int, list[int]] = {}
                for i, label in enumerate(labels):
                    if label in touched and members[i][1] is not None:
                        span = hull.setdefault(label, [members[i][1], members[i][2]])
                        span[0], span[1] = min(span[0], members[i][1]), max(span[1], members[i][2])
                part.update(m for m, label in zip(ids, labels) if label in touched)
                # an island whose days reach past what was read may hold rows not read yet: the
                # read widens by the island's own length, so that an island chained over years
                # of one block is read in a few rounds, not a round a bucket
                spans = [(lo - (hi - lo), hi + (hi - lo)) for lo, hi in hull.values()
                         if not _buckets(block, lo, hi) <= fetched]
                if spans:
                    more[block] = _spans(spans)
                else:  # every island of the block that holds a seed is read: their members are known
                    island_of.update((m, (block, label)) for m, label in zip(ids, labels) if label in touched)
                    # (islands read in one round need not be remembered)
                    long = [(lo, hi) for lo, hi in hull.values() if hi - lo > _BANDS[0][0]]
                    if long:
                        self._island_days[block] = _spans([*self._island_days.get(block, ()), *long])
            wanted = more
        self._trim_buckets()
        return {m: island_of.get(m) for m in sorted(part)}

    def _known_islands(self, block: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``spans`` of ``block``, with the days of the islands found before that they reach into
        (reading more rows than the islands hold changes nothing but the cost of reading)."""
        known = self._island_days.get(block)
        if not known or not spans:
            return spans
        return _spans([*spans, *(k for k in known if any(k[0] <= hi and lo <= k[1] for lo, hi in spans))])

    def _fuse_again(self, part: list[str], changed_docs: set[str], report: IngestReport,
                    gone: bool = True, islands: Mapping[str, tuple | None] | None = None,
                    near: _Near | None = None, replaced: set[str] | None = None) -> bool:
        """Fuse the mention events ``part`` and put the events that changed in place of the old
        ones; number trips again around them. Unless reports are ``gone`` from the part's islands
        since they were last fused, fusion places the reports sorted before an island's first new
        one where they were (``island_clusters``'s ``before``: the stored events are what fusion
        made of them). ``islands``: the island of each mention event, when ``_part`` or ``_near``
        found them. With ``near`` (the part is ``_near``'s), nothing is written, and False
        returned, when an event that changes reaches further from the new reports than ``_near``
        allows. ``replaced``: the changed documents that were stored before (None: any may have
        been); only they can be in stored events."""
        db = self.db
        # the events of the changed documents are always written again (their mention ids may
        # now name other mentions); other events of the part only when fusion changed them
        event_of = self._events_of(part, changed_docs)
        were_stored = changed_docs if replaced is None else replaced
        of_changed = {e for (e,) in db.rows("SELECT event_id FROM event_mentions WHERE doc_id = ANY(?)",
                                            [sorted(were_stored)])} if were_stored else set()
        linked = set(event_of.values()) | of_changed
        mentions = self._mention_events(part, changed_docs)
        spans: dict[str, list[tuple[int, int, str]]] = {}
        for mention_id, event in mentions.items():
            for m in event.mentions[:1]:
                spans.setdefault(m.doc, []).append((m.start, m.end, mention_id))
        published = self._published_of(sorted(spans))
        ids = list(mentions)
        same: set[str] = set()  # events made of the very reports they were made of before
        if self.fuse is default_fuser() and mentions and not self._corrected():
            from summitry.fuse import island_clusters

            before = None if gone else {i: event_of[m] for i, m in enumerate(ids) if m in event_of}
            known = [islands.get(m) for m in ids] if islands is not None else []
            clusters = island_clusters(list(mentions.values()), published, before=before,
                                       islands=known if known and None not in known else None)
            size: dict[str, int] = defaultdict(int)
            for event_id in event_of.values():
                size[event_id] += 1
            for cluster in clusters:
                if (cluster.id not in of_changed and size[cluster.id] == len(cluster.sources)
                        and all(event_of.get(ids[i]) == cluster.id for i in cluster.sources)):
                    same.add(cluster.id)
            if near is not None and not self._near_enough(near, clusters, same, ids, changed_docs):
                return False
            pairs = [(cluster.event(), cluster.sources) for cluster in clusters if cluster.id not in same]
        else:
            pairs = _fuse_with_sources(self.fuse, list(mentions.values()), published) if mentions else []
        previous = dict(db.rows("SELECT id, record FROM events WHERE id = ANY(?)", [sorted(linked - same)]))
        fused = [event for event, _ in pairs]
        retripped = self._number_trips(fused, sorted(previous))

        fresh = []
        for event, sources in pairs:
            record = event.to_json()
            if previous.get(event.id) != record or any(m.doc in changed_docs for m in event.mentions):
                if sources is None:
                    links = covered_links(event, spans)
                else:
                    links = {}
                    for i in sources:
                        links.setdefault(ids[i].rsplit("#", 1)[0], []).append(ids[i])
                fresh.append((event, record, links))
        new_ids = {e.id for e in fused}
        kept = new_ids - {e.id for e, _, _ in fresh}
        stale = sorted((set(previous) - kept) | {e.id for e, _, _ in fresh})
        for table, column in (("events", "id"), ("event_parties", "event_id"),
                              ("event_mentions", "event_id"), ("legs", "event_id")):
            db.execute(f"DELETE FROM {table} WHERE {column} = ANY(?)", [stale])
        rows: dict[str, list[tuple]] = {"events": [], "event_parties": [], "event_mentions": [], "legs": []}
        for event, record, links in fresh:
            for table, table_rows in event_rows(event, links, record).items():
                rows[table].extend(table_rows)
        for table, table_rows in rows.items():
            db.insert(table, table_rows)
        self._linked(event_of, stale, fresh, changed_docs)
        for event in retripped:
            db.execute("UPDATE events SET trip = ?, record = ? WHERE id = ?", [event.trip, event.to_json(), event.id])
            db.execute("UPDATE legs SET trip = ? WHERE event_id = ?", [event.trip, event.id])
        before = set(previous) | same
        report.events_added += len(new_ids - before)
        report.events_removed += len(set(previous) - new_ids)
        report.events_changed += len({e.id for e, _, _ in fresh} & before) + len(retripped)
        return True

    def _near_enough(self, near: _Near, clusters: list, same: set[str], ids: list[str],
                     changed_docs: set[str]) -> bool:
        """Every report of the events of ``_near``'s part that change (``clusters`` not ``same``)
        lies within the distance read of a new report. And none of them is headed by a report that a
        report outside the part tells again (a document's sentence read as one event twice):
        two clusters headed by one identical report are told apart by their order in their
        island (``fuse._island_clusters``), which the part alone does not know."""
        heads: set[tuple] = set()
        for cluster in clusters:
            if cluster.id in same:
                continue
            if not all(near.holds(ids[i]) for i in cluster.sources):
                return False
            head = cluster.items[0].mention
            if head.doc not in changed_docs:
                heads.add((head.doc, near.rows[ids[cluster.items[0].source]][0], head.start, head.end))
        if heads:
            for mention_id, doc, block, start, end in self.db.rows(
                    "SELECT mention_id, doc_id, block, start_char, end_char FROM mention_events WHERE doc_id = ANY(?)",
                    [sorted({head[0] for head in heads})]):
                if (doc, block, start, end) in heads and mention_id not in near.islands:
                    return False
        return True

    def _corrected(self) -> bool:
        """Analysts' corrections are stored (they are applied again over the events of each batch)."""
        return bool(self.db.rows("SELECT 1 FROM corrections LIMIT 1"))

    def _events_of(self, ids: list[str], changed_docs: set[str]) -> dict[str, str]:
        """The stored event of each of the mention events ``ids`` that is in one. Kept between
        batches by document (every mention event of a document kept, or none), as the decoded
        mention events are; a changed document's entry is read again."""
        kept = self._event_of
        for doc_id in changed_docs:
            self._event_of_count -= len(kept.pop(doc_id, ()))
        missing = sorted({m.rsplit("#", 1)[0] for m in ids} - kept.keys())
        if missing:
            for doc_id in missing:
                kept[doc_id] = {}
            for event_id, mention_id, doc_id in self.db.rows(
                    "SELECT event_id, mention_id, doc_id FROM event_mentions WHERE doc_id = ANY(?)", [missing]):
                if mention_id is not None:
                    kept[doc_id][mention_id] = event_id
                    self._event_of_count += 1
        out = {}
        for m in ids:
            event_id = kept[m.rsplit("#", 1)[0]].get(m)
            if event_id is not None:
                out[m] = event_id
        return out

    def _linked(self, event_of: Mapping[str, str], stale: Iterable[str],
                fresh: list[tuple[Event, str, dict[str, list[str]]]], changed_docs: set[str]) -> None:
        """Keep the events of mention events in step with the rows of ``event_mentions`` just
        deleted (those of the ``stale`` events, whose mention events ``event_of`` names, and of
        the changed documents, read again when needed) and written."""
        kept = self._event_of
        for doc_id in changed_docs:
            self._event_of_count -= len(kept.pop(doc_id, ()))
        gone = set(stale)
        for mention_id, event_id in event_of.items():
            doc_id = mention_id.rsplit("#", 1)[0]
            if event_id in gone and doc_id in kept and kept[doc_id].pop(mention_id, None) is not None:
                self._event_of_count -= 1
        for event, _, links in fresh:
            for doc_id, mention_ids in links.items():
                if doc_id in kept:
                    for mention_id in mention_ids:
                        self._event_of_count += mention_id not in kept[doc_id]
                        kept[doc_id][mention_id] = event.id
        if self._event_of_count > _EVENT_OF_LIMIT:
            kept.clear()
            self._event_of_count = 0

    def _number_trips(self, fused: list[Event], previous: list[str]) -> list[Event]:
        """Number the trips of ``fused`` (which replace the events ``previous``) together with the
        stored legs they chain to; returns the stored events outside ``previous`` whose trip changed."""
        db = self.db
        seeds: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for event in fused:
            leg = trip_leg(event)
            if leg:
                seeds[leg[0]].append(leg[1])
        for (record,) in db.rows("SELECT record FROM events WHERE id = ANY(?) AND trip_bucket IS NOT NULL",
                                 [previous]):
            leg = trip_leg(Event.from_json(record))
            if leg:
                seeds[leg[0]].append(leg[1])
        gone = set(previous)
        stored: dict[str, Event] = {}
        fetched: set[str] = set()
        gap = TRIP_GAP_DAYS
        wanted = {name: _spans((lo - gap, hi + gap) for lo, hi in spans) for name, spans in seeds.items()}
        chained: list[Event] = []
        while wanted:
            keys = sorted({key for name, spans in wanted.items() for lo, hi in spans
                           for key in _buckets(name, lo, hi)} - fetched)
            fetched.update(keys)
            if keys:
                for event_id, record in db.rows("SELECT id, record FROM events WHERE trip_bucket = ANY(?)", [keys]):
                    if event_id not in gone:
                        stored[event_id] = Event.from_json(record)
            legs: dict[str, list[tuple[tuple[int, int], Event | None]]] = defaultdict(list)
            for event in stored.values():
                leg = trip_leg(event)
                if leg and leg[0] in seeds:
                    legs[leg[0]].append((leg[1], event))
            more: dict[str, list[tuple[int, int]]] = {}
            chained = []
            for name, spans_of_name in seeds.items():
                members = legs.get(name, []) + [(span, None) for span in spans_of_name]
                sets = DisjointSets(len(members))
                chain(range(len(members)), [m[0][0] for m in members], [m[0][1] for m in members],
                      TRIP_GAP_DAYS, sets)
                touched = {sets.find(i) for i, m in enumerate(members) if m[1] is None}
                hull: dict[int, list[int]] = {}
                for i, (span, event) in enumerate(members):
                    label = sets.find(i)
                    if label in touched:
                        if event is not None:
                            chained.append(event)
                        h = hull.setdefault(label, [span[0], span[1]])
                        h[0], h[1] = min(h[0], span[0]), max(h[1], span[1])
                spans = [(lo - gap, hi + gap) for lo, hi in hull.values()
                         if not _buckets(name, lo - gap, hi + gap) <= fetched]
                if spans:
                    more[name] = _spans(spans)
            wanted = more
        before = {event.id: event.trip for event in chained}
        assign_trips(fused + chained)
        return [event for event in chained if event.trip != before[event.id]]
