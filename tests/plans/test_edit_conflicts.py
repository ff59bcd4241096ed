"""An editor corrects a requirement in the admin, then someone imports the table again: the
preview shows the conflict, the correction is kept unless the editor takes the file's value."""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.jining import DATA
from tests.plans.bad_files import as_upload
from wagtail_disclosure.plans.models import Requirement, TaskPage, TaskPlanPage

pytestmark = pytest.mark.django_db

CORRECTED = "（管理后台更正）推进政府信息公开平台规范化建设，统一公开指南和目录。"


def import_table(*args):
    out = io.StringIO()
    call_command("disclosure_import_plan", str(DATA / "task-table.xlsx"), "--year", "2022",
                 *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def edit_in_admin(requirement, user=None, **values):
    """What saving the task page in the admin does: a new revision, published."""
    page = TaskPage.objects.get(pk=requirement.task_id)
    requirements = list(page.requirements.all())
    edited = next(r for r in requirements if r.pk == requirement.pk)
    for name, value in values.items():
        setattr(edited, name, value)
    page.requirements = requirements
    page.save_revision(user=user).publish(user=user)
    return Requirement.objects.get(pk=requirement.pk)


@pytest.fixture
def imported_plan(plans_index, jining_units):
    import_table()
    return TaskPlanPage.objects.get(year=2022)


def a_requirement(plan):
    return Requirement.objects.filter(task__path__startswith=plan.path).order_by("pk")[3]


def test_reimporting_keeps_an_admin_edit_and_says_so(imported_plan):
    requirement = a_requirement(imported_plan)
    original = requirement.text
    edit_in_admin(requirement, text=CORRECTED)

    output = import_table()

    assert Requirement.objects.get(pk=requirement.pk).text == CORRECTED
    assert "编辑" in output or "edited" in output
    assert CORRECTED in output and original in output
    assert Requirement.objects.filter(task__path__startswith=imported_plan.path).count() == 84


def test_overwrite_edits_takes_the_files_values(imported_plan):
    requirement = a_requirement(imported_plan)
    original = requirement.text
    edit_in_admin(requirement, text=CORRECTED, deadline_raw="2022年8月底前")

    import_table("--overwrite-edits")

    reverted = Requirement.objects.get(pk=requirement.pk)
    assert (reverted.text, reverted.deadline_raw) == (original, requirement.deadline_raw)


def test_an_edit_the_file_agrees_with_is_no_conflict(imported_plan):
    requirement = a_requirement(imported_plan)
    edit_in_admin(requirement, text=requirement.text)  # saved again, nothing changed

    output = import_table("--dry-run")

    assert "--overwrite-edits" not in output


def preview(client, plan):
    return client.post(
        reverse("wagtail_disclosure_admin:import_plan"),
        {"file": as_upload("task-table.xlsx", (DATA / "task-table.xlsx").read_bytes()),
         "plan": plan.pk, "parent": plan.get_parent().pk},
    )


def confirm_data(html, **extra):
    import html as html_module

    data = {}
    for name in ("import_file_name", "original_file_name", "plan", "parent", "year", "names",
                 "conflicts"):
        match = re.search(rf'name="{name}"(?: value="([^"]*)")?', html)
        data[name] = html_module.unescape(match[1] or "") if match else ""
    data.update(extra)
    return data


@pytest.mark.parametrize("choice, expected", [("keep", "edit"), ("take", "file")])
def test_the_preview_shows_both_values_and_the_editor_chooses_per_row(
    client, manager, imported_plan, choice, expected
):
    requirement = a_requirement(imported_plan)
    original = requirement.text
    edit_in_admin(requirement, text=CORRECTED)
    client.force_login(manager)

    html = preview(client, imported_plan).content.decode()

    assert "自上次导入以来" in html  # "edited in the admin since the last import"
    assert CORRECTED in html and original in html
    field = f"conflict_{requirement.pk}"
    assert f'name="{field}"' in html
    assert re.search(rf'name="{field}" value="keep"[^>]*checked', html)  # keeping is the default

    response = client.post(reverse("wagtail_disclosure_admin:import_plan"),
                           confirm_data(html, **{field: choice}))

    assert response.status_code == 302
    text = Requirement.objects.get(pk=requirement.pk).text
    assert text == (CORRECTED if expected == "edit" else original)
