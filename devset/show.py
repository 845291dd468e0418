"""Print documents of the real feeds by id, for annotating and reading misses.

    python devset/show.py xwlb-20260415-03 gdelt-05ec22a42572
    python devset/show.py --half zh tune --list      # the ids of a half, one per line
"""
from __future__ import annotations

import argparse
import json
import sys

from sample import CORPORA, halves, read_corpus
from build import HERE


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("ids", nargs="*")
    ap.add_argument("--half", nargs=2, metavar=("LANG", "HALF"), help="with --list: a language and a half")
    ap.add_argument("--list", action="store_true", help="print the ids of --half")
    args = ap.parse_args()
    if args.list:
        lang, half = args.half
        ids = json.loads((HERE / "ids.json").read_text(encoding="utf-8"))
        print(*halves(ids, lang)[half], sep="\n")
        return 0
    wanted = set(args.ids)
    found = {}
    for lang in CORPORA:
        for doc in read_corpus(lang):
            if doc["id"] in wanted:
                found[doc["id"]] = doc
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
