"""The ``summitry`` command line: one small core, each stage adding its own commands.

Stages register commands through ``summitry.<stage>.cli.register(subparsers)``;
the core commands (extract, eval, schema) live here.
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from summitry import __version__

# Stage modules that add commands of their own, in the order --help lists them.
COMMAND_MODULES = ("summitry.store.cli", "summitry.store.corrections_cli", "summitry.kb.cli", "summitry.time.cli",
                   "summitry.web.cli")

EXTRACT_EXAMPLE = """examples:
  summitry extract examples/corpus.jsonl -o events.jsonl
  summitry extract article.txt page.html --no-merge
  summitry extract ../shared/corpus/seeds.jsonl | jq .type
  summitry extract news.jsonl --engine llm --llm-base-url http://127.0.0.1:8000/v1 --llm-model qwen2.5-7b-instruct
  SUMMITRY_LLM_API_KEY=... summitry extract news.jsonl --engine hybrid --llm-config llm.toml --llm-budget 200000
"""

EVAL_EXAMPLE = """example:
  summitry eval --gold ../shared/eval/seeds.gold.json ../shared/corpus/seeds.jsonl --show-misses
  summitry eval --gold examples/gold.json examples/corpus.jsonl --json
  summitry eval --gold devset/zh.tune.gold.json ../shared/corpus/real/zh-xwlb-2026.jsonl

