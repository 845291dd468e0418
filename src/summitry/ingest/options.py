"""The command line's input options, shared by ``extract``, ``eval`` and ``ingest``, and how a
command reads its inputs and reports what it skipped. Imports nothing heavy."""
from __future__ import annotations

import argparse
import os
import sys

from summitry.ingest.documents import PUBLISHED_YEARS


def _years(value: str) -> tuple[int, int]:
    try:
        first, last = (int(v) for v in value.replace("-", ":").split(":"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected FIRST:LAST years, e.g. 1900:2100, not {value!r}") from None
    if not 1 <= first <= last <= 9999:
        raise argparse.ArgumentTypeError(f"expected 1 <= FIRST <= LAST <= 9999, not {value!r}")
    return first, last


def add_input_options(p: argparse.ArgumentParser) -> None:
    from summitry.extract.limits import SECONDS_PER_MB, SECTION_CHARS

    g = p.add_argument_group("input")
    g.add_argument("--published-years", type=_years, default=PUBLISHED_YEARS, metavar="FIRST:LAST",
                   help=f"years a document's 'published' may have; other dates skip the document "
                        f"(default {PUBLISHED_YEARS[0]}:{PUBLISHED_YEARS[1]})")
    g.add_argument("--text-column", default="text", metavar="NAME",
                   help="the column of Parquet files that holds the text (default: text)")
    g.add_argument("--time-limit", type=float, default=None, metavar="SECONDS",
                   help=f"seconds a document may take per started megabyte of text; a slower one is skipped "
                        f"and reported (default {SECONDS_PER_MB:g}, 0 for no limit; $SUMMITRY_TIME_LIMIT)")
    g.add_argument("--section-chars", type=int, default=None, metavar="N",
                   help=f"documents longer than this are read in sections (default {SECTION_CHARS:,}; "
                        f"$SUMMITRY_SECTION_CHARS)")
    g = p.add_argument_group("output")
    g.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    g.add_argument("-v", "--verbose", action="store_true",
                   help="list the files skipped inside directories and every note on the input")
    g.add_argument("--progress", action="store_true",
                   help="show progress even when the output is not a terminal (a line every 10 s, "
                        "for ingest every committed batch)")


def open_inputs(args: argparse.Namespace):
    """A ``DocumentStream`` over the command's inputs that prints what it skips as it goes (and,
    with --verbose, its notes; encodings other than UTF-8 always). The limits the options set are
    put where every engine, and every worker process started later, reads them."""
    from summitry.ingest import DocumentStream, ReadOptions

    if args.time_limit is not None:
        os.environ["SUMMITRY_TIME_LIMIT"] = str(args.time_limit)
    if args.section_chars is not None:
        os.environ["SUMMITRY_SECTION_CHARS"] = str(args.section_chars)

    def on_note(note) -> None:
        if args.verbose or note.message.startswith("read as "):
            print(f"summitry: note: {note}", file=sys.stderr)

    return DocumentStream(args.inputs, ReadOptions(args.published_years, args.text_column),
                          on_error=lambda err: print(f"summitry: skipped {err}", file=sys.stderr),
                          on_note=on_note)


def report_inputs(args: argparse.Namespace, stream, not_read: int = 0) -> int:
    """Print what the reading left out (the files skipped in directories, listed with --verbose)
    and return the exit status: 1 when a line, row, file or document was skipped, else 0."""
    summary = stream.summary
    if summary.skipped_files:
        if args.verbose:
            for path, why in summary.skipped_files:
                print(f"summitry: not read: {path}: {why}", file=sys.stderr)
        else:
            print(f"summitry: {len(summary.skipped_files)} file(s) inside directories not read "
                  "(other types, links, hidden directories); --verbose lists them", file=sys.stderr)
    if summary.cleaned:
        print(f"summitry: {summary.cleaned} document(s) had NUL characters or lone surrogates, replaced by U+FFFD",
              file=sys.stderr)
    skipped = summary.skipped + not_read
    if skipped:
        print(f"summitry: {skipped} input(s) skipped, see above", file=sys.stderr)
        return 1
    return 0


def progress_for(args: argparse.Namespace, stream, label: str, **kw):
    from summitry.progress import Progress, wanted

    return Progress(wanted(args.quiet, args.progress), lambda: (stream.bytes_done, stream.summary.bytes_total),
                    label=f"summitry: {label}", **kw)
