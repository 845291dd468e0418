"""The LLM engines: events read by a language model behind any OpenAI-compatible server (vLLM,
llama.cpp, Ollama, LM Studio, a hosted API), kept inside summitry's pipeline.

    summitry extract news.jsonl --engine llm --llm-base-url http://127.0.0.1:8000/v1 --llm-model NAME
    summitry extract news.jsonl --engine hybrid ...     # the rules first, the model where they fall short

The model only reads and quotes; summitry does the rest, as for the rule engines:

- ``prompt``: what the model is asked (events with a verbatim evidence quote, names and dates as
  written) and the JSON schema of its answer;
- ``passages``: what of a document one request carries (long documents cut between sentences,
  with overlap; the hybrid engine's excerpts around triggers);
- ``transport``: the requests (structured output with fallbacks, concurrency, retries, the token
  budget, the progress bar) and one run's counts;
- ``cache``: answers kept on disk by model, prompt version and document hash;
- ``grounding``: quotes found in the text, people, places and forums resolved through the
  knowledge base, dates read by ``summitry.time``, records checked against the schema; what is
  not grounded is dropped and counted;
- ``engine``: the ``llm`` and ``hybrid`` engines (entry points of ``summitry.engines``);
- ``settings`` and ``cli``: configuration (options, environment, a TOML file; the API key from
  ``SUMMITRY_LLM_API_KEY`` only).

The ``openai`` package is an optional dependency (``pip install 'summitry[llm]'``).
"""
from typing import TYPE_CHECKING

from summitry.lazy import lazy_exports

if TYPE_CHECKING:
    from summitry.extract.llm.engine import HybridEngine, LLMEngine
    from summitry.extract.llm.settings import LLMSettings, load_settings
    from summitry.extract.llm.transport import (
        BudgetSpent,
        LLMFatal,
        LLMRun,
        ServerUnavailable,
        end_run,
        start_run,
    )

# imported when first asked for: every command's parser reads this package's options module
__getattr__, __dir__ = lazy_exports(__name__, {
    **dict.fromkeys(["HybridEngine", "LLMEngine"], "summitry.extract.llm.engine"),
    **dict.fromkeys(["LLMSettings", "load_settings"], "summitry.extract.llm.settings"),
    **dict.fromkeys(["BudgetSpent", "LLMFatal", "LLMRun", "ServerUnavailable", "end_run", "start_run"],
                    "summitry.extract.llm.transport"),
})

__all__ = [
    "BudgetSpent",
    "HybridEngine",
    "LLMEngine",
    "LLMFatal",
    "LLMRun",
    "LLMSettings",
    "ServerUnavailable",
    "end_run",
    "load_settings",
    "start_run",
]
