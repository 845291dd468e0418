"""How the LLM engine reaches its server and how much it may spend: one ``LLMSettings``.

Settings come from, in order of precedence: the command line (``--llm-base-url``, ``--llm-model``,
...), the environment (``SUMMITRY_LLM_BASE_URL``, ``SUMMITRY_LLM_MODEL``, ``SUMMITRY_LLM_CONFIG``),
a TOML config file (``--llm-config FILE``: keys as the fields below, at the top or under ``[llm]``),
then the defaults. The API key is read from ``SUMMITRY_LLM_API_KEY`` only: it is never an option
(a command line is visible to every user of the machine) nor a config file key (files get copied
and committed), and it is never printed: ``repr`` and ``describe`` leave it out.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

ENV_BASE_URL = "SUMMITRY_LLM_BASE_URL"
ENV_MODEL = "SUMMITRY_LLM_MODEL"
ENV_CONFIG = "SUMMITRY_LLM_CONFIG"
ENV_API_KEY = "SUMMITRY_LLM_API_KEY"

RESPONSE_FORMATS = ("auto", "json_schema", "json_object")


class SettingsError(ValueError):
    """A setting is missing or wrong; the message says which and where."""


@dataclass(frozen=True)
class LLMSettings:
    #: the server's OpenAI-compatible API root, e.g. http://127.0.0.1:8000/v1
    base_url: str | None = None
    #: the model name the server knows
    model: str | None = None
    #: from SUMMITRY_LLM_API_KEY only; servers that need none get a placeholder
    api_key: str | None = field(default=None, repr=False)
    #: requests in flight at once
    concurrency: int = 4
    #: seconds a request may take before it is abandoned (and retried)
    timeout: float = 120.0
    #: further attempts after a 429, a 5xx, a time-out or a broken connection
    retries: int = 4
    #: seconds before the first retry; each retry waits twice as long (with jitter), at most max_backoff
    backoff: float = 1.0
    max_backoff: float = 60.0
    #: tokens (prompt + completion) the run may spend; None: no limit
    budget_tokens: int | None = None
    #: US dollars per million prompt and completion tokens, for the cost shown (None: not shown)
    price_prompt: float | None = None
    price_completion: float | None = None
    #: answers kept here (default: the user cache directory's llm/); use_cache=False reads and writes none
    cache_dir: Path | None = None
    use_cache: bool = True
    #: a passage sent in one request is at most this many characters, cut between sentences
    chunk_chars: int = 6000
    #: sentences repeated at the start of the next passage of a long document
    overlap_sentences: int = 2
    #: sentences on either side of a trigger the hybrid engine sends
    hybrid_context: int = 1
    #: auto: a JSON schema for the answer, else plain JSON mode when the server refuses schemas
    response_format: str = "auto"
    max_output_tokens: int = 4096
    temperature: float = 0.0
    #: a progress bar on standard error: None shows it when standard error is a terminal
    progress: bool | None = None

    def __post_init__(self) -> None:
        if self.concurrency < 1:
            raise SettingsError(f"concurrency must be at least 1, not {self.concurrency}")
        if self.retries < 0:
            raise SettingsError(f"retries must be 0 or more, not {self.retries}")
        if self.timeout <= 0:
            raise SettingsError(f"timeout must be positive, not {self.timeout}")
        if self.budget_tokens is not None and self.budget_tokens < 0:
            raise SettingsError(f"budget_tokens must be 0 or more, not {self.budget_tokens}")
        if self.chunk_chars < 200:
            raise SettingsError(f"chunk_chars must be at least 200, not {self.chunk_chars}")
        if self.overlap_sentences < 0 or self.hybrid_context < 0:
            raise SettingsError("overlap_sentences and hybrid_context must be 0 or more")
        if self.response_format not in RESPONSE_FORMATS:
            raise SettingsError(f"response_format must be one of {', '.join(RESPONSE_FORMATS)}, "
                                f"not {self.response_format!r}")

    def check_reachable(self) -> None:
        """Raise unless a request can be sent: a server and a model are named."""
        server = "a server (--llm-base-url, $SUMMITRY_LLM_BASE_URL or base_url in the config file)"
        model = "a model (--llm-model, $SUMMITRY_LLM_MODEL or model in the config file)"
        missing = [what for what, value in ((server, self.base_url), (model, self.model)) if not value]
        if missing:
            raise SettingsError("the llm engine needs " + " and ".join(missing))

    def describe(self) -> str:
        """One line for logs: where requests go, never the key."""
        key = "an API key from $SUMMITRY_LLM_API_KEY" if self.api_key else "no API key"
        return f"model {self.model} at {self.base_url}, {key}, {self.concurrency} requests at once"


_FIELDS = {f.name: f for f in fields(LLMSettings)}
_FILE_KEYS = set(_FIELDS) - {"api_key"}


def _coerce(name: str, value: Any, where: str) -> Any:
    """A config file's or the environment's value as the field's type."""
    kind = _FIELDS[name].type
    try:
        if value is None:
            return None
        if "bool" in kind:
            if isinstance(value, bool):
                return value
            return str(value).strip().lower() in ("1", "true", "yes", "on")
        if kind.startswith("int"):
            if isinstance(value, bool):
                raise ValueError
            return int(value)
        if kind.startswith("float"):
            return float(value)
        if "Path" in kind:
            return Path(str(value)).expanduser()
        return str(value)
    except (TypeError, ValueError):
        raise SettingsError(f"{where}: {name} must be {kind}, not {value!r}") from None


def read_config_file(path: str | Path) -> dict[str, Any]:
    """The settings a TOML file gives (top-level keys or an [llm] table), checked key by key."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise SettingsError(f"{path}: cannot read the llm config file: {e.strerror or e}") from None
    except tomllib.TOMLDecodeError as e:
        raise SettingsError(f"{path}: not TOML: {e}") from None
    if isinstance(data.get("llm"), dict):
        data = data["llm"]
    out = {}
    for key, value in data.items():
        if key in ("api_key", "key", "token"):
            raise SettingsError(f"{path}: {key}: the API key is read only from ${ENV_API_KEY}, never from a file")
        if key not in _FILE_KEYS:
            raise SettingsError(f"{path}: unknown setting {key!r} (known: {', '.join(sorted(_FILE_KEYS))})")
        out[key] = _coerce(key, value, str(path))
    return out


def load_settings(overrides: dict[str, Any] | None = None, config_file: str | Path | None = None,
                  environ: dict[str, str] | None = None) -> LLMSettings:
    """Settings from the command line's ``overrides`` (None values ignored), the environment, the
    config file (``config_file`` or $SUMMITRY_LLM_CONFIG) and the defaults."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    config_file = config_file or env.get(ENV_CONFIG) or None
    if config_file:
        values.update(read_config_file(config_file))
    for name, var in (("base_url", ENV_BASE_URL), ("model", ENV_MODEL)):
        if env.get(var):
            values[name] = env[var]
    for name, value in (overrides or {}).items():
        if value is not None:
            if name not in _FILE_KEYS:
                raise SettingsError(f"unknown llm setting {name!r}")
            values[name] = value
    values["api_key"] = env.get(ENV_API_KEY) or None
    return LLMSettings(**values)


def with_changes(settings: LLMSettings, **changes: Any) -> LLMSettings:
    return replace(settings, **changes)
