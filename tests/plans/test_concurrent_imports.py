"""Two people import the same plan at the same moment: one import writes, the other waits its
turn or is told another import is running; never a traceback, never a requirement twice."""

import io
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections

from tests import builders
from tests.jining import DATA
from wagtail_disclosure.core.imports import import_lock
from wagtail_disclosure.plans.importer import PLAN_IMPORT_LOCK
from wagtail_disclosure.plans.models import Requirement, TaskPlanPage


def import_table():
    call_command("disclosure_import_plan", str(DATA / "task-table.xlsx"), "--year", "2022",
                 stdout=io.StringIO(), stderr=io.StringIO())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_imports_of_one_plan_at_once_give_one_plan_with_each_requirement_once():
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("an in-memory SQLite database cannot be shared by concurrent writers")
    builders.remove_plans()
    start = threading.Barrier(2)
    outcomes = []

    def run():
        try:
            start.wait()
            import_table()
            outcomes.append("imported")
        except CommandError as exc:
            outcomes.append(("refused", exc.returncode, str(exc)))
        except Exception as exc:  # a traceback: the test fails below, showing it
            outcomes.append(("crashed", repr(exc)))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert "imported" in outcomes
    for outcome in outcomes:
        assert outcome == "imported" or (outcome[0] == "refused" and outcome[1] == 3), outcome
    assert TaskPlanPage.objects.filter(year=2022).count() == 1
    texts = list(Requirement.objects.filter(task__path__startswith=TaskPlanPage.objects.get(
        year=2022).path).values_list("text", flat=True))
    assert len(texts) == 84 == len(set(texts))


@pytest.mark.django_db
def test_an_import_started_while_another_writes_is_refused_saying_so(plans_index):
    with import_lock(PLAN_IMPORT_LOCK, "a task plan"):
        with pytest.raises(CommandError) as refused:
            import_table()

    assert refused.value.returncode == 3
    assert "正在进行" in str(refused.value)
    assert not TaskPlanPage.objects.exists()
    import_table()  # once the first has finished, the second goes through
    assert TaskPlanPage.objects.get().year == 2022
