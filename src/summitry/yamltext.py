"""YAML text read into plain data by libyaml's parser where PyYAML was built with it, else by
PyYAML's own: the same data, about eight times faster. Every process that extracts reads the
lexicons when it builds its engines (a worker too, where it is not forked with them), so this is
paid on each start."""
from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load(text)``; a ``yaml.YAMLError`` (with its line) for text that is not YAML."""
    return yaml.load(text, Loader=_LOADER)  # a safe loader: the C one, or the Python one
