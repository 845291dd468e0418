"""Check the annotators' parts and join them into one gold file per language and half.

    python devset/build.py           # check every part, write {en,zh}.{tune,holdout}.gold.json
    python devset/build.py --check   # check, and exit 1 when a gold file is not up to date
    python devset/build.py --validate  # check the parts only, write nothing (while annotating)

A part is a gold file of its own (``parts/*.gold.json``, see README.md). The checks: known event
types and statuses, ISO 3166-1 alpha-3 codes, windows of two ordered ISO dates, event ids unique
across the folder, every mention's document listed in the part, every document in the half of
``ids.json`` the part says. Documents of a half that no part covers yet are reported, not fatal.
Run it in the project's environment: names are compared as ``summitry.evaluate`` compares them.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from sample import halves

from summitry.evaluate import normalise_name

TYPES = {"visit", "meeting", "multilateral", "call"}
STATUSES = {"occurred", "planned", "speculated", "postponed", "cancelled"}
ISO3 = re.compile(r"^[A-Z]{3}$")


class PartError(ValueError):
    pass


def _codes(values, where: str) -> None:
    for code in values:
        if not isinstance(code, str) or not ISO3.match(code):
            raise PartError(f"{where}: {code!r} is not an ISO 3166-1 alpha-3 code")


def _names(values, where: str) -> None:
    if not isinstance(values, list) or not all(isinstance(n, str) and n.strip() for n in values):
        raise PartError(f"{where}: names must be a list of non-empty strings")


def check_event(ev: dict, docs: set[str], where: str) -> None:
    where = f"{where} {ev.get('id')}"
    if ev.get("type") not in TYPES:
        raise PartError(f"{where}: type {ev.get('type')!r}")
    if ev["type"] in ("meeting", "call"):
        parts = ev.get("participants")
        if not isinstance(parts, list) or len(parts) < 2:
            raise PartError(f"{where}: a {ev['type']} needs two participants or more")
        for p in parts:
            _names(p.get("names"), where)
            if p.get("country") is not None:
                _codes([p["country"]], where)
            if not p["names"] and not p.get("country"):
                raise PartError(f"{where}: a participant with neither names nor country")
    else:
        _names(ev.get("actor"), where)
        if not ev["actor"]:
            raise PartError(f"{where}: a {ev['type']} needs an actor's names")
        if ev.get("actor_country") is not None:
            _codes([ev["actor_country"]], where)
    if ev["type"] == "visit":
        if not ev.get("destination"):
            raise PartError(f"{where}: a visit needs a destination")
        _codes(ev["destination"], where)
    if ev["type"] == "multilateral":
        _names(ev.get("forum"), where)
        if not ev["forum"]:
            raise PartError(f"{where}: a multilateral needs a forum name")
    if ev.get("host_country") is not None:
        _codes([ev["host_country"]], where)
    window = ev.get("window")
    try:
        lo, hi = (date.fromisoformat(d) for d in window)
    except (TypeError, ValueError):
        raise PartError(f"{where}: window {window!r} is not two ISO dates") from None
    if lo > hi:
        raise PartError(f"{where}: window {window} ends before it starts")
    mentions = ev.get("mentions")
    if not isinstance(mentions, dict) or not mentions:
        raise PartError(f"{where}: no mentions")
    for doc, status in mentions.items():
        if doc not in docs:
            raise PartError(f"{where}: mention of {doc}, which the part does not list")
        if status not in STATUSES:
            raise PartError(f"{where}: status {status!r} for {doc}")
    if not isinstance(ev.get("required", True), bool):
        raise PartError(f"{where}: required must be true or false")


def load_parts() -> list[tuple[Path, dict]]:
    parts = []
    for path in sorted((HERE / "parts").glob("*.gold.json")):
        with path.open(encoding="utf-8") as f:
            parts.append((path, json.load(f)))
    return parts


def build() -> tuple[dict[str, dict], list[str]]:
    ids = json.loads((HERE / "ids.json").read_text(encoding="utf-8"))
    wanted = {lang: halves(ids, lang) for lang in ("en", "zh")}
    golds: dict[str, dict] = {}
    seen_ids: dict[str, str] = {}
    covered: dict[str, str] = {}
    for path, part in load_parts():
        where = path.name
        lang, half = part.get("lang"), part.get("half")
        if lang not in wanted or half not in ("tune", "holdout"):
            raise PartError(f"{where}: lang {lang!r} / half {half!r}")
        docs = set(part.get("documents") or ())
        stray = docs - set(wanted[lang][half])
        if stray:
            raise PartError(f"{where}: documents not in the {lang} {half} half: {sorted(stray)[:5]}")
        for doc in docs:
            if doc in covered:
                raise PartError(f"{where}: {doc} is also in {covered[doc]}")
            covered[doc] = where
        for doc in part.get("doc_notes") or {}:
            if doc not in docs:
                raise PartError(f"{where}: a doc_note for {doc}, which the part does not list")
        for ev in part.get("events") or ():
            check_event(ev, docs, where)
            if ev["id"] in seen_ids:
                raise PartError(f"{where}: event id {ev['id']} is also in {seen_ids[ev['id']]}")
            seen_ids[ev["id"]] = where
        gold = golds.setdefault(f"{lang}.{half}", {
            "schema": "summitry-gold/1",
            "corpus": ids[lang]["corpus"],
            "about": (f"Gold events for the {half} half of the {lang} development set (devset/ids.json), "
                      "annotated by hand from the text by the conventions of devset/README.md."),
            "documents": [], "doc_notes": {}, "events": []})
        gold["documents"].extend(sorted(docs))
        gold["doc_notes"].update(part.get("doc_notes") or {})
        gold["events"].extend(part.get("events") or ())
    warnings = []
    for lang, hs in wanted.items():
        for half, docs in hs.items():
            missing = [d for d in docs if d not in covered]
            if missing:
                warnings.append(f"{lang} {half}: {len(missing)} of {len(docs)} documents not annotated yet")
    for gold in golds.values():
        gold["documents"].sort()
        gold["doc_notes"] = dict(sorted(gold["doc_notes"].items()))
        gold["events"] = join_across_parts(gold["events"], seen_ids)
        gold["events"].sort(key=lambda e: e["id"])
    return golds, warnings


def _same_names(a: list[str], b: list[str]) -> bool:
    """Whether two alias lists name one person: an alias of two words or more in common."""
    left = {normalise_name(n) for n in a if len(normalise_name(n).split()) > 1}
    return bool(left & {normalise_name(n) for n in b})


def _same_party(a: dict, b: dict) -> bool:
    if a["names"] or b["names"]:
        return bool(a["names"]) and bool(b["names"]) and _same_names(a["names"], b["names"])
    return a.get("country") == b.get("country")


def _one_real_event(a: dict, b: dict) -> bool:
    """Whether two entries annotated in different parts tell one real event: the same type, people,
    destination or forum and required flag, with windows that meet."""
    if a["type"] != b["type"] or a.get("required", True) != b.get("required", True):
        return False
    if max(a["window"][0], b["window"][0]) > min(a["window"][1], b["window"][1]):
        return False
    if a["type"] in ("meeting", "call"):
        pa, pb = a["participants"], b["participants"]
        return len(pa) == len(pb) and all(any(_same_party(x, y) for y in pb) for x in pa) and \
            all(any(_same_party(x, y) for y in pa) for x in pb)
    if not _same_names(a["actor"], b["actor"]):
        return False
    if a["type"] == "visit":
        return bool(set(a["destination"]) & set(b["destination"]))
    forums = {normalise_name(f) for f in a["forum"]} & {normalise_name(f) for f in b["forum"]}
    return bool(forums)


def join_across_parts(events: list[dict], part_of: dict[str, str]) -> list[dict]:
    """One real event is one entry, across parts too. Parts are annotated independently, so an event
    told in two parts' documents (a state visit reported in two busy weeks) would be two entries, and
    a system that rightly fuses its reports would be scored as merging two events. Entries of
    different parts that tell one real event (``_one_real_event``) become one: the first entry's id,
    names and fields, every mention, and ``joined`` listing the ids it took in. The window spans both
    windows: each was what its documents' text supports (a month for "in May", the days for "on
    Monday and Tuesday"), and a date one text allows stays allowed."""
    joined: list[dict] = []
    for ev in sorted(events, key=lambda e: e["id"]):
        same = next((j for j in joined if part_of[j["id"]] != part_of[ev["id"]]
                     and not any(part_of[i] == part_of[ev["id"]] for i in j.get("joined", ()))
                     and _one_real_event(j, ev)), None)
        if same is None:
            joined.append(dict(ev))
            continue
        same["mentions"] = {**same["mentions"], **ev["mentions"]}
        same["window"] = [min(same["window"][0], ev["window"][0]), max(same["window"][1], ev["window"][1])]
        same["joined"] = [*same.get("joined", ()), ev["id"]]
        if "actor" in same:
            same["actor"] = list(dict.fromkeys([*same["actor"], *ev["actor"]]))
        else:  # each side keeps the name forms of both entries
            same["participants"] = [
                {**x, "names": list(dict.fromkeys([*x["names"], *next(
                    (y["names"] for y in ev["participants"] if _same_party(x, y)), [])]))}
                for x in same["participants"]]
    return joined


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="exit 1 when a gold file is not up to date")
    ap.add_argument("--validate", action="store_true", help="check the parts only and write nothing")
    args = ap.parse_args()
    try:
        golds, warnings = build()
    except PartError as exc:
        print(f"devset/parts/{exc}", file=sys.stderr)
        return 1
    for w in warnings:
        print("note:", w, file=sys.stderr)
    if args.validate:
        for name, gold in sorted(golds.items()):
            print(f"{name}: {len(gold['documents'])} documents, {len(gold['events'])} events: the parts are valid")
        return 0
    stale = []
    for name, gold in sorted(golds.items()):
        path = HERE / f"{name}.gold.json"
        text = json.dumps(gold, indent=1, ensure_ascii=False) + "\n"
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"{path.name}: {len(gold['documents'])} documents, {len(gold['events'])} events")
    if stale:
        print("not up to date:", *stale)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
