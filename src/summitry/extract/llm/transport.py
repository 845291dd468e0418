"""Requests to the model's server, and what a run of them costs.

One ``LLMRun`` is one command's worth of requests (``summitry extract``, ``ingest`` or ``eval``):
it holds the client, the answer cache, a pool of ``concurrency`` threads, the counts of tokens,
requests and retries, the token budget and the progress bar. Requests go through the ``openai``
client to any OpenAI-compatible chat completions endpoint:

- the answer is held to a JSON schema (structured output) where the server supports it; a server
  that refuses the schema (HTTP 400/422) is asked again in plain JSON mode, then with no response
  format at all (the schema then travels in the prompt), and the run keeps the first mode that
  worked;
- a 429, a 5xx, a time-out or a broken connection is retried after 1, 2, 4 ... seconds (with
  jitter, at most ``max_backoff``; a ``Retry-After`` the server sends is honoured), ``retries``
  times; then the document is not read (``ServerUnavailable``) and the run goes on;
- a refused key (401/403) or an unknown model or address (404) stops the run (``LLMFatal``);
- once the tokens spent reach the budget, no further request is sent: the documents still waiting
  are not read (``BudgetSpent``), their cached answers still are. Requests already in flight
  finish, so a run may overshoot the budget by at most ``concurrency`` requests;
- an answer that is not JSON is asked for once more; a second bad answer loses that passage's
  events (counted), and is not cached.
"""
from __future__ import annotations

import random
import sys
import threading
import time
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from summitry.extract import DocumentNotRead, EngineUnavailable
from summitry.extract.llm import prompt as prompts
from summitry.extract.llm.cache import AnswerCache, answer_key, default_cache_dir
from summitry.extract.llm.grounding import Tally
from summitry.extract.llm.passages import Passage, document_hash
from summitry.extract.llm.settings import LLMSettings, SettingsError
from summitry.records import Document

# The response formats tried, in order, when the server refuses one: "none" sends no format.
_MODES = ("json_schema", "json_object", "none")
_RETRY_STATUS = {408, 409, 429}


class BudgetSpent(DocumentNotRead):
    pass


class ServerUnavailable(DocumentNotRead):
    pass


class LLMFatal(EngineUnavailable):
    """Nothing more can be read in this run (a refused key, an unknown model or address)."""


@dataclass
class Reply:
    """One passage's answer: its event items, or None when the answer was unusable."""

    items: list[Any] | None
    cached: bool = False
    problem: str | None = None


@dataclass
class Usage:
    requests: int = 0          # HTTP requests sent (retries included)
    retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    estimated: int = 0         # answers whose server reported no usage: tokens estimated from characters
    cached: int = 0            # passages answered from the cache
    answered: int = 0          # passages answered by the server
    malformed: int = 0         # answers that were not JSON with an events list
    cut: int = 0               # answers cut at max_output_tokens
    lost: int = 0              # passages whose answer was unusable even when asked again
    seconds: float = 0.0       # time spent waiting for answers, summed over requests
    modes: Counter = field(default_factory=Counter)

    @property
    def tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


def _require_openai():
    try:
        import openai
    except ImportError:
        raise LLMFatal("the llm engine needs the openai package: pip install 'summitry[llm]'") from None
    return openai


