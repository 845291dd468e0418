"""Analysts' corrections: a layer over fusion that every re-extraction and re-ingest applies again.

A correction says what an analyst changed, who, when and why, and is appended to the
``corrections`` table and never changed or deleted (to undo one, add another). It names the
events it is about by *anchors*: the content ids of the per-mention events they were fused from
(``mention_events.id``, made from the document, the sentence and what the engine read in it), so
a correction finds its event again after any re-fusion, in any database built from the same
documents, whatever the fused event's id is by then. The event it is about now is the one holding
most of its anchors.

Actions:

* ``reject``: the event is wrong; it leaves the event tables (its reports stay stored);
* ``set``: some fields take the analyst's values (``start``, ``end``, ``precision``, ``place``,
  ``countries``, ``status``, ``actor``, ``counterparts``, ``forum``, ``type``); the record must
  still be a valid summitry-event/1 record;
* ``merge``: two or more events are one (the first keeps its fields and takes the others' reports);
* ``split``: some reports of an event are another event (``change.anchors``): they leave it for a
  new event with the same fields, which later corrections can change.

``apply_corrections`` runs after each ingest batch's fusion over the corrections whose anchors
it touched (``summitry.store.ingest``), and after a correction is added. Applying one twice
changes nothing, so applying them all again is always safe.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from summitry.records import Event, Party, json_schema
from summitry.store.backends import Backend, StoreError

ACTIONS = ("reject", "set", "merge", "split")
FIELDS = ("start", "end", "precision", "place", "countries", "status", "actor", "counterparts", "forum", "type")
_EVENT_TABLES = (("events", "id"), ("event_parties", "event_id"), ("event_mentions", "event_id"),
                 ("legs", "event_id"))


class CorrectionError(ValueError):
    """A correction that cannot be made as asked (unknown event, bad field value...)."""


@dataclass
class Correction:
    id: int
    at: str
    author: str
    action: str
    target: dict[str, Any]     # {"event_id": ..., "anchors": [...], "record": {...}} (merge: "events": [...])
    change: dict[str, Any]
    reason: str

    def anchor_groups(self) -> list[list[str]]:
        """The anchors of each event the correction is about (one group, or several for a merge)."""
        if self.action == "merge":
            return [e["anchors"] for e in self.target["events"]]
        return [self.target["anchors"]]

    def all_anchors(self) -> set[str]:
        found = {a for group in self.anchor_groups() for a in group}
        return found | set(self.change.get("anchors", ()))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at, "author": self.author, "action": self.action,
                "target": self.target, "change": self.change, "reason": self.reason}


def _row(row: Sequence[Any]) -> Correction:
    id_, at, author, action, target, change, reason = row
    return Correction(int(id_), at, author, action, json.loads(target), json.loads(change), reason or "")


def list_corrections(db: Backend) -> list[Correction]:
    return [_row(r) for r in db.rows("SELECT id, made_at, author, action, target, change, reason FROM corrections "
                                     "ORDER BY id")]


# --- where a correction's events are now ----------------------------------------------------------

def anchors_of(db: Backend, event_id: str) -> list[str]:
    """The anchors of an event: the content ids of the mention events it is made of."""
    return sorted({a for (a,) in db.rows(
        "SELECT DISTINCT me.id FROM event_mentions em JOIN mention_events me ON me.mention_id = em.mention_id "
        "WHERE em.event_id = ?", [event_id])})


def locate(db: Backend, anchors: Iterable[str]) -> str | None:
    """The event that holds most of ``anchors`` now (None when none of them is in an event)."""
    rows = db.rows(
        "SELECT em.event_id, COUNT(DISTINCT me.id) AS n FROM mention_events me JOIN event_mentions em "
        "ON em.mention_id = me.mention_id WHERE me.id = ANY(?) GROUP BY em.event_id ORDER BY n DESC, em.event_id",
        [sorted(set(anchors))])
    return rows[0][0] if rows else None


def _record(db: Backend, event_id: str) -> dict[str, Any] | None:
    found = db.rows("SELECT record FROM events WHERE id = ?", [event_id])
    return json.loads(found[0][0]) if found else None


def _links(db: Backend, event_id: str) -> dict[str, list[str]]:
    links: dict[str, list[str]] = {}
    for doc_id, mention_id in db.rows("SELECT doc_id, mention_id FROM event_mentions WHERE event_id = ? "
                                      "AND mention_id IS NOT NULL ORDER BY mention_id", [event_id]):
        links.setdefault(doc_id, []).append(mention_id)
    return links


def _delete(db: Backend, event_ids: Iterable[str]) -> None:
    ids = sorted(set(event_ids))
    if ids:
        for table, column in _EVENT_TABLES:
            db.execute(f"DELETE FROM {table} WHERE {column} = ANY(?)", [ids])


def _write(db: Backend, record: dict[str, Any], links: Mapping[str, list[str]]) -> None:
    from summitry.store.ingest import event_rows  # the rows fusion writes, so both agree

    event = Event.from_dict(record)
    for table, rows in event_rows(event, links).items():
        db.insert(table, rows)


# --- applying ------------------------------------------------------------------------------------

def _validated(record: dict[str, Any]) -> dict[str, Any]:
    import jsonschema

    try:
        jsonschema.Draft202012Validator(json_schema("Event")).validate(record)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "record"
        raise CorrectionError(f"the corrected record is not valid: {where}: {exc.message}") from None
    return record


def corrected(record: dict[str, Any], change: Mapping[str, Any]) -> dict[str, Any]:
    """``record`` with the fields of a ``set`` correction."""
    unknown = sorted(set(change) - set(FIELDS))
    if unknown:
        raise CorrectionError(f"cannot correct {', '.join(unknown)}: the fields are {', '.join(FIELDS)}")
    out = {**record, **{k: v for k, v in change.items()}}
    if "actor" in change:
        out["actor"] = {**Party().__dict__, **(change["actor"] or {})}
    if "counterparts" in change:
        out["counterparts"] = [{**Party().__dict__, **p} for p in change["counterparts"] or []]
    return _validated(out)


def _apply_one(db: Backend, c: Correction) -> str:
    """Apply one correction; says what it did ('applied', 'already', or 'no longer applies: ...')."""
    if c.action == "reject":
        event_id = locate(db, c.target["anchors"])
        if event_id is None:
            return "already"
        _delete(db, [event_id])
        return "applied"
    if c.action == "set":
        event_id = locate(db, c.target["anchors"])
        if event_id is None:
            return "no longer applies: its event is gone"
        record = _record(db, event_id)
        new = corrected(record, c.change["fields"])
        if new == record:
            return "already"
        links = _links(db, event_id)
        _delete(db, [event_id])
        _write(db, new, links)
        return "applied"
    if c.action == "merge":
        ids = [locate(db, group) for group in c.anchor_groups()]
        kept = [i for i in dict.fromkeys(ids) if i is not None]
        if len(kept) < 2:
            return "already" if len(kept) == 1 else "no longer applies: its events are gone"
        records = [_record(db, i) for i in kept]
        links: dict[str, list[str]] = {}
        for i in kept:
            for doc_id, mention_ids in _links(db, i).items():
                links.setdefault(doc_id, []).extend(m for m in mention_ids if m not in links.get(doc_id, []))
        merged = dict(records[0])
        seen = {(m["doc"], m["start"], m["end"]) for m in merged["mentions"]}
        mentions = list(merged["mentions"])
        for other in records[1:]:
            for m in other["mentions"]:
                if (m["doc"], m["start"], m["end"]) not in seen:
                    seen.add((m["doc"], m["start"], m["end"]))
                    mentions.append(m)
        merged["mentions"] = sorted(mentions, key=lambda m: (m["doc"], m["start"]))
        _delete(db, kept)
        _write(db, _validated(merged), links)
        return "applied"
    if c.action == "split":
        event_id = locate(db, c.target["anchors"])
        if event_id is None:
            return "no longer applies: its event is gone"
        off = set(c.change["anchors"])
        rows = db.rows("SELECT DISTINCT me.doc_id, me.mention_id, me.id, me.start_char, me.end_char FROM event_mentions em "
                       "JOIN mention_events me ON me.mention_id = em.mention_id WHERE em.event_id = ?", [event_id])
        leaving = [(d, m) for d, m, a, _, _ in rows if a in off]
        staying = [(d, m) for d, m, a, _, _ in rows if a not in off]
        if not leaving or not staying:
            return "already"
        record = _record(db, event_id)

        def covers(mention: dict[str, Any], away: bool) -> bool:
            """Whether a report of the record holds a mention event that leaves (or stays)."""
            return any(d == mention["doc"] and mention["start"] <= s and e <= mention["end"]
                       for d, _, a, s, e in rows if (a in off) == away)

        rest = {**record, "mentions": [m for m in record["mentions"] if covers(m, False)]}
        new_id = record["id"] + "~" + hashlib.sha1(",".join(sorted(off)).encode("utf-8")).hexdigest()[:8]
        split_off = {**record, "id": new_id, "trip": None,
                     "mentions": [m for m in record["mentions"] if covers(m, True)]}

        def links_of(pairs):
            out: dict[str, list[str]] = {}
            for d, m in sorted(pairs):
                out.setdefault(d, []).append(m)
            return out

        _delete(db, [event_id])
        _write(db, _validated(rest), links_of(staying))
        _write(db, _validated(split_off), links_of(leaving))
        return "applied"
    raise CorrectionError(f"unknown action {c.action!r}")


def _orphans_fused_again(db: Backend, anchors: set[str]) -> None:
    """Give an event again to the reports among ``anchors`` that are in none. That happens when
    fusion rewrote a merged event from its own part of the store only: the reports merged into it
    from elsewhere lost their event. They are fused among themselves, as they were before the
    merge, and the merge is then made again."""
    from summitry.fuse import fuse_with_sources
    from summitry.store.ingest import event_rows

    rows = db.rows("SELECT me.mention_id, me.doc_id, me.record FROM mention_events me WHERE me.id = ANY(?) AND "
                   "NOT EXISTS (SELECT 1 FROM event_mentions em WHERE em.mention_id = me.mention_id) "
                   "ORDER BY me.mention_id", [sorted(anchors)])
    if not rows:
        return
    ids = [mention_id for mention_id, _, _ in rows]
    published = dict(db.rows("SELECT id, published FROM documents WHERE id = ANY(?)",
                             [sorted({doc for _, doc, _ in rows})]))
    taken: set[str] = set()
    for event, sources in fuse_with_sources([Event.from_json(r) for _, _, r in rows], published):
        if event.id in taken or db.rows("SELECT 1 FROM events WHERE id = ?", [event.id]):
            event.id += "~" + hashlib.sha1(",".join(ids[i] for i in sources).encode("utf-8")).hexdigest()[:8]
        taken.add(event.id)
        links: dict[str, list[str]] = {}
        for i in sources:
            links.setdefault(ids[i].rsplit("#", 1)[0], []).append(ids[i])
        for table, table_rows in event_rows(event, links).items():
            db.insert(table, table_rows)


def apply_corrections(db: Backend, mention_ids: Sequence[str] | None = None) -> dict[int, str]:
    """Apply, in the order they were made, the corrections about the mention events
    ``mention_ids`` (``doc#seq``; every correction when None). Returns what each one did."""
    corrections = list_corrections(db)
    if not corrections:
        return {}
    if mention_ids is not None:
        touched = {a for (a,) in db.rows("SELECT id FROM mention_events WHERE mention_id = ANY(?)",
                                         [list(mention_ids)])}
        corrections = [c for c in corrections if c.all_anchors() & touched]
    merged = {a for c in corrections if c.action == "merge" for a in c.all_anchors()}
    if merged:
        _orphans_fused_again(db, merged)
    return {c.id: _apply_one(db, c) for c in corrections}


# --- making corrections --------------------------------------------------------------------------

def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _target(db: Backend, event_id: str) -> dict[str, Any]:
    record = _record(db, event_id)
    if record is None:
        raise CorrectionError(f"no event with id {event_id!r}")
    anchors = anchors_of(db, event_id)
    if not anchors:
        raise CorrectionError(f"event {event_id!r} has no stored reports to anchor a correction to")
    return {"event_id": event_id, "anchors": anchors, "record": record}


def make(db: Backend, action: str, event_id: str, *, author: str, reason: str = "",
         fields: Mapping[str, Any] | None = None, others: Sequence[str] = (),
         split_mentions: Sequence[tuple[str, int, int]] = ()) -> Correction:
    """A new correction of the event ``event_id`` as it is now (not yet stored): ``fields`` for
    ``set``, the ``others`` to merge into it, or the reports to ``split`` off it, each as the
    (document, start, end) of its sentence as the event's evidence gives it."""
    if action not in ACTIONS:
        raise CorrectionError(f"action: expected one of {', '.join(ACTIONS)}, not {action!r}")
    if not author or not author.strip():
        raise CorrectionError("a correction needs its author")
    target = _target(db, event_id)
    change: dict[str, Any] = {}
    if action == "set":
        if not fields:
            raise CorrectionError("a 'set' correction needs the fields to change")
        corrected(target["record"], fields)   # refused now rather than when applied
        change = {"fields": dict(fields)}
    elif action == "merge":
        if not others:
            raise CorrectionError("a merge needs the other events' ids")
        events = [target] + [_target(db, o) for o in others if o != event_id]
        if len(events) < 2:
            raise CorrectionError("a merge needs another event than the first")
        target = {"events": events}
    elif action == "split":
        rows = db.rows("SELECT me.doc_id, me.start_char, me.end_char, me.id FROM event_mentions em "
                       "JOIN mention_events me ON me.mention_id = em.mention_id WHERE em.event_id = ?", [event_id])
        found = {a for d, s, e, a in rows
                 if any(d == doc and start <= s and e <= end for doc, start, end in split_mentions)}
        if not found:
            raise CorrectionError("a split needs some of the event's reports (document, start, end) to split off")
        if found >= set(target["anchors"]):
            raise CorrectionError("a split must leave some reports in the event")
        change = {"anchors": sorted(found)}
    return Correction(0, _now(), author.strip(), action, target, change, reason.strip())


def add(db: Backend, correction: Correction, must_apply: bool = True) -> tuple[Correction, str]:
    """Append ``correction`` (a new id, and ``at`` now unless it has one) and apply it, in one
    transaction; unless ``must_apply`` is false (an import), one that does not apply is refused.
    Returns it as stored and what applying it did."""
    with db.transaction():
        db.lock_for_ingest()   # corrections and ingests take turns, as ingests do
        next_id = db.rows("SELECT COALESCE(MAX(id), 0) + 1 FROM corrections")[0][0]
        stored = Correction(int(next_id), correction.at or _now(), correction.author, correction.action,
                            correction.target, correction.change, correction.reason)
        db.insert("corrections", [(stored.id, stored.at, stored.author, stored.action,
                                   json.dumps(stored.target, ensure_ascii=False, sort_keys=True),
                                   json.dumps(stored.change, ensure_ascii=False, sort_keys=True), stored.reason)])
        outcome = _apply_one(db, stored)
        if must_apply and outcome.startswith("no longer"):
            raise CorrectionError(f"the correction does not apply: {outcome}")
    return stored, outcome


def from_dict(data: Mapping[str, Any]) -> Correction:
    """A correction from its exported form (``Correction.to_dict``), checked."""
    try:
        c = Correction(int(data.get("id") or 0), str(data.get("at") or ""), str(data["author"]), str(data["action"]),
                       dict(data["target"]), dict(data.get("change") or {}), str(data.get("reason") or ""))
    except (KeyError, TypeError, ValueError) as exc:
        raise CorrectionError(f"not a correction: {exc}") from None
    if c.action not in ACTIONS:
        raise CorrectionError(f"action: expected one of {', '.join(ACTIONS)}, not {c.action!r}")
    try:
        c.anchor_groups()
    except (KeyError, TypeError):
        raise CorrectionError("a correction's target needs its anchors") from None
    return c


__all__ = ["ACTIONS", "FIELDS", "Correction", "CorrectionError", "StoreError", "add", "apply_corrections",
           "list_corrections", "make"]
