"""`make run` builds the demo on whatever day it is run: the plan is the Jining table moved to
that year, so the office looks live — some work done, some in progress, a few items overdue, and
requests waiting within their time limit — instead of everything reading 已逾期 as a 2022 plan
does years later. (The other tests keep the real 2022 table.)"""

import datetime
import io
from collections import Counter

import pytest
from demo import plans, progress, requests
from django.test import override_settings

from wagtail_disclosure.plans.models import Requirement, TaskPlanPage
from wagtail_disclosure.progress.models import ProgressReport, ProgressState
from wagtail_disclosure.progress.states import ProgressSnapshot, plan_requirements
from wagtail_disclosure.requests.models import DisclosureRequest
from wagtail_disclosure.requests.workdays import site_calendar

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 9, 15)


@override_settings(WAGTAIL_DISCLOSURE_TODAY=TODAY.isoformat())
def test_the_demo_plan_is_of_the_year_it_is_built_in_and_looks_live(plan_2022):
    out = io.StringIO()
    plans.load(out)
    progress.load(out)

    plan = TaskPlanPage.objects.get(year=2026)
    assert plan.slug == "2026" and plan.title == "2026年济宁市政务公开工作任务分解表"
    assert plan.issue_date == datetime.date(2026, 5, 7)
    requirements = Requirement.objects.filter(task__in=plan.get_children())
    assert requirements.count() == 84
    due_dates = {r.due_date.year for r in requirements if r.due_date}
    assert due_dates <= {2026, 2027}, "the table's deadlines moved with it"

    reports = ProgressReport.objects.filter(requirement__in=requirements)
    assert reports.exists() and not reports.filter(date__gt=TODAY).exists()
    states = Counter(state.state for _row, state in
                     ProgressSnapshot(plan_requirements(plan)).pairs())
    total = sum(states.values())
    assert states[ProgressState.DONE] > 0 and states[ProgressState.IN_PROGRESS] > 0
    assert 0 < states[ProgressState.OVERDUE] <= total * 0.15, states
    assert plan_2022.live, "the real 2022 plan is left as it is"


@override_settings(WAGTAIL_DISCLOSURE_TODAY=TODAY.isoformat())
def test_the_demo_register_has_recent_requests_answered_or_waiting_within_time(jining_units):
    requests.load(io.StringIO())

    calendar = site_calendar()
    recent = DisclosureRequest.objects.filter(received_on__year=2026)
    assert recent.count() == 2 * requests.RECENT
    waiting = [r for r in recent if r.replied_on is None]
    assert waiting and any(r.replied_on for r in recent)
    assert all(r.working_days_left(calendar, today=TODAY) > -10 for r in waiting)
    assert all(r.receipt_number.startswith("2026-") for r in recent)
    assert not DisclosureRequest.objects.filter(received_on__year=2022,
                                                replied_on__isnull=True).exists(), (
        "no request of 2022 is still open years later")
