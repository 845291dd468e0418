"""Commands over the store: ingest, events, travel, timeline, stats, export."""
from __future__ import annotations

import argparse
import csv
import json
import sys
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any

from summitry.records import EVENT_TYPES, STATUSES
from summitry.store.target import StoreError, default_target

if TYPE_CHECKING:
    import pyarrow as pa

_RAW = argparse.RawDescriptionHelpFormatter


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="TARGET", default=None,
                   help="a DuckDB file or a postgresql:// DSN (default: $SUMMITRY_DB, else "
                        "summitry.duckdb in the user data directory)")


def _add_output(p: argparse.ArgumentParser, formats: tuple[str, ...], evidence: bool = True) -> None:
    p.add_argument("--format", choices=formats, default="table", help="output format (default: table)")
    if evidence:
        p.add_argument("--evidence", action="store_true",
                       help="print the sentences and documents behind every row")


def register(subparsers) -> None:
    from summitry.cli import add_workers_option
    from summitry.extract.llm.options import add_engine_options
    from summitry.ingest.options import add_input_options

    p = subparsers.add_parser(
        "ingest", help="extract, fuse and store documents (idempotent, transactional)",
        description="Extract events from documents, fuse them with what the database holds, and store "
                    "documents, per-mention events and fused events. A document already stored with the "
                    "same content is skipped; a changed one replaces its mentions and is fused again.",
        epilog="examples:\n  summitry ingest ../shared/corpus/seeds.jsonl\n"
               "  summitry ingest articles/ --db team.duckdb\n"
               "  summitry ingest feed.jsonl --engine hybrid --llm-base-url http://127.0.0.1:8000/v1 --llm-model NAME\n"
               "  summitry ingest feed.jsonl --db postgresql://summitry@localhost:5433/summitry\n"
               "  summitry ingest feed.jsonl --dask tcp://scheduler:8786 --events-dir /shared/mentions",
        formatter_class=_RAW)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="JSON Lines, text or HTML files, or directories")
    _add_db(p)
    p.add_argument("--batch-size", type=int, help="documents per transaction (default 1000)")
    add_engine_options(p)
    add_workers_option(p)
    g = p.add_argument_group("cluster (pip install 'summitry[dask]')")
    g.add_argument("--dask", metavar="ADDRESS",
                   help="extract on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:8786), or "
                        "'local' for a cluster of --workers processes on this machine; fusion and the store "
                        "stay in this process")
    g.add_argument("--events-dir", metavar="DIR",
                   help="with --dask: the workers also write each partition's mention events there as a "
                        "Parquet file (a path every worker can write: a shared filesystem, or a URL fsspec reads)")
    add_input_options(p)
    p.set_defaults(func=cmd_ingest)

    p = subparsers.add_parser(
        "events", help="list stored events, filtered",
        description="List fused events by date. --actor matches any participant, --country any "
                    "participant's country or the host.",
        epilog='examples:\n  summitry events --actor "Xi Jinping" --from 2022-09-01 --to 2022-09-30\n'
               "  summitry events --country UZB --type meeting --format jsonl\n"
               "  summitry events --status planned --evidence",
        formatter_class=_RAW)
    p.add_argument("--actor", metavar="NAME")
    p.add_argument("--country", metavar="ISO3")
    p.add_argument("--type", choices=EVENT_TYPES)
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--from", dest="start", metavar="DATE", help="events ending on or after DATE")
    p.add_argument("--to", dest="end", metavar="DATE", help="events starting on or before DATE")
    _add_db(p)
    _add_output(p, ("table", "json", "jsonl", "csv"))
    p.set_defaults(func=cmd_events)

    p = subparsers.add_parser(
        "travel", help="a person's trips abroad, countries and days abroad per year",
        description="Trips with their legs (country, place, dates, where the dates come from), countries "
                    "visited and days abroad per year, from visits and from gatherings and meetings abroad "
                    "(not in the person's own country's home territories). The days between a trip's legs "
                    "count as abroad, each day once. Legs known only to the month or year are listed apart "
                    "as approximate and add no days.",
        epilog='examples:\n  summitry travel "Xi Jinping" --year 2022\n'
               '  summitry travel "Xi Jinping" --before 2022-09-01\n'
               '  summitry travel "Antony Blinken" --include-planned --format json',
        formatter_class=_RAW)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--year", type=int, help="only trips that touch this year")
    p.add_argument("--include-planned", action="store_true", help="also planned and speculated trips")
    p.add_argument("--before", metavar="DATE", help="only the last trip that ended before DATE")
    _add_db(p)
    _add_output(p, ("table", "json", "csv"))
    p.set_defaults(func=cmd_travel)

    p = subparsers.add_parser(
        "timeline", help="every event between two countries, in order",
        description="Every stored event that involves both countries (as a participant's country or "
                    "the host or destination), by date.",
        epilog="examples:\n  summitry timeline CHN USA\n  summitry timeline China Kazakhstan --evidence",
        formatter_class=_RAW)
    p.add_argument("country_a", metavar="A")
    p.add_argument("country_b", metavar="B")
    _add_db(p)
    _add_output(p, ("table", "json", "csv"))
    p.set_defaults(func=cmd_timeline)

    p = subparsers.add_parser(
        "stats", help="counts of stored events by type, status, country and year",
        description="Counts of stored documents and events, and of events by type, status, country "
                    "involved and year.",
        epilog="examples:\n  summitry stats\n  summitry stats --format json --db team.duckdb",
        formatter_class=_RAW)
    _add_db(p)
    _add_output(p, ("table", "json", "csv"), evidence=False)
    p.set_defaults(func=cmd_stats)

    p = subparsers.add_parser(
        "export", help="every event with CAMEO and PLOVER codes (parquet, csv, jsonl)",
        description="Export every stored event with CAMEO (040-046) and PLOVER (CONSULT and its mode) "
                    "codes, for use beside GDELT, ICEWS and POLECAT.",
        epilog="examples:\n  summitry export --format parquet -o events.parquet\n"
               "  summitry export --format jsonl > events.jsonl",
        formatter_class=_RAW)
    p.add_argument("--format", choices=("parquet", "csv", "jsonl"), required=True)
    p.add_argument("-o", "--output", metavar="PATH", help="file to write (default: stdout; parquet needs one)")
    _add_db(p)
    p.set_defaults(func=cmd_export)


