"""The year's disclosure work of a unit, in a sentence for its annual report (answering the
annual reports' ``disclosure_annual_report_work`` hook)."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail_disclosure.core import clock
from wagtail_disclosure.plans.models import Requirement, TaskPlanPage

from .states import ProgressSnapshot


def year_work_summary(unit, year) -> str | None:
    """Counts by state, overdue, carried over from last year and into next year, as of the
    year's end (or today, during the year); None when no plan of the year names the unit."""
    plans = list(TaskPlanPage.objects.live().filter(year=year))
    if not plans:
        return None
    in_plans = Q()
    for plan in plans:
        in_plans |= Q(task__path__startswith=plan.path, task__depth=plan.depth + 1)
    requirements = Requirement.objects.filter(in_plans, task__live=True)
    as_of = min(clock.today(), datetime.date(year, 12, 31))
    snapshot = ProgressSnapshot(requirements, today=as_of, unit_ids={unit.pk})
    tally = snapshot.tally()
    if not tally.total:
        return None
    carried_in = sum(1 for row, _up in snapshot.pairs()
                     if row.requirement.carried_over_from_id is not None)
    return _(
        "In %(year)s the unit answered for %(total)s requirements of the year's disclosure task "
        "plan: %(done)s done, %(ongoing)s ongoing, %(in_progress)s in progress and "
        "%(not_started)s not started; %(overdue)s overdue. %(carried_in)s were carried over from "
        "the previous year, and %(carried_out)s unfinished ones carry over into the next."
    ) % {
        "year": year, "total": tally.total, "done": tally.done, "ongoing": tally.ongoing,
        "in_progress": tally.in_progress, "not_started": tally.not_started,
        "overdue": tally.overdue, "carried_in": carried_in,
        "carried_out": tally.in_progress + tally.not_started + tally.overdue,
    }
