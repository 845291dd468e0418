"""Where an event shows in the text that reports it: its people's names, its trigger word, its date
expressions, its place and forum, as character spans to mark.

The stored record keeps the sentences behind an event, not the words the engine read, so the
spans are found again in the text: names as the knowledge base writes them in either language
(full names, Chinese names, aliases and short forms) and as the record does; the trigger words of
the event's type from the engines' own lexicons; date expressions by the date grammar; the place
and forum by their names. A span is ``{"start", "end", "kind"}`` with ``kind`` one of ``name``,
``trigger``, ``date``, ``place``, ``forum``; offsets count characters of the text given.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from summitry.store.ingest import knowledge_base

KINDS = ("name", "trigger", "date", "place", "forum")
_WORD = re.compile(r"\w", re.UNICODE)


@lru_cache(maxsize=8)
def _trigger_re(lang: str, event_type: str) -> re.Pattern[str] | None:
    if lang == "zh":
        from summitry.extract.zh_lexicon import load_lexicon

        cues = [cue for cue, t in load_lexicon().triggers.items() if t.get("type") == event_type]
        return re.compile("|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))) if cues else None
    from summitry.extract.lexicon import alternation, load

    patterns = [t["pattern"] for t in load("en")["triggers"].get(event_type, [])]
    return re.compile(rf"\b(?:{alternation(patterns)})\b", re.IGNORECASE) if patterns else None


def _surfaces_of_person(name: str) -> set[str]:
    found = {name}
    words = name.split()
    if len(words) > 1 and len(words[-1]) > 2:
        found.add(words[-1])
    kb = knowledge_base()
    person = kb.person(name) if kb is not None else None
    if person is not None:
        found |= {person.name, person.name_zh, *person.aliases, *person.short}
    return {s for s in found if s and len(s) >= 2}


def _surfaces_of_place(name: str) -> set[str]:
    found = {name}
    kb = knowledge_base()
    if kb is not None:
        for place in kb.places_named(name)[:3]:
            found |= {place.name, *place.names_zh}
    return {s for s in found if s and len(s) >= 2}


def _surfaces_of_forum(name: str) -> set[str]:
    found = {name}
    kb = knowledge_base()
    forum = kb.forum(name) if kb is not None else None
    if forum is not None:
        found |= {forum.name, forum.acronym, *forum.aliases, *forum.names_zh}
    return {s for s in found if s and len(s) >= 2}


def _find(text: str, needle: str) -> list[tuple[int, int]]:
    """Where ``needle`` stands in ``text`` (case-insensitive; a Latin needle only as whole words)."""
    spans = []
    lower, low = text.lower(), needle.lower()
    latin = bool(re.match(r"[a-z0-9]", low))
    at = lower.find(low)
    while at >= 0:
        end = at + len(low)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not latin or not (_WORD.match(before) or _WORD.match(after)):
            spans.append((at, end))
        at = lower.find(low, end)
    return spans


def marks(text: str, record: dict[str, Any], lang: str | None, published: str | None = None
          ) -> list[dict[str, Any]]:
    """The spans of ``text`` to mark for the event ``record`` (a summitry-event/1 record), in order,
    without overlaps (a longer span wins over one it overlaps)."""
    lang = lang if lang in ("en", "zh") else ("zh" if re.search(r"[\u4e00-\u9fff]", text) else "en")
    found: list[tuple[int, int, str]] = []
    parties = [record.get("actor") or {}, *(record.get("counterparts") or [])]
    for party in parties:
        if party.get("name"):
            for surface in _surfaces_of_person(party["name"]):
                found += [(s, e, "name") for s, e in _find(text, surface)]
    if record.get("place"):
        for surface in _surfaces_of_place(record["place"]):
            found += [(s, e, "place") for s, e in _find(text, surface)]
    if record.get("forum"):
        for surface in _surfaces_of_forum(record["forum"]):
            found += [(s, e, "forum") for s, e in _find(text, surface)]
    trigger = _trigger_re(lang, record.get("type", ""))
    if trigger is not None:
        found += [(m.start(), m.end(), "trigger") for m in trigger.finditer(text) if m.end() > m.start()]
    try:
        from summitry.time import find_dates

        found += [(d.start, d.end, "date") for d in find_dates(text, lang, published) if d.end > d.start]
    except ValueError:
        pass
    # longest first, then earliest; a span that overlaps one already kept is left out
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(set(found), key=lambda f: (-(f[1] - f[0]), f[0])):
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, kind))
    return [{"start": s, "end": e, "kind": k} for s, e, k in sorted(kept)]
