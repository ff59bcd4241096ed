"""Open days in a unit's annual report."""

from django.utils.translation import gettext as _

from .models import OpenDayFeedback, OpenDayRegistration
from .pages import OpenDayPage


def year_summary(unit, year) -> str | None:
    events = list(OpenDayPage.objects.live().filter(unit=unit, event_date__year=year))
    if not events:
        return None
    return _(
        "It held %(count)s government open days, with %(registered)s registered visitors and "
        "%(feedback)s opinions and suggestions received."
    ) % {
        "count": len(events),
        "registered": OpenDayRegistration.objects.filter(event__in=events).count(),
        "feedback": OpenDayFeedback.objects.filter(event__in=events).count(),
    }
