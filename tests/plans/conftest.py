"""Fixtures of the task plan import: a plan index with no plan yet, the table's groups, and the
import command."""

import io
import json

import pytest
from django.core.management import call_command

from tests import builders


def make_table_groups():
    """The demo's groups for the names the table gives to sets of units."""
    from demo.plans import GROUPS

    return {name: builders.make_unit_group(name) for name in GROUPS}


@pytest.fixture
def plans_index(db):
    """The plan index, without the Jining 2022 plan the test run built: an import of the same
    table starts where an office starts."""
    return builders.remove_plans()


@pytest.fixture
def table_groups(db):
    return make_table_groups()


def import_plan(path, *args):
    """Run ``disclosure_import_plan`` on a path; returns the JSON document it printed."""
    out = io.StringIO()
    call_command("disclosure_import_plan", str(path), *args, "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def run_import(plans_index):
    return import_plan
