"""Plain islands fused over columns, with no record made: the islands whose reports fusion's rules
plainly take for one event, and their merged rows, computed for all of them at once by sorts and
group reductions (the columnar path's part for the common case; ``summitry.fuse_columnar`` fuses
the other islands report by report through ``summitry.fuse``).

An island is *plain* when each of its reports
- has a reach (a date of its own, or a publication day);
- tells the same type, actor, counterparts, destinations or hosts, place and forum as the others,
  with at most one counterpart and at most one country (each named); every party of a meeting or a
  call named, the actor of a stay named or of a known country (so that each report's parties pair
  with the first report's in their own order);
- comes from a document no other report of the island comes from;
and when the island's days meet: some day lies in the days of every dated report and in the window
of every report without a date of its own; when a report has no date of its own, no report is a
postponement or a cancellation; and when none has a date of its own, none is dated by its
publication day.

Why such an island is one event, by the rules of ``summitry.fuse`` (read there, not restated
here): its reports agree on parties and target (``_slots``, ``_target_agrees``), and taken in
fusion's order each report's days or window overlap the days the cluster shares so far, which hold
that common day (``_times_agree``, first clause, and the clause of reports without a date); no
rule of postponement, time zone or stay is reached. ``tests/test_fuse_plain.py`` holds this
against ``fuse`` on generated reports that meet and break each condition.

The merged row is ``fuse._merge``'s for such a cluster, computed from columns: the first report in
fusion's order (``_Item.sort_key``) names the event (``fuse.event_id``, ``fuse.event_identity``
asked once per distinct set of parties and target); its dates are those of the dated report
``fuse._merged_dates`` ranks first, its status ``fuse._merged_status``'s, where the rankings of
precisions, statuses and publication days are fuse's own tables and functions, asked once per
distinct value.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from summitry.fuse import (
    _DEFERRED,
    _PRECISION_RANK,
    _STATUS_RANK,
    _STAYS,
    _iso,
    _neg_published,
    _published_order,
    event_id,
    event_identity,
    trip_leg,
)
from summitry.fuse_columnar import (
    FUSED_SCHEMA,
    _array,
    _codes_of,
    _joined,
    _representatives,
    _signature,
    told_of,
)
from summitry.intervals import NO_DAY
from summitry.records import Event, Party


def _codes(array: Any) -> tuple[np.ndarray, list]:
    """A dictionary (or plain) array's codes (-1 for null) and the values they stand for."""
    array = _array(array)
    if not pa.types.is_dictionary(array.type):
        array = pc.dictionary_encode(array)
    codes = np.asarray(pc.fill_null(array.indices, -1), dtype=np.int64)
    words = array.dictionary
    if len(words) > 256:  # only the words used (rows taken from a table keep all of its words)
        used = np.flatnonzero(np.bincount(codes + 1, minlength=len(words) + 1)[1:])
        remap = np.full(len(words) + 1, -1, np.int64)
        remap[used] = np.arange(len(used))
        codes, words = remap[codes], words.take(pa.array(used))
    return codes, words.to_pylist()


def _lookup(codes: np.ndarray, words: list, of: Any, null: Any) -> np.ndarray:
    """``of(word)`` of each row's word (``null`` for a null), asked once per distinct word."""
    table = np.array([of(w) for w in words] + [null])
    return table[codes]


def _truthy(array: Any) -> np.ndarray:
    """Rows whose string is neither null nor empty."""
    codes, words = _codes(array)
    return _lookup(codes, words, bool, False).astype(bool)


def _per_row(parents: np.ndarray, flags: np.ndarray, n: int) -> np.ndarray:
    """How many of each row's list items are flagged (``parents``: the row of each item)."""
    return np.bincount(parents, weights=flags, minlength=n).astype(np.int64)


def _group_starts(sorted_labels: np.ndarray) -> np.ndarray:
    return np.flatnonzero(np.r_[True, sorted_labels[1:] != sorted_labels[:-1]])


