"""Whole-corpus fusion over columns: millions of mention events as an Arrow table, fused by sorts
and sweeps, Python objects made only for one chunk of islands at a time.

    from summitry.fuse_columnar import fuse_table, mention_table, fused_events_of

    table = mention_table(events, published)   # or read from Parquet (``MENTION_SCHEMA``)
    fused = fuse_table(table)                  # one row per fused event (``FUSED_SCHEMA``)
    events = fused_events_of(fused)            # as summitry.records.Event, when wanted

The events are exactly ``summitry.fuse.fuse``'s on the same reports, in the same order: the rules
of fusion are that module's, used here, never restated.

- *Shards.* No island spans two blocks (``fuse.block_name``, asked once per distinct set of the
  parties' countries and destinations), so the main process deals whole blocks into shards of
  about ``SHARD_REPORTS`` reports, and each shard is fused on its own, by this process or by one
  of ``workers`` processes (forked, reading the table they inherit).
- *Keys.* Where a report may be compared (``fuse.fusion_key``: block, party scope, reach in days)
  depends on its parties for the block and scope and on its type, status, dates and publication
  day for the reach. Reports are grouped by what each function reads (codes of the columns'
  dictionaries, packed; no string made) and it is asked once per distinct value, of one report
  that has it.
- *Islands.* ``island_partition``: the islands of ``intervals.island_labels`` (the function
  ``fuse.islands`` and the store use) over every block of a shard at once, by numpy sorts,
  running maxima and binary searches; an island whose reports each name one country is split by
  country (``fuse_plain.apart_by_country``).
- *Plain islands* (``summitry.fuse_plain``), which fusion's rules plainly take for one event, are
  merged over columns, with no record made.
- *Other islands* are taken in chunks of some thousands of reports; each chunk's reports are made
  into records and clustered by ``fuse`` (``_island_clusters``); the clusters whose reports tell
  the same, each from its own document, with days that meet, are merged over columns too, the
  others by ``fuse``, and the events are written back as columns before the next chunk is read.
  Memory is the table's and the output's, plus a shard's work in each process.
- *Trips and order.* Legs are numbered by ``fuse.trip_ids`` (in a thread) while the rows are put
  in ``fuse.fused_order``'s order, its words ranked once per distinct word.
"""
from __future__ import annotations

import heapq
import itertools
import os
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from summitry.fuse import (
    PlaceAgreement,
    _island_clusters,
    _Item,
    _item,
    _text_interval,
    block_name,
    default_place_agreement,
    party_scope,
    report_reach,
    text_days,
    trip_ids,
    trip_leg,
)
from summitry.gcpause import cycles_paused
from summitry.intervals import NO_DAY
from summitry.records import Event, Mention, Party

# Strings that repeat (names, countries, days, kinds) are dictionary-encoded: four bytes a report.
_WORD = pa.dictionary(pa.int32(), pa.string())
PARTY = pa.struct([("name", _WORD), ("country", _WORD), ("office", _WORD), ("level", _WORD)])
MENTION = pa.struct([("doc", pa.string()), ("status", _WORD), ("lang", _WORD), ("text", pa.string()),
                     ("start", pa.int64()), ("end", pa.int64())])
_EVENT_FIELDS = [("id", pa.string()), ("type", _WORD), ("status", _WORD), ("actor", PARTY),
                 ("counterparts", pa.list_(PARTY)), ("countries", pa.list_(_WORD)), ("place", _WORD),
                 ("forum", _WORD), ("start", _WORD), ("end", _WORD), ("precision", _WORD), ("dated_by", _WORD)]
#: one row per report: an engine's event with one mention (``mention``, whose status is the
#: report's), the position of its event in fusion's input (``source``) and its document's
#: publication day (``published``)
MENTION_SCHEMA = pa.schema([("source", pa.int64()), *[f for f in _EVENT_FIELDS if f[0] != "status"],
                            ("mention", MENTION), ("published", _WORD)])
#: one row per fused event, as ``summitry.records.Event`` (with every mention and its trip), and the
#: positions in fusion's input of the reports it is made of (``sources``)
FUSED_SCHEMA = pa.schema([*_EVENT_FIELDS, ("mentions", pa.list_(MENTION)), ("trip", pa.string()),
                          ("sources", pa.list_(pa.int64()))])

#: reports a shard: whole blocks, fused (keys, islands and all) by one process at a time
SHARD_REPORTS = 500_000
#: reports a chunk: the records made at once (a few tens of MB)
CHUNK_REPORTS = 20_000
#: reports of plain islands fused over columns at once (some tens of MB of columns)
PLAIN_PART_REPORTS = 100_000


# --- records and columns -----------------------------------------------------------------------

def mention_table(events: Iterable[Event], published: Mapping[str, str | None] | None = None) -> pa.Table:
    """The reports of ``events`` (fusion's input), one row per mention, as ``fuse`` reads them: with
    the mention's status, without a trip."""
    published = published or {}
    rows: dict[str, list] = {name: [] for name in MENTION_SCHEMA.names}
    for position, ev in enumerate(events):
        for m in ev.mentions:
            rows["source"].append(position)
            _event_row(rows, ev)
            rows["mention"].append(m.__dict__)
            rows["published"].append(published.get(m.doc))
    return pa.Table.from_pydict(rows, schema=MENTION_SCHEMA)


