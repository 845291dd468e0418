"""Print documents of the real feeds by id, for annotating and reading misses.

    python devset/show.py xwlb-20260415-03 gdelt-05ec22a42572
    python devset/show.py --list zh tune           # the ids of a half, by publication day
    python devset/show.py --list en tune weeks     # only its busy weeks (or: random, long)
"""
from __future__ import annotations

import argparse
import json
import sys

from build import HERE
from sample import CORPORA, read_corpus


def listed(lang: str, half: str, kind: str | None) -> list[str]:
    part = json.loads((HERE / "ids.json").read_text(encoding="utf-8"))[lang]
    ids = set()
    if kind in (None, "random"):
        ids.update(part["random"][half])
    if kind in (None, "weeks"):
        ids.update(i for week in part["weeks"][half].values() for i in week)
    if kind in (None, "long"):
        ids.update(part.get("long", {}).get(half, []))
    published = {d["id"]: d.get("published") or "" for d in read_corpus(lang) if d["id"] in ids}
    return sorted(ids, key=lambda i: (published.get(i, ""), i))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("ids", nargs="*")
    ap.add_argument("--list", nargs="+", metavar="LANG HALF [KIND]",
                    help="print the ids of a language's half (tune|holdout), optionally only random|weeks|long")
    args = ap.parse_args()
    if args.list:
        lang, half, *kind = args.list
        print(*listed(lang, half, kind[0] if kind else None), sep="\n")
        return 0
    wanted = set(args.ids)
    found = {doc["id"]: doc for lang in CORPORA for doc in read_corpus(lang) if doc["id"] in wanted}
    for i in args.ids:
        doc = found.get(i)
        if doc is None:
            print(f"== {i}: not in the real feeds", file=sys.stderr)
            continue
        print(f"== {i}  published {doc.get('published')}  source {doc.get('source')}  {len(doc['text'])} chars")
        print(doc["text"])
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
