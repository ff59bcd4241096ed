"""Today, for the whole app: the one place that decides what date it is.

Deadlines fall due in ``WAGTAIL_DISCLOSURE_TIME_ZONE`` (Asia/Shanghai by default), whatever the
server's own time zone. ``WAGTAIL_DISCLOSURE_TODAY`` (an ISO date or a ``date``) fixes the day for
training sites, screenshots and tests, so that overdue states, request deadlines, compliance
staleness, dashboards and the annual report's year all agree on it.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from wagtail_disclosure.conf import get_setting


def time_zone() -> ZoneInfo:
    """The time zone in which deadlines fall due."""
    return ZoneInfo(get_setting("WAGTAIL_DISCLOSURE_TIME_ZONE"))


def today() -> datetime.date:
    """Today's date in the disclosure time zone, or the fixed ``WAGTAIL_DISCLOSURE_TODAY``."""
    fixed = get_setting("WAGTAIL_DISCLOSURE_TODAY")
    if fixed:
        if isinstance(fixed, datetime.datetime):
            return fixed.date()
        if isinstance(fixed, datetime.date):
            return fixed
        return datetime.date.fromisoformat(str(fixed))
    return timezone.localdate(timezone=time_zone())


def this_year() -> int:
    """The current year by :func:`today` (the default year of plans and annual reports)."""
    return today().year
