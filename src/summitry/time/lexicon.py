"""The word lists of the date grammar, loaded from ``data/words.yaml`` and checked against its schema."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from summitry.yamltext import safe_load

DATA_DIR = Path(__file__).resolve().parent / "data"
WORDS_FILE = DATA_DIR / "words.yaml"
SCHEMA_FILE = DATA_DIR / "words.schema.json"


class LexiconError(ValueError):
    """The word file is not what the grammar needs; the message names the file and line."""


def _line_of(node: yaml.Node | None, path: list[Any]) -> int | None:
    """1-based line of the YAML node at ``path`` (keys as the schema validator reports them)."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in path:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if str(k.value) == str(key):
                    node = v
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            return line
        line = node.start_mark.line + 1
    return line


def load_words(path: Path = WORDS_FILE) -> dict[str, Any]:
    """Read and validate a word file; raise LexiconError naming the file and line of the first fault."""
    text = path.read_text(encoding="utf-8")
    try:
        data = safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise LexiconError(f"{where}: not valid YAML: {exc}") from exc
    # JSON has only string keys; the schema speaks of month and weekday numbers as strings.
    plain = json.loads(json.dumps(data, ensure_ascii=False))
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(plain), key=lambda e: list(e.path))
    if errors:
        err = errors[0]
        line = _line_of(yaml.compose(text), list(err.path))
        where = "/".join(str(p) for p in err.path) or "(top)"
        raise LexiconError(f"{path}:{line}: {where}: {err.message}")
    return plain


@cache
def words() -> dict[str, Any]:
    """The package's word lists (validated once, then cached)."""
    return load_words()
