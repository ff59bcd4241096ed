"""When what a covered entity disclosed is up to date: the rules, in plain Python.

An item is *disclosed* when the entity has at least one entry for it, and *up to date* when its
latest entry is no older than the item's update period allows on "today" in the disclosure time
zone. Items updated in real time or as needed have no period to miss: once disclosed they count
as up to date.

The page models count with these rules (see their querysets) and :mod:`.compliance` offers the
counts to the admin and the reporting panels; this module imports neither, so both can use it.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class UpdatePeriod(models.TextChoices):
    """How often a catalogue item must be updated (更新频率)."""

    REAL_TIME = "real_time", _("Real time")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEARLY = "half_yearly", _("Half-yearly")
    YEARLY = "yearly", _("Yearly")
    AS_NEEDED = "as_needed", _("As needed")


#: How many months back the latest entry may be dated for each period (None: never stale).
MAX_AGE_MONTHS = {
    UpdatePeriod.REAL_TIME: None,
    UpdatePeriod.AS_NEEDED: None,
    UpdatePeriod.MONTHLY: 1,
    UpdatePeriod.QUARTERLY: 3,
    UpdatePeriod.HALF_YEARLY: 6,
    UpdatePeriod.YEARLY: 12,
}


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` months earlier (the month's last day when it has fewer days)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day.day, last))


def cutoffs(on: datetime.date) -> dict[str, datetime.date | None]:
    """Per update period, the oldest entry date still up to date ``on`` that day."""
    return {
        period: (months_before(on, months) if months else None)
        for period, months in MAX_AGE_MONTHS.items()
    }


class Status:
    MISSING = "missing"
    STALE = "stale"
    CURRENT = "current"

    LABELS = {
        MISSING: _("Not disclosed"),
        STALE: _("Out of date"),
        CURRENT: _("Up to date"),
    }


def item_status(update_period: str, latest: datetime.date | None, on: datetime.date) -> str:
    if latest is None:
        return Status.MISSING
    cutoff = cutoffs(on).get(update_period)
    if cutoff is not None and latest < cutoff:
        return Status.STALE
    return Status.CURRENT


def fresh_entries(on, prefix=""):
    """Q for entries that keep their item up to date ``on`` that day."""
    q = Q()
    for period, cutoff in cutoffs(on).items():
        condition = Q(**{f"{prefix}item__update_period": period})
        if cutoff is not None:
            condition &= Q(**{f"{prefix}date__gte": cutoff})
        q |= condition
    return q


@dataclass
class Figures:
    """Counts of catalogue items (per entity, or summed over a sector's entities)."""

    items: int
    disclosed: int
    current: int
    entities: int = 1

    @property
    def missing(self):
        return self.items - self.disclosed

    @property
    def stale(self):
        return self.disclosed - self.current

    @property
    def disclosed_share(self):
        return self.disclosed / self.items if self.items else None

    @property
    def current_share(self):
        return self.current / self.items if self.items else None

    @property
    def disclosed_percent(self):
        return _percent(self.disclosed_share)

    @property
    def current_percent(self):
        return _percent(self.current_share)


def _percent(share):
    return None if share is None else round(share * 100)