#: summitry-event/1 records (``Event.to_json``) as JSON Lines, for Arrow's reader
_RECORD = pa.schema([*[(name, pa.string() if pa.types.is_dictionary(kind) else kind) for name, kind in _EVENT_FIELDS
                       if name not in ("actor", "counterparts", "countries")],
                     ("actor", pa.struct([(f.name, pa.string()) for f in PARTY])),
                     ("counterparts", pa.list_(pa.struct([(f.name, pa.string()) for f in PARTY]))),
                     ("countries", pa.list_(pa.string())),
                     ("mentions", pa.list_(pa.struct([(f.name, pa.string() if pa.types.is_dictionary(f.type)
                                                       else f.type) for f in MENTION])))])


def mention_table_of_records(records: Any, published: Any) -> pa.Table:
    """The reports of events given as summitry-event/1 JSON records (Arrow strings, as the Parquet
    files of ``summitry.cluster.mention_events`` hold them), each published on the day beside it in
    ``published``: ``mention_table``'s rows, read by Arrow's JSON reader without a record made."""
    from pyarrow import json as arrow_json

    records = pa.chunked_array([records]) if isinstance(records, pa.Array) else records
    if len(records) == 0:
        return MENTION_SCHEMA.empty_table()
    # one buffer of JSON Lines, made by Arrow (large strings: it may pass 2 GB)
    joined = pc.binary_join(pa.LargeListArray.from_arrays(pa.array([0, len(records)], pa.int64()),
                                                          records.combine_chunks().cast(pa.large_string())),
                            pa.scalar("\n", pa.large_string()))
    size = int(np.frombuffer(joined.buffers()[1], dtype=np.int64, count=2)[1])
    events = arrow_json.read_json(pa.BufferReader(joined.buffers()[2].slice(0, size)), read_options=arrow_json.ReadOptions(block_size=1 << 26),
                                  parse_options=arrow_json.ParseOptions(
                                      explicit_schema=_RECORD, unexpected_field_behavior="ignore")).combine_chunks()
    mentions = events.column("mentions").chunk(0)
    source = pc.list_parent_indices(mentions)
    rows = events.take(source)
    columns = {"source": pc.cast(source, pa.int64())}
    columns.update({name: rows.column(name) for name in MENTION_SCHEMA.names if name not in columns and name in
                    rows.column_names})
    columns["mention"] = mentions.flatten()
    columns["published"] = pc.take(published, source)
    return pa.table(columns).select(MENTION_SCHEMA.names).cast(MENTION_SCHEMA)


def _event_row(rows: dict[str, list], ev: Event) -> None:
    rows["id"].append(ev.id)
    rows["type"].append(ev.type)
    if "status" in rows:
        rows["status"].append(ev.status)
    rows["actor"].append(ev.actor.__dict__)
    rows["counterparts"].append([p.__dict__ for p in ev.counterparts])
    rows["countries"].append(ev.countries)
    for name in ("place", "forum", "start", "end", "precision", "dated_by"):
        rows[name].append(getattr(ev, name))


def _array(values: Any) -> Any:
    """A column as one array: its chunk when it has one (``combine_chunks`` copies even then, a
    whole column of millions of rows), else its chunks put together."""
    if isinstance(values, pa.ChunkedArray):
        return values.chunk(0) if values.num_chunks == 1 else values.combine_chunks()
    return values


def _values(array: Any) -> list:
    """An Arrow array's values as a list; a dictionary array's repeated values as one object each."""
    array = _array(array)
    if not pa.types.is_dictionary(array.type):
        return array.to_pylist()
    dictionary = array.dictionary
    if len(dictionary) > 256 and len(dictionary) > len(array) // 4:  # the words used, not all the table's
        codes = np.asarray(pc.fill_null(array.indices, -1), dtype=np.int64)
        used = np.flatnonzero(np.bincount(codes + 1, minlength=len(dictionary) + 1)[1:])
        remap = np.full(len(dictionary) + 1, len(used), np.int64)
        remap[used] = np.arange(len(used))
        words = [*dictionary.take(pa.array(used)).to_pylist(), None]
        return list(map(words.__getitem__, remap[codes].tolist()))
    words = [*dictionary.to_pylist(), None]
    codes = pc.fill_null(array.indices, len(words) - 1).to_numpy(zero_copy_only=False).tolist()
    return list(map(words.__getitem__, codes))


def _parties(array: Any) -> list[Party]:
    """A struct array of parties as records, one record for each distinct party (they are never
    changed in place: fusion makes new ones)."""
    known: dict[tuple, Party] = {}
    out = []
    for key in zip(*(_values(pc.struct_field(array, name)) for name in ("name", "country", "office", "level"))):
        party = known.get(key)
        if party is None:
            party = known[key] = Party(*key)
        out.append(party)
    return out


def _lists(array: Any, items: list) -> list[list]:
    """Each row's part of a list array's ``items`` (its flattened values, decoded)."""
    offsets = array.offsets.to_numpy().tolist()
    base = offsets[0]
    return [items[a - base:b - base] for a, b in itertools.pairwise(offsets)]


def _event_columns(table: pa.Table) -> dict[str, list]:
    cols: dict[str, list] = {}
    for name in table.column_names:
        column = _array(table.column(name))
        if name == "actor":
            cols[name] = _parties(column)
        elif name in ("counterparts", "countries"):
            items = _parties(column.flatten()) if name == "counterparts" else _values(column.flatten())
            cols[name] = _lists(column, items)
        elif name in ("mention", "mentions"):
            flat = column.flatten() if name == "mentions" else column
            mentions = [Mention(*fields) for fields in zip(*(_values(pc.struct_field(flat, f.name)) for f in MENTION))]
            cols[name] = _lists(column, mentions) if name == "mentions" else mentions
        else:
            cols[name] = _values(column)
    return cols