class LLMRun:
    def __init__(self, settings: LLMSettings, total_documents: int | None = None):
        self.settings = settings
        self.usage = Usage()
        self.tally = Tally()
        self.not_read: list[tuple[str, str]] = []  # (document id, why)
        self.documents = 0
        self.began = time.perf_counter()
        self._lock = threading.Lock()
        self._mode = "json_schema" if settings.response_format in ("auto", "json_schema") else "json_object"
        self._params: dict[str, Any] = {"temperature": settings.temperature, "max_tokens": settings.max_output_tokens}
        self._client = None
        self._pool: ThreadPoolExecutor | None = None
        self.cache = (AnswerCache(settings.cache_dir or default_cache_dir()) if settings.use_cache else None)
        self._bar = None
        self._total = total_documents
        self._fatal: LLMFatal | None = None

    # --- the public side ----------------------------------------------------------------------

    def submit(self, doc: Document, passage: Passage, excerpt: bool) -> Future:
        """Ask for ``passage`` of ``doc`` in the pool; the future's result is a ``Reply`` (or it
        raises ``DocumentNotRead`` or ``LLMFatal``)."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.settings.concurrency, thread_name_prefix="summitry-llm")
        return self._pool.submit(self.ask, doc, passage, excerpt)

    def ask(self, doc: Document, passage: Passage, excerpt: bool) -> Reply:
        key = answer_key(self.settings.model or "", prompts.PROMPT_VERSION, document_hash(doc), passage.ranges)
        if self.cache is not None:
            stored = self.cache.get(key)
            if stored is not None:
                try:
                    items = prompts.parse_answer(stored["content"])
                except prompts.MalformedAnswer:
                    pass  # never written so; ask again
                else:
                    with self._lock:
                        self.usage.cached += 1
                    return Reply(items, cached=True)
        text = passage.text(doc)
        problem = None
        for _ in range(2):  # a bad answer is asked for once more
            content, usage = self._request(doc, text, excerpt)
            try:
                items = prompts.parse_answer(content)
            except prompts.MalformedAnswer as e:
                problem = str(e)
                with self._lock:
                    self.usage.malformed += 1
                continue
            with self._lock:
                self.usage.answered += 1
            if self.cache is not None:
                self.cache.put(key, content or "", usage, self.settings.model or "")
            return Reply(items)
        with self._lock:
            self.usage.lost += 1
        return Reply(None, problem=problem)

    def document_done(self, doc: Document, not_read: str | None = None) -> None:
        with self._lock:
            self.documents += 1
            if not_read:
                self.not_read.append((doc.id, not_read))
            self._progress()

    def close(self, wait: bool = True) -> None:
        """Stop the pool: requests not yet begun are cancelled; those in flight are waited for
        (their answers reach the cache) unless ``wait`` is False (an interrupted run)."""
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
            self._pool = None
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    @property
    def cost(self) -> float | None:
        s = self.settings
        if s.price_prompt is None and s.price_completion is None:
            return None
        return ((s.price_prompt or 0.0) * self.usage.prompt_tokens
                + (s.price_completion or 0.0) * self.usage.completion_tokens) / 1e6

    def budget_left(self) -> bool:
        budget = self.settings.budget_tokens
        return budget is None or self.usage.tokens < budget

    def summary(self) -> list[str]:
        """What the run did, for standard error: never the key."""
        u = self.usage
        cost = f", cost ${self.cost:.4f}" if self.cost is not None else ""
        estimated = ", partly estimated" if u.estimated else ""
        lines = [(f"llm: {self.documents} documents, {u.answered + u.cached} passages ({u.cached} from the cache), "
                  f"{u.requests} requests ({u.retries} retries), {u.tokens:,} tokens (prompt {u.prompt_tokens:,}, "
                  f"completion {u.completion_tokens:,}{estimated}){cost}, {time.perf_counter() - self.began:.1f} s")]
        if u.malformed or u.lost:
            lines.append(f"llm: {u.malformed} answers were not JSON; {u.lost} passages lost after asking again")
        if u.cut:
            lines.append(f"llm: {u.cut} answers were cut at max_output_tokens ({self.settings.max_output_tokens}): "
                         "raise it or lower --llm-chunk-chars")
        dropped = self.tally.dropped
        if dropped:
            lines.append(f"llm: {sum(dropped.values())} events dropped as not grounded: "
                         + ", ".join(f"{n} {why}" for why, n in dropped.most_common()))
        if self.tally.notes:
            lines.append("llm: left out of kept events: "
                         + ", ".join(f"{n} {why}" for why, n in self.tally.notes.most_common()))
        if self.not_read:
            reasons = Counter(why for _, why in self.not_read)
            lines.append(f"llm: {len(self.not_read)} documents not read: "
                         + ", ".join(f"{n} {why}" for why, n in reasons.most_common())
                         + " (a re-run reads them; the cache keeps what was read)")
        return lines

    # --- requests -----------------------------------------------------------------------------

    @property
    def client(self):
        with self._lock:
            if self._client is None:
                try:
                    self.settings.check_reachable()
                except SettingsError as e:
                    raise LLMFatal(str(e)) from None
                openai = _require_openai()
                # Retries are ours (counted, budget-aware), so the client makes none of its own. Local
                # servers want no key, but the client insists on one: a placeholder.
                self._client = openai.OpenAI(base_url=self.settings.base_url,
                                             api_key=self.settings.api_key or "no-key",
                                             timeout=self.settings.timeout, max_retries=0)
            return self._client

    def _request(self, doc: Document, text: str, excerpt: bool) -> tuple[str | None, dict[str, int]]:
        """One answer's content and usage, with retries and response-format fallbacks."""
        openai = _require_openai()
        client = self.client
        s = self.settings
        attempt = 0
        mode = self._mode
        params = dict(self._params)
        while True:
            if self._fatal is not None:
                raise self._fatal
            if not self.budget_left():
                raise BudgetSpent(f"the token budget ({s.budget_tokens:,}) is spent")
            kwargs: dict[str, Any] = dict(params)
            if mode != "none":
                kwargs["response_format"] = prompts.response_format(mode)
            began = time.perf_counter()
            with self._lock:
                self.usage.requests += 1
            try:
                response = client.chat.completions.create(
                    model=s.model, messages=prompts.messages(doc, text, excerpt, mode != "json_schema"), **kwargs)
            except (openai.BadRequestError, openai.UnprocessableEntityError) as e:
                self._add_seconds(began)
                adapted = _without_refused(params, _short(e))
                if adapted is not None:  # a parameter this model refuses (a reasoning model's max_tokens)
                    params = adapted
                    continue
                nxt = _next_mode(mode, s.response_format)
                if nxt is None:
                    raise ServerUnavailable(f"the server refused the request: {_short(e)}") from None
                mode = nxt  # the server may not know this response format: try the next one
                continue
            except (openai.AuthenticationError, openai.PermissionDeniedError) as e:
                raise self._fail(f"the server refused the API key (HTTP {e.status_code}): set "
                                 "SUMMITRY_LLM_API_KEY to a key it accepts") from None
            except openai.NotFoundError as e:
                raise self._fail(f"the server does not know model {s.model!r} or the address {s.base_url}: "
                                 f"{_short(e)}") from None
            except (openai.APIConnectionError, openai.RateLimitError, openai.InternalServerError,
                    openai.APIStatusError) as e:
                self._add_seconds(began)
                status = getattr(e, "status_code", None)
                if isinstance(e, openai.APIStatusError) and not isinstance(
                        e, (openai.RateLimitError, openai.InternalServerError)) and status not in _RETRY_STATUS:
                    raise ServerUnavailable(f"the server answered HTTP {status}: {_short(e)}") from None
                if attempt >= s.retries:
                    what = "time-outs" if isinstance(e, openai.APITimeoutError) else (
                        f"HTTP {status}" if status else "connection failures")
                    raise ServerUnavailable(f"the server failed {attempt + 1} times ({what})") from None
                self._wait(attempt, e)
                attempt += 1
                with self._lock:
                    self.usage.retries += 1
                continue
            self._add_seconds(began)
            if mode != self._mode or params != self._params:
                with self._lock:
                    self._mode, self._params = mode, params  # it worked: later requests start here
            return self._account(response, text, mode)

    def _account(self, response, text: str, mode: str) -> tuple[str | None, dict[str, int]]:
        content = None
        if response.choices:
            content = response.choices[0].message.content
            if response.choices[0].finish_reason == "length":
                with self._lock:
                    self.usage.cut += 1
        usage = getattr(response, "usage", None)
        prompt_tokens = getattr(usage, "prompt_tokens", None) if usage is not None else None
        completion_tokens = getattr(usage, "completion_tokens", None) if usage is not None else None
        estimated = prompt_tokens is None or completion_tokens is None
        if estimated:  # about four characters a token (English); a Chinese character is about one
            prompt_tokens = prompt_tokens or _estimate_tokens(prompts.SYSTEM_PROMPT + text)
            completion_tokens = completion_tokens or _estimate_tokens(content or "")
        with self._lock:
            self.usage.prompt_tokens += prompt_tokens
            self.usage.completion_tokens += completion_tokens
            self.usage.estimated += estimated
            self.usage.modes[mode] += 1
            self._progress()
        return content, {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens}

    def _add_seconds(self, began: float) -> None:
        with self._lock:
            self.usage.seconds += time.perf_counter() - began

    def _fail(self, message: str) -> LLMFatal:
        with self._lock:
            self._fatal = LLMFatal(message)
        return self._fatal

    def _wait(self, attempt: int, error: Exception) -> None:
        s = self.settings
        delay = min(s.max_backoff, s.backoff * 2 ** attempt) * (0.5 + random.random() / 2)
        response = getattr(error, "response", None)
        after = response.headers.get("retry-after") if response is not None else None
        if after:
            try:
                delay = min(s.max_backoff, max(delay, float(after)))
            except ValueError:
                pass  # an HTTP date: keep our own delay
        time.sleep(delay)

    # --- progress -----------------------------------------------------------------------------

    def _progress(self) -> None:
        """Called with the lock held: the bar moves with each document, its numbers with each answer."""
        show = self.settings.progress if self.settings.progress is not None else sys.stderr.isatty()
        if not show:
            return
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=self._total, unit="doc", desc="llm", file=sys.stderr, dynamic_ncols=True)
        self._bar.n = self.documents
        cost = f" ${self.cost:.4f}" if self.cost is not None else ""
        self._bar.set_postfix_str(f"{self.usage.tokens:,} tokens{cost}", refresh=False)
        self._bar.refresh()


