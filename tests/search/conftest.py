import io

import pytest
from django.core.management import call_command

from tests.conftest import DATA


@pytest.fixture
def searchable_demo(jining_units):
    """Units, the 2022 plan (from expected.json) and the policy demo, indexed for search."""
    from demo import policies

    from tests.search.evaluation import build_plan_from_expected

    build_plan_from_expected(DATA / "expected.json")
    policies.load(io.StringIO())
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