def reports_of(table: pa.Table) -> list[Event]:
    """The rows of a ``MENTION_SCHEMA`` table as records with one mention each, of its status."""
    c = _event_columns(table.select([name for name in table.column_names if name not in ("source", "published")]))
    return [Event(id_, type_, mention.status, actor, cps, cs, place, forum, start, end, precision, dated_by, [mention])
            for id_, type_, actor, cps, cs, place, forum, start, end, precision, dated_by, mention in zip(
                c["id"], c["type"], c["actor"], c["counterparts"], c["countries"], c["place"], c["forum"],
                c["start"], c["end"], c["precision"], c["dated_by"], c["mention"])]


def told_of(table: pa.Table) -> list[Event]:
    """The rows of a ``MENTION_SCHEMA`` table as records of what they tell of the event alone (its
    type, parties, countries, place and forum; no id, status, dates or mention): what the keys and
    ids of fusion read of a report, made for a few representative rows."""
    c = _event_columns(table.select(["type", "actor", "counterparts", "countries", "place", "forum"]))
    return [Event("", type_, "", actor, cps, cs, place, forum) for type_, actor, cps, cs, place, forum in zip(
        c["type"], c["actor"], c["counterparts"], c["countries"], c["place"], c["forum"])]


def fused_events_of(table: pa.Table) -> list[Event]:
    """The rows of a ``FUSED_SCHEMA`` table as records."""
    c = _event_columns(table)
    return [Event(*fields) for fields in zip(*(c[name] for name, _ in _EVENT_FIELDS), c["mentions"], c["trip"])]


# --- keys ----------------------------------------------------------------------------------------

def _codes_of(values: Any) -> np.ndarray:
    """A code for each value, equal for equal values (null told apart from any value: 0; values
    from 1 up), from the dictionary's codes when the values are dictionary-encoded (no string is
    made), else by hashing them once; codes already made are given back as they are."""
    if isinstance(values, np.ndarray):
        return values
    values = _array(values)
    if pa.types.is_dictionary(values.type):
        # the dictionary's words may repeat: equal words, one code
        words = pc.dictionary_encode(values.dictionary).indices
        remap = np.append(np.asarray(pc.fill_null(words, -1), dtype=np.int64) + 1, 0)
        return remap[np.asarray(pc.fill_null(values.indices, -1), dtype=np.int64)]
    encoded = pc.dictionary_encode(values)
    return np.asarray(pc.fill_null(encoded.indices, -1), dtype=np.int64) + 1


def _joined(offsets: pa.Array, values: Any) -> np.ndarray:
    """A code for each list (a list array's ``offsets`` into its ``values``), equal for lists of
    equal items in the same order (a null item told apart from any value)."""
    items = _codes_of(values)
    starts = np.asarray(offsets, dtype=np.int64)
    lengths = np.diff(starts)
    starts = starts[:-1]
    out = np.zeros(len(lengths), np.int64)  # empty lists: 0
    base = 1
    present = np.flatnonzero(np.bincount(lengths)) if len(lengths) else lengths
    for length in present[present > 0].tolist():
        rows = np.flatnonzero(lengths == length)
        if length == 1:
            code = items[starts[rows]]
        else:
            code = np.unique(items[starts[rows][:, None] + np.arange(length)], axis=0,
                             return_inverse=True)[1].reshape(-1)
        out[rows] = base + code
        base += int(code.max()) + 1
    return out


def _signature(columns: Sequence[Any]) -> np.ndarray:
    """A code for each row, equal for rows whose ``columns`` (arrays, or codes already made) are
    all equal."""
    out = np.zeros(len(columns[0]), np.int64)
    bound = 1
    for column in columns:
        codes = _codes_of(column)
        width = int(codes.max()) + 1 if len(codes) else 1
        if bound * width >= 2**62:  # make the codes so far dense again
            out = np.asarray(pc.dictionary_encode(pa.array(out)).indices, dtype=np.int64)
            bound = int(out.max()) + 1
        out = out * width + codes
        bound *= width
    return out


def _representatives(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct codes' first rows, and for each row the index of its code among them (the
    distinct codes numbered in the order they first come)."""
    which = np.asarray(pc.dictionary_encode(pa.array(codes)).indices, dtype=np.int64)  # (by hashing)
    if not len(which):
        return which, which
    # a code is numbered when it first comes: its first row is the first to pass the codes before
    first = np.flatnonzero(np.r_[True, which[1:] > np.maximum.accumulate(which)[:-1]])
    return first, which


def fusion_keys(table: pa.Table) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each report's block and party scope (as codes; an unnamed scope -1), reach (``NO_DAY`` when
    it has none) and document (a code): ``fuse.fusion_key``'s, from ``fuse.block_name``,
    ``fuse.party_scope``, ``fuse.text_days`` and ``fuse.report_reach``, each asked once per
    distinct value of what it reads."""
    return _keys_and_days(table)[:5]


