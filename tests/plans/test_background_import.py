"""A large task table is read and imported by a background task: the editor sees the progress,
then the same preview as for a small table (unknown names to map, conflicts), confirms, and the
plan is written by the worker, not inside the request."""

import html as html_module
import re

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.plans.test_admin_import import preview
from tests.worker import claimed_by_a_worker_that_was_killed, run_worker

pytestmark = pytest.mark.django_db

URL = "wagtail_disclosure_admin:import_plan"


def fields_of(html):
    """The confirm form's fields as the browser would post them (hidden ones and choices)."""
    form = html.split('class="disclosure-plan-confirm"')[1].split("</form>")[0]
    data = {name: html_module.unescape(value) for name, value in
            re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)}
    for name in set(re.findall(r'<select name="([^"]+)"', form)):
        select = form.split(f'<select name="{name}"')[1].split("</select>")[0]
        selected = re.search(r'<option value="([^"]*)"[^>]*selected', select)
        data[name] = selected[1] if selected else "keep"
    return data


@override_settings(WAGTAIL_DISCLOSURE_PLAN_IMPORT_BACKGROUND_ROWS=20)
def test_a_large_task_table_is_previewed_and_imported_in_the_background(
    client, manager, plans_index, jining_units, table_groups
):
    from wagtail_disclosure.plans.models import Requirement, TaskPlanPage

    client.force_login(manager)
    queued = preview(client, plans_index)
    assert queued.status_code == 302 and "?task=" in queued["Location"]
    status_url = queued["Location"]

    waiting = client.get(status_url).content.decode()
    assert "<progress" in waiting and 'http-equiv="refresh"' in waiting
    assert "task-table.xlsx" in waiting
    assert not TaskPlanPage.objects.exists()

    run_worker()
    page = client.get(status_url).content.decode()
    # (the editor previewed in English: the worker writes the preview in the editor's language)
    assert "Preview: nothing has been written yet" in page
    assert "2022年济宁市政务公开工作任务分解表" in page and "84 new requirements" in page
    assert 'name="csrfmiddlewaretoken" value="wagtail-disclosure-csrf-token"' not in page
    assert not TaskPlanPage.objects.exists(), "the preview writes nothing"

    applying = client.post(reverse(URL), fields_of(page))
    assert applying.status_code == 302 and "?task=" in applying["Location"]
    assert not TaskPlanPage.objects.exists(), "the request only queued the import"
    run_worker()
    done = client.get(applying["Location"])
    plan = TaskPlanPage.objects.get()
    assert done.status_code == 302 and done["Location"].endswith(f"/pages/{plan.pk}/")
    assert Requirement.objects.filter(task__in=plan.get_children()).count() == 84
    message = client.get(done["Location"]).content.decode()
    assert "已将“task-table.xlsx”导入“2022年济宁市政务公开工作任务分解表”" in message


@override_settings(WAGTAIL_DISCLOSURE_PLAN_IMPORT_BACKGROUND_ROWS=20)
def test_a_table_with_errors_comes_back_from_the_worker_with_its_errors(
    client, manager, plans_index, jining_units
):
    client.force_login(manager)
    rows = "工作任务,具体要求,责任单位,完成时限\n" + "".join(
        f"（一）任务{n},要求{n},市教育局,6月底前\n" for n in range(30)
    )  # no title, no year: the plan's year cannot be told
    queued = preview(client, plans_index, name="表.csv", data=rows.encode(), title="某表")
    run_worker()
    page = client.get(queued["Location"]).content.decode()
    assert "The file has errors: nothing will be imported" in page
    assert "year" in page.split("Errors")[1].split("</ul>")[0]
    assert "disclosure-plan-confirm" not in page


def test_a_small_table_is_still_previewed_in_the_request(client, manager, plans_index,
                                                          jining_units):
    client.force_login(manager)
    response = preview(client, plans_index)
    assert response.status_code == 200
    assert "Preview: nothing has been written yet" in response.content.decode()


@override_settings(WAGTAIL_DISCLOSURE_PLAN_IMPORT_BACKGROUND_ROWS=20,
                   WAGTAIL_DISCLOSURE_IMPORT_STALE_MINUTES=10)
def test_a_plan_import_whose_worker_was_killed_can_be_started_again(
    client, manager, plans_index, jining_units, table_groups
):
    client.force_login(manager)
    queued = preview(client, plans_index)
    task_id = queued["Location"].split("task=")[1]
    claimed_by_a_worker_that_was_killed(task_id, minutes_ago=30)

    page = client.get(queued["Location"]).content.decode()
    assert "导入已中断" in page and "重新开始导入" in page
    assert 'http-equiv="refresh"' not in page

    again = client.post(reverse(URL), {"restart_task": task_id})
    run_worker()
    page = client.get(again["Location"]).content.decode()
    assert "Preview: nothing has been written yet" in page and "84 new requirements" in page
