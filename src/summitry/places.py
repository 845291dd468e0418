"""Whether two places a meeting is reported at are one occasion's place."""
from __future__ import annotations

from collections.abc import Sequence


def places_agree(a: str, b: str, hosts: Sequence[str] = ()) -> bool:
    """The same place, by name."""
    return a == b
