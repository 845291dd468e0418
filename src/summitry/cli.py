"""The ``summitry`` command line: one small core, each stage adding its own commands.

Stages register commands through ``summitry.<stage>.cli.register(subparsers)``;
the core commands (extract, eval, schema) live here.
"""
from __future__ import annotations

import argparse
import contextlib
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


def _read_documents(paths: Sequence[str]):
    from summitry.ingest import read_inputs

    docs, errors = read_inputs(paths)
    for err in errors:
        print(f"summitry: skipped {err}", file=sys.stderr)
    return docs, errors


def _report_skipped(errors) -> int:
    if errors:
        print(f"summitry: {len(errors)} input(s) skipped, see above", file=sys.stderr)
        return 1
    return 0


def _extract(args: argparse.Namespace, docs) -> tuple[list | None, int]:
    """The events of ``docs`` by the engine the options name, and the exit status so far: 1 when a
    document could not be read this time (the engine's summary says why), 2 when the engine can read
    nothing (its error is printed)."""
    import warnings

    from summitry.extract import DocumentsNotRead, EngineUnavailable, UnknownEngine
    from summitry.extract.llm.options import engine_run
    from summitry.pipeline import extract_events

    try:
        with engine_run(args, len(docs)) as run, warnings.catch_warnings():
            warnings.simplefilter("ignore", DocumentsNotRead)  # the engine's summary reports them
            events = extract_events(docs, merge=not args.no_merge, engine=args.engine)
    except (EngineUnavailable, UnknownEngine) as e:
        print(f"summitry: {e}", file=sys.stderr)
        return None, 2
    return events, 1 if run is not None and run.not_read else 0


def cmd_extract(args: argparse.Namespace) -> int:
    docs, errors = _read_documents(args.inputs)
    events, status = _extract(args, docs)
    if events is None:
        return status
    with open(args.output, "w", encoding="utf-8") if args.output else contextlib.nullcontext(sys.stdout) as out:
        for ev in events:
            out.write(ev.to_json() + "\n")
    if args.output:
        print(f"summitry: {len(events)} events from {len(docs)} documents -> {args.output}", file=sys.stderr)
    return max(status, _report_skipped(errors))


def cmd_eval(args: argparse.Namespace) -> int:
    from summitry.evaluate import score, scored_documents

    try:
        gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        print(f"summitry: cannot read gold file {args.gold}: {e}", file=sys.stderr)
        return 2
    docs, errors = _read_documents(args.inputs)
    only = args.docs.split(",") if args.docs else None
    # The gold's documents may be a sample of a larger feed: the others are not extracted, so their
    # reports cannot join the scored documents' events either.
    scored = scored_documents(gold, only)
    docs = [d for d in docs if d.id in scored]
    events, status = _extract(args, docs)
    if events is None:
        return status
    result = score(gold, [ev.to_dict() for ev in events], only)
    if args.json:
        print(json.dumps(result.figures))
    else:
        if args.show_misses:
            print("missed:", *result.misses, sep="\n  ")
            print("spurious:", *result.spurious, sep="\n  ")
        print("\n".join(result.lines()))
    return max(status, _report_skipped(errors))


def cmd_schema(args: argparse.Namespace) -> int:
    from summitry.records import json_schema

    print(json.dumps(json_schema(args.record), indent=1, ensure_ascii=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    from summitry.extract.llm.options import add_engine_options

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
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.add_argument("--no-merge", action="store_true", help="one record per mention: do not fuse reports")
    add_engine_options(p)
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
