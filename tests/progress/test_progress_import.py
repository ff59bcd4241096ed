"""Offices send progress in Excel: rows are matched to requirements, errors listed, and
nothing is written unless every row is good."""

import io

from django.urls import reverse
from openpyxl import Workbook

from wagtail_disclosure.core.imports import load_dataset, run_import
from wagtail_disclosure.progress.imports import COLUMNS, REQUIRED_COLUMNS, ProgressReportResource
from wagtail_disclosure.progress.models import ProgressReport, ProgressStatus

IMPORT = "wagtail_disclosure_admin:import_progress"
HEADER = ["unit", "task", "requirement", "status", "percent", "narrative", "date"]


def xlsx(rows):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_rows_match_requirements_by_task_and_text_even_slightly_edited(
    plan_2022, county, county_requirement
):
    requirement = county_requirement
    edited = requirement.text.replace("，", ",").replace("。", "") + " "
    data = xlsx(
        [
            [
                "任城区政府",
                requirement.task.task_number,
                edited,
                "已完成",
                "100%",
                "已全面完成。",
                "2022年10月20日",
            ],
        ]
    )
    dataset = load_dataset(data, "progress.xlsx", REQUIRED_COLUMNS, COLUMNS)
    report = run_import(ProgressReportResource(), dataset, dry_run=False)
    assert report.ok, [str(p) for p in report.problems]
    saved = ProgressReport.objects.get()
    assert saved.requirement == requirement and saved.unit == county
    assert saved.status == ProgressStatus.DONE and saved.percent == 100
    assert saved.revisions.count() == 1


def test_unknown_rows_are_listed_and_nothing_is_written(plan_2022, county, county_requirement):
    requirement = county_requirement
    data = xlsx(
        [
            ["任城区人民政府", "", requirement.text, "推进中", 50, "", "2022-09-01"],
            ["任城区人民政府", "", "一项表中没有的要求", "推进中", 50, "", "2022-09-01"],
            ["不存在的单位", "", requirement.text, "推进中", 50, "", "2022-09-01"],
            ["任城区人民政府", "", requirement.text, "差不多了", 50, "", "2022-09-01"],
        ]
    )
    dataset = load_dataset(data, "progress.xlsx", REQUIRED_COLUMNS, COLUMNS)
    report = run_import(ProgressReportResource(), dataset, dry_run=False)
    rows = sorted({p.row for p in report.problems})
    assert rows == [3, 4, 5]
    assert not ProgressReport.objects.exists()


def test_the_admin_previews_then_imports(
    client, plan_2022, county, county_requirement, county_editor
):
    requirement = county_requirement
    client.force_login(county_editor)
    upload = io.BytesIO(
        xlsx([["任城区人民政府", "", requirement.text, "推进中", 60, "正在推进。", "2022-09-01"]])
    )
    upload.name = "progress.xlsx"
    response = client.post(reverse(IMPORT), {"file": upload})
    assert response.status_code == 200
    assert response.context["report"].ok
    assert not ProgressReport.objects.exists()  # a preview writes nothing
    confirm = response.context["confirm_form"].initial
    response = client.post(reverse(IMPORT), confirm)
    assert response.status_code == 302
    assert ProgressReport.objects.get().author == county_editor


def test_a_unit_editor_cannot_import_another_units_reports(
    client, plan_2022, county, county_requirement, other_county, county_editor
):
    requirement = county_requirement
    client.force_login(county_editor)
    upload = io.BytesIO(
        xlsx([["曲阜市人民政府", "", requirement.text, "已完成", 100, "", "2022-09-01"]])
    )
    upload.name = "progress.xlsx"
    response = client.post(reverse(IMPORT), {"file": upload})
    report = response.context["report"]
    assert not report.ok
    assert "只能导入本单位的落实情况" in " ".join(str(p) for p in report.problems)
    assert not ProgressReport.objects.exists()


def test_an_office_spreadsheet_with_chinese_headings_imports_the_same(
    plan_2022, county, county_requirement
):
    from wagtail_disclosure.progress.imports import COLUMN_ALIASES

    requirement = county_requirement
    book = Workbook()
    sheet = book.active
    sheet.append(
        ["填报单位", "工作任务", "具体要求", "完成状态", "完成进度", "落实情况", "填报日期"]
    )
    sheet.append(
        ["任城区人民政府", "", requirement.text, "推进中", "60%", "正在推进。", "2022-09-01"]
    )
    out = io.BytesIO()
    book.save(out)

    dataset = load_dataset(
        out.getvalue(), "落实情况.xlsx", REQUIRED_COLUMNS, COLUMNS, COLUMN_ALIASES
    )
    report = run_import(ProgressReportResource(), dataset, dry_run=False)

    assert report.ok, [str(p) for p in report.problems]
    saved = ProgressReport.objects.get()
    assert saved.requirement == requirement and saved.percent == 60
