"""Fixtures for progress: the Jining 2022 plan built from expected.json, units, editors."""

import datetime

import pytest

from tests.progress.plan_builder import build_jining_2022

#: A fixed "today" for state tests: after the October deadlines, before year end.
TODAY = datetime.date(2022, 11, 15)


@pytest.fixture
def plan_2022(jining_units):
    return build_jining_2022()


@pytest.fixture
def county(jining_units):
    return jining_units["任城区人民政府"]


@pytest.fixture
def other_county(jining_units):
    return jining_units["曲阜市人民政府"]


@pytest.fixture
def county_editor(make_unit_editor, county):
    return make_unit_editor("rencheng", county)


@pytest.fixture
def other_county_editor(make_unit_editor, other_county):
    return make_unit_editor("qufu", other_county)
