"""``summitry timex``: the date expressions of a text, as JSON."""
from __future__ import annotations

import argparse
import json
import sys

EPILOG = """examples:
  summitry timex "late March" --lang en --ref 2023-04-10
  summitry timex "周四（9月15日）两国外长会谈" --lang zh --ref 2022-09-16 --tense past
  echo "He will visit next week." | summitry timex - --lang en --ref 2023-04
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "timex",
        help="find date expressions in a text and print their intervals as JSON",
        description="Find the date expressions in TEXT and print each with the interval it means "
                    "relative to the publication date (--ref), as a JSON array.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("text", help="the text to read ('-' reads standard input)")
    parser.add_argument("--lang", choices=("en", "zh"), default=None,
                        help="language of the text (default: zh when it has CJK characters, else en)")
    parser.add_argument("--ref", "--published", dest="ref", default=None,
                        help="publication date: YYYY-MM-DD, YYYY-MM or YYYY (default: none)")
    parser.add_argument("--tense", choices=("past", "future"), default=None,
                        help="tense of the text, to pick last or next year/weekday")
    parser.add_argument("--periods", action="store_true",
                        help="also report periods for statistics ('from 2013 to 2022', '2013年以来')")
    parser.set_defaults(func=handle)


def handle(args) -> int:
    from summitry.time import find_dates, parse_published

    text = sys.stdin.read() if args.text == "-" else args.text
    lang = args.lang or ("zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en")
    try:
        published = parse_published(args.ref)
    except ValueError as exc:
        print(f"summitry timex: --ref: {exc}", file=sys.stderr)
        return 2
    spans = find_dates(text, lang, published, args.tense, periods=args.periods)
    print(json.dumps([s.to_dict() for s in spans], ensure_ascii=False, indent=1))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run ``timex`` on its own (``python -m summitry.time.cli``), without the full CLI."""
    parser = argparse.ArgumentParser(prog="summitry")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