def _without_refused(params: dict[str, Any], message: str) -> dict[str, Any] | None:
    """The request's parameters without the one the server's error names, or None: some models take
    ``max_completion_tokens`` instead of ``max_tokens``, and only their own ``temperature``."""
    if "max_tokens" in params and "max_tokens" in message:
        out = {k: v for k, v in params.items() if k != "max_tokens"}
        out["max_completion_tokens"] = params["max_tokens"]
        return out
    if "temperature" in params and "temperature" in message:
        return {k: v for k, v in params.items() if k != "temperature"}
    return None


def _next_mode(mode: str, setting: str) -> str | None:
    if setting != "auto":
        return None  # the user asked for this format: no fallback
    i = _MODES.index(mode)
    return _MODES[i + 1] if i + 1 < len(_MODES) else None


def _estimate_tokens(text: str) -> int:
    cjk = sum(1 for c in text if "\u3400" <= c <= "\u9fff")
    return max(1, cjk + (len(text) - cjk) // 4)


def _short(error: Exception) -> str:
    message = getattr(error, "message", None) or str(error)
    return message if len(message) <= 200 else message[:200] + "…"


# --- the current run ------------------------------------------------------------------------------

_current: LLMRun | None = None
_current_lock = threading.Lock()


def start_run(settings: LLMSettings, total_documents: int | None = None) -> LLMRun:
    """Begin a run (ending any before it): engines built by name use it for their requests."""
    global _current
    with _current_lock:
        if _current is not None:
            _current.close()
        _current = LLMRun(settings, total_documents)
        return _current


def end_run(wait: bool = True) -> LLMRun | None:
    global _current
    with _current_lock:
        run, _current = _current, None
    if run is not None:
        run.close(wait)
    return run


def current_run() -> LLMRun:
    """The run begun by the command line, else one with the settings of the environment and
    $SUMMITRY_LLM_CONFIG (begun on first use, for the Python API)."""
    global _current
    with _current_lock:
        if _current is None:
            from summitry.extract.llm.settings import load_settings

            _current = LLMRun(load_settings())
        return _current
