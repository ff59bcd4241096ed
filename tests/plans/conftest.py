"""Fixtures of the task plan import: the plan index, the table's groups and helpers."""

import csv
import io
import json
import unicodedata

import pytest
from django.core.management import call_command

from tests.conftest import DATA


@pytest.fixture
def plans_index(demo_site):
    from wagtail_disclosure.plans.models import TaskPlanIndexPage

    return TaskPlanIndexPage.objects.get(slug="plans")


@pytest.fixture
def table_groups(jining_units):
    """The demo's groups for the names the table gives to sets of units."""
    from demo.plans import GROUPS

    from wagtail_disclosure.units.models import UnitGroup

    return {name: UnitGroup.objects.get_or_create(name=name)[0] for name in GROUPS}


@pytest.fixture
def run_import(plans_index):
    """Run ``disclosure_import_plan`` on a path; returns the JSON document it printed."""

    def run(path, *args):
        out = io.StringIO()
        call_command("disclosure_import_plan", str(path), *args, "--json", stdout=out)
        return json.loads(out.getvalue())

    return run


def nf(text):
    return unicodedata.normalize("NFKC", text or "").replace(" ", "").replace("\u3000", "")


@pytest.fixture(scope="session")
def canonical():
    """Unit names as the register names them (the comparison of check_plan_import.py)."""
    alias = {}
    with open(DATA / "units.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for name in [row["name"], row["full_name"], *row["aliases"].split(";")]:
                if name:
                    alias[nf(name)] = nf(row["name"])
    return lambda name: alias.get(nf(name), nf(name))
