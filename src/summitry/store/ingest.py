"""Incremental, transactional ingest: documents -> per-mention events -> fused events.

For each batch of documents:

1. a document whose content hash (text, lang, published, source, url) is already stored is
   skipped: ingesting the same input twice changes nothing;
2. the changed documents are extracted (outside any transaction: it is the slow part);
3. in one transaction: their old mention events are deleted and the new ones written, the part
   of fusion's input they touch is fused again from all of its mention events, and the events it
   yields replace that part's events (only those that changed are rewritten).

The part to fuse again. Fusion only compares mentions within one *block* (type and countries,
see ``summitry.fuse``), and within a block only mentions whose parties agree: the same names, or
a party known only by country with any party of that country. So a *sub-block* of mentions with
the same named parties never meets another sub-block unless some mention of the block leaves a
party unnamed. The touched part is therefore each touched sub-block, or the whole block when the
block has an ``anonymous`` mention (with every sub-block of its named actors: a traveller's
sub-block spans blocks, because trips are numbered by name, and may make further blocks whole).

Fusion is also local in time: a dated report only meets events whose dates overlap its own, an
undated one only events near its publication day (its *reach*, from fusion's own rules), and
trips chain dates at most a day apart. Within that part, only the mentions connected to a changed
one through reaches that overlap (in one block, or among one traveller's reports) are fused
again. Fusing them alone gives exactly the events that fusing everything would (the tests
compare the two), and keeps the work per batch near the size of the batch rather than of the
database.

A process killed mid-way loses at most the open transaction: every document in the database has
all of its mention events and fused events, or none.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from summitry.extract import DocumentNotRead
from summitry.fuse import STAY_SLACK
from summitry.records import Document, Event
from summitry.store.backends import Backend
from summitry.store.corrections import apply_corrections
from summitry.store.intervals import DisjointSets, chain

# decoded mention events kept between batches (a few hundred MB at most)
_CACHE_LIMIT = 200_000

Extractor = Callable[[Document], list[Event]]
Fuser = Callable[[list[Event], Mapping[str, str | None]], list[Event]]


@dataclass
class IngestReport:
    documents: int = 0          # documents read
    unchanged: int = 0          # skipped: same content already stored
    added: int = 0              # new documents stored
    replaced: int = 0           # stored documents whose content changed
    mention_events: int = 0     # per-mention events written
    events: int = 0             # fused events written (a re-fused block counts again)
    errors: list[str] = field(default_factory=list)


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


# --- rows derived from events ------------------------------------------------------------------

class FusionPlace(NamedTuple):
    """Where fusion may compare a mention event with others (the columns of ``mention_events``)."""

    block: str
    subblock: str
    anonymous: int
    traveller: str | None        # the actor of a visit or gathering: trips are numbered by name
    time_from: int | None        # the days it can reach (see ``fusion_reach``)
    time_to: int | None


def fusion_place(event: Event, published: str | None) -> FusionPlace:
    traveller = event.actor.name if event.type in ("visit", "multilateral") else None
    return FusionPlace(*fusion_block(event), traveller, *fusion_reach(event, published))


def fusion_block(event: Event) -> tuple[str, str, int]:
    """(block, sub-block, anonymous) of a mention event: where fusion may compare it with others.

    Visits and gatherings are blocked by the actor's country and share one block here because
    fusion numbers an actor's trips over visits and gatherings together; their sub-block is the
    actor's name, across countries (a person's country may be missing from some reports, and
    trips are numbered by name). Meetings and calls are blocked by type and the participants'
    countries; their sub-block is the set of participants within the block.
    """
    if event.type in ("visit", "multilateral"):
        block = f"travel|{event.actor.country or '?'}"
        names = [event.actor.name]
        sub = f"travel-actor|{event.actor.name}"
    else:
        block = "|".join(map(str, _fuse_block_key(event)))
        names = [p.name for p in (event.actor, *event.counterparts)]
        sub = f"{block}|{';'.join(sorted(n or '' for n in names))}"
    anonymous = any(n is None for n in names)
    return block, f"{block}|*" if anonymous else sub, int(anonymous)


def fusion_reach(event: Event, published: str | None) -> tuple[int | None, int | None]:
    """The days (since 1970-01-01) within which fusion may join ``event`` to others: its dates, or
    for an undated report the window fusion anchors it to; (None, None) when unbounded."""
    # fusion's own rules, so the two never disagree
    from summitry.fuse import matching_interval, undated_window

    window = matching_interval(event) or undated_window(event.mentions[0].status if event.mentions else event.status,
                                          published or None)
    if window is None:
        return None, None
    return window[0].toordinal() - _EPOCH, window[1].toordinal() - _EPOCH


_EPOCH = date(1970, 1, 1).toordinal()
# Reaches closer than this many days may interact: fusion joins reports of one stay up to
# STAY_SLACK apart, and chains trips whose dates are a day apart.
_NEAR_DAYS = STAY_SLACK.days + 1
_UNBOUNDED = 10**9


def connected(rows: list[tuple[str, str, str | None, int | None, int | None]],
              changes: list[tuple[str, str | None, int | None, int | None]]) -> set[str]:
    """The mention ids among ``rows`` (id, scope, traveller, from, to) that fusion may relate,
    directly or through others, to a changed mention (scope, traveller, from, to): those whose
    reaches chain to a change's within one scope (a sub-block, or a whole block) or among one
    traveller's reports."""
    nodes = [(scope, traveller, lo, hi) for _, scope, traveller, lo, hi in rows] + list(changes)
    groups: dict[tuple[str, str], list[int]] = {}
    for i, (scope, traveller, _, _) in enumerate(nodes):
        groups.setdefault(("scope", scope), []).append(i)
        if traveller:
            groups.setdefault(("traveller", traveller), []).append(i)
    lows = [-_UNBOUNDED if n[2] is None else n[2] for n in nodes]
    highs = [_UNBOUNDED if n[3] is None else n[3] for n in nodes]
    sets = DisjointSets(len(nodes))
    for members in groups.values():
        chain(members, lows, highs, _NEAR_DAYS, sets)
    touched = {sets.find(i) for i in range(len(rows), len(nodes))}
    return {row[0] for i, row in enumerate(rows) if sets.find(i) in touched}


