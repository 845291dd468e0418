"""Date expressions in English and Chinese news, normalised to intervals of days.

    >>> from summitry.time import find_dates
    >>> [s.interval.iso() for s in find_dates("in late March", "en", "2023-04-10")]
    [('2023-03-21', '2023-03-31')]

``find_dates(text, lang, published, tense=None)`` returns the date expressions of ``text`` as
``DateSpan``s (character offsets into ``text`` as given, whole expressions, never overlapping),
each with the ``Interval`` it means relative to ``published`` (a day, a month, a year or None).
``tense`` ('past' or 'future') decides between last and next year, last and next Tuesday.
"""
from __future__ import annotations

from datetime import date

from summitry.time.interval import (
    GRANULARITIES,
    KINDS,
    DateSpan,
    Interval,
    parse_published,
)
from summitry.time.resolve import Anchor

LANGS = ("en", "zh")
TENSES = ("past", "future")


def find_dates(text: str, lang: str, published: str | date | Interval | None, tense: str | None = None,
               *, periods: bool = False) -> list[DateSpan]:
    """Date expressions in ``text``, in order.

    ``periods=True`` also returns spans of kind ``period`` (year ranges for statistics: "from 2013
    to 2022", "since 2013", "2013年以来"); by default they are recognised and left out.
    """
    if lang not in LANGS:
        raise ValueError(f"find_dates: language {lang!r} is not one of {', '.join(LANGS)}")
    if tense not in (None, *TENSES):
        raise ValueError(f"find_dates: tense {tense!r} is not 'past', 'future' or None")
    ref = published if isinstance(published, Interval) else parse_published(published)
    anchor = Anchor(ref, tense)
    if not text:
        return []
    if lang == "en":
        from summitry.time import en as grammar
    else:
        from summitry.time import zh as grammar
    return grammar.scan(text, anchor, periods)


def end_from_duration(start: Interval, days: int) -> Interval:
    """The interval of an event that begins on ``start`` and lasts ``days`` days ("a two-day visit")."""
    from datetime import timedelta

    if days < 1:
        raise ValueError(f"a duration is at least one day, not {days}")
    end = start.start + timedelta(days=days - 1)
    if start.granularity == "day":
        return Interval(start.start, end, "day" if days == 1 else "days")
    return Interval(start.start, max(end, start.end), start.granularity)


__all__ = ["find_dates", "DateSpan", "Interval", "parse_published", "end_from_duration",
           "GRANULARITIES", "KINDS"]
