"""When a category a unit files under is up to date: the rules.

A (unit, category) pair is *missing* when the unit has filed nothing public under the category,
*stale* when its newest public item is dated before the category's cutoff, and *current*
otherwise. The cutoff is "today" (:func:`wagtail_disclosure.core.clock.today`) minus the update
period: N working days on the site's working-day calendar (Art. 26 counts 20), or whole months
for quarterly and yearly categories. Categories published when made or changed (``as_needed``,
``real_time``) have no period to miss.
"""

from __future__ import annotations

import calendar
import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class UpdatePeriod(models.TextChoices):
    """How often a unit must publish new items under a category (更新周期)."""

    WORKING_DAYS = "working_days", _("Every N working days (Art. 26: 20)")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEARLY = "half_yearly", _("Half-yearly")
    YEARLY = "yearly", _("Yearly")
    REAL_TIME = "real_time", _("Real time, as it happens")
    AS_NEEDED = "as_needed", _("When made or changed")


#: Months back the newest item may be dated, per period measured in months.
MONTHS = {
    UpdatePeriod.MONTHLY: 1,
    UpdatePeriod.QUARTERLY: 3,
    UpdatePeriod.HALF_YEARLY: 6,
    UpdatePeriod.YEARLY: 12,
}

#: Periods with nothing to miss: filed once, the category is up to date.
OPEN_ENDED = (UpdatePeriod.REAL_TIME, UpdatePeriod.AS_NEEDED)


class Status:
    MISSING = "missing"
    STALE = "stale"
    CURRENT = "current"

    LABELS = {
        MISSING: _("Missing"),
        STALE: _("Out of date"),
        CURRENT: _("Up to date"),
    }
    ORDER = (MISSING, STALE, CURRENT)


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` months earlier (the month's last day when it has fewer days)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day.day, last))


def working_days_before(working_calendar, day: datetime.date, days: int) -> datetime.date:
    """The date ``days`` working days before ``day`` (``day`` itself not counted)."""
    counted = 0
    while counted < days:
        day -= datetime.timedelta(days=1)
        if working_calendar.is_working_day(day):
            counted += 1
    return day


class Cutoffs:
    """Per category, the oldest date of a newest item still up to date on ``on``.

    Working-day cutoffs are computed once per distinct number of days, so a report over
    every unit and category costs no more than one over a few.
    """

    def __init__(self, on: datetime.date, working_calendar):
        self.on = on
        self.working_calendar = working_calendar
        self._by_days: dict[int, datetime.date] = {}

    def cutoff(self, period: str, working_days: int = 20) -> datetime.date | None:
        if period in OPEN_ENDED:
            return None
        if period == UpdatePeriod.WORKING_DAYS:
            if working_days not in self._by_days:
                self._by_days[working_days] = working_days_before(
                    self.working_calendar, self.on, working_days
                )
            return self._by_days[working_days]
        return months_before(self.on, MONTHS[period])

    def status(self, category, latest: datetime.date | None) -> str:
        if latest is None:
            return Status.MISSING
        cutoff = self.cutoff(category.update_period, category.period_working_days)
        if cutoff is not None and latest < cutoff:
            return Status.STALE
        return Status.CURRENT

    def due_by(self, category, latest: datetime.date | None) -> datetime.date | None:
        """The last day the newest item keeps the category up to date (None: no period)."""
        if latest is None:
            return None
        period = category.update_period
        if period in OPEN_ENDED:
            return None
        if period == UpdatePeriod.WORKING_DAYS:
            return self.working_calendar.add_working_days(latest, category.period_working_days)
        months = MONTHS[period]
        year, month = divmod(latest.year * 12 + latest.month - 1 + months, 12)
        month += 1
        return datetime.date(year, month, min(latest.day, calendar.monthrange(year, month)[1]))
