"""Chinese working days, as the regulations count them.

The official calendar (weekends, public holidays and the weekend days the State Council's yearly
notice turns into working days, 调休) comes from the ``chinese-calendar`` package for the years it
covers. A site corrects or extends it with :class:`~wagtail_disclosure.models.CalendarDay` rows,
since each year's notice comes out in December. Beyond the package's last year the calendar is
weekends plus the site's days, and the admin warns about it.

:class:`WorkingCalendar` is plain Python (give it the site's days as a dict); the module-level
functions read the site's days from the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from functools import cache

import chinese_calendar
from chinese_calendar.constants import holidays

from .calendar import CalendarDay

#: A deadline can never be further out than this (a guard against looping forever on a
#: calendar that marks every day as a holiday).
MAX_CALENDAR_DAYS = 3 * 366


@cache
def official_years() -> tuple[int, int]:
    """The first and last years the installed chinese-calendar package covers."""
    years = {d.year for d in holidays}
    return min(years), max(years)


def is_official_year(year: int) -> bool:
    first, last = official_years()
    return first <= year <= last


class WorkingCalendar:
    """The official calendar with the site's own days on top.

    ``overrides`` maps a date to ``True`` (a working day) or ``False`` (a day off).
    """

    def __init__(self, overrides: Mapping[date, bool] | None = None):
        self.overrides = dict(overrides or {})

    def is_working_day(self, day: date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        if is_official_year(day.year):
            return chinese_calendar.is_workday(day)
        return day.weekday() < 5

    def add_working_days(
        self, start: date, days: int, paused: Iterable[tuple[date, date]] = ()
    ) -> date:
        """The date on which the ``days``-th working day after ``start`` falls.

        Counting begins the day after ``start`` (the day of receipt is not counted). Working days
        inside a ``paused`` span ``(first, last)``, both included, are not counted either: the
        time spent consulting a third party (Art. 32, 33).
        """
        if days < 0:
            raise ValueError("days must not be negative")
        paused = [(first, last) for first, last in paused if first <= last]
        day, counted = start, 0
        while counted < days:
            day += timedelta(days=1)
            if (day - start).days > MAX_CALENDAR_DAYS:
                raise ValueError("the calendar has no working days left in the next three years")
            if self.is_working_day(day) and not any(a <= day <= b for a, b in paused):
                counted += 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``; negative if ``end`` is
        before ``start`` (then it counts the working days from ``end`` exclusive to ``start``)."""
        if end == start:
            return 0
        sign, first, last = (1, start, end) if end > start else (-1, end, start)
        count, day = 0, first
        while day < last:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return sign * count


def site_calendar() -> WorkingCalendar:
    """The official calendar with the days the site entered in the admin."""
    return WorkingCalendar(dict(CalendarDay.objects.values_list("date", "is_working_day")))


def add_working_days(start: date, days: int) -> date:
    """The ``days``-th working day after ``start`` on the site's calendar (public API)."""
    return site_calendar().add_working_days(start, days)


def is_working_day(day: date) -> bool:
    return site_calendar().is_working_day(day)
