"""The ``corrections`` command: list, export and import analysts' corrections, or make one."""
from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from summitry.store.target import StoreError

EXAMPLE = """examples:
  summitry corrections list --db events.duckdb
  summitry corrections reject ev_0123456789ab --reason "a rumour, not a visit"
  summitry corrections set ev_0123456789ab place=Astana 'countries=["KAZ"]' --reason "the text says Astana"
  summitry corrections merge ev_0123456789ab ev_ba9876543210 --reason "one summit"
  summitry corrections split ev_0123456789ab doc-17:120-245 --reason "another meeting"
  summitry corrections export -o corrections.jsonl
  summitry corrections import corrections.jsonl --db rebuilt.duckdb

Corrections are kept in the database's append-only corrections table and applied again after every
ingest, so a re-extraction never brings back what an analyst corrected. A value given to `set` is
read as JSON when it parses (numbers, lists, objects, null), else as text.
"""


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "corrections", help="analysts' corrections: list, export, import, or make one",
        description="Corrections of the stored events (reject, set fields, merge, split), each kept with "
                    "who made it, when and why, and applied again after every ingest.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("action", choices=("list", "export", "import", "reject", "set", "merge", "split"))
    p.add_argument("args", nargs="*", metavar="ARG",
                   help="import: a JSON Lines file; reject: EVENT; set: EVENT FIELD=VALUE...; merge: EVENT OTHER...; "
                        "split: EVENT DOC:START-END... (the reports to split off, as the evidence gives them)")
    p.add_argument("--db", metavar="TARGET", default=None,
                   help="a DuckDB file or a postgresql:// DSN (default: $SUMMITRY_DB, else summitry.duckdb in the "
                        "user data directory)")
    p.add_argument("--author", default=None, help="who makes the correction (default: the user's login name)")
    p.add_argument("--reason", default="", help="why")
    p.add_argument("--format", choices=("table", "json"), default="table", help="list: output format")
    p.add_argument("-o", "--output", metavar="FILE", help="export: write here instead of standard output")
    p.set_defaults(func=cmd_corrections)


def _value(text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def _span(text: str) -> tuple[str, int, int]:
    doc, _, span = text.rpartition(":")
    start, _, end = span.partition("-")
    if not doc or not start.isdigit() or not end.isdigit():
        raise ValueError(f"expected DOC:START-END, not {text!r}")
    return doc, int(start), int(end)


def cmd_corrections(args: argparse.Namespace) -> int:
    from summitry.store import corrections as corr
    from summitry.store import open_store

    read_only = args.action in ("list", "export")
    try:
        store = open_store(args.db, read_only=read_only)
    except StoreError as exc:
        print(f"summitry: {exc}", file=sys.stderr)
        return 2
    with store:
        db = store.db
        if args.action == "list":
            found = corr.list_corrections(db)
            if args.format == "json":
                print(json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=1))
                return 0
            for c in found:
                target = c.target.get("event_id") or ", ".join(e["event_id"] for e in c.target.get("events", []))
                detail = json.dumps(c.change.get("fields"), ensure_ascii=False) if c.action == "set" else ""
                print(f"{c.id:>4}  {c.at}  {c.author:<12}  {c.action:<6}  {target}  {detail}  {c.reason}".rstrip())
            print(f"{len(found)} correction(s)", file=sys.stderr)
            return 0
        if args.action == "export":
            lines = "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in corr.list_corrections(db))
            if args.output:
                Path(args.output).write_text(lines, encoding="utf-8")
            else:
                sys.stdout.write(lines)
            return 0
        if args.action == "import":
            return _import(db, args)
        if not args.args:
            print(f"summitry: {args.action} needs the event's id", file=sys.stderr)
            return 2
        author = args.author or getpass.getuser()
        event_id, rest = args.args[0], args.args[1:]
        try:
            if args.action == "set":
                fields = {}
                for item in rest:
                    name, sep, value = item.partition("=")
                    if not sep:
                        raise corr.CorrectionError(f"expected FIELD=VALUE, not {item!r}")
                    fields[name] = _value(value)
                made = corr.make(db, "set", event_id, author=author, reason=args.reason, fields=fields)
            elif args.action == "merge":
                made = corr.make(db, "merge", event_id, author=author, reason=args.reason, others=rest)
            elif args.action == "split":
                made = corr.make(db, "split", event_id, author=author, reason=args.reason,
                                 split_mentions=[_span(r) for r in rest])
            else:
                made = corr.make(db, "reject", event_id, author=author, reason=args.reason)
            stored, outcome = corr.add(db, made)
        except (corr.CorrectionError, ValueError) as exc:
            print(f"summitry: {exc}", file=sys.stderr)
            return 2
        print(f"summitry: correction {stored.id} ({stored.action} {event_id}): {outcome}", file=sys.stderr)
        return 0


def _import(db, args: argparse.Namespace) -> int:
    from summitry.store import corrections as corr

    if len(args.args) != 1:
        print("summitry: import needs one JSON Lines file", file=sys.stderr)
        return 2
    path = Path(args.args[0])
    bad = 0
    done = 0
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        print(f"summitry: {path}: {exc}", file=sys.stderr)
        return 2
    for number, text in enumerate(lines, 1):
        if not text.strip():
            continue
        try:
            stored, outcome = corr.add(db, corr.from_dict(json.loads(text)), must_apply=False)
        except (json.JSONDecodeError, corr.CorrectionError) as exc:
            print(f"summitry: {path}:{number}: {exc}", file=sys.stderr)
            bad += 1
            continue
        done += 1
        print(f"summitry: {path}:{number}: correction {stored.id} ({stored.action}): {outcome}", file=sys.stderr)
    print(f"summitry: {done} correction(s) imported, {bad} refused", file=sys.stderr)
    return 1 if bad else 0