def apart_by_country(table: pa.Table, labels: np.ndarray) -> np.ndarray:
    """The islands, each split by country when every report of it names exactly one (destination
    or host): reports naming different countries never join (``fuse._target_agrees``: a report
    joins a cluster only when their countries meet or one side names none), so the clusters of
    such an island are those of each country's reports clustered apart (a report's cluster is the
    first or best of those that can take it, and no cluster of another country ever can)."""
    countries = _array(table.column("countries"))
    codes = _codes_of(countries.flatten())
    one = np.asarray(pc.fill_null(pc.equal(pc.list_value_length(countries), 1), False))
    country = np.full(len(one), -1, np.int64)
    parents = np.asarray(pc.list_parent_indices(countries))
    country[parents[one[parents]]] = codes[one[parents]]
    single = one & (country >= 0)
    order = np.argsort(labels)
    starts = _group_starts(labels[order])
    every = np.minimum.reduceat(single[order].astype(np.int8), starts).astype(bool)
    split = np.empty(len(labels), bool)
    split[order] = np.repeat(every, np.diff(np.r_[starts, len(labels)]))
    key = labels * (int(country.max()) + 2) + np.where(split, country + 1, 0)
    return np.unique(key, return_inverse=True)[1].reshape(-1).astype(np.int64)


def plain_reports(table: pa.Table, reach_lo: np.ndarray, reach_hi: np.ndarray) -> np.ndarray:
    """Whether each report (a row of a ``MENTION_SCHEMA`` table) may be in a plain island on its
    own (see the module's docstring): it has a reach; at most one counterpart and one country,
    named; every party of a meeting or a call named, the actor of a stay named or of a country."""
    n = table.num_rows
    column = {name: _array(table.column(name)) for name in ("type", "actor", "counterparts", "countries")}
    actor, counterparts, countries = column["actor"], column["counterparts"], column["countries"]
    kind, kinds = _codes(column["type"])
    stay = _lookup(kind, kinds, lambda k: k in _STAYS, False).astype(bool)
    status, statuses = _codes(pc.struct_field(_array(table.column("mention")), "status"))
    known_status = _lookup(status, statuses, lambda s: s in _STATUS_RANK, False).astype(bool)
    parties = np.asarray(pc.fill_null(pc.list_value_length(counterparts), 99))
    named_parties = _per_row(np.asarray(pc.list_parent_indices(counterparts)),
                             _truthy(pc.struct_field(counterparts.flatten(), "name")), n)
    places = np.asarray(pc.fill_null(pc.list_value_length(countries), 99))
    named_places = _per_row(np.asarray(pc.list_parent_indices(countries)), _truthy(countries.flatten()), n)
    actor_named = _truthy(pc.struct_field(actor, "name"))
    actor_known = actor_named | np.asarray(pc.is_valid(pc.struct_field(actor, "country")))
    timed = (reach_lo > NO_DAY) & (reach_hi > NO_DAY)
    return (timed & known_status & (parties <= 1) & (places <= 1) & (named_places == places)
            & np.where(stay, actor_known, actor_named & (named_parties == parties)))


def told_codes(table: pa.Table) -> np.ndarray:
    """A code for each row of a ``MENTION_SCHEMA`` table, equal for rows that tell the same: type,
    actor, counterparts, destinations or hosts, place and forum."""
    column = {name: _array(table.column(name)) for name in ("type", "actor", "counterparts", "countries", "place",
                                                             "forum")}
    actor, counterparts, countries = column["actor"], column["counterparts"], column["countries"]
    return _signature([column["type"], *(pc.struct_field(actor, f) for f in ("name", "country", "office", "level")),
                       *(_joined(counterparts.offsets, pc.struct_field(counterparts.values, f))
                         for f in ("name", "country", "office", "level")),
                       _joined(countries.offsets, countries.values), column["place"], column["forum"]])


