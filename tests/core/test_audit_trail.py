"""The audit trail: imports, unit-name mappings, carry-overs, request state changes and
corrected annual report figures are in Wagtail's log, shown in the object's history and in
the site history report."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import Workbook
from wagtail.models import ModelLogEntry, PageLogEntry

from tests.builders import make_plan, make_request, make_unit_editor
from tests.jining import DATA
from tests.progress.conftest import first_requirement_of_county_group
from wagtail_disclosure.annual_reports.models import AnnualReport
from wagtail_disclosure.plans.models import Requirement
from wagtail_disclosure.plans.views import add_alias
from wagtail_disclosure.units.models import UnitGroup

pytestmark = pytest.mark.django_db

SITE_HISTORY = "wagtailadmin_reports:site_history"


@pytest.fixture
def county(jining_units):
    return jining_units["任城区人民政府"]


def page_history(client, page):
    return client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()


def snippet_history(client, item):
    name = type(item)._meta.model_name
    url = reverse(f"wagtailsnippets_wagtail_disclosure_{name}:history", args=[item.pk])
    return client.get(url).content.decode()


def site_history(client):
    return client.get(reverse(SITE_HISTORY)).content.decode()


def test_a_units_register_import_is_in_the_directorys_history(
    client, manager, empty_register, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(manager)
    url = reverse("wagtail_disclosure_admin:import_units")
    content = (DATA / "units.csv").read_bytes()
    imports = PageLogEntry.objects.filter(action="wagtail_disclosure.import_units")
    before = imports.count()  # the register the test run started from was imported too
    preview = client.post(url, {"file": SimpleUploadedFile("units.csv", content)})
    assert imports.count() == before  # a preview writes nothing, not even to the log
    client.post(url, preview.context["confirm_form"].initial)

    assert imports.count() == before + 1
    entry = imports.latest("pk")
    assert entry.page_id == empty_register.pk and entry.user == manager
    assert entry.data["new"] == 54
    message = "导入了单位名录：新增 54 条，修改 0 条，删除 0 条，未变 0 条"
    assert message in page_history(client, empty_register)
    assert message in site_history(client)


def test_a_progress_import_is_in_the_plans_history(client, plan_2022, county, manager):
    requirement = first_requirement_of_county_group(county)
    editor = make_unit_editor("rencheng", county)
    book = Workbook()
    book.active.append(["unit", "task", "requirement", "status", "percent", "narrative", "date"])
    book.active.append([county.title, "", requirement.text, "已完成", 100, "已完成", "2022-09-01"])
    upload = io.BytesIO()
    book.save(upload)
    upload.seek(0)
    upload.name = "progress.xlsx"
    client.force_login(editor)
    url = reverse("wagtail_disclosure_admin:import_progress")
    preview = client.post(url, {"file": upload})
    assert preview.context["report"].ok
    client.post(url, preview.context["confirm_form"].initial)

    entry = PageLogEntry.objects.get(action="wagtail_disclosure.import_progress")
    assert (entry.page_id, entry.user, entry.data["new"]) == (plan_2022.pk, editor, 1)
    client.force_login(manager)
    assert "导入了落实情况：新增 1 条" in page_history(client, plan_2022)


def test_mapping_a_plan_name_to_a_unit_or_group_is_recorded(client, county, manager):
    add_alias(county, "任城区府办", manager)
    group = UnitGroup.objects.first()
    add_alias(group, "各县区政府合称", manager)

    entry = PageLogEntry.objects.get(action="wagtail_disclosure.map_unit_name")
    assert (entry.page_id, entry.data) == (county.pk, {"name": "任城区府办"})
    assert ModelLogEntry.objects.filter(
        action="wagtail_disclosure.map_unit_name", object_id=str(group.pk)
    ).exists()
    client.force_login(manager)
    assert "计划中的“任城区府办”现指本单位" in page_history(client, county)


def test_a_carry_over_is_in_the_receiving_plans_history(client, plan_2022, county, manager):
    plan_2023 = make_plan(2023)
    chosen = Requirement.objects.filter(lead_groups__members=county).order_by("pk")[:2]
    client.force_login(manager)
    response = client.post(
        reverse("wagtail_disclosure_admin:carry_over"),
        {"plan": plan_2023.pk, "requirements": [r.pk for r in chosen]},
    )
    assert response.status_code == 302
    entry = PageLogEntry.objects.get(action="wagtail_disclosure.carry_over")
    assert (entry.page_id, entry.data["count"]) == (plan_2023.pk, 2)
    assert f"从“{plan_2022.title}”结转 2 项未完成的具体要求" in page_history(client, plan_2023)
    assert "结转 2 项未完成的具体要求" in site_history(client)


def request_form(request, **changes):
    data = {
        "unit": request.unit_id,
        "received_on": request.received_on.isoformat(),
        "channel": request.channel,
        "applicant_type": request.applicant_type,
        "applicant_name": request.applicant_name,
        "id_number": request.id_number,
        "phone": request.phone,
        "delivery": request.delivery,
        "description": request.description,
        "replied_on": "",
        "outcome": "",
        "legal_basis": "",
        "reply_note": "",
    }
    for name in ("corrections", "consultations", "extensions"):
        data.update(
            {
                f"{name}-TOTAL_FORMS": "0",
                f"{name}-INITIAL_FORMS": "0",
                f"{name}-MIN_NUM_FORMS": "0",
                f"{name}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(changes)
    return data


def test_replying_to_a_request_is_in_its_history(client, county):
    request = make_request(county, datetime.date(2022, 11, 1))
    editor = make_unit_editor("rencheng", county)
    client.force_login(editor)
    edit = reverse("wagtailsnippets_wagtail_disclosure_disclosurerequest:edit", args=[request.pk])

    response = client.post(edit, request_form(request, description="申请公开2022年度部门预算。"))
    assert response.status_code == 302
    assert not ModelLogEntry.objects.filter(action="wagtail_disclosure.request_state").exists()

    reply = request_form(request, replied_on="2022-11-20", outcome="disclosed")
    response = client.post(edit, reply)
    assert response.status_code == 302, response.context["form"].errors
    entry = ModelLogEntry.objects.get(action="wagtail_disclosure.request_state")
    assert entry.user == editor
    assert entry.data["before"]["replied_on"] == ""
    assert entry.data["after"] == {
        "clock": "",
        "due_on": entry.data["before"]["due_on"],
        "replied_on": "2022-11-20",
        "outcome": "disclosed",
    }
    assert "2022-11-20" in snippet_history(client, request)


def test_correcting_an_annual_report_figure_is_in_its_history(client, county):
    editor = make_unit_editor("rencheng", county)
    report = AnnualReport.objects.create(unit=county, year=2022)
    client.force_login(editor)
    edit = reverse("wagtailsnippets_wagtail_disclosure_annualreport:edit", args=[report.pk])
    data = {
        "unit": county.pk,
        "year": "2022",
        "overview": "null",
        "problems": "null",
        "other_matters": "null",
        "licensing_decisions": "0",
        "penalty_decisions": "0",
        "compulsion_decisions": "0",
        "fees_amount": "0",
        "overrides-TOTAL_FORMS": "1",
        "overrides-INITIAL_FORMS": "0",
        "overrides-MIN_NUM_FORMS": "0",
        "overrides-MAX_NUM_FORMS": "1000",
        "overrides-0-cell": "t3.received.natural_person",
        "overrides-0-value": "9",
        "overrides-0-reason": "含当面申请",
        "overrides-0-ORDER": "1",
    }
    for group in ("review", "direct", "after_review"):
        for result in ("upheld", "corrected", "other", "pending", "total"):
            data[f"{group}_{result}"] = "0"
    response = client.post(edit, data)
    assert response.status_code == 302

    entry = ModelLogEntry.objects.get(action="wagtail_disclosure.override_figure")
    assert entry.user == editor
    assert entry.data == {
        "cell": "t3.received.natural_person",
        "before": None,
        "after": "9.0000",
        "reason": "含当面申请",
    }
    assert "含当面申请" in snippet_history(client, report)
