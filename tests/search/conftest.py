import io

import pytest
from django.core.management import call_command

from tests.builders import load_policy_demo


@pytest.fixture(scope="module")
def searchable_demo(module_transaction, django_db_blocker):
    """Units, the 2022 plan and the policy demo, indexed for search: built once for the tests of
    a module, which only search it (or change it in their own rolled-back transaction)."""
    with django_db_blocker.unblock():
        load_policy_demo()
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