def plain_islands(table: pa.Table, labels: np.ndarray, reach_lo: np.ndarray, reach_hi: np.ndarray,
                  doc: np.ndarray, days_lo: np.ndarray, days_hi: np.ndarray, reports: np.ndarray | None = None
                  ) -> np.ndarray:
    """Whether each row of a ``MENTION_SCHEMA`` table is in a plain island (see the module's
    docstring), from its island (``labels``), reach, document code and text days (as
    ``fuse_columnar.fusion_keys`` gives them), and ``plain_reports`` when known."""
    column = {name: _array(table.column(name)) for name in table.column_names}
    status, statuses = _codes(pc.struct_field(column["mention"], "status"))
    deferred = _lookup(status, statuses, lambda s: s in _DEFERRED, False).astype(bool)
    dated_by, datings = _codes(column["dated_by"])
    by_publication = _lookup(dated_by, datings, lambda d: d == "publication", False).astype(bool)
    plain = plain_reports(table, reach_lo, reach_hi) if reports is None else reports
    dated = days_lo > NO_DAY
    n = table.num_rows

    window_lo, window_hi = np.where(dated, days_lo, reach_lo), np.where(dated, days_hi, reach_hi)

    # each island as a whole: its rows in a run, by island then document
    docs = int(doc.max()) + 1 if n else 1
    order = np.argsort(labels * docs + doc) if (int(labels.max()) + 1 if n else 1) * docs < 2**62 \
        else np.lexsort((doc, labels))
    island = labels[order]
    starts = _group_starts(island)

    def every(flags: np.ndarray) -> np.ndarray:
        return np.minimum.reduceat(flags[order].astype(np.int8), starts).astype(bool)

    def some(flags: np.ndarray, in_order: bool = False) -> np.ndarray:
        return np.maximum.reduceat((flags if in_order else flags[order]).astype(np.int8), starts).astype(bool)

    sorted_doc = doc[order]
    repeated_doc = np.r_[False, (sorted_doc[1:] == sorted_doc[:-1]) & (island[1:] == island[:-1])]
    ok = every(plain) & ~some(repeated_doc, in_order=True)
    told_code = told_codes(table)[order]
    ok &= np.minimum.reduceat(told_code, starts) == np.maximum.reduceat(told_code, starts)
    del told_code
    ok &= np.maximum.reduceat(window_lo[order], starts) <= np.minimum.reduceat(window_hi[order], starts)
    any_dated, any_undated = some(dated), some(~dated)
    ok &= ~(any_undated & some(deferred))
    ok &= any_dated | ~some(by_publication)
    out = np.empty(n, bool)
    out[order] = np.repeat(ok, np.diff(np.r_[starts, n]))
    return out


