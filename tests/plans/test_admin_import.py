"""An editor imports the table in the admin: upload, preview, map an unknown name, confirm."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageLogEntry

from tests.builders import make_unit_editor
from tests.jining import DATA
from tests.plans.bad_files import as_upload

pytestmark = pytest.mark.django_db


def hidden(html, name):
    match = re.search(rf'name="{name}"(?: value="([^"]*)")?', html)
    assert match, f"no field {name}"
    return match[1] or ""


def preview(client, plans_index, name="task-table.xlsx", data=None, **fields):
    data = data if data is not None else (DATA / name).read_bytes()
    with translation.override("en"):
        return client.post(
            reverse("wagtail_disclosure_admin:import_plan"),
            {"file": as_upload(name, data), "parent": plans_index.pk, **fields},
            HTTP_ACCEPT_LANGUAGE="en",
        )


def confirm_data(html, **choices):
    import html as html_module

    data = {
        name: html_module.unescape(hidden(html, name))
        for name in ("import_file_name", "original_file_name", "plan", "parent", "year", "names")
    }
    data.update(choices)
    return data


def test_the_import_screen_is_in_the_disclosure_menu_for_managers_only(
    client, manager, jining_units
):
    client.force_login(manager)
    assert client.get(reverse("wagtail_disclosure_admin:import_plan")).status_code == 200
    assert (
        reverse("wagtail_disclosure_admin:import_plan")
        in client.get(reverse("wagtailadmin_home")).content.decode()
    )

    client.force_login(make_unit_editor("editor", jining_units["市教育局"]))
    refused = client.get(reverse("wagtail_disclosure_admin:import_plan"))
    assert refused.status_code in (302, 403)  # Wagtail redirects a refusal to the dashboard
    assert "Upload a task table" not in refused.content.decode()


def test_upload_preview_map_an_unknown_name_and_confirm(client, manager, plans_index, jining_units):
    from wagtail_disclosure.plans.models import Requirement, TaskPage, TaskPlanPage
    from wagtail_disclosure.units.models import UnitGroup

    group = UnitGroup.objects.get(name="市政府各部门、单位")
    client.force_login(manager)

    response = preview(client, plans_index)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview: nothing has been written yet" in html
    assert "2022年济宁市政务公开工作任务分解表" in html
    assert "一、深化重点领域信息公开" in html and "(一) 抓好新旧动能转换信息公开" in html
    assert "2022年12月31日" in html, "deadlines are shown as Chinese dates"
    assert "84 new requirements" in html
    assert "市政府有关部门、单位" in html and "县级政府办公室" in html
    assert re.search(r"Row \d+: the unit “市政府有关部门、单位” is not in the units register", html)
    assert not TaskPlanPage.objects.exists(), "the preview writes nothing"

    names = hidden(html, "names")
    assert "市政府有关部门、单位" in names
    mapping = confirm_data(html, map_0=f"group:{group.pk}", map_1="create")
    response = client.post(reverse("wagtail_disclosure_admin:import_plan"), mapping)

    plan = TaskPlanPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=[plan.pk])
    assert TaskPage.objects.child_of(plan).count() == 18
    assert Requirement.objects.count() == 84
    group.refresh_from_db()
    assert "市政府有关部门、单位" in group.alias_list(), "the mapping is saved as an alias"
    assert group.led_requirements.filter(task__in=TaskPage.objects.child_of(plan)).exists()
    created = jining_units["市教育局"].__class__.objects.get(title="县级政府办公室")
    assert created.live and created.led_requirements.exists()
    assert not Requirement.objects.exclude(unmatched_units=[]).exists()
    entry = PageLogEntry.objects.get(page=plan, action="wagtail_disclosure.import_plan")
    assert entry.user == manager and entry.data["created"] == 84

    # The same table again: the preview says nothing changes.
    html = preview(client, plans_index).content.decode()
    assert "The table is the same as the plan: importing it changes nothing." in html
    assert "Unit names the site does not know" not in html


def test_keeping_a_name_as_text_stores_it_on_the_requirement(
    client, manager, plans_index, jining_units
):
    from wagtail_disclosure.plans.models import Requirement

    client.force_login(manager)
    html = preview(client, plans_index).content.decode()
    client.post(
        reverse("wagtail_disclosure_admin:import_plan"),
        confirm_data(html, map_0="keep", map_1="keep"),
    )

    kept = Requirement.objects.exclude(unmatched_units=[])
    assert {"name": "县级政府办公室", "role": "lead"} in [
        u for r in kept for u in r.unmatched_units
    ]


def test_removing_a_requirement_with_progress_needs_the_checkbox(
    client, manager, plans_index, jining_units, tmp_path
):
    from wagtail import hooks

    from wagtail_disclosure.plans.models import Requirement

    client.force_login(manager)
    html = preview(client, plans_index).content.decode()
    client.post(
        reverse("wagtail_disclosure_admin:import_plan"),
        confirm_data(html, map_0="keep", map_1="keep"),
    )
    target = Requirement.objects.get(text__startswith="主动公开实施传统消费升级行动")
    plan = target.task.get_parent().pk  # the CSV has no title row: the editor chooses the plan
    lines = (DATA / "task-table.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    edited = "".join(line for line in lines if "主动公开实施传统消费升级行动" not in line).encode()

    def in_use(requirements):
        return requirements.filter(pk=target.pk).values_list("pk", flat=True)

    with hooks.register_temporarily("disclosure_requirements_in_use", in_use):
        html = preview(client, plans_index, "task-table-2022.csv", edited,
                       plan=plan).content.decode()
        assert "has progress reports: kept unless you confirm below" in html
        assert 'name="delete_in_use"' in html
        response = client.post(reverse("wagtail_disclosure_admin:import_plan"), confirm_data(html))
        assert response.status_code == 302
        assert Requirement.objects.filter(pk=target.pk).exists(), "kept without the checkbox"

        html = preview(client, plans_index, "task-table-2022.csv", edited,
                       plan=plan).content.decode()
        response = client.post(
            reverse("wagtail_disclosure_admin:import_plan"), confirm_data(html, delete_in_use="on")
        )
        assert response.status_code == 302
        assert not Requirement.objects.filter(pk=target.pk).exists()


def test_a_stale_or_forged_confirmation_is_refused_without_error(client, manager, plans_index):
    client.force_login(manager)
    data = {"import_file_name": "../../etc/passwd", "original_file_name": "x.xlsx", "names": "[]"}
    response = client.post(reverse("wagtail_disclosure_admin:import_plan"), data)
    assert response.status_code == 302
    data["import_file_name"] = "0123abcdef"
    response = client.post(reverse("wagtail_disclosure_admin:import_plan"), data)
    assert response.status_code == 302


def test_the_plan_downloads_as_an_escaped_workbook(client, manager, plans_index, jining_units):
    import io

    from openpyxl import load_workbook

    from wagtail_disclosure.plans.models import Requirement, TaskPlanPage

    client.force_login(manager)
    html = preview(client, plans_index).content.decode()
    client.post(
        reverse("wagtail_disclosure_admin:import_plan"),
        confirm_data(html, map_0="keep", map_1="keep"),
    )
    plan = TaskPlanPage.objects.get()
    # The plan's first requirement (the export's row 4): first task, first in that task.
    first = Requirement.objects.filter(task__path__startswith=plan.path).order_by(
        "task__path", "sort_order", "pk"
    )[0]
    Requirement.objects.filter(pk=first.pk).update(text="=HYPERLINK(1)")

    explore = client.get(reverse("wagtailadmin_explore", args=[plan.pk])).content.decode()
    url = reverse("wagtail_disclosure_admin:export_plan", args=[plan.pk])
    assert url in explore
    response = client.get(url)

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == plan.title
    assert [c.value for c in sheet[2]] == ["工作任务", "责任单位", "具体要求", "完成时限"]
    assert sheet["A3"].value == "一、深化重点领域信息公开"
    assert "A3:D3" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["C4"].value == "'=HYPERLINK(1)"


def test_only_managers_download_the_plan(client, jining_units, plans_index):
    from wagtail_disclosure.plans.models import TaskPlanPage

    plan = TaskPlanPage(title="2022", slug="2022", year=2022)
    plans_index.add_child(instance=plan)
    client.force_login(make_unit_editor("editor", jining_units["市教育局"]))
    response = client.get(reverse("wagtail_disclosure_admin:export_plan", args=[plan.pk]))
    assert response.status_code in (302, 403)
    assert not response.get("Content-Type", "").startswith("application/vnd.openxmlformats")
