"""The command line's LLM options, shared by ``extract``, ``eval`` and ``ingest``, and the run they
configure. Imports nothing heavy: every command's parser is built with these options."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from summitry.extract import EngineUnavailable

LLM_ENGINES = ("llm", "hybrid")

# option -> setting
_OPTIONS = {
    "llm_base_url": "base_url",
    "llm_model": "model",
    "llm_concurrency": "concurrency",
    "llm_timeout": "timeout",
    "llm_retries": "retries",
    "llm_budget": "budget_tokens",
    "llm_price_prompt": "price_prompt",
    "llm_price_completion": "price_completion",
    "llm_cache_dir": "cache_dir",
    "llm_chunk_chars": "chunk_chars",
    "llm_context": "hybrid_context",
    "llm_response_format": "response_format",
}


def add_engine_options(p: argparse.ArgumentParser) -> None:
    """--engine and the options of the llm and hybrid engines."""
    p.add_argument("--engine", help="extraction engine by name: rules-en, rules-zh (the default, by language), "
                                    "llm, hybrid")
    g = p.add_argument_group("LLM engine (--engine llm or hybrid; the API key only from $SUMMITRY_LLM_API_KEY)")
    g.add_argument("--llm-base-url", metavar="URL",
                   help="the OpenAI-compatible API root, e.g. http://127.0.0.1:8000/v1 ($SUMMITRY_LLM_BASE_URL)")
    g.add_argument("--llm-model", metavar="NAME", help="the model's name on that server ($SUMMITRY_LLM_MODEL)")
    g.add_argument("--llm-config", metavar="FILE", help="a TOML file of llm settings ($SUMMITRY_LLM_CONFIG)")
    g.add_argument("--llm-concurrency", type=int, metavar="N", help="requests in flight at once (default 4)")
    g.add_argument("--llm-timeout", type=float, metavar="SECONDS", help="per request (default 120)")
    g.add_argument("--llm-retries", type=int, metavar="N",
                   help="retries after a 429, 5xx or time-out, with backoff (default 4)")
    g.add_argument("--llm-budget", type=int, metavar="TOKENS",
                   help="stop sending requests once the run has spent this many tokens")
    g.add_argument("--llm-price-prompt", type=float, metavar="USD", help="price per million prompt tokens")
    g.add_argument("--llm-price-completion", type=float, metavar="USD", help="price per million completion tokens")
    g.add_argument("--llm-cache-dir", metavar="DIR", help="where answers are kept (default: the user cache)")
    g.add_argument("--llm-no-cache", action="store_true", help="neither read nor write cached answers")
    g.add_argument("--llm-chunk-chars", type=int, metavar="N", help="characters per request at most (default 6000)")
    g.add_argument("--llm-context", type=int, metavar="N",
                   help="hybrid: sentences sent on either side of a trigger (default 1)")
    g.add_argument("--llm-response-format", choices=("auto", "json_schema", "json_object"),
                   help="auto (default): a JSON schema, else plain JSON mode where the server has no schemas")
    g.add_argument("--llm-progress", action=argparse.BooleanOptionalAction, default=None,
                   help="a progress bar with tokens and cost (default: when standard error is a terminal)")


def settings_from_args(args: argparse.Namespace):
    from pathlib import Path

    from summitry.extract.llm.settings import SettingsError, load_settings

    overrides: dict[str, Any] = {setting: getattr(args, option, None) for option, setting in _OPTIONS.items()}
    if overrides.get("cache_dir") is not None:
        overrides["cache_dir"] = Path(overrides["cache_dir"])
    if getattr(args, "llm_no_cache", False):
        overrides["use_cache"] = False
    overrides["progress"] = getattr(args, "llm_progress", None)
    try:
        return load_settings(overrides, getattr(args, "llm_config", None))
    except SettingsError as e:
        raise EngineUnavailable(f"llm: {e}") from None


@contextmanager
def engine_run(args: argparse.Namespace, total_documents: int | None = None) -> Iterator[Any]:
    """For --engine llm or hybrid, the run of requests the command makes, its summary printed on
    standard error at the end; nothing for the other engines."""
    if getattr(args, "engine", None) not in LLM_ENGINES:
        yield None
        return
    from summitry.extract.llm.transport import end_run, start_run

    run = start_run(settings_from_args(args), total_documents)
    try:
        yield run
    except BaseException:
        end_run(wait=False)  # interrupted or stopped: do not wait for answers nobody will read
        raise
    else:
        end_run()
    finally:
        for line in run.summary():
            print(f"summitry: {line}", file=sys.stderr)
