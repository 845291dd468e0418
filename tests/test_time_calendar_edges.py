"""Dates at the ends of the calendar: an expression that would fall before year 1 or after 9999
has no interval; it never raises, and the candidates still on the calendar are kept."""
from __future__ import annotations

import pytest

from summitry.time import find_dates

EDGES = ["0001-01-01", "0001-01-05", "0001-06", "0001", "0005-03-03", "0010-06-01", "9999-12-31", "9999"]


@pytest.mark.parametrize("published", EDGES)
@pytest.mark.parametrize(("text", "lang"), [
    ("上旬", "zh"), ("前年", "zh"), ("周四", "zh"), ("10年前", "zh"), ("5月上旬", "zh"), ("15日", "zh"),
    ("明年", "zh"), ("last year", "en"), ("next year", "en"), ("Thursday", "en"), ("ten years ago", "en"),
    ("early May", "en"), ("on the 14th", "en"), ("in the coming months", "en"), ("next month", "en"),
])
def test_relative_dates_at_the_ends_of_the_calendar_never_raise(text, lang, published):
    for span in find_dates(text, lang, published):
        if span.interval is not None:
            assert 1 <= span.interval.start.year <= span.interval.end.year <= 9999


def test_what_the_calendar_cannot_hold_has_no_date_and_the_rest_is_kept():
    assert all(span.interval is None for span in find_dates("10年前", "zh", "0005-03-03"))
    (may,) = find_dates("5月上旬", "zh", "0001-01-05")  # years 0, 1 and 2 are candidates: 0 is dropped
    assert may.interval.iso() == ("0001-05-01", "0001-05-10")
    (last_year,) = find_dates("前年", "zh", "0003-06-01")
    assert last_year.interval.iso() == ("0001-01-01", "0001-12-31")


def test_the_last_day_of_a_month_is_the_calendar_s_and_a_month_off_the_calendar_is_refused():
    import calendar

    from summitry.time.interval import last_day

    for year in (1, 4, 100, 1900, 2000, 2023, 2024, 2100, 9999):
        for month in range(1, 13):
            assert last_day(year, month) == calendar.monthrange(year, month)[1]
    for month in (0, 13):
        with pytest.raises(ValueError):
            last_day(2024, month)
