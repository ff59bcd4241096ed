"""One clock: with WAGTAIL_DISCLOSURE_TODAY fixed, the overdue list, a request's working days
left and a covered entity's staleness all agree with that date."""

import datetime

import pytest
from django.test import override_settings

from tests.builders import (
    make_enterprise,
    make_enterprise_column,
    make_plan,
    make_request,
    make_sector,
    make_task,
    requirement,
)
from wagtail_disclosure.core import clock
from wagtail_disclosure.enterprises.compliance import enterprise_figures
from wagtail_disclosure.enterprises.models import UpdatePeriod
from wagtail_disclosure.progress.views import ledger_rows
from wagtail_disclosure.requests.workdays import site_calendar

pytestmark = pytest.mark.django_db


def test_the_clock_follows_the_setting_and_the_time_zone(settings):
    settings.WAGTAIL_DISCLOSURE_TODAY = "2022-11-15"
    assert clock.today() == datetime.date(2022, 11, 15)
    assert clock.this_year() == 2022
    settings.WAGTAIL_DISCLOSURE_TODAY = datetime.date(2023, 1, 2)
    assert clock.today() == datetime.date(2023, 1, 2)
    settings.WAGTAIL_DISCLOSURE_TODAY = None
    settings.WAGTAIL_DISCLOSURE_TIME_ZONE = "Asia/Shanghai"
    assert clock.today() == datetime.datetime.now(clock.time_zone()).date()


@pytest.fixture
def office_work(office):
    """A requirement due 2022-10-31, a request received 2022-10-10 and a water company whose
    monthly water-quality notice was last published 2022-09-20."""
    plan = make_plan(2022, slug="clock-2022", title="时钟测试计划")
    task = make_task(
        plan,
        "深化公开",
        [
            requirement(
                "按季度公开重点工作进展。",
                lead_units=[office],
                deadline={"raw": "10月底前", "due": "2022-10-31"},
            )
        ],
    )
    request = make_request(office, datetime.date(2022, 10, 10))
    sector = make_sector(
        make_enterprise_column(), "供水", "water", office, [("水质信息", UpdatePeriod.MONTHLY)]
    )
    company = make_enterprise(
        sector, "城区供水公司", "water-co", entries=[("水质信息", datetime.date(2022, 9, 20))]
    )
    return task.requirements.get(), request, company


def overdue_requirement_ids(user):
    return {row.requirement_id for row in ledger_rows(user=user, state="overdue")}


@pytest.mark.parametrize(
    "today, overdue, stale",
    [
        # before the deadline: nothing overdue, the September notice still current
        (datetime.date(2022, 10, 14), False, False),
        # after it: the requirement is overdue, the notice out of date
        (datetime.date(2022, 11, 15), True, True),
    ],
)
def test_every_today_agrees_with_the_fixed_date(office_work, manager, today, overdue, stale):
    requirement, request, company = office_work
    with override_settings(WAGTAIL_DISCLOSURE_TODAY=today.isoformat()):
        assert (requirement.pk in overdue_requirement_ids(manager)) is overdue

        calendar = site_calendar()
        request.refresh_from_db()
        expected_days_left = calendar.working_days_between(today, request.due_on)
        assert request.working_days_left(calendar) == expected_days_left
        assert request.is_late() is (today > request.due_on)

        figures = enterprise_figures(company)
        assert (figures.items, figures.disclosed) == (1, 1)
        assert figures.current == (0 if stale else 1)
