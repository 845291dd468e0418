"""The words a regular expression can start with, so that a scan tries it only where one stands.

Trigger patterns are many and each would scan the whole text; instead the text is split into
words once, and a pattern is tried only at the words it can begin with. ``first_words`` reads
the parsed pattern and lists every string it can match up to its first space; ``None`` means it
cannot tell (a repeat, a class too large), and such a pattern is scanned in full.
"""
from __future__ import annotations

import re
import re._constants as C
import re._parser as P

_LIMIT = 2000  # more alternatives than this: give up, scan the pattern in full


def first_words(pattern: str) -> set[str] | None:
    """Lower-case first words of every match of ``pattern`` (case-insensitive), or None."""
    found = _expand(list(P.parse(pattern)), {("", False)})
    if found is None:
        return None
    words = {text.lower() for text, _ in found}
    if "" in words:
        return None
    # The text is looked up by its word tokens (``WORD``), so each first word is keyed by the token it
    # starts with: "chargé" is found at the token "charg". A first word that starts with no token
    # ("'ll") could never be looked up: the pattern is scanned in full.
    keys = {WORD.match(w) for w in words}
    return None if None in keys else {k.group(0) for k in keys}


def _expand(items: list, outs: set[tuple[str, bool]]) -> set[tuple[str, bool]] | None:
    """Extend each (text so far, reached a space) by the items; None when it cannot be told."""
    for op, av in items:
        done = {o for o in outs if o[1]}
        todo = [o for o in outs if not o[1]]
        if not todo:
            return outs
        if op is C.LITERAL:
            ch = chr(av)
            new = {(t, True) if ch == " " else (t + ch, False) for t, _ in todo}
        elif op is C.IN:
            chars = [chr(v) for kind, v in av if kind is C.LITERAL]
            if len(chars) != len(av):
                return None
            new = {(t, True) if c == " " else (t + c, False) for t, _ in todo for c in chars}
        elif op is C.SUBPATTERN:
            new = _expand(av[3], set(todo))
        elif op is C.BRANCH:
            new = set()
            for alt in av[1]:
                sub = _expand(alt, set(todo))
                if sub is None:
                    return None
                new |= sub
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
            sub = _expand(av[2], set(todo))
            new = None if sub is None else sub | set(todo)
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero-width: checked by the full pattern at the candidate position
        else:
            return None
        if new is None or len(new) > _LIMIT:
            return None
        outs = done | new
    return outs


WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
