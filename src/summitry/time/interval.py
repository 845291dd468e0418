"""Intervals of days, the spans that carry them, and the publication date they are anchored to."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

#: from finest to coarsest; ``vague`` windows are as coarse as a year for precision
GRANULARITIES = ("day", "days", "week", "part", "month", "season", "quarter", "year", "decade", "vague")
_RANK = {g: i for i, g in enumerate(GRANULARITIES)}
_RANK["vague"] = _RANK["year"]
_PRECISION = {"day": "day", "days": "day", "week": "month", "part": "month", "month": "month"}

KINDS = ("absolute", "range", "relative", "weekday", "part", "vague", "duration", "period")


@dataclass(frozen=True)
class Interval:
    """The days (both ends inclusive) a date expression can mean, and how finely it says so."""

    start: date
    end: date
    granularity: str

    def __post_init__(self) -> None:
        if self.granularity not in _RANK:
            raise ValueError(f"unknown granularity {self.granularity!r}")
        if self.end < self.start:
            raise ValueError(f"interval ends ({self.end}) before it starts ({self.start})")

    @property
    def precision(self) -> str:
        """``day``, ``month`` or ``year``: what an event record built on this interval may claim."""
        return _PRECISION.get(self.granularity, "year")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def iso(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()

    def to_dict(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "granularity": self.granularity, "precision": self.precision}

    def overlaps(self, other: Interval) -> bool:
        return self.start <= other.end and other.start <= self.end

    def within(self, other: Interval) -> bool:
        return other.start <= self.start and self.end <= other.end

    def gap(self, other: Interval) -> int:
        """Days between the two intervals (0 when they overlap)."""
        if self.overlaps(other):
            return 0
        return (other.start - self.end).days if self.end < other.start else (self.start - other.end).days

    def hull(self, other: Interval, granularity: str | None = None) -> Interval:
        return Interval(min(self.start, other.start), max(self.end, other.end),
                        granularity or coarser(self.granularity, other.granularity))


def coarser(a: str, b: str) -> str:
    return a if _RANK[a] >= _RANK[b] else b


@dataclass(frozen=True)
class DateSpan:
    """A date expression found in a text: character offsets, its kind, and what it means.

    ``interval`` is None when the expression cannot be placed (no usable publication date, or a
    duration); ``days`` is set for durations ("a two-day visit" -> 2).
    """

    start: int
    end: int
    text: str
    kind: str
    interval: Interval | None
    days: int | None = None

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
                "interval": self.interval.to_dict() if self.interval else None, "days": self.days}


# --- calendar helpers --------------------------------------------------------------------------

_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def last_day(year: int, month: int) -> int:
    # (what calendar.monthrange(year, month)[1] gives, without working out the weekday too: this is
    # asked for every candidate year of every date read)
    if not 1 <= month <= 12:
        raise calendar.IllegalMonthError(month)
    return 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month]


def shift_month(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1 <= year <= 9999):
        return None
    if day > 28 and day > last_day(year, month):  # (every month has 28 days)
        return None
    return date(year, month, day)


def day_iv(d: date) -> Interval:
    return Interval(d, d, "day")


def month_iv(year: int, month: int, granularity: str = "month") -> Interval:
    return Interval(date(year, month, 1), date(year, month, last_day(year, month)), granularity)


def months_iv(year: int, first: int, last: int, granularity: str) -> Interval:
    """Months ``first``..``last`` of ``year``; when ``last`` < ``first`` the span runs into the next year."""
    end_year = year + 1 if last < first else year
    return Interval(date(year, first, 1), date(end_year, last, last_day(end_year, last)), granularity)


def year_iv(year: int, granularity: str = "year") -> Interval:
    return Interval(date(year, 1, 1), date(year, 12, 31), granularity)


def week_iv(d: date) -> Interval:
    """The Monday-to-Sunday week holding ``d``."""
    monday = d - timedelta(days=d.weekday())
    return Interval(monday, monday + timedelta(days=6), "week")


def add_months(d: date, n: int) -> date:
    y, m = shift_month(d.year, d.month, n)
    return date(y, m, min(d.day, last_day(y, m)))


def add_years(d: date, n: int) -> date:
    y = d.year + n
    return date(y, d.month, min(d.day, last_day(y, d.month)))


# --- the publication date ----------------------------------------------------------------------

_PUBLISHED = re.compile(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][0-9:.+\-Z ]*)?\s*")


def parse_published(value: str | date | None) -> Interval | None:
    """The publication date as an interval: a day, a month or a year; None when unknown.

    Accepts 'YYYY-MM-DD' (a time after it is ignored), 'YYYY-MM', 'YYYY', a date, or None/''.
    Raises ValueError on any other string, TypeError on any other type.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return day_iv(value.date())
    if isinstance(value, date):
        return day_iv(value)
    if not isinstance(value, str):
        raise TypeError(f"published date must be a string, a date or None, not {type(value).__name__}")
    if not value.strip():
        return None
    m = _PUBLISHED.fullmatch(value)
    if not m:
        raise ValueError(f"published date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day is not None:
            return day_iv(date(year, int(month), int(day)))
        if month is not None:
            return month_iv(year, int(month))
        return year_iv(year)
    except ValueError as exc:
        raise ValueError(f"published date {value!r} is not a real date: {exc}") from None