Only the documents the gold file lists (or --docs) are extracted and scored.
"""


def _set_kb_extra(dirs: Sequence[str] | None) -> None:
    """--kb-extra directories reach the knowledge base through the environment it reads."""
    if dirs:
        current = [d for d in os.environ.get("SUMMITRY_KB_EXTRA", "").split(os.pathsep) if d]
        os.environ["SUMMITRY_KB_EXTRA"] = os.pathsep.join([*current, *dirs])


def _extract(args: argparse.Namespace, docs, write, progress) -> int | None:
    """Extract ``docs`` (read one at a time) with the engine and limits the options name, giving
    each event to ``write`` (each document's as it is read with --no-merge, all at the end when
    fused); returns how many documents were not extracted (each reported as it is met), or None when
    the engine can read nothing (its error is printed)."""
    from summitry.extract import DocumentNotRead, EngineUnavailable, UnknownEngine
    from summitry.extract.llm.options import engine_run
    from summitry.pipeline import stream_events

    not_read = 0

    def on_result(doc, result) -> None:
        nonlocal not_read
        if isinstance(result, Exception):
            not_read += 1
            # an LLM run sums up the documents it could not read: no line each
            if run is None or not isinstance(result, DocumentNotRead):
                where = getattr(docs, "origin", lambda _: None)(doc.id)
                print(f"summitry: skipped document {doc.id!r}{f' ({where})' if where else ''}: "
                      f"{type(result).__name__}: {result}", file=sys.stderr)
            progress.update(add_documents=1)
        else:
            progress.update(add_documents=1, add_events=len(result))

    try:
        with engine_run(args, None) as run:
            if run is not None:
                progress.enabled = False  # the LLM run shows its own bar, with tokens and cost
            for event in stream_events(docs, merge=not args.no_merge, engine=args.engine, on_result=on_result,
                                       workers=args.workers):
                write(event)
    except (EngineUnavailable, UnknownEngine) as e:
        print(f"summitry: {e}", file=sys.stderr)
        return None
    return not_read


class _Output:
    """The events' destination: standard output, or a file created at the first event (so that an
    engine that cannot start leaves no empty file behind) or at the end."""

    def __init__(self, path: str | None):
        self.path = None if path == "-" else path  # "-o -": standard output, as other tools read it
        self.written = 0
        self._file = None if self.path else sys.stdout

    def write(self, event) -> None:
        if self._file is None:
            self._file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 - closed by close()
        self._file.write(event.to_json() + "\n")
        self.written += 1

    def close(self) -> None:
        if self.path:
            if self._file is None:
                self._file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 - closed here
            self._file.close()


def cmd_extract(args: argparse.Namespace) -> int:
    from summitry.ingest.options import open_inputs, progress_for, report_inputs

    stream = open_inputs(args)
    output = _Output(args.output)
    with progress_for(args, stream, "extract") as progress:
        not_read = _extract(args, stream, output.write, progress)
    if not_read is None:
        return 2
    output.close()
    if output.path:
        print(f"summitry: {output.written} events from {stream.summary.documents} documents -> {args.output}",
              file=sys.stderr)
    return report_inputs(args, stream, not_read)


def cmd_eval(args: argparse.Namespace) -> int:
    from summitry.evaluate import score, scored_documents
    from summitry.ingest.options import open_inputs, progress_for, report_inputs

    try:
        gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        print(f"summitry: cannot read gold file {args.gold}: {e}", file=sys.stderr)
        return 2
    stream = open_inputs(args)
    only = args.docs.split(",") if args.docs else None
    # The gold's documents may be a sample of a larger feed: the others are not extracted, so their
    # reports cannot join the scored documents' events either.
    scored = scored_documents(gold, only)
    docs = (d for d in stream if d.id in scored)
    events = []
    with progress_for(args, stream, "eval") as progress:
        not_read = _extract(args, docs, events.append, progress)
    if not_read is None:
        return 2
    result = score(gold, [ev.to_dict() for ev in events], only)
    if args.json:
        print(json.dumps(result.figures))
    else:
        if args.show_misses:
            print("missed:", *result.misses, sep="\n  ")
            print("spurious:", *result.spurious, sep="\n  ")
        print("\n".join(result.lines()))
    return report_inputs(args, stream, not_read)


def cmd_schema(args: argparse.Namespace) -> int:
    from summitry.records import json_schema

    print(json.dumps(json_schema(args.record), indent=1, ensure_ascii=False))
    return 0


def _workers(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes, 1 or more, not {value!r}")
    return n


def add_workers_option(p: argparse.ArgumentParser) -> None:
    """--workers, for the commands that extract (see ``summitry.extract.parallel``)."""
    p.add_argument("--workers", type=_workers, default=None, metavar="N",
                   help="extract in N processes (default: one per core; 1: in this process). The output "
                        "is the same whatever N; an input of a few documents is always read in this process")


def build_parser() -> argparse.ArgumentParser:
    from summitry.extract.llm.options import add_engine_options
    from summitry.ingest.options import add_input_options

    parser = argparse.ArgumentParser(
        prog="summitry",
        description="Diplomatic events (visits, meetings, summits, calls) from news in English and Chinese.",
        epilog="Run 'summitry COMMAND --help' for a command's options and an example.",
    )
    parser.add_argument("--version", action="version", version=f"summitry {__version__}")
    parser.add_argument("--kb-extra", action="append", metavar="DIR",
                        help="a directory of extra knowledge-base files (same formats); repeatable")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="extract event records (JSON Lines) from documents",
                       description="Extract diplomatic events from documents and write them as JSON Lines "
                                   "(summitry-event/1). Inputs: .jsonl documents, .txt files, .html pages, "
                                   "or directories of them.",
                       epilog=EXTRACT_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("-o", "--output", help="write here instead of standard output ('-': standard output)")
    p.add_argument("--no-merge", action="store_true", help="one record per mention: do not fuse reports")
    add_engine_options(p)
    add_workers_option(p)
    add_input_options(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("eval", help="extract and score against a gold file",
                       description="Extract events from INPUT and score them against a gold file with the "
                                   "figures of shared/eval/score.py: lenient and strict P/R/F1, status and "
                                   "date accuracy, merge F1.",
                       epilog=EVAL_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--gold", required=True, help="gold file (summitry-gold/1 JSON)")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--show-misses", action="store_true", help="list missed gold mentions and spurious events")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.add_argument("--docs", help="comma-separated document ids: score these documents only")
    p.add_argument("--no-merge", action="store_true", help="score unfused records")
    add_engine_options(p)
    add_workers_option(p)
    add_input_options(p)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("schema", help="print the JSON Schema of the event record",
                       description="Print the JSON Schema (draft 2020-12) of summitry-event/1 records.",
                       epilog="example:\n  summitry schema > event.schema.json\n  summitry schema --record Document",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--record", choices=("Event", "Document"), default="Event")
    p.set_defaults(func=cmd_schema)

    for module_name in COMMAND_MODULES:
        if importlib.util.find_spec(module_name.rsplit(".", 1)[0]) is None:
            continue
        if importlib.util.find_spec(module_name) is None:
            continue
        importlib.import_module(module_name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _set_kb_extra(args.kb_extra)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