def fuse_plain(table: pa.Table, rows: np.ndarray, labels: np.ndarray, reach_lo: np.ndarray, reach_hi: np.ndarray,
               days_lo: np.ndarray, days_hi: np.ndarray, ids: Mapping[int, str] | None = None,
               ranks: tuple[np.ndarray, np.ndarray] | None = None) -> tuple[pa.Table, np.ndarray]:
    """The fused events of the plain islands made of ``rows`` of ``table`` (every row of each), as
    a ``FUSED_SCHEMA`` table (trips unset), and their legs (row in the table, first day, last day:
    ``fuse.trip_leg``'s): ``fuse``'s events for those reports, in no particular order.
    ``labels`` (a number shared by the rows of one island), reach and text days are given for each
    of ``rows``, in its order, and so are the ranks of their publication days
    (``publication_ranks``, made here when not given).

    Also the merged rows of clusters that ``fuse`` made (``summitry.fuse_columnar``): reports that
    tell the same, each from its own document, whose dated reports' days meet, as ``labels``, and
    their ids (``ids``, by label): the merge reads nothing more of them."""
    part = table.take(pa.array(rows)).combine_chunks()
    column = {name: part.column(name).chunk(0) if part.num_rows else part.column(name).combine_chunks()
              for name in part.column_names}
    n = len(rows)
    mention = column["mention"]
    dated = days_lo > NO_DAY
    doc_rank = np.asarray(pc.rank(pc.struct_field(mention, "doc"), sort_keys="ascending", tiebreaker="dense"),
                          dtype=np.int64)
    status, statuses = _codes(pc.struct_field(mention, "status"))
    occurred = _lookup(status, statuses, lambda s: s == "occurred", False).astype(bool)
    newest, earliest = publication_ranks(part) if ranks is None else ranks

    # fusion's order within each island (``_Item.sort_key``: dated first, by days, then by the
    # window; then by document, which no two reports of a plain island share)
    window_lo, window_hi = np.where(dated, days_lo, reach_lo), np.where(dated, days_hi, reach_hi)
    order = np.lexsort((doc_rank, window_hi, window_lo, ~dated, labels))
    starts = _group_starts(labels[order])
    sizes = np.diff(np.r_[starts, n])
    island_of = np.repeat(np.arange(len(starts)), sizes)  # of each position in ``order``
    position = np.empty(n, np.int64)
    position[order] = np.arange(n)
    head = order[starts]
    islands = len(starts)

    # the status (fuse._merged_status): what happened, else the latest report's
    status_rank = _lookup(status, statuses, lambda s: _STATUS_RANK.get(s, 99), 99)
    happened = np.maximum.reduceat(occurred[order].astype(np.int8), starts).astype(bool)
    latest = np.minimum.reduceat((newest * 100 + status_rank)[order], starts) % 100
    by_rank = {rank: word for word, rank in _STATUS_RANK.items()}
    merged_status = np.where(happened, "occurred", np.array([by_rank.get(r, "") for r in range(100)],
                                                            dtype=object)[latest])

    # the dates (fuse._merged_dates): of the dated report ranked first
    d = order[dated[order]]  # dated rows in fusion's order
    d_island = island_of[position[d]]
    votes = np.zeros(n, np.int64)
    voters = d[occurred[d]]
    if len(voters):
        by_days = voters[np.lexsort((days_hi[voters], days_lo[voters], island_of[position[voters]]))]
        keys = np.stack([island_of[position[by_days]], days_lo[by_days], days_hi[by_days]])
        group = np.r_[0, np.cumsum(np.any(keys[:, 1:] != keys[:, :-1], axis=0))]
        votes[by_days] = np.bincount(group)[group]
    precision, precisions = _codes(column["precision"])
    precision_rank = _lookup(precision, precisions, lambda p: _PRECISION_RANK.get(p, 3), _PRECISION_RANK[None])
    context = _lookup(*_codes(column["dated_by"]), lambda w: w == "context", False).astype(np.int64)
    when_a = np.where(occurred, -votes, 0)
    when_b = np.where(occurred, earliest, newest)
    ranked = d[np.lexsort((position[d], when_b[d], when_a[d], ~occurred[d], days_hi[d] - days_lo[d], context[d],
                           precision_rank[d], d_island))]
    first_of = np.r_[True, island_of[position[ranked[1:]]] != island_of[position[ranked[:-1]]]][:len(ranked)]
    best = np.full(islands, -1, np.int64)
    best[island_of[position[ranked[first_of]]]] = ranked[first_of]
    has_dates = best >= 0
    best_rows = np.where(has_dates, best, 0)

    kind, kinds = _codes(column["type"])
    stay = _lookup(kind, kinds, lambda k: k in _STAYS, False).astype(bool)
    day_precise = _lookup(precision, precisions, lambda p: p == "day", False).astype(bool)
    stay_days = has_dates & stay[best_rows] & day_precise[best_rows] & occurred[best_rows]
    # a stay's days run through the days every report of what happened gives to the day (they
    # chain: the island's days meet)
    runs = day_precise & occurred & dated
    run_lo = np.minimum.reduceat(np.where(runs, days_lo, np.iinfo(np.int64).max)[order], starts)
    run_hi = np.maximum.reduceat(np.where(runs, days_hi, np.iinfo(np.int64).min)[order], starts)
    start_text = pc.cast(column["start"], pa.string()).take(pa.array(best_rows))
    end_text = pc.cast(column["end"], pa.string()).take(pa.array(best_rows))
    end_text = pc.if_else(pc.fill_null(pc.equal(end_text, ""), True), start_text, end_text)
    stay_start = pa.array(_isos(np.where(stay_days, run_lo, 0)), pa.string())
    stay_end = pa.array(_isos(np.where(stay_days, run_hi, 0)), pa.string())
    no_dates = pa.array(~has_dates)
    nothing = pa.scalar(None, pa.string())
    merged_start = pc.if_else(no_dates, nothing, pc.if_else(pa.array(stay_days), stay_start, start_text))
    merged_end = pc.if_else(no_dates, nothing, pc.if_else(pa.array(stay_days), stay_end, end_text))
    merged_precision = pc.if_else(no_dates, nothing, pc.cast(column["precision"], pa.string()).take(pa.array(best_rows)))
    merged_dated_by = pc.if_else(no_dates, nothing, pc.cast(column["dated_by"], pa.string()).take(pa.array(best_rows)))
    merged_lo = np.where(stay_days, run_lo, days_lo[best_rows])
    merged_hi = np.where(stay_days, run_hi, days_hi[best_rows])

    # what the head tells: the island's (the same in every report)
    heads = pa.array(head)
    head_type = column["type"].take(heads)
    actor = column["actor"].take(heads)
    counterparts = column["counterparts"].take(heads)
    counterparts = pc.if_else(pa.array(stay[head]), pa.scalar([], counterparts.type), counterparts)
    countries = column["countries"].take(heads)

    def given(values: Any) -> Any:  # fuse._most_common of one value: None for an empty one
        text = pc.cast(values, pa.string())
        return pc.if_else(pc.fill_null(pc.equal(text, ""), True), nothing, text).dictionary_encode()

    ids = [ids[label] for label in labels[head].tolist()] if ids is not None else _ids(part, column, head)

    # mentions, one per document, by document (fuse._one_mention_per_document)
    by_doc = np.lexsort((doc_rank, labels))
    offsets = pa.array(np.r_[0, np.cumsum(sizes)].astype(np.int32))
    mentions = pa.ListArray.from_arrays(offsets, mention.take(pa.array(by_doc)))
    # sources: the positions of the reports in fusion's input, each once, in order
    source = np.asarray(column["source"])
    by_source = np.lexsort((source, labels))
    kept = by_source[np.r_[True, (source[by_source[1:]] != source[by_source[:-1]])
                           | (labels[by_source[1:]] != labels[by_source[:-1]])]]
    source_offsets = np.r_[0, np.cumsum(np.bincount(island_of[position[kept]], minlength=islands))].astype(np.int32)
    sources = pa.ListArray.from_arrays(pa.array(source_offsets), pa.array(source[kept]))

    fused = pa.table({
        "id": pa.array(ids, pa.string()), "type": head_type, "status": pa.array(merged_status.tolist(), pa.string()),
        "actor": actor, "counterparts": counterparts, "countries": countries,
        "place": given(column["place"].take(heads)), "forum": given(column["forum"].take(heads)),
        "start": merged_start, "end": merged_end, "precision": merged_precision, "dated_by": merged_dated_by,
        "mentions": mentions, "trip": pa.nulls(islands, pa.string()), "sources": sources,
    }).cast(FUSED_SCHEMA)
    return fused, _legs(fused, has_dates, merged_lo, merged_hi)


