"""Placing date expressions in time: year inference and arithmetic relative to the publication date.

The publication date is an interval (a day, a month or a year). A relative expression is worked
out from both ends of it and the two results joined, so a coarse publication date widens what it
anchors ("last month" in a paper dated only 2023 may be any month from Dec 2022 to Nov 2023).
An expression missing its year (or month) is given the candidate that overlaps the publication
date, else the nearest one, biased to the past or the future by the tense the caller passes.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, timedelta

from summitry.time.interval import (
    Interval,
    add_months,
    add_years,
    coarser,
    day_iv,
    last_day,
    month_iv,
    months_iv,
    safe_date,
    shift_month,
    week_iv,
    year_iv,
)
from summitry.time.lexicon import words

#: how far past the publication date a past-tense date may still fall (time zones, late stamps)
TENSE_SLACK = timedelta(days=3)


@dataclass(frozen=True)
class Anchor:
    """The publication date and the tense of the text, against which expressions are resolved."""

    ref: Interval | None
    tense: str | None = None

    # --- relative arithmetic ---------------------------------------------------------------------

    def relative(self, f: Callable[[date], Interval | None]) -> Interval | None:
        """``f`` applied to the publication date; over a month or year, the hull of both ends."""
        ref = self.ref
        if ref is None:
            return None
        a = _on_calendar(f, ref.start)
        if ref.granularity == "day" or a is None:
            return a
        b = _on_calendar(f, ref.end)
        if b is None or a == b:
            return a if b is not None else None
        return a.hull(b, coarser(coarser(a.granularity, b.granularity), ref.granularity))

    # --- choosing among candidates ---------------------------------------------------------------

    def pick(self, candidates: Iterable[Interval | None], weekday: int | None = None) -> Interval | None:
        """The candidate the publication date and tense point to; None when it stays ambiguous.

        ``weekday`` (0 = Monday), when the text names one beside the date, keeps the candidates
        that fall on it (if any do).
        """
        ref = self.ref
        cands = [c for c in candidates if c is not None]
        if ref is None or not cands:
            return None
        if weekday is not None:
            same_day = [c for c in cands if c.start.weekday() == weekday]
            cands = same_day or cands
        overlapping = [c for c in cands if c.overlaps(ref)]
        if len(overlapping) == 1:
            return overlapping[0]
        if overlapping:
            if all(c.within(ref) for c in overlapping):
                return None  # e.g. "14日" in a paper dated only by year: any month fits
            cands = overlapping
        if self.tense == "past":
            ok = [c for c in cands if c.start <= ref.end + TENSE_SLACK]
            return max(ok, key=lambda c: c.start) if ok else min(cands, key=lambda c: c.start)
        if self.tense == "future":
            ok = [c for c in cands if c.end >= ref.start - TENSE_SLACK]
            return min(ok, key=lambda c: c.start) if ok else max(cands, key=lambda c: c.start)
        # no tense: the nearest; on a tie the earlier one (news mostly reports the past)
        return min(cands, key=lambda c: (c.gap(ref), c.start))

    def years(self) -> range:
        """Candidate years for an expression that leaves its year out."""
        assert self.ref is not None
        return _calendar_years(self.ref.start.year - 1, self.ref.end.year + 1)

    def in_year(self, year: int | None, ryear: int | None, make: Callable[[int], Interval | None]) -> Interval | None:
        """``make`` in the year the text gives: written (``year``), relative to the publication
        date (``ryear``: 0 this year, -1 last year), or else the one the publication date and tense
        point to."""
        if year is not None:
            return make(year)
        if ryear is not None:
            return self.relative(lambda r: make(r.year + ryear))
        return self.infer_year(make)

    def infer_year(self, make: Callable[[int], Interval | None], weekday: int | None = None) -> Interval | None:
        if self.ref is None:
            return None
        cands = [make(y) for y in self.years()]
        if not any(cands):  # 29 February: look as far as the leap years around
            cands = [make(y) for y in _calendar_years(self.ref.start.year - 4, self.ref.end.year + 4)]
        return self.pick(cands, weekday)

    def infer_month(self, make: Callable[[int, int], Interval | None],
                    weekday: int | None = None) -> Interval | None:
        """For a day of the month alone ("14日", "on the 14th")."""
        ref = self.ref
        if ref is None:
            return None
        y, m = shift_month(ref.start.year, ref.start.month, -1)
        cands = []
        while (y, m) <= shift_month(ref.end.year, ref.end.month, 1):
            if MINYEAR <= y <= MAXYEAR:
                cands.append(make(y, m))
            y, m = shift_month(y, m, 1)
        return self.pick(cands, weekday)

    # --- weekdays --------------------------------------------------------------------------------

    def weekday(self, wd: int, mode: str | None = None, week_offset: int = 0) -> Interval | None:
        """A weekday named without a date.

        mode None: the last such day on or before publication (past or no tense), the next one on
        or after it (future tense); 'last'/'next': strictly before/after; 'week': that day of the
        week ``week_offset`` weeks from the publication week (Monday to Sunday).
        """
        future = self.tense == "future"

        def f(r: date) -> Interval:
            if mode == "week":
                return day_iv(r - timedelta(days=r.weekday()) + timedelta(days=7 * week_offset + wd))
            if mode == "last":
                return day_iv(r - timedelta(days=(r.weekday() - wd - 1) % 7 + 1))
            if mode == "next":
                return day_iv(r + timedelta(days=(wd - r.weekday() - 1) % 7 + 1))
            if future:
                return day_iv(r + timedelta(days=(wd - r.weekday()) % 7))
            return day_iv(r - timedelta(days=(r.weekday() - wd) % 7))

        return self.relative(f)

    def weekend(self, week_offset: int | None = None) -> Interval | None:
        """Saturday and Sunday: of the week ``week_offset`` weeks from publication, or (None) the
        last one begun by publication (past or no tense), the next one not yet over (future)."""
        future = self.tense == "future"

        def f(r: date) -> Interval:
            saturday = r - timedelta(days=r.weekday()) + timedelta(days=5)
            if week_offset is not None:
                saturday += timedelta(days=7 * week_offset)
            elif future:
                saturday = saturday if r <= saturday + timedelta(days=1) else saturday + timedelta(days=7)
            elif r < saturday:
                saturday -= timedelta(days=7)
            return Interval(saturday, saturday + timedelta(days=1), "days")
        return self.relative(f)

    # --- units -----------------------------------------------------------------------------------

    def unit_offset(self, unit: str, n: int) -> Interval | None:
        """The calendar day/week/month/year ``n`` units from publication ("last month": month, -1)."""
        def f(r: date) -> Interval:
            if unit == "day":
                return day_iv(r + timedelta(days=n))
            if unit == "week":
                return week_iv(r + timedelta(days=7 * n))
            if unit == "month":
                y, m = shift_month(r.year, r.month, n)
                return month_iv(y, m)
            if unit == "decade":
                return year_iv(r.year + 10 * n)
            return year_iv(r.year + n)
        return self.relative(f)

    def window(self, unit: str, n: int) -> Interval | None:
        """From ``n`` units before publication to it (n < 0: from it to ``-n`` units after)."""
        gran = {"day": "days", "week": "week", "month": "month"}.get(unit, "year")

        def f(r: date) -> Interval:
            other = shift(r, unit, -n)
            return Interval(min(r, other), max(r, other), gran)
        return self.relative(f)

    def named_window(self, name: str) -> Interval | None:
        before, after = words()["windows"][name]
        return self.relative(lambda r: Interval(r + timedelta(days=before), r + timedelta(days=after), "vague"))

    def rest_of(self, unit: str, earlier: bool) -> Interval | None:
        """'earlier this month' (start of the unit to publication), 'later this year' (to its end)."""
        def f(r: date) -> Interval:
            whole = {"week": week_iv, "month": lambda d: month_iv(d.year, d.month),
                     "year": lambda d: year_iv(d.year)}[unit](r)
            gran = {"week": "week", "month": "part", "year": "year"}[unit]
            if earlier:
                return Interval(whole.start, r, gran)
            return Interval(r, whole.end, "vague" if unit == "year" else gran)
        return self.relative(f)


def _calendar_years(first: int, last: int) -> range:
    """The years from ``first`` to ``last`` that the calendar has (1 to 9999): a publication date
    in year 1 has no year before it to look in."""
    return range(max(first, MINYEAR), min(last, MAXYEAR) + 1)


def _on_calendar(f: Callable[[date], Interval | None], day: date) -> Interval | None:
    """``f(day)``, or None when the result would fall before year 1 or after 9999 ("10年前" in a
    text of year 5)."""
    try:
        return f(day)
    except (ValueError, OverflowError):
        return None


# Years a written year may stand for; a number outside them is a count or a code, not a year.
MIN_YEAR, MAX_YEAR = 1900, 2099


def year_ok(y: int | None) -> bool:
    return y is None or MIN_YEAR <= y <= MAX_YEAR


def shift(d: date, unit: str, n: int) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(days=7 * n)
    if unit == "month":
        return add_months(d, n)
    if unit == "decade":
        return add_years(d, 10 * n)
    return add_years(d, n)


# --- named parts of the calendar ---------------------------------------------------------------

def season_iv(year: int, season: str) -> Interval:
    """A season of ``year``; winter starts in December of that year."""
    first, last = words()["seasons"][season]
    return months_iv(year, first, last, "season")


def season_of(d: date) -> tuple[int, str]:
    """The season a day falls in, with the year the season is named by."""
    for name, (first, last) in words()["seasons"].items():
        if first <= last and first <= d.month <= last:
            return d.year, name
    # winter: December belongs to this year's winter, January/February to last year's
    return (d.year if d.month == 12 else d.year - 1), "winter"


def month_part_iv(year: int, month: int, part: str) -> Interval:
    first, last = words()["parts"]["month"][part]
    end = last_day(year, month) if last == "end" else min(last, last_day(year, month))
    return Interval(date(year, month, first), date(year, month, end), "part")


def year_part_iv(year: int, part: str) -> Interval:
    first, last = words()["parts"]["year"][part]
    return months_iv(year, first, last, "part")


def quarter_iv(year: int, q: int) -> Interval:
    return months_iv(year, 3 * q - 2, 3 * q, "quarter")


def day_or_none(year: int, month: int, day: int) -> Interval | None:
    d = safe_date(year, month, day)
    return day_iv(d) if d else None


def days_or_none(y1: int, m1: int, d1: int, y2: int, m2: int, d2: int) -> Interval | None:
    a, b = safe_date(y1, m1, d1), safe_date(y2, m2, d2)
    if a is None or b is None or b < a or (b - a).days > 366:
        return None
    return Interval(a, b, "day" if a == b else "days")


def day_range(m1: int, d1: int, m2: int, d2: int, y_end: bool = True) -> Callable[[int], Interval | None]:
    """A function of the year giving the days ``m1/d1``..``m2/d2`` (crossing New Year if m2 < m1).

    With ``y_end`` the year is the end's (as in "December 30 to January 2, 2023").
    """
    wraps = (m2, d2) < (m1, d1)

    def make(year: int) -> Interval | None:
        y1, y2 = (year - 1, year) if (wraps and y_end) else (year, year + 1) if wraps else (year, year)
        return days_or_none(y1, m1, d1, y2, m2, d2)
    return make
