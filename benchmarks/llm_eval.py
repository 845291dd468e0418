"""The evaluation table of the llm and hybrid engines on the development set, against a server named
on the command line, with what the model cost: tokens, requests and seconds per document.

    python benchmarks/llm_eval.py --base-url http://127.0.0.1:8000/v1 --model qwen2.5-7b-instruct
    python benchmarks/llm_eval.py --base-url URL --model NAME --engine llm hybrid --budget 2000000
    python benchmarks/llm_eval.py --gold examples/gold.json --corpus examples/corpus.jsonl --base-url URL --model NAME
    python benchmarks/llm_eval.py --share      # what the hybrid engine sends of the development set (no server)

The rows are those of ``benchmarks/evaluation.py`` (same scorer, same columns) with three more:
tokens (prompt + completion), requests (retries included) and wall-clock seconds, each per
document. The API key is read from $SUMMITRY_LLM_API_KEY; a TOML file of further settings goes in
--config (see ``summitry.extract.llm.settings``). Answers are cached as for ``summitry extract``:
a second run costs nothing and measures only grounding, so --no-cache times the server.

``--share`` runs the rule engines only and counts, per development-set half, the characters and
sentences of the documents against those the hybrid engine would send (its excerpts), and those
the llm engine would send (every document, with the overlap of long ones).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluation import HEADER, devset_golds, score_rows, scored_docs

from summitry.extract.llm import end_run, load_settings, start_run
from summitry.pipeline import extract_events

COST_HEADER = " tokens / doc | requests / doc | seconds / doc |"


def corpora(args: argparse.Namespace) -> list[tuple[str, Path, Path]]:
    if args.gold:
        if not args.corpus:
            raise SystemExit("--gold needs --corpus")
        return [(args.gold.stem, args.corpus, args.gold)]
    found = devset_golds()
    if not found:
        raise SystemExit("no development-set gold with its corpus found (devset/*.gold.json, ../shared/corpus/real)")
    return found


def evaluate(args: argparse.Namespace) -> None:
    overrides = {"base_url": args.base_url, "model": args.model, "budget_tokens": args.budget,
                 "concurrency": args.concurrency, "use_cache": False if args.no_cache else None,
                 "progress": False}
    settings = load_settings(overrides, args.config)
    print(f"# {settings.describe()}", file=sys.stderr)
    print(HEADER.replace("\n", " engine |" + COST_HEADER + "\n", 1) + "---|---|---|---|", flush=True)
    for engine in args.engine:
        for name, corpus, gold_path in corpora(args):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            docs = scored_docs(corpus, gold)
            if args.limit:
                docs = docs[:args.limit]
                gold = {**gold, "documents": [d.id for d in docs]}
                gold["events"] = [g for g in gold["events"] if set(g["mentions"]) & set(gold["documents"])]
            run = start_run(settings, len(docs))
            began = time.perf_counter()
            try:
                events = extract_events(docs, engine=engine)
            finally:
                end_run()
            seconds = time.perf_counter() - began
            n = max(1, len(docs))
            extra = (f" {engine} | {run.usage.tokens / n:,.0f} | {run.usage.requests / n:.2f} | {seconds / n:.2f} |")
            for row in score_rows(name, gold, docs, [e.to_dict() for e in events], extra):
                print(row, flush=True)
            for line in run.summary():
                print(f"# {engine}, {name}: {line}", file=sys.stderr)


def share(args: argparse.Namespace) -> None:
    """What of the development set each engine would send: characters and sentences of the texts,
    and the requests with their whole prompts (instructions included)."""
    from summitry.extract import engine_for
    from summitry.extract.llm import prompt
    from summitry.extract.llm.engine import HybridEngine
    from summitry.extract.llm.passages import document_passages, sentence_spans

    settings = load_settings({}, args.config)

    def prompt_chars(doc, passages, excerpt: bool) -> int:
        return sum(len(m["content"]) for p in passages
                   for m in prompt.messages(doc, p.text(doc), excerpt, settings.response_format == "json_object"))

    print("| corpus | documents | characters | sentences | hybrid: requests | hybrid: characters sent "
          "| hybrid: sentences sent | hybrid: prompt characters | llm: requests | llm: prompt characters |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, corpus, gold_path in corpora(args):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        docs = scored_docs(corpus, gold)
        chars = sentences = 0
        hybrid = {"requests": 0, "chars": 0, "sentences": 0, "prompt": 0}
        llm = {"requests": 0, "prompt": 0}
        for doc in docs:
            spans = sentence_spans(doc)
            chars += len(doc.text)
            sentences += len(spans)
            whole = document_passages(doc, settings.chunk_chars, settings.overlap_sentences)
            llm["requests"] += len(whole)
            llm["prompt"] += prompt_chars(doc, whole, False)
            rules = engine_for(doc.lang or "en")
            passages = HybridEngine.passages(doc, rules.extract(doc), rules.trigger_spans(doc),
                                             settings.hybrid_context, settings.chunk_chars)
            ranges = [r for p in passages for r in p.ranges]
            hybrid["requests"] += len(passages)
            hybrid["chars"] += sum(b - a for a, b in ranges)
            hybrid["sentences"] += sum(1 for s in spans if any(a <= s[0] and s[1] <= b for a, b in ranges))
            hybrid["prompt"] += prompt_chars(doc, passages, True)
        label = f"{name} ({corpus.name.split('-')[0]})"
        print(f"| {label} | {len(docs)} | {chars:,} | {sentences:,} | {hybrid['requests']} | "
              f"{hybrid['chars']:,} ({hybrid['chars'] / chars:.1%}) | "
              f"{hybrid['sentences']:,} ({hybrid['sentences'] / sentences:.1%}) | "
              f"{hybrid['prompt']:,} ({hybrid['prompt'] / llm['prompt']:.1%} of llm's) | {llm['requests']} | "
              f"{llm['prompt']:,} |", flush=True)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base-url", help="the server's OpenAI-compatible API root, e.g. http://127.0.0.1:8000/v1")
    ap.add_argument("--model", help="the model's name on that server")
    ap.add_argument("--config", help="a TOML file of llm settings")
    ap.add_argument("--engine", nargs="+", default=["hybrid"], choices=("llm", "hybrid"),
                    help="engines to evaluate (default: hybrid)")
    ap.add_argument("--budget", type=int, help="tokens each corpus may spend")
    ap.add_argument("--concurrency", type=int, help="requests in flight at once")
    ap.add_argument("--no-cache", action="store_true", help="ask the server again (to time it)")
    ap.add_argument("--limit", type=int, help="the first N scored documents of each corpus only")
    ap.add_argument("--gold", type=Path, help="a gold file instead of the development set")
    ap.add_argument("--corpus", type=Path, help="the documents of --gold")
    ap.add_argument("--share", action="store_true", help="count what the hybrid engine sends; no server needed")
    args = ap.parse_args(argv)
    if args.share:
        share(args)
        return
    if not (args.base_url and args.model):
        ap.error("--base-url and --model name the server (or --share, which needs none)")
    evaluate(args)


if __name__ == "__main__":
    main()
