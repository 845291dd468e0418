"""The English cue lexicon (``en.yaml``, schema summitry-lexicon/1), kept as data and checked on load.

The Chinese engine keeps its own lexicon, ``zh.yaml``, with a schema of its own (see
``summitry.extract.zh_lexicon``).
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from summitry.yamltext import safe_load

SCHEMA = "summitry-lexicon/1"
EVENT_TYPES = ("visit", "meeting", "multilateral", "call")
STATUS_CUES = ("cancelled", "postponed", "speculated", "planned")
TARGET_MODES = ("right", "left", "none", "by")


class LexiconError(ValueError):
    pass


def _check_pattern(where: str, pattern: object) -> str:
    if not isinstance(pattern, str) or not pattern:
        raise LexiconError(f"{where}: a pattern must be a non-empty string")
    try:
        re.compile(pattern)
    except re.error as e:
        raise LexiconError(f"{where}: bad regular expression {pattern!r}: {e}") from None
    return pattern


def validate(data: Any, name: str) -> dict[str, Any]:
    """Check a lexicon's structure and every pattern; raise LexiconError naming the entry."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise LexiconError(f"{name}: not a {SCHEMA} document")
    triggers = data.get("triggers")
    if not isinstance(triggers, dict) or set(triggers) - set(EVENT_TYPES):
        raise LexiconError(f"{name}: 'triggers' must map event types {EVENT_TYPES} to entries")
    for kind, entries in triggers.items():
        for i, entry in enumerate(entries):
            where = f"{name}: triggers.{kind}[{i}]"
            if not isinstance(entry, dict):
                raise LexiconError(f"{where}: an entry is a mapping with 'pattern' and 'target'")
            _check_pattern(where, entry.get("pattern"))
            if entry.get("target", "right") not in TARGET_MODES:
                raise LexiconError(f"{where}: target must be one of {TARGET_MODES}")
    status = data.get("status") or {}
    if set(status) - set(STATUS_CUES):
        raise LexiconError(f"{name}: 'status' keys must be among {STATUS_CUES}")
    from summitry.records import LEVELS

    for office, levels in (data.get("pair_levels") or {}).items():
        if not isinstance(levels, list) or not levels or set(levels) - set(LEVELS):
            raise LexiconError(f"{name}: pair_levels.{office} must be a list of levels among {LEVELS}")
    for country, titles in (data.get("national_titles") or {}).items():
        if not (isinstance(country, str) and len(country) == 3 and country.isupper() and isinstance(titles, dict)
                and all(isinstance(t, str) and isinstance(o, str) for t, o in titles.items())):
            raise LexiconError(f"{name}: national_titles.{country} must map titles to office keys")
    for key, value in data.items():
        if key in ("schema", "lang", "triggers", "pair_levels", "national_titles"):
            continue
        groups = value.items() if isinstance(value, dict) else [(key, value)]
        for group, patterns in groups:
            if not isinstance(patterns, list):
                raise LexiconError(f"{name}: {key}.{group} must be a list of patterns")
            for i, p in enumerate(patterns):
                _check_pattern(f"{name}: {key}.{group}[{i}]", p)
    return data


@cache
def load(lang: str) -> dict[str, Any]:
    name = f"{lang}.yaml"
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return validate(safe_load(text), name)


def alternation(patterns: list[str]) -> str:
    """One regular expression that matches any of the patterns, longest first."""
    return "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))
