"""Answers kept on disk, so that reading the same documents again sends no request.

An answer is keyed by the model, the prompt version, the document's hash (its text, publication
day and language) and the ranges of it the request carried: a changed document, prompt or model
asks again, anything else is read back. Each answer is one small JSON file (written to a
temporary name, then renamed: a run killed mid-write leaves no half file, and concurrent runs do
not corrupt each other). The server's address is not in the key: the same model behind another
server gives the same answers.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any


def default_cache_dir() -> Path:
    from summitry.kb.cache import cache_dir

    return cache_dir() / "llm"


def answer_key(model: str, prompt_version: str, doc_hash: str, ranges: tuple[tuple[int, int], ...]) -> str:
    raw = json.dumps([model, prompt_version, doc_hash, [list(r) for r in ranges]])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class AnswerCache:
    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored answer (``content`` and the ``usage`` it cost), or None."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and isinstance(data.get("content"), str) else None

    def put(self, key: str, content: str, usage: dict[str, int], model: str) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"model": model, "content": content, "usage": usage}, f, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs a request next time
