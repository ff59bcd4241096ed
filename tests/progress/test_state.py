"""A requirement's state for a unit, on a fixed date, and how groups fan out."""

import datetime

import pytest

from tests.builders import make_report, make_unit_group
from tests.progress.conftest import TODAY
from wagtail_disclosure.plans.models import Requirement
from wagtail_disclosure.progress.models import ProgressStatus
from wagtail_disclosure.progress.states import (
    DONE,
    IN_PROGRESS,
    NOT_STARTED,
    ONGOING,
    OVERDUE,
    ProgressSnapshot,
    combine_states,
    compute_state,
    latest_reports,
    plan_requirements,
)

BEFORE = datetime.date(2022, 12, 31)
PAST = datetime.date(2022, 10, 31)


@pytest.mark.parametrize(
    "status, due, ongoing, recurring, expected",
    [
        (ProgressStatus.DONE, PAST, False, False, DONE),
        (None, PAST, False, False, OVERDUE),
        (ProgressStatus.IN_PROGRESS, PAST, False, False, OVERDUE),
        (ProgressStatus.ONGOING, PAST, False, False, OVERDUE),
        (ProgressStatus.ONGOING, PAST, True, False, ONGOING),
        (ProgressStatus.ONGOING, None, False, True, ONGOING),
        (ProgressStatus.ONGOING, BEFORE, False, False, ONGOING),
        (ProgressStatus.IN_PROGRESS, BEFORE, False, False, IN_PROGRESS),
        (ProgressStatus.NOT_STARTED, BEFORE, False, False, NOT_STARTED),
        (None, BEFORE, False, False, NOT_STARTED),
        (None, None, False, True, NOT_STARTED),
        (ProgressStatus.IN_PROGRESS, TODAY, False, False, IN_PROGRESS),  # due today: not late
    ],
)
def test_each_state_on_a_fixed_date(status, due, ongoing, recurring, expected):
    assert (
        compute_state(status, due_date=due, is_ongoing=ongoing, is_recurring=recurring, today=TODAY)
        == expected
    )


def test_a_requirement_is_as_far_as_its_slowest_unit():
    assert combine_states([DONE, DONE]) == DONE
    assert combine_states([DONE, ONGOING]) == ONGOING
    assert combine_states([DONE, NOT_STARTED]) == IN_PROGRESS
    assert combine_states([DONE, OVERDUE]) == OVERDUE
    assert combine_states([NOT_STARTED, NOT_STARTED]) == NOT_STARTED


def test_the_database_picks_the_latest_report_and_agrees_with_the_rule(plan_2022, county):
    requirement = Requirement.objects.filter(
        lead_groups__members=county, due_date=PAST, is_ongoing=False
    ).first()
    for date, status in [
        (datetime.date(2022, 6, 1), ProgressStatus.DONE),
        (datetime.date(2022, 9, 1), ProgressStatus.IN_PROGRESS),
    ]:
        make_report(requirement, county, status, date)
    reports = list(latest_reports(Requirement.objects.filter(pk=requirement.pk), TODAY))
    assert len(reports) == 1
    assert reports[0].status == ProgressStatus.IN_PROGRESS
    assert (
        reports[0].state
        == OVERDUE
        == compute_state(reports[0].status, due_date=requirement.due_date, today=TODAY)
    )
    # Before the deadline the same report means "in progress".
    earlier = list(
        latest_reports(Requirement.objects.filter(pk=requirement.pk), datetime.date(2022, 10, 1))
    )
    assert earlier[0].state == IN_PROGRESS


def test_a_requirement_assigned_to_the_county_group_expects_a_report_from_every_county(
    plan_2022, county, other_county
):
    group = county.explicit_groups.get(name__startswith="各县")
    counties = set(group.member_units().values_list("pk", flat=True))
    assert len(counties) == 14
    requirement = Requirement.objects.filter(lead_groups=group).first()
    snapshot = ProgressSnapshot(Requirement.objects.filter(pk=requirement.pk), today=TODAY)
    row = snapshot.rows[0]
    assert counties <= {u.unit.pk for u in row.units}
    assert all(u.group_id == group.pk for u in row.units if u.unit.pk in counties)

    make_report(requirement, county, ProgressStatus.DONE, TODAY)
    row = ProgressSnapshot(Requirement.objects.filter(pk=requirement.pk), today=TODAY).rows[0]
    assert row.for_unit(county.pk).state == DONE
    assert row.for_unit(other_county.pk).state != DONE
    assert row.state != DONE  # one county done is not the requirement done
    assert row.tally.done == 1


def test_a_group_of_kinds_fans_out_to_every_unit_of_that_kind(plan_2022, jining_units):
    from wagtail_disclosure.units.models import UnitKind

    vertical = make_unit_group("垂直管理部门", member_kinds=[UnitKind.VERTICAL_AGENCY])
    requirement = Requirement.objects.first()
    Requirement.cooperating_groups.through.objects.create(
        requirement=requirement, unitgroup=vertical
    )
    row = ProgressSnapshot(Requirement.objects.filter(pk=requirement.pk), today=TODAY).rows[0]
    tax = jining_units["市税务局"]
    assert row.for_unit(tax.pk) is not None
    assert row.for_unit(tax.pk).role == "cooperating"


def test_plan_totals_come_from_every_unit_and_requirement(plan_2022):
    snapshot = ProgressSnapshot(plan_requirements(plan_2022), today=TODAY)
    assert len(snapshot.rows) == 84
    assert snapshot.requirement_tally().total == 84
    sections = snapshot.by_section()
    assert len(sections) == 5
    assert sum(t.total for _key, t in sections) == snapshot.tally().total