def publication_ranks(table: pa.Table) -> tuple[np.ndarray, np.ndarray]:
    """Each row's publication day ranked as ``fuse`` ranks it for the latest news
    (``fuse._neg_published``) and for the earliest report (``fuse._published_order``), asked once
    per distinct day; an item's publication is its document's day or "", as ``fuse._item`` keeps it."""
    published, publications = _codes(table.column("published"))
    newest = _ranks([_neg_published(p or "") for p in publications] + [_neg_published("")])[published]
    earliest = _ranks([_published_order(p or "") for p in publications] + [_published_order("")])[published]
    return newest, earliest


def _ids(part: pa.Table, column: dict, head: np.ndarray) -> list[str]:
    """``fuse.event_id`` of each head row of ``part``, its identity (``fuse.event_identity``) asked
    once per distinct set of parties and target."""
    heads = pa.array(head)
    counterparts, countries = column["counterparts"].take(heads), column["countries"].take(heads)
    signature = _signature([column["type"].take(heads),
                            *(pc.struct_field(column["actor"].take(heads), f) for f in ("name", "country")),
                            *(_joined(counterparts.offsets, pc.struct_field(counterparts.values, f))
                              for f in ("name", "country")),
                            _joined(countries.offsets, countries.values), column["forum"].take(heads)])
    _, first, which = np.unique(signature, return_index=True, return_inverse=True)
    identities = [event_identity(ev) for ev in told_of(part.take(pa.array(head[first])))]
    head_mention = column["mention"].take(heads)
    return [event_id(identities[w], doc, start, end, day, last, status) for w, doc, start, end, day, last, status in zip(
        which.reshape(-1).tolist(), pc.struct_field(head_mention, "doc").to_pylist(),
        pc.struct_field(head_mention, "start").to_pylist(), pc.struct_field(head_mention, "end").to_pylist(),
        pc.cast(column["start"], pa.string()).take(heads).to_pylist(),
        pc.cast(column["end"], pa.string()).take(heads).to_pylist(),
        pc.cast(pc.struct_field(head_mention, "status"), pa.string()).to_pylist())]


