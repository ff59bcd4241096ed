"""Progress on the Jining 2022 plan: two counties, their editors, and the requirement the first
county answers for through the county group."""

import datetime

import pytest

from tests import builders

#: A fixed "today" for state tests: after the October deadlines, before year end.
TODAY = datetime.date(2022, 11, 15)


@pytest.fixture
def county(jining_units):
    return jining_units["任城区人民政府"]


@pytest.fixture
def other_county(jining_units):
    return jining_units["曲阜市人民政府"]


@pytest.fixture
def county_editor(county):
    return builders.make_unit_editor("rencheng", county)


@pytest.fixture
def other_county_editor(other_county):
    return builders.make_unit_editor("qufu", other_county)


def first_requirement_of_county_group(county):
    """The plan's first requirement (by id) assigned to the county group ``county`` is in."""
    from wagtail_disclosure.plans.models import Requirement

    return (
        Requirement.objects.filter(lead_groups__members=county)
        .select_related("task")
        .order_by("pk")
        .first()
    )


@pytest.fixture
def county_requirement(plan_2022, county):
    return first_requirement_of_county_group(county)
