"""summitry.kb: countries, regions, places, forums, offices and office holders, in English and
Chinese, with fast lookups and a text matcher for both extractors.

    from summitry.kb import get_kb
    kb = get_kb()                                   # package data + $SUMMITRY_KB_EXTRA directories
    kb.country("哈萨克斯坦").iso3                     # 'KAZ' (codes, names, aliases, demonyms)
    kb.resolve_office("CHN", "president", "2022-09-14").name      # 'Xi Jinping'
    kb.holders("CHN", "state_councilor", "2022-09-14")           # everyone, best first
    kb.place("Victoria", context=("CAN",)).country               # 'CAN'
    kb.edition("sco", "2022-09-16").city                         # 'Samarkand'
    [(m.kind, m.surface) for m in kb.matcher("en").find("Kazakh President Tokayev")]

Choices the extractors rely on:
- ``KBMatch.record`` is one record, except when a person's name or short form is shared by
  several people: then it is a tuple of the Persons, most recently appointed first
  (``kb.people_by_short(short)`` gives the same tuple for a short form).
- Chinese keys are simplified; ``kb.lookup``/``country``/``place``/``forum`` also accept
  traditional characters (converted with opencc). The matcher expects simplified text.
- Chinese country abbreviations give one match per country on its own characters
  (中美 -> 中 CHN, 美 USA); a place fused with its title (湖南省委书记) gives a place and an office.
- ``resolve_office`` accepts an office key, a level or a title in English or Chinese, and an
  optional ``region`` for subnational offices.
- Loading: the compiled KB is pickled into the user cache ($SUMMITRY_CACHE_DIR, else
  $XDG_CACHE_HOME/summitry, else ~/.cache/summitry), keyed by a hash of the data files, the KB
  code and the versions of the packages it is built from. After loading, ``gc.freeze()`` moves
  the KB's objects out of the garbage collector's way (the KB lives as long as the process).
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from summitry.kb.records import Country, Edition, Forum, KBMatch, Office, Person, Place, Region, Term
from summitry.lazy import lazy_exports

if TYPE_CHECKING:
    from summitry.kb.core import KB, as_date
    from summitry.kb.schema import DataProblem

# the knowledge base's code (and what it builds with) only when it is used, not at every start-up
__getattr__, __dir__ = lazy_exports(__name__, {**dict.fromkeys(["KB", "as_date"], "summitry.kb.core"),
                                               "DataProblem": "summitry.kb.schema"})

__all__ = [
    "ENV_EXTRA",
    "KB",
    "Country",
    "DataProblem",
    "Edition",
    "Forum",
    "KBMatch",
    "Office",
    "Person",
    "Place",
    "Region",
    "Term",
    "as_date",
    "extra_dirs_from_env",
    "get_kb",
]

ENV_EXTRA = "SUMMITRY_KB_EXTRA"


def extra_dirs_from_env() -> tuple[Path, ...]:
    """Directories named in $SUMMITRY_KB_EXTRA (os.pathsep-separated)."""
    value = os.environ.get(ENV_EXTRA, "")
    return tuple(Path(p) for p in value.split(os.pathsep) if p.strip())


@lru_cache(maxsize=8)
def _cached(dirs: tuple[Path, ...]) -> KB:
    from summitry.kb.core import KB

    kb = KB.load(list(dirs))
    if kb.problems:
        import warnings

        for problem in kb.problems[:20]:
            warnings.warn(f"summitry.kb: {problem}", stacklevel=3)
        if len(kb.problems) > 20:
            warnings.warn(f"summitry.kb: {len(kb.problems) - 20} more problems "
                          "(summitry kb stats --problems lists them all)", stacklevel=3)
    return kb


def get_kb() -> KB:
    """The default KB: package data plus the $SUMMITRY_KB_EXTRA directories (loaded once)."""
    return _cached(extra_dirs_from_env())
