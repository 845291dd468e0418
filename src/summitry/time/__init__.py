"""Date expressions in English and Chinese news, normalised to intervals of days.

    >>> from summitry.time import find_dates
    >>> [s.interval.iso() for s in find_dates("in late March", "en", "2023-04-10")]
    [('2023-03-21', '2023-03-31')]

``find_dates(text, lang, published, tense=None)`` returns the date expressions of ``text`` as
``DateSpan``s (character offsets into ``text`` as given, whole expressions, never overlapping,
in order), each with the ``Interval`` it means relative to ``published``.

How expressions are placed (the word file ``data/words.yaml`` holds the sizes):

- The publication date may be a day, a month, a year or None. A relative expression is worked
  out from both ends of it and the results joined: "last month" in a paper dated "2023" is
  2022-12-01..2023-11-30 with granularity ``year``; with no publication date it has no interval.
- A date without its year ("September 14", "9月14日", "November") takes the year that overlaps
  the publication date, else the nearest; ``tense='past'`` takes the last one on or before
  publication (3 days' slack), ``'future'`` the next one. A day alone ("14日", "on the 14th")
  takes its month the same way; a weekday stated beside a date ("Monday (September 5)") keeps
  the years in which the date falls on that weekday, and the span is one absolute date.
- A weekday alone: the last such day on or before publication (past or no tense), the next on or
  after it (future); "last Friday"/"next Monday" strictly before/after; "this Thursday", 本周四,
  上周一 that day of the week (weeks run Monday to Sunday).
- Parts: early/mid/late of a month are days 1-10, 11-20, 21-end ("the end of March" is late
  March; 上旬/中旬/下旬, 月初/月底 alike); of a year Jan-Apr, May-Aug, Sep-Dec; the beginning
  (年初) Jan-Mar, the end (年底) Oct-Dec; halves and quarters as named. Seasons are
  meteorological: spring Mar-May ... winter Dec-Feb of the next year.
- Windows: "in the past two months" runs from two months before publication to it; "in the
  coming months", "soon", "recently", 近日 are fixed windows around it (granularity ``vague``);
  "earlier this month" runs from the 1st to publication, "later this year" from it to Dec 31.
- "10 years ago", 10年前, "a decade earlier" are the calendar year ten years back.
- Durations ("a two-day visit", 为期两天, "3 days and 2 nights") have no interval and ``days``
  set; ``end_from_duration(start, days)`` gives the interval of an event from its first day.
- Periods for statistics ("from 2013 to 2022", "since 2013", "2013 to the outbreak", 2013年以来)
  are recognised and left out unless ``periods=True``.
- Not dates: ordinals ("the 20th National Congress", 二十大), counts ("34 days", 34天, "2000
  troops"), "may" the verb and "May" the name, G20, COVID-19, numbers in file names and URLs.

The grammar is a list of regular expressions per language, joined into one and applied only
around trigger tokens (digits, month and weekday names, unit words, 年/月/日/周 ...), so the scan
costs about one regex search over the text (see ``benchmarks/time_throughput.py``).
"""
from __future__ import annotations

from datetime import date, timedelta

from summitry.time.interval import (
    GRANULARITIES,
    KINDS,
    DateSpan,
    Interval,
    parse_published,
)

LANGS = ("en", "zh")
TENSES = ("past", "future")


def find_dates(text: str, lang: str, published: str | date | Interval | None, tense: str | None = None,
               *, periods: bool = False, within: list[tuple[int, int]] | None = None) -> list[DateSpan]:
    """Date expressions in ``text``, in order.

    ``periods=True`` also returns spans of kind ``period`` (year ranges for statistics: "from 2013
    to 2022", "since 2013", "2013年以来"); by default they are recognised and left out.
    ``within``: sorted, non-overlapping (start, end) ranges of ``text`` that end between words
    (the sentences a caller needs dates in); only the expressions whose trigger word (the digit, month, weekday or unit
    word each holds) lies inside one are found, each read as a whole-text scan reads it.
    """
    if lang not in LANGS:
        raise ValueError(f"find_dates: language {lang!r} is not one of {', '.join(LANGS)}")
    if tense not in (None, *TENSES):
        raise ValueError(f"find_dates: tense {tense!r} is not 'past', 'future' or None")
    from summitry.time.resolve import Anchor  # its word lists (YAML, checked by jsonschema) only when used

    ref = published if isinstance(published, Interval) else parse_published(published)
    anchor = Anchor(ref, tense)
    if not text:
        return []
    if lang == "en":
        from summitry.time import en as grammar
    else:
        from summitry.time import zh as grammar
    return grammar.scan(text, anchor, periods, within)


def end_from_duration(start: Interval, days: int) -> Interval:
    """The interval of an event that begins on ``start`` and lasts ``days`` days ("a two-day visit")."""
    if days < 1:
        raise ValueError(f"a duration is at least one day, not {days}")
    end = start.start + timedelta(days=days - 1)
    if start.granularity == "day":
        return Interval(start.start, end, "day" if days == 1 else "days")
    return Interval(start.start, max(end, start.end), start.granularity)


__all__ = [
    "GRANULARITIES",
    "KINDS",
    "DateSpan",
    "Interval",
    "end_from_duration",
    "find_dates",
    "parse_published",
]
