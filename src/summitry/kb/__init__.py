"""summitry.kb: countries, regions, places, forums, offices and office holders, in English and
Chinese, with fast lookups and a text matcher for both extractors.

    from summitry.kb import get_kb
    kb = get_kb()
    kb.country("哈萨克斯坦").iso3                     # 'KAZ'
    kb.resolve_office("CHN", "president", "2022-09-14").name
    [(m.kind, m.surface) for m in kb.matcher("en").find("Kazakh President Tokayev")]
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from summitry.kb.core import KB, as_date
from summitry.kb.records import Country, Edition, Forum, KBMatch, Office, Person, Place, Region, Term
from summitry.kb.schema import DataProblem

__all__ = [
    "KB", "ENV_EXTRA", "get_kb", "extra_dirs_from_env", "as_date",
    "Country", "Edition", "Forum", "KBMatch", "Office", "Person", "Place", "Region", "Term", "DataProblem",
]

ENV_EXTRA = "SUMMITRY_KB_EXTRA"


def extra_dirs_from_env() -> tuple[Path, ...]:
    """Directories named in $SUMMITRY_KB_EXTRA (os.pathsep-separated)."""
    value = os.environ.get(ENV_EXTRA, "")
    return tuple(Path(p) for p in value.split(os.pathsep) if p.strip())


@lru_cache(maxsize=8)
def _cached(dirs: tuple[Path, ...]) -> KB:
    kb = KB.load(list(dirs))
    if kb.problems:
        import warnings

        for problem in kb.problems[:20]:
            warnings.warn(f"summitry.kb: {problem}", stacklevel=3)
    return kb


def get_kb() -> KB:
    """The default KB: package data plus the $SUMMITRY_KB_EXTRA directories (loaded once)."""
    return _cached(extra_dirs_from_env())