# --- helpers -----------------------------------------------------------------------------------

def _target(args: argparse.Namespace) -> str:
    return args.db or default_target()


def _open(args: argparse.Namespace, read_only: bool = True):
    from summitry.store import open_store

    return open_store(_target(args), read_only=read_only)


def _fail(message: str) -> int:
    print(f"summitry: {message}", file=sys.stderr)
    return 2


def _cell(value: Any, width: int = 48) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = ",".join(str(v) for v in value)
    elif isinstance(value, dict):
        value = ",".join(f"{k}={v}" for k, v in value.items())
    text = str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(rows: list[dict[str, Any]], columns: list[str], out=None,
                below: dict[int, list[str]] | None = None) -> None:
    """Rows as aligned text columns; ``below`` adds indented lines under row i."""
    out = out or sys.stdout
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(), file=out)
    for i, row in enumerate(cells):
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip(), file=out)
        for line in (below or {}).get(i, []):
            print(f"    {line}", file=out)


def _jsonable(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _plain(table: pa.Table) -> list[dict[str, Any]]:
    return [{k: _jsonable(v) for k, v in row.items()} for row in table.to_pylist()]


def _evidence_lines(items: list[dict[str, Any]]) -> list[str]:
    lines = []
    for e in items:
        where = ", ".join(str(x) for x in (e.get("source"), e.get("published"), e.get("url")) if x)
        lines.append(f"[{e['doc_id']} {e['status']}] {' '.join(e['text'].split())}" + (f"  ({where})" if where else ""))
    return lines


def _write_rows(rows: list[dict[str, Any]], columns: list[str], fmt: str, evidence: dict | None,
                key: str = "id") -> None:
    if fmt == "json":
        if evidence is not None:
            rows = [{**r, "evidence": evidence.get(r[key], [])} for r in rows]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif fmt == "csv":
        fields = columns + (["evidence"] if evidence is not None else [])
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for r in rows:
            r = {k: (",".join(map(str, v)) if isinstance(v, list) else v) for k, v in r.items()}
            if evidence is not None:
                r["evidence"] = " | ".join(_evidence_lines(evidence.get(r[key], [])))
            writer.writerow(r)
    else:
        below = None
        if evidence is not None:
            below = {i: _evidence_lines(evidence.get(r[key], [])) for i, r in enumerate(rows)}
        print_table(rows, columns, below=below)


# --- commands ----------------------------------------------------------------------------------

def cmd_ingest(args: argparse.Namespace) -> int:
    from summitry.extract import EngineUnavailable, UnknownEngine
    from summitry.extract.llm.options import engine_run
    from summitry.ingest.options import open_inputs, progress_for, report_inputs

    if args.events_dir and not args.dask:
        return _fail("--events-dir is for --dask: the Parquet files are the cluster's")
    stream = open_inputs(args)
    try:
        with engine_run(args, None) as run, _open(args, read_only=False) as store, \
                _cluster(args) as extract_stream, \
                progress_for(args, stream, "ingest", noun="documents committed", log_every=0) as progress:
            if run is not None:
                progress.enabled = False  # the LLM run shows its own bar, with tokens and cost
            batch_size = max(1, args.batch_size) if args.batch_size is not None else None
            report = store.ingest(stream, batch_size=batch_size, engine=args.engine,
                                  workers=args.workers, extract_stream=extract_stream,
                                  progress=lambda r: progress.update(r.documents, r.mention_events))
    except (StoreError, EngineUnavailable, UnknownEngine, ClusterError) as exc:
        return _fail(str(exc))
    for message in report.errors:
        print(f"summitry: skipped {message}", file=sys.stderr)
    print(ingest_summary(report, _target(args)))
    return report_inputs(args, stream, len(report.errors))


class ClusterError(RuntimeError):
    pass


@contextmanager
def _cluster(args: argparse.Namespace):
    """With --dask, extraction on that cluster (``summitry.cluster``), else None."""
    if not args.dask:
        yield None
        return
    from summitry.extract.parallel import reads_many

    if reads_many(args.engine):
        raise ClusterError(f"--dask runs the engines that read one document at a time; {args.engine} reads "
                           "many at once in this process (its requests run concurrently): leave out --dask")
    try:
        import distributed  # noqa: F401

        from summitry import cluster
    except ImportError as exc:
        raise ClusterError(f"--dask needs Dask: pip install 'summitry[dask]' ({exc})") from None
    try:
        client = cluster.connect(args.dask, args.workers)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {args.dask}: {exc}") from None
    try:
        yield cluster.DaskExtraction(client, args.engine, args.events_dir)
    except cluster.ClusterMismatch as exc:
        raise ClusterError(str(exc)) from None
    finally:
        cluster.close(client)


TOTALS_MEANING = ("documents: documents stored; mention_events: reports of an event the engines found, one "
                  "per sentence; events: fused events, one per real-world event")


def ingest_summary(report, target: str) -> str:
    """What an ingest did and what the store holds after it, counted as ``summitry stats`` counts."""
    t = report.totals
    return (f"{report.documents} documents read: {report.added} added, {report.replaced} replaced, "
            f"{report.unchanged} unchanged, {len(report.errors)} failed; {report.mention_events} mention events "
            f"extracted; events: {report.events_added} new, {report.events_changed} changed, "
            f"{report.events_removed} removed.\n{target} now holds {t.get('documents', 0)} documents, "
            f"{t.get('mention_events', 0)} mention events and {t.get('events', 0)} events "
            f"(as `summitry stats` counts them).")


_EVENT_TABLE = ["id", "type", "status", "start", "end", "actor", "actor_country", "counterparts", "countries",
                "place", "forum"]


def _event_listing(args: argparse.Namespace, query) -> int:
    from summitry import analytics

    try:
        with _open(args) as store:
            table = query(store)
            rows = _plain(table)
            ids = [r["id"] for r in rows]
            ev = analytics.evidence_by_event(store, ids) if args.evidence else None
            if args.format == "jsonl":
                from summitry.analytics import event_records
                for rec in event_records(store, ids):
                    if ev is not None:
                        rec["evidence"] = ev.get(rec["id"], [])
                    print(json.dumps(rec, ensure_ascii=False))
                return 0
    except (StoreError, ValueError) as exc:
        return _fail(str(exc))
    columns = _EVENT_TABLE if args.format == "table" else table.column_names
    _write_rows(rows, columns, args.format, ev)
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    from summitry import analytics

    return _event_listing(args, lambda store: analytics.events(
        store, actor=args.actor, country=args.country, type=args.type, status=args.status,
        start=args.start, end=args.end))


def cmd_timeline(args: argparse.Namespace) -> int:
    from summitry import analytics

    return _event_listing(args, lambda store: analytics.timeline(store, args.country_a, args.country_b))


def cmd_travel(args: argparse.Namespace) -> int:
    from summitry import analytics

    try:
        with _open(args) as store:
            report = analytics.travel(store, args.name, year=args.year, include_planned=args.include_planned,
                                      before=args.before)
            ids = [i for t in report["trips"] for leg in (*t["legs"], *t["approximate"]) for i in leg["event_ids"]]
            ev = analytics.evidence_by_event(store, ids) if args.evidence else None
    except (StoreError, ValueError) as exc:
        return _fail(str(exc))
    if args.format == "json":
        if ev is not None:
            for trip in report["trips"]:
                for leg in (*trip["legs"], *trip["approximate"]):
                    leg["evidence"] = analytics.leg_evidence(leg["event_ids"], ev)
        json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    # rows straight from the report: a pyarrow table would import pandas, when installed, at start-up
    legs = analytics.trip_rows(report)
    if args.format == "csv":
        for leg in legs:
            leg["id"] = leg["event_ids"][0] if leg["event_ids"] else None
        _write_rows(legs, ["trip", "country", "place", "start", "end", "precision", "approximate", "dated_by",
                           "status", "event_ids"],
                    "csv", None if ev is None else {leg["id"]: analytics.leg_evidence(leg["event_ids"], ev) for leg in legs})
        return 0
    if not report["trips"]:
        print(f"no trips abroad of {report['person']} found")
        return 0
    print(f"{report['person']}: {len(report['trips'])} trip(s) abroad")
    for i, trip in enumerate(report["trips"], 1):
        print(f"\ntrip {i}: {trip['start'] or '?'} – {trip['end'] or '?'}  {', '.join(trip['countries'])}")
        shown = [*trip["legs"], *trip["approximate"]]
        rows = [dict(leg, events=len(leg["event_ids"]), days=sum((leg.get("days_abroad") or {}).values()),
                     approximate="yes" if k >= len(trip["legs"]) else "")
                for k, leg in enumerate(shown)]
        below = None
        if ev is not None:
            below = {k: _evidence_lines(analytics.leg_evidence(leg["event_ids"], ev)) for k, leg in enumerate(shown)}
        print_table(rows, ["country", "place", "start", "end", "precision", "approximate", "days", "dated_by",
                           "status", "events"], below=below)
    if report["years"]:
        print()
        print_table([{"year": y, **v} for y, v in report["years"].items()],
                    ["year", "days_abroad", "days_by_dating", "legs_days_unknown", "countries",
                     "countries_approximate"])
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from summitry import analytics

    try:
        with _open(args) as store:
            tables = analytics.stats(store)
    except (StoreError, ValueError) as exc:
        return _fail(str(exc))
    if args.format == "json":
        json.dump({k: {str(r[t.column_names[0]]): r["n"] for r in t.to_pylist()} for k, t in tables.items()},
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["by", "value", "n"])
        for by, t in tables.items():
            for r in t.to_pylist():
                writer.writerow([by, r[t.column_names[0]], r["n"]])
        return 0
    for by, t in tables.items():
        print(f"by {by}:" if by != "totals" else f"totals ({TOTALS_MEANING}):")
        print_table(t.to_pylist(), t.column_names)
        print()
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from summitry import analytics

    if args.format == "parquet" and not args.output:
        return _fail("export --format parquet needs -o PATH")
    try:
        with _open(args) as store:
            if args.format == "jsonl":
                records = analytics.export_records(store)
            else:
                table = analytics.export_table(store)
    except (StoreError, ValueError) as exc:
        return _fail(str(exc))
    if args.format == "parquet":
        import pyarrow.parquet as pq
        pq.write_table(table, args.output)
        print(f"{table.num_rows} events written to {args.output}", file=sys.stderr)
        return 0
    with ExitStack() as stack:
        out = sys.stdout
        if args.output:
            out = stack.enter_context(open(args.output, "w", encoding="utf-8", newline=""))
        if args.format == "jsonl":
            for rec in records:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(table.column_names)
            for row in table.to_pylist():
                writer.writerow(["|".join("" if x is None else str(x) for x in v) if isinstance(v, list) else v
                                 for v in row.values()])
    return 0
