#!/usr/bin/env python3
"""Build examples/corpus.jsonl from examples/articles/*.txt and examples/articles/meta.yaml.

    python examples/build_corpus.py           # (re)write examples/corpus.jsonl
    python examples/build_corpus.py --check   # exit 1 when corpus.jsonl is not what the sources give

Each article is one document (EVENT_FORMAT.md): ``id`` is the file stem, ``text`` the file's exact
text, ``lang``/``published``/``source`` come from meta.yaml, ``url`` is null (the articles were
written by the team and have no address). The texts and their metadata live apart so that each
stays easy to edit; this script is the only way corpus.jsonl is made, so the two never drift.

Every problem is reported as ``file:line: message``; all of them are listed before the script
gives up, and nothing is written while any remains.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
CORPUS = HERE / "corpus.jsonl"

LANGS = ("en", "zh")
META_KEYS = ("lang", "published", "source")
PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
NULL_TAG = "tag:yaml.org,2002:null"


class CorpusError(Exception):
    """One or more problems in the article sources; ``problems`` holds 'file:line: message' lines."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def _valid_published(value: str) -> bool:
    m = PUBLISHED.match(value)
    if not m:
        return False
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return False
    return True


def _entry_problem(fields: dict[str, str | None]) -> str | None:
    """What is wrong with one entry's values, or None."""
    missing = [k for k in META_KEYS if k not in fields]
    if missing:
        return f"missing {', '.join(missing)}"
    if fields["lang"] not in LANGS:
        return f"lang must be one of {', '.join(LANGS)}, not {fields['lang']!r}"
    if fields["published"] is not None and not _valid_published(fields["published"]):
        return f"published must be YYYY-MM-DD, YYYY-MM, YYYY or null, not {fields['published']!r}"
    if not fields["source"]:
        return "source is empty"
    return None


def load_meta(path: Path) -> tuple[dict[str, dict], list[str]]:
    """Read meta.yaml: {id: {line, valid, lang, published, source}} and the problems found, by line.

    The file is read node by node so that every message can name its line, and so that an
    unquoted date keeps the exact text it was written with instead of becoming a date object.
    """
    problems: list[str] = []
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        return {}, [f"{path}:1: cannot read: {e}"]
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return {}, [f"{path}:{line}: not valid YAML: {getattr(e, 'problem', e)}"]
    if root is None:
        return {}, [f"{path}:1: empty file; expected one entry per article"]
    if not isinstance(root, yaml.MappingNode):
        return {}, [f"{path}:{root.start_mark.line + 1}: expected a mapping of article id to metadata"]
    meta: dict[str, dict] = {}
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 1
        doc_id = key_node.value
        where = f"{path}:{line}"
        if doc_id in meta:
            problems.append(f"{where}: duplicate entry {doc_id!r}")
            continue
        if not isinstance(value_node, yaml.MappingNode):
            problems.append(f"{where}: {doc_id}: expected a mapping with keys {', '.join(META_KEYS)}")
            meta[doc_id] = {"line": line, "valid": False}
            continue
        fields: dict[str, str | None] = {}
        reported_before = len(problems)
        for k_node, v_node in value_node.value:
            k_where = f"{path}:{k_node.start_mark.line + 1}"
            if k_node.value not in META_KEYS:
                problems.append(f"{k_where}: {doc_id}: unknown key {k_node.value!r} (known: {', '.join(META_KEYS)})")
                continue
            if not isinstance(v_node, yaml.ScalarNode):
                problems.append(f"{k_where}: {doc_id}: {k_node.value} must be a single value")
                continue
            fields[k_node.value] = None if v_node.tag == NULL_TAG else v_node.value
        problem = _entry_problem(fields)
        if problem:
            problems.append(f"{where}: {doc_id}: {problem}")
        # an entry with a problem is still known, so its article is not reported a second time
        meta[doc_id] = {"line": line, "valid": len(problems) == reported_before, **fields}
    return meta, problems


def build_documents(articles: Path = ARTICLES) -> list[dict]:
    """The documents of the corpus, sorted by id; raises CorpusError listing every problem."""
    meta_path = articles / "meta.yaml"
    meta, problems = load_meta(meta_path)
    texts = {p.stem: p for p in sorted(articles.glob("*.txt"))}
    documents = []
    for doc_id, path in texts.items():
        if doc_id not in meta:
            problems.append(f"{path}:1: no entry for {doc_id!r} in {meta_path}")
            continue
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append(f"{path}:1: not UTF-8: {e}")
            continue
        if not text.strip():
            problems.append(f"{path}:1: empty article")
            continue
        m = meta[doc_id]
        if not m["valid"]:
            continue
        documents.append({"id": doc_id, "text": text, "lang": m["lang"], "published": m["published"],
                          "source": m["source"], "url": None})
    for doc_id, m in meta.items():
        if doc_id not in texts:
            problems.append(f"{meta_path}:{m['line']}: entry {doc_id!r} has no file {doc_id}.txt")
    if problems:
        raise CorpusError(sorted(problems))
    return documents


def render(documents: list[dict]) -> str:
    """JSON Lines, one document per line, non-ASCII kept as is."""
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=Path, default=ARTICLES, help="folder with *.txt and meta.yaml")
    ap.add_argument("--out", type=Path, default=CORPUS, help="corpus file to write or check")
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the file differs")
    args = ap.parse_args(argv)
    try:
        content = render(build_documents(args.articles))
    except CorpusError as e:
        print(*e.problems, sep="\n", file=sys.stderr)
        return 2
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else None
        if current != content:
            print(f"{args.out}: out of date; run python {Path(__file__).name}", file=sys.stderr)
            return 1
        print(f"{args.out}: up to date ({content.count(chr(10))} documents)")
        return 0
    args.out.write_text(content, encoding="utf-8")
    print(f"wrote {args.out} ({content.count(chr(10))} documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