def _keys_and_days(table: pa.Table) -> tuple[np.ndarray, ...]:
    """``fusion_keys``, and the days each report's text gives it (``fuse.text_days``; ``NO_DAY``
    for both ends when none)."""
    table = table.combine_chunks()
    column = {name: table.column(name).chunk(0) for name in table.column_names}
    counterparts, countries, mention = column["counterparts"], column["countries"], column["mention"]

    # blocks: a record of each distinct type and set of the parties' countries and destinations
    # or hosts (what ``fuse.block_key`` reads); scopes: of each distinct type and set of names
    # (what ``fuse.party_scope`` reads)
    kind = _codes_of(column["type"])
    first, which = _representatives(_signature([
        kind, pc.struct_field(column["actor"], "country"),
        _joined(counterparts.offsets, pc.struct_field(counterparts.values, "country")),
        _joined(countries.offsets, countries.values)]))
    blocks: dict[str, int] = {}
    block_of = np.array([blocks.setdefault(block_name(ev), len(blocks)) for ev in told_of(table.take(first))],
                        dtype=np.int64)
    block = block_of[which]
    first, which = _representatives(_signature([
        kind, pc.struct_field(column["actor"], "name"),
        _joined(counterparts.offsets, pc.struct_field(counterparts.values, "name"))]))
    scopes: dict[str, int] = {}
    scope_of = np.array([-1 if scope is None else scopes.setdefault(scope, len(scopes))
                         for scope in map(party_scope, told_of(table.take(first)))], dtype=np.int64)
    scope = scope_of[which]

    # the days the text gives: once per distinct start, end and source of the date
    first, which = _representatives(_signature([column["start"], column["end"], column["dated_by"]]))
    days_lo, days_hi = np.full(len(first), NO_DAY, np.int64), np.full(len(first), NO_DAY, np.int64)
    for k, fields in enumerate(zip(*(_values(column[name].take(first)) for name in ("start", "end", "dated_by")))):
        days = text_days(*fields)
        if days is not None:
            days_lo[k], days_hi[k] = days
    dates, days_lo, days_hi = which, days_lo[which], days_hi[which]

    # the reach: once per type, status and days given, or (without days) publication day
    status, published = _codes_of(pc.struct_field(mention, "status")), _codes_of(column["published"])
    dated = days_lo > NO_DAY
    width = max(int(dates.max()), int(published.max())) + 1
    first, which = _representatives(((kind * (int(status.max()) + 1) + status) * 2 + dated) * width
                                    + np.where(dated, dates, published))
    lo_of, hi_of = np.full(len(first), NO_DAY, np.int64), np.full(len(first), NO_DAY, np.int64)
    rows = pa.array(first)
    for k, (type_, status_, lo, hi, pub) in enumerate(zip(
            _values(column["type"].take(rows)), _values(pc.struct_field(mention, "status").take(rows)),
            days_lo[first].tolist(), days_hi[first].tolist(), _values(column["published"].take(rows)))):
        reach = report_reach(type_, status_, None if lo == NO_DAY else (lo, hi), pub if lo == NO_DAY else None)
        if reach is not None:
            lo_of[k], hi_of[k] = reach
    return block, scope, lo_of[which], hi_of[which], _codes_of(pc.struct_field(mention, "doc")), days_lo, days_hi


# --- fusion ----------------------------------------------------------------------------------------