def _fuse_block_key(event: Event) -> tuple:
    from summitry.fuse import block_key  # fusion's own blocking, so the two never disagree
    return block_key(event)


def travellers(event: Event) -> list:
    """The named parties of ``event`` who are abroad in its host country (countries[0])."""
    if event.type == "call" or not event.countries:
        return []
    host = event.countries[0]
    if event.type in ("visit", "multilateral"):
        parties = [event.actor]
    else:
        parties = [event.actor, *event.counterparts]
    # a visitor's home may be unknown, a meeting participant is only abroad if we know it
    return [p for p in parties if p is not None and p.name and p.country != host
            and (p.country or event.type == "visit")]


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
        event.dated_by, event.trip, len(event.mentions), record or event.to_json())]}
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
    destinations = event.countries if event.type == "visit" else event.countries[:1]
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
    """The fused events and, when the fuser is summitry's own, the positions of the reports each
    is made of; another fuser's events come without (their links are then read from spans)."""
    from summitry.fuse import fuse, fuse_with_sources

    if fuser is fuse:
        return list(fuse_with_sources(events, published))
    return [(event, None) for event in fuser(events, published)]


def default_fuser() -> Fuser:
    from summitry.fuse import fuse
    return fuse


class Ingestor:
    """Writes documents into a store; ``extract`` and ``fuse`` default to the project's own."""

    def __init__(self, backend: Backend, extract: Extractor | None = None, fuse: Fuser | None = None,
                 batch_size: int = 200, engine: str | None = None):
        self.db = backend
        self.extract = extract  # None: summitry.extract with ``engine``, a batch at a time
        self.engine = engine
        self.fuse = fuse or default_fuser()
        self.batch_size = batch_size
        self._decoded: dict[str, dict[str, Event]] = {}  # doc id -> mention id -> mention event

    def ingest(self, documents: Iterable[Document], progress: Callable[[IngestReport], None] | None = None
               ) -> IngestReport:
        report = IngestReport()
        batch: list[Document] = []
        for doc in documents:
            report.documents += 1
            batch.append(doc)
            if len(batch) >= self.batch_size:
                self._batch(batch, report)
                batch = []
                if progress:
                    progress(report)
        if batch:
            self._batch(batch, report)
            if progress:
                progress(report)
        return report

    def _batch(self, docs: Sequence[Document], report: IngestReport) -> None:
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
        changed: list[tuple[Document, list[Event]]] = []
        for doc, result in self._extract_each(todo):
            if isinstance(result, DocumentNotRead):  # not stored: a later run reads it
                report.errors.append(f"document {doc.id}: not read: {result}")
            elif isinstance(result, Exception):
                report.errors.append(f"document {doc.id}: extraction failed: {type(result).__name__}: {result}")
            else:
                changed.append((doc, result))
        if not changed:
            return
        try:
            with self.db.transaction():
                self._write(changed, hashes, report)
        except BaseException:
            self._decoded.clear()  # it may hold mention events of the rolled-back batch
            raise
        for doc, _ in changed:
            if doc.id in stored:
                report.replaced += 1
            else:
                report.added += 1

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
            cache.pop(doc_id, None)
        if sum(len(v) for v in cache.values()) > _CACHE_LIMIT:
            cache.clear()
        missing = [m for m in ids if m not in cache.get(m.rsplit("#", 1)[0], ())]
        for mention_id, doc_id, record in self.db.rows(
                "SELECT mention_id, doc_id, record FROM mention_events WHERE mention_id = ANY(?)", [missing]):
            cache.setdefault(doc_id, {})[mention_id] = Event.from_json(record)
        return {m: cache[m.rsplit("#", 1)[0]][m] for m in ids}

    def _write(self, changed: list[tuple[Document, list[Event]]], hashes: Mapping[str, str],
               report: IngestReport) -> None:
        self.db.lock_for_ingest()
        doc_ids = [doc.id for doc, _ in changed]
        changes = self._replace_mentions(changed, hashes, report)
        part = self._part(changes)
        report.events += self._fuse_again(part, set(doc_ids))
        # analysts' corrections outlive every re-fusion: they are applied again over its events
        apply_corrections(self.db, part)

    def _replace_mentions(self, changed: list[tuple[Document, list[Event]]], hashes: Mapping[str, str],
                          report: IngestReport) -> list[FusionPlace]:
        """Store the documents and their new mention events in place of the old ones; the places
        of both, old and new, are what changed."""
        db = self.db
        doc_ids = [doc.id for doc, _ in changed]
        changes = [FusionPlace(*row) for row in db.rows(
            "SELECT block, subblock, anonymous, traveller, time_from, time_to FROM mention_events "
            "WHERE doc_id = ANY(?)", [doc_ids])]
        for table, column in (("mention_events", "doc_id"), ("documents", "id")):
            db.execute(f"DELETE FROM {table} WHERE {column} = ANY(?)", [doc_ids])
        doc_rows, mention_rows = [], []
        for doc, events in changed:
            doc_rows.append((doc.id, hashes[doc.id], doc.lang, doc.published, doc.source, doc.url, doc.text))
            for seq, event in enumerate(events):
                span = event.mentions[0] if event.mentions else None
                place = fusion_place(event, doc.published)
                changes.append(place)
                mention_rows.append((f"{doc.id}#{seq}", doc.id, seq, event.id, event.type, event.status,
                                     span.start if span else None, span.end if span else None, *place,
                                     event.to_json()))
        db.insert("documents", doc_rows)
        db.insert("mention_events", mention_rows)
        report.mention_events += len(mention_rows)
        return changes

    def _part(self, changes: list[FusionPlace]) -> list[str]:
        """The ids of the mention events to fuse again (see the module's docstring)."""
        db = self.db
        # whole blocks where a party is unnamed, else the touched sub-blocks; a whole block brings
        # its actors' sub-blocks, which may reach other blocks
        blocks = {c.block for c in changes}
        subs = {c.subblock for c in changes if not c.anonymous}
        whole = {c.block for c in changes if c.anonymous}
        while True:
            whole |= {b for (b,) in db.rows(
                "SELECT DISTINCT block FROM mention_events WHERE block = ANY(?) AND anonymous = 1",
                [sorted(blocks - whole)])}
            more_subs = {s for (s,) in db.rows(
                "SELECT DISTINCT subblock FROM mention_events WHERE block = ANY(?) AND anonymous = 0",
                [sorted(whole)])} - subs
            more_blocks = {b for (b,) in db.rows(
                "SELECT DISTINCT block FROM mention_events WHERE subblock = ANY(?)", [sorted(more_subs)])} - blocks
            if not more_subs and not more_blocks:
                break
            subs |= more_subs
            blocks |= more_blocks
        # within them, what a change can reach in time: in a whole block anything, else its sub-block
        rows = db.rows("SELECT mention_id, block, subblock, traveller, time_from, time_to FROM mention_events "
                       "WHERE block = ANY(?) OR subblock = ANY(?)", [sorted(whole), sorted(subs)])
        return sorted(connected(
            [(m, b if b in whole else s, t, lo, hi) for m, b, s, t, lo, hi in rows],
            [(c.block if c.block in whole else c.subblock, c.traveller, c.time_from, c.time_to)
             for c in changes]))

    def _fuse_again(self, part: list[str], changed_docs: set[str]) -> int:
        """Fuse the mention events ``part`` and put the events that changed in place of the old
        ones; returns how many were written."""
        db = self.db
        # the events of the changed documents are always written again (their mention ids may
        # now name other mentions); other events of the part only when fusion changed them
        stale = {e for (e,) in db.rows("SELECT DISTINCT event_id FROM event_mentions WHERE doc_id = ANY(?)",
                                       [sorted(changed_docs)])}
        previous = dict(db.rows(
            "SELECT id, record FROM events WHERE id IN (SELECT event_id FROM event_mentions "
            "WHERE mention_id = ANY(?))", [part]))
        mentions = self._mention_events(part, changed_docs)
        spans: dict[str, list[tuple[int, int, str]]] = {}
        for mention_id, event in mentions.items():
            for m in event.mentions[:1]:
                spans.setdefault(m.doc, []).append((m.start, m.end, mention_id))
        published = dict(db.rows("SELECT id, published FROM documents WHERE id = ANY(?)", [sorted(spans)]))
        ids = list(mentions)
        pairs = _fuse_with_sources(self.fuse, list(mentions.values()), published) if mentions else []
        fused = _distinct_ids([event for event, _ in pairs])

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
        kept = {e.id for e in fused} - {e.id for e, _, _ in fresh}
        stale = sorted(((stale | set(previous)) - kept) | {e.id for e, _, _ in fresh})
        for table, column in (("events", "id"), ("event_parties", "event_id"),
                              ("event_mentions", "event_id"), ("legs", "event_id")):
            db.execute(f"DELETE FROM {table} WHERE {column} = ANY(?)", [stale])
        rows: dict[str, list[tuple]] = {"events": [], "event_parties": [], "event_mentions": [], "legs": []}
        for event, record, links in fresh:
            for table, table_rows in event_rows(event, links, record).items():
                rows[table].extend(table_rows)
        for table, table_rows in rows.items():
            db.insert(table, table_rows)
        return len(fresh)


def _distinct_ids(events: list[Event]) -> list[Event]:
    """Fused events with one id each: events that fusion gave the same id (one sentence naming
    several destinations) each get that id with a suffix from their own content, whatever their
    order, instead of overwriting one another."""
    counts = Counter(e.id for e in events)
    for event in events:
        if counts[event.id] > 1:
            raw = "|".join([",".join(event.countries), event.forum or "", event.place or "", event.start or ""])
            event.id = f"{event.id}~{hashlib.sha1(raw.encode('utf-8')).hexdigest()[:6]}"
    return events