def _legs(fused: pa.Table, has_dates: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """The legs among the fused events (``fuse.trip_leg``) as rows of (row in the table, first
    day, last day), asked once per distinct type, actor, first country, status and precision, of a
    record with these and a day as a probe: the days decide only through their interval (the legs'
    days are the events' own, ``lo`` to ``hi``)."""
    actor, countries = _array(fused.column("actor")), _array(fused.column("countries"))
    first_country = pc.list_element(pc.if_else(pc.greater(pc.list_value_length(countries), 0), countries,
                                               pa.scalar([None], countries.type)), 0)
    what = [fused.column("type"), pc.struct_field(actor, "name"), pc.struct_field(actor, "country"), first_country,
            fused.column("status"), fused.column("precision")]
    first, inverse = _representatives(_signature(what))
    values = [_values_of(column, pa.array(first)) for column in what]
    probe_day = "2000-01-01"
    is_leg = np.array([trip_leg(Event(id="", type=type_, status=status, actor=Party(name, country),
                                      countries=[] if place is None else [place], start=probe_day, end=probe_day,
                                      precision=precision)) is not None
                       for type_, name, country, place, status, precision in zip(*values)], dtype=bool)
    legs_at = np.flatnonzero(is_leg[inverse] & has_dates)
    return np.stack([legs_at, lo[legs_at], hi[legs_at]], axis=1)


def _values_of(column: Any, rows: Any) -> list:
    return pc.cast(column.take(rows), pa.string()).to_pylist() if pa.types.is_dictionary(column.type) \
        else column.take(rows).to_pylist()


def _ranks(keys: list) -> np.ndarray:
    """The dense rank of each key among ``keys`` (equal keys, equal ranks)."""
    distinct = sorted(set(keys))
    rank = {key: k for k, key in enumerate(distinct)}
    return np.array([rank[key] for key in keys], dtype=np.int64)


def _isos(days: np.ndarray) -> list[str]:
    """``fuse._iso`` of each day, asked once per distinct day."""
    distinct, inverse = np.unique(days, return_inverse=True)
    words = [_iso(int(day)) for day in distinct.tolist()]
    return [words[k] for k in inverse.reshape(-1).tolist()]