def island_partition(block: np.ndarray, scope: np.ndarray, lo: np.ndarray, hi: np.ndarray, doc: np.ndarray
                     ) -> np.ndarray:
    """``intervals.island_labels`` over numpy columns: the same islands (numbered otherwise), by
    the same runs and bridges, each step a sort, a running maximum or a binary search over all the
    members at once."""
    n = len(block)
    label = np.zeros(n, np.int64)
    timed = (lo > NO_DAY) & (hi > NO_DAY)
    # without days: one island per block and document
    timeless = np.flatnonzero(~timed)
    next_label = 0
    if len(timeless):
        _, label[timeless] = np.unique(np.stack([block[timeless], doc[timeless]]), axis=1, return_inverse=True)
        next_label = int(label[timeless].max()) + 1
    rows = np.flatnonzero(timed)
    if not len(rows):
        return label
    low, high = int(lo[rows].min()), int(hi[rows].max())
    width = high - low + 1

    def runs(members: np.ndarray, group: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The run of each member (by the order of ``members``), and each run's group, first and
        last day, the runs in order of group, then first day."""
        if not len(members):
            return members, members, members, members
        start = lo[members] - low
        groups = int(group.max()) + 1
        # by group, then first day (members of one group and day in any order: they make one run)
        order = np.argsort(group * width + start) if groups * width < 2**62 else np.lexsort((start, group))
        g, first, last = group[order], lo[members][order] - low, hi[members][order] - low
        new_group = np.r_[True, g[1:] != g[:-1]]
        group_rank = np.cumsum(new_group) - 1
        furthest = np.maximum.accumulate(group_rank * width + last) - group_rank * width
        starts = new_group | np.r_[True, first[1:] > furthest[:-1]]
        run_sorted = np.cumsum(starts) - 1
        run_of = np.empty(len(members), np.int64)
        run_of[order] = run_sorted
        at = np.flatnonzero(starts)
        return run_of, g[at], first[at], np.maximum.reduceat(last, at)

    named_rows, unnamed_rows = rows[scope[rows] >= 0], rows[scope[rows] < 0]
    scopes = int(scope.max()) + 2
    named_run, named_group, named_first, named_last = runs(named_rows, block[named_rows] * scopes + scope[named_rows])
    named_block = named_group // scopes
    anon_run, anon_block, anon_first, anon_last = runs(unnamed_rows, block[unnamed_rows])
    # unnamed runs of a block are disjoint and in order; a named run meets those from the first
    # that ends on or after its first day to the last that starts on or before its last day
    meets_from = np.searchsorted(anon_block * width + anon_last, named_block * width + named_first, "left")
    meets_to = np.searchsorted(anon_block * width + anon_first, named_block * width + named_last, "right") - 1
    meets = meets_from <= meets_to
    bridged = np.zeros(len(anon_first) + 1, np.int64)
    np.add.at(bridged, meets_from[meets], 1)
    np.add.at(bridged, meets_to[meets], -1)
    # unnamed runs k and k+1 are one island when a named run meets both
    open_bridges = np.r_[0, np.cumsum(bridged[:-1])][:len(anon_first)]
    anon_island = next_label + np.cumsum(np.r_[False, open_bridges[1:] == 0]) if len(anon_first) else anon_first
    next_label = int(anon_island[-1]) + 1 if len(anon_first) else next_label
    named_island = np.where(meets, anon_island[np.minimum(meets_from, max(len(anon_first) - 1, 0))]
                            if len(anon_first) else 0, next_label + np.cumsum(~meets) - 1)
    label[named_rows] = named_island[named_run]
    label[unnamed_rows] = anon_island[anon_run]
    return label


def _chunks(labels: np.ndarray, size: int) -> list[np.ndarray]:
    """The rows by island (each island's in input order), cut into chunks of whole islands of about
    ``size`` reports."""
    order = np.argsort(labels, kind="stable")
    sorted_labels = labels[order]
    island_starts = np.append(np.flatnonzero(np.r_[True, sorted_labels[1:] != sorted_labels[:-1]]), len(order))
    cuts = island_starts[np.searchsorted(island_starts, np.arange(size, len(order), size))]
    return [part for part in np.split(order, np.unique(cuts)) if len(part)]


def _fuse_chunk(table: pa.Table, rows: np.ndarray, labels: np.ndarray, same_place: PlaceAgreement,
                days: tuple | None = None, at: np.ndarray | None = None) -> tuple[pa.Table, np.ndarray]:
    """The fused events of the islands of ``rows`` as a table of ``FUSED_SCHEMA`` (trips unset),
    and their legs (``fuse.trip_leg``'s) as rows of (row in the table, first day, last day).
    ``rows`` (and ``labels`` and ``days``) are a shard's, whose rows in ``table`` are ``at``
    (None: the table's own).

    The reports are clustered by ``fuse``; a cluster whose reports tell the same (and may each be
    in a plain island: ``plain``, by row), each from its own document, with days that meet, is
    merged over columns (``fuse_plain.fuse_plain``, reading ``days``: reach and text days, whether
    each report may be in a plain island, and publication days' ranks, by row), the others by
    ``fuse``."""
    from summitry.fuse_plain import fuse_plain

    part = table.take(rows if at is None else at[rows])
    reports = reports_of(part)
    published = _values(part.column("published"))
    # (an item's ``source`` is its row in ``part`` here: fusion reads it only to name the cluster's
    # reports, which is done below from the rows)
    if days is not None:  # the days the text gives and the reach, known: not made again
        intervals = [None if lo == NO_DAY else (lo, hi) for lo, hi in zip(days[2][rows].tolist(), days[3][rows].tolist())]
        reaches = [None if lo == NO_DAY else (lo, hi) for lo, hi in zip(days[0][rows].tolist(), days[1][rows].tolist())]
        # ``fuse._item``'s items: the reach is ``fuse.report_reach``'s (``fusion_keys``), which is
        # the anchor itself for a report without days of its own (``fuse._reach``), else no anchor
        items = [_Item(report, report.mentions[0], interval, None if interval else reach, pub or "", k, reach)
                 for k, (report, interval, reach, pub) in enumerate(zip(reports, intervals, reaches, published))]
        del reaches
    else:
        intervals = list(map(_text_interval, reports))
        items = [_item(report, interval, pub or "", k)
                 for k, (report, interval, pub) in enumerate(zip(reports, intervals, published))]
    del reports, intervals, published
    island = labels[rows]
    by_island = np.argsort(island, kind="stable")  # (each island's rows in order)
    starts = np.flatnonzero(np.r_[True, island[by_island][1:] != island[by_island][:-1]]).tolist()
    by_island = by_island.tolist()
    clusters = []
    members: list[int] = []  # rows (of ``part``) of each cluster in turn
    sizes = []
    for a, b in zip(starts, [*starts[1:], len(by_island)]):
        for cluster in _island_clusters([items[k] for k in by_island[a:b]], same_place):
            clusters.append(cluster)
            members.extend([it.source for it in cluster.items])
            sizes.append(len(cluster.items))
    del items, by_island
    member, size = np.array(members, dtype=np.int64), np.array(sizes, dtype=np.int64)
    first = np.cumsum(size) - size
    plainly = (_merge_plainly(part, member, first, days[4][rows], days[2][rows], days[3][rows])
               if days is not None and len(member) else np.zeros(len(clusters), bool))
    # the clusters merged over columns: their rows and ids
    merged_at = np.flatnonzero(plainly)
    as_columns = member[np.repeat(plainly, size)]
    group = np.repeat(np.arange(len(merged_at)), size[merged_at])
    ids = {k: clusters[c].id for k, c in enumerate(merged_at.tolist())}
    out: dict[str, list] = {name: [] for name in FUSED_SCHEMA.names}
    legs = []
    sources = part.column("source").to_numpy()
    for c in np.flatnonzero(~plainly).tolist():
        cluster = clusters[c]
        event = cluster.event()
        leg = trip_leg(event)
        if leg:
            legs.append((len(out["id"]), leg[1][0], leg[1][1]))
        _event_row(out, event)
        out["mentions"].append([m.__dict__ for m in event.mentions])
        out["trip"].append(None)
        out["sources"].append(sorted(set(sources[member[first[c]:first[c] + size[c]]].tolist())))
    fused = pa.Table.from_batches([pa.RecordBatch.from_pydict(out, schema=FUSED_SCHEMA)])
    fused_legs = np.array(legs, dtype=np.int64).reshape(-1, 3)
    if not len(as_columns):
        return fused, fused_legs
    chosen = rows[as_columns]
    # (their rows taken from the chunk's, not again from the whole table)
    merged, merged_legs = fuse_plain(part, as_columns, group,
                                     *(column[chosen] for column in days[:4]), ids=ids,  # type: ignore[index]
                                     ranks=(days[5][chosen], days[6][chosen]))  # type: ignore[index]
    fused_legs[:, 0] += merged.num_rows
    return pa.concat_tables([merged, fused]), np.concatenate([merged_legs, fused_legs])


def _merge_plainly(part: pa.Table, member: np.ndarray, starts: np.ndarray, plain: np.ndarray, days_lo: np.ndarray,
                   days_hi: np.ndarray) -> np.ndarray:
    """Whether ``fuse_plain`` merges each cluster (its rows of ``part``: ``member`` from ``starts``)
    as ``fuse`` does: its reports tell the same, each may be in a plain island (``plain``, by row)
    and comes from its own document, the days of its dated reports meet (text days by row), and
    without any, none is dated by its publication day."""
    from summitry.fuse_plain import told_codes

    clusters = len(starts)
    cluster = np.repeat(np.arange(clusters), np.diff(np.r_[starts, len(member)]))
    ok = np.minimum.reduceat(plain[member].astype(np.int8), starts).astype(bool)
    told = told_codes(part)[member]
    ok &= np.minimum.reduceat(told, starts) == np.maximum.reduceat(told, starts)
    doc = _codes_of(pc.struct_field(_array(part.column("mention")), "doc"))[member]
    by_doc = np.lexsort((doc, cluster))
    twice = np.flatnonzero((doc[by_doc][1:] == doc[by_doc][:-1]) & (cluster[by_doc][1:] == cluster[by_doc][:-1]))
    ok[cluster[by_doc][twice]] = False
    lo, hi = days_lo[member], days_hi[member]
    dated = lo > NO_DAY
    any_dated = np.maximum.reduceat(dated.astype(np.int8), starts).astype(bool)
    meet = (np.maximum.reduceat(np.where(dated, lo, np.iinfo(np.int64).min), starts)
            <= np.minimum.reduceat(np.where(dated, hi, np.iinfo(np.int64).max), starts))
    dated_by = pc.cast(_array(part.column("dated_by")), pa.string())
    publication = np.asarray(pc.fill_null(pc.equal(dated_by, "publication"), False))[member]
    none_by_publication = ~np.maximum.reduceat(publication.astype(np.int8), starts).astype(bool)
    return ok & np.where(any_dated, meet, none_by_publication)


def fuse_table(table: pa.Table, same_place: PlaceAgreement | None = None, workers: int = 1,
               chunk_reports: int = CHUNK_REPORTS, plain_path: bool = True) -> pa.Table:
    """The reports of a ``MENTION_SCHEMA`` table fused: the events of ``summitry.fuse.fuse`` on the
    same reports, in its order, as a ``FUSED_SCHEMA`` table; ``workers`` processes fuse shards of
    whole blocks side by side. Plain islands (``summitry.fuse_plain``) are fused over columns, with
    no record made, unless ``plain_path`` is False."""
    same_place = same_place or default_place_agreement()
    table = table.cast(MENTION_SCHEMA).combine_chunks() if table.schema != MENTION_SCHEMA else table.combine_chunks()
    if table.num_rows == 0:
        return FUSED_SCHEMA.empty_table()
    count, halves = -(-table.num_rows // SHARD_REPORTS), 0
    if workers > 1:  # enough shards for every worker to have some (of a chunk's reports at least)
        count = max(count, min(4 * workers, -(-table.num_rows // chunk_reports)))
        # and the last shards half as large, so that the workers end close together (the last to
        # end leaves the others idle for part of a shard's time)
        halves = 2 * workers if count >= 4 * workers else 0
        count += halves // 2
    shards = _shards(table, count, halves)
    _give_back()  # what the blocks took, before workers are forked (they would share it)
    results = _fused_shards(table, shards, same_place, workers, chunk_reports, plain_path)
    batches, legs = [], [np.empty((0, 3), np.int64)]
    offset = 0
    for batch, part_legs in results:
        legs.append(part_legs + np.array([offset, 0, 0]))
        offset += batch.num_rows
        batches.extend(batch.to_batches() if isinstance(batch, pa.Table) else [batch])
    del table, shards, results  # (the input is gone now, unless the caller keeps it)
    _give_back()
    fused = pa.Table.from_batches(batches, schema=FUSED_SCHEMA)
    del batches
    at = np.concatenate(legs)
    # trips are numbered (Python) in a thread while the rows are put in order (Arrow and numpy,
    # which let it run), a column at a time: the unordered column goes as its ordered copy comes
    # (the legs are read from the rows in the thread too, of the three columns they need)
    trips: list[pa.Array] = []
    numbering = threading.Thread(target=lambda rows, table, at: trips.append(_trips(rows, _legs_of(table, at), at[:, 0])),
                                 args=(fused.num_rows, fused.select(["actor", "status", "id"]), at))
    numbering.start()
    try:
        order = _fused_order(fused)
        columns = {name: fused.column(name) for name in FUSED_SCHEMA.names if name != "trip"}
        del fused
        for name in list(columns):
            columns[name] = columns[name].take(order)
    finally:
        numbering.join()
    columns["trip"] = trips[0].take(order)
    return pa.table({name: columns[name] for name in FUSED_SCHEMA.names}, schema=FUSED_SCHEMA)


def _shards(table: pa.Table, count: int, halves: int = 0) -> list[np.ndarray | None]:
    """The rows of each of about ``count`` shards (in input order; None for all of them): whole
    blocks (``fuse.block_name``, asked once per distinct type and set of the parties' countries and
    destinations or hosts), the largest first, each dealt to the shard that holds fewest reports
    so far for its size, the last ``halves`` shards being of half the size of the others. No
    island spans two blocks, so each shard is fused on its own."""
    if count <= 1:
        return [None]
    column = {name: _array(table.column(name)) for name in ("type", "actor", "counterparts", "countries")}
    counterparts, countries = column["counterparts"], column["countries"]
    first, which = _representatives(_signature([
        column["type"], pc.struct_field(column["actor"], "country"),
        _joined(counterparts.offsets, pc.struct_field(counterparts.values, "country")),
        _joined(countries.offsets, countries.values)]))
    blocks: dict[str, int] = {}
    block = np.array([blocks.setdefault(block_name(ev), len(blocks)) for ev in told_of(table.take(first))],
                     dtype=np.int64)[which]
    del first, which
    sizes = np.bincount(block)
    shards = min(count, len(sizes))
    weight = [1 if k < shards - halves else 2 for k in range(shards)]  # (reports held times weight)
    load = [(0, k) for k in range(shards)]
    shard_of = np.empty(len(sizes), np.int64)
    for b in np.argsort(-sizes, kind="stable").tolist():
        held, k = heapq.heappop(load)
        shard_of[b] = k
        heapq.heappush(load, (held + int(sizes[b]) * weight[k], k))
    shard = shard_of[block].astype(np.int16 if count < 2**15 else np.int64)  # (16 bits: sorted by radix)
    del block
    order = np.argsort(shard, kind="stable")
    return [rows for rows in np.split(order, np.cumsum(np.bincount(shard))[:-1]) if len(rows)]


def _fuse_shard(table: pa.Table, rows: np.ndarray | None, same_place: PlaceAgreement, chunk_reports: int,
                plain_path: bool) -> tuple[pa.Table, np.ndarray]:
    """The fused events of the reports of ``rows`` of ``table`` (whole blocks; None for all), as
    a ``FUSED_SCHEMA`` table (trips unset), and their legs (row in it, first day, last day)."""
    from summitry.fuse_plain import apart_by_country, plain_islands, plain_reports, publication_ranks

    # what the keys and plainness read of the shard's reports (not their ids, texts and sources,
    # which the parts take from the table themselves)
    view = _keys_view(table)
    shard = view if rows is None else view.take(rows)
    del view
    keys = _keys_and_days(shard)
    labels = apart_by_country(shard, island_partition(*keys[:5]))
    # plain islands over columns (summitry.fuse_plain), the others island by island, each in
    # parts of whole islands
    reports = plain_reports(shard, *keys[2:4]) if plain_path else np.zeros(shard.num_rows, bool)
    plain = plain_islands(shard, labels, *keys[2:], reports=reports) if plain_path else reports
    parts: list[tuple[bool, np.ndarray]] = []
    for is_plain, size in ((True, PLAIN_PART_REPORTS), (False, chunk_reports)):
        part_rows = np.flatnonzero(plain == is_plain)
        parts += [(is_plain, part_rows[part]) for part in _chunks(labels[part_rows], size)] if len(part_rows) else []
    # reach and text days, and publication days' ranks, as fuse_plain reads them
    days = (*keys[2:4], *keys[5:], reports, *publication_ranks(shard))
    del keys, plain
    tables, legs = [], [np.empty((0, 3), np.int64)]
    offset = 0
    for is_plain, part_rows in parts:
        fused, part_legs = _fuse_part(table, rows, is_plain, part_rows, labels, days, same_place)
        tables.append(fused)
        legs.append(part_legs + np.array([offset, 0, 0]))
        offset += fused.num_rows
    return pa.concat_tables(tables) if tables else FUSED_SCHEMA.empty_table(), np.concatenate(legs)


def _keys_view(table: pa.Table) -> pa.Table:
    """The columns of a ``MENTION_SCHEMA`` table that the keys and plainness read, its mentions' of
    them only (document and status), without a copy."""
    mention = _array(table.column("mention"))
    return table.select([name for name in table.column_names if name not in ("id", "source", "mention")]).append_column(
        "mention", pa.StructArray.from_arrays([pc.struct_field(mention, "doc"), pc.struct_field(mention, "status")],
                                              names=["doc", "status"]))


def _legs_of(fused: pa.Table, legs: np.ndarray) -> list[tuple]:
    """The legs (rows of (row, first day, last day) of ``fused``) as ``fuse.trip_ids`` reads them:
    (traveller, first day, last day, status, event id), read from the rows."""
    if not len(legs):
        return []
    rows = pa.array(legs[:, 0])
    return list(zip(_values(pc.struct_field(fused.column("actor").take(rows), "name")), legs[:, 1].tolist(),
                    legs[:, 2].tolist(), _values(fused.column("status").take(rows)), _values(fused.column("id").take(rows))))


def _trips(rows: int, legs: list[tuple], at: np.ndarray) -> pa.Array:
    """The trip of each of ``rows`` rows (``fuse.trip_ids`` of ``legs``, the leg of row ``at[k]``
    its ``k``-th); null for a row that is no leg."""
    if not legs:
        return pa.nulls(rows, pa.string())
    which = np.full(rows, -1, np.int64)
    which[at] = np.arange(len(legs))
    return pa.array(trip_ids(legs), pa.string()).take(pa.array(which, mask=which < 0))


def _fused_order(fused: pa.Table) -> pa.Array:
    """``fuse.fused_order`` as Arrow columns: first day (undated last), type, actor's key (name,
    else "@" and country, else "@?"), number of counterparts, id. The words are ranked once per
    distinct word (as Arrow orders strings, by their bytes) and packed with the number of
    counterparts into one integer, the id breaking its ties."""
    actor = fused.column("actor")
    (name, names), (country, countries) = (_word_codes(pc.struct_field(actor, field)) for field in ("name", "country"))
    # the actor's key, made once per distinct name and country
    width = len(countries) + 1
    pairs, which = np.unique(name * width + country, return_inverse=True)
    names, countries = [*names, None], [*countries, None]
    keys = [names[p // width] or "@" + (countries[p % width] or "?") for p in pairs.tolist()]
    actor_rank = _ranks_of(keys)[which.reshape(-1)]
    start, starts = _word_codes(fused.column("start"))
    start_rank = _ranks_of([*starts, "9999"])[start]  # (undated: "9999")
    kind, kinds = _word_codes(fused.column("type"))
    type_rank = _ranks_of([*kinds, None])[kind]
    parties = np.asarray(pc.fill_null(pc.list_value_length(fused.column("counterparts")), 0), dtype=np.int64)
    key = np.zeros(fused.num_rows, np.int64)
    for rank in (start_rank, type_rank, actor_rank, parties):
        width = int(rank.max()) + 1 if len(rank) else 1
        if (int(key.max()) + 1 if len(key) else 1) * width >= 2**62:
            key = np.unique(key, return_inverse=True)[1].reshape(-1)  # dense again, in the same order
        key = key * width + rank
    return pc.sort_indices(pa.table({"key": key, "id": fused.column("id")}),
                           sort_keys=[("key", "ascending"), ("id", "ascending")])


def _word_codes(values: Any) -> tuple[np.ndarray, list]:
    """Each row's word as a code into a list of words (a null as the code ``len(words)``), from a
    column of strings or of dictionary-encoded strings, in chunks."""
    if isinstance(values, pa.ChunkedArray) and pa.types.is_dictionary(values.type):
        values = values.unify_dictionaries()
        words = values.chunk(0).dictionary.to_pylist() if values.num_chunks else []
        indices = [np.asarray(pc.fill_null(chunk.indices, len(words)), dtype=np.int64) for chunk in values.chunks]
        return (np.concatenate(indices) if indices else np.empty(0, np.int64)), words
    array = _array(values)
    if pa.types.is_dictionary(array.type):
        array = array.cast(pa.string())
    encoded = pc.dictionary_encode(array)
    words = encoded.dictionary.to_pylist()
    return np.asarray(pc.fill_null(encoded.indices, len(words)), dtype=np.int64), words


def _ranks_of(words: list) -> np.ndarray:
    """The rank of each word as Arrow orders strings (equal words, equal ranks; null last)."""
    if not words:
        return np.empty(0, np.int64)
    return np.asarray(pc.rank(pa.array(words, pa.string()), sort_keys="ascending",
                              tiebreaker="dense"), dtype=np.int64)


def _fused_shards(table: pa.Table, shards: list[np.ndarray | None], same_place: PlaceAgreement, workers: int,
                  chunk_reports: int, plain_path: bool) -> Iterator[tuple[pa.Table, np.ndarray]]:
    """Each shard's fused rows and legs, in order, by this process or by ``workers`` forked ones."""
    if workers <= 1 or len(shards) < 2 or not hasattr(os, "fork"):
        for rows in shards:
            yield _fuse_shard(table, rows, same_place, chunk_reports, plain_path)
        return
    import multiprocessing

    global _SHARED
    _SHARED = (table, shards, same_place, chunk_reports, plain_path)  # inherited by the forked workers, not sent
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_fuse_shared_shard, range(len(shards)))
    finally:
        _SHARED = None


def _fuse_part(table: pa.Table, at: np.ndarray | None, is_plain: bool, rows: np.ndarray, labels: np.ndarray,
               days: tuple, same_place: PlaceAgreement) -> tuple[pa.RecordBatch | pa.Table, np.ndarray]:
    """The fused events of a part (``rows`` of a shard, whose rows in ``table`` are ``at``; None
    when the shard is the table), its rows' labels and days by the shard's rows."""
    from summitry.fuse_plain import fuse_plain

    if is_plain:
        return fuse_plain(table, rows if at is None else at[rows], labels[rows], *(column[rows] for column in days[:4]),
                          ranks=(days[5][rows], days[6][rows]))
    return _fuse_chunk(table, rows, labels, same_place, days, at)


_SHARED: tuple | None = None


def _give_back() -> None:
    """Memory freed but kept by the allocators given back to the system: Arrow's pool's, and the C
    library's (glibc keeps the heap's freed blocks, numpy's and Python's, until trimmed)."""
    pa.default_memory_pool().release_unused()
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError, TypeError):  # not glibc
        pass
    pa.default_memory_pool().release_unused()


def _fuse_shared_shard(k: int) -> tuple[pa.Table, np.ndarray]:
    table, shards, same_place, chunk_reports, plain_path = _SHARED  # type: ignore[misc]
    with cycles_paused():
        fused = _fuse_shard(table, shards[k], same_place, chunk_reports, plain_path)
    _give_back()  # what the shard took, before the next
    return fused
