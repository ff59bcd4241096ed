"""How long a consultation is open, counted in calendar days.

重大行政决策程序暂行条例 (Art. 16) asks that a draft stay open for comment "generally no less
than 30 days"; it says days (日), not working days, so the period is counted in calendar days.
As Chinese law counts periods in days (民法典 Art. 201), the day the consultation opens is not
counted: opening on 1 November, the thirtieth day is 1 December, the close date.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.conf import get_setting


class ConsultationState(models.TextChoices):
    UPCOMING = "upcoming", _("Not open yet")
    OPEN = "open", _("Open for comment")
    CLOSED = "closed", _("Closed, feedback report in preparation")
    REPORTED = "reported", _("Feedback report published")


def period_days() -> int:
    """The period the regulation asks for, and the default one (a setting)."""
    return get_setting("WAGTAIL_DISCLOSURE_CONSULTATION_DAYS")


def default_close(opens_on: datetime.date) -> datetime.date:
    """The close date of a consultation opening on ``opens_on`` with the default period."""
    return opens_on + datetime.timedelta(days=period_days())


def length_in_days(opens_on: datetime.date, closes_on: datetime.date) -> int:
    """The days of the period, the opening day not counted."""
    return (closes_on - opens_on).days


def days_left(closes_on: datetime.date, today: datetime.date) -> int:
    """Calendar days after today up to the close date: 0 on the last day, negative once closed."""
    return (closes_on - today).days


def state_on(opens_on, closes_on, today, reported=False) -> str:
    if reported:
        return ConsultationState.REPORTED
    if opens_on and today < opens_on:
        return ConsultationState.UPCOMING
    if closes_on and today > closes_on:
        return ConsultationState.CLOSED
    return ConsultationState.OPEN
