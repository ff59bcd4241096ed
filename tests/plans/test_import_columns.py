"""The preview says which column the reader took for each role; the editor reassigns columns,
previews again, and the next table of the same shape is read the same way."""

import csv
import io

import pytest
from django.urls import reverse

from tests.plans.test_admin_import import confirm_data, preview

pytestmark = pytest.mark.django_db

ROWS = [
    ["2023年某县政务公开工作任务分解表"],
    ["工作任务", "具体要求", "责任单位", "完成时限"],
    # This office wrote the deadline under 责任单位 and the units under 完成时限.
    ["（一）推进财政信息公开", "细化部门预决算公开。", "2023年6月底前", "市财政局"],
]


def table(rows):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def test_the_editor_reassigns_columns_and_the_next_table_is_read_the_same_way(
    client, manager, plans_index, jining_units
):
    from wagtail_disclosure.plans.models import ColumnChoice, Requirement

    client.force_login(manager)
    html = preview(client, plans_index, name="表.csv", data=table(ROWS)).content.decode()
    assert "Columns read" in html and "C（责任单位）" in html

    html = preview(client, plans_index, name="表.csv", data=table(ROWS),
                   column_units="D", column_deadline="C").content.decode()
    assert "D（完成时限）" in html
    response = client.post(reverse("wagtail_disclosure_admin:import_plan"), confirm_data(
        html, columns=html.split('name="columns" value="')[1].split('"')[0].replace("&quot;", '"')
    ))
    assert response.status_code == 302
    requirement = Requirement.objects.get(text="细化部门预决算公开。")
    assert requirement.units_raw == "市财政局" and requirement.deadline_raw == "2023年6月底前"
    assert ColumnChoice.objects.count() == 1

    html = preview(client, plans_index, name="表2.csv", data=table(ROWS)).content.decode()
    assert "as chosen for the last table with this header" in html
    assert "D（完成时限）" in html


def test_a_column_letter_that_is_not_one_is_refused(client, manager, plans_index):
    client.force_login(manager)
    html = preview(client, plans_index, name="表.csv", data=table(ROWS),
                   column_units="第四列").content.decode()
    assert "such as C" in html


UNKNOWN_HEADER = [
    ["2023年某县政务公开重点工作安排"],
    # Words the reader does not know for any column.
    ["项目", "内容说明", "承办", "办结时间"],
    ["（一）推进财政信息公开", "细化部门预决算公开。", "县财政局", "2023年6月底前"],
    ["（二）推进重大项目信息公开", "公开重大建设项目批准和实施信息。", "县发展改革局",
     "2023年12月底前"],
]


def test_a_table_whose_header_is_not_recognised_is_read_with_the_columns_the_editor_assigns(
    client, manager, plans_index, jining_units
):
    from wagtail_disclosure.plans.models import Requirement, TaskPlanPage

    client.force_login(manager)
    html = preview(client, plans_index, name="安排.csv",
                   data=table(UNKNOWN_HEADER)).content.decode()
    assert "No header row was found" in html
    assert "give the letter of each column below" in html
    assert 'name="column_requirement"' in html and 'name="column_header_row"' in html

    # The editor names the columns; the reader finds the header row (the title row above it has
    # one text across the table) and reads the outline under it.
    html = preview(client, plans_index, name="安排.csv", data=table(UNKNOWN_HEADER),
                   column_task="A", column_requirement="B", column_units="C",
                   column_deadline="D").content.decode()
    assert "No header row was found" not in html
    assert "B（内容说明）" in html and "D（办结时间）" in html
    assert "2 new requirements" in html and "2023年6月30日" in html
    assert "2023年某县政务公开重点工作安排" in html, "the title row above the header is the title"

    response = client.post(reverse("wagtail_disclosure_admin:import_plan"), confirm_data(
        html, columns=html.split('name="columns" value="')[1].split('"')[0].replace("&quot;", '"')
    ))
    assert response.status_code == 302
    plan = TaskPlanPage.objects.get()
    assert plan.title == "2023年某县政务公开重点工作安排"
    requirement = Requirement.objects.get(text="细化部门预决算公开。")
    assert requirement.units_raw == "县财政局" and requirement.deadline_raw == "2023年6月底前"

    # The next table with that header is read without asking again.
    html = preview(client, plans_index, name="安排（修订）.csv",
                   data=table(UNKNOWN_HEADER)).content.decode()
    assert "No header row was found" not in html
    assert "as chosen for the last table with this header" in html
    assert "2 unchanged requirements" in html


def test_the_editor_names_the_header_row_when_the_reader_cannot_tell_it(
    client, manager, plans_index, jining_units
):
    client.force_login(manager)
    rows = [["某县政务公开工作安排", "（2023年）", "", ""], *UNKNOWN_HEADER[1:]]
    html = preview(client, plans_index, name="安排.csv", data=table(rows), year=2023,
                   title="某县政务公开工作安排", column_task="A", column_requirement="B",
                   column_units="C", column_deadline="D", column_header_row="2").content.decode()
    assert "B（内容说明）" in html and "2 new requirements" in html


def test_the_editor_assigns_the_columns_without_choosing_the_file_again(
    client, manager, plans_index, jining_units
):
    from django.utils import translation

    from tests.plans.test_admin_import import hidden

    client.force_login(manager)
    html = preview(client, plans_index, name="安排.csv",
                   data=table(UNKNOWN_HEADER)).content.decode()
    assert "No header row was found" in html
    kept, kept_name = hidden(html, "kept_file"), hidden(html, "kept_file_name")
    assert kept and kept_name == "安排.csv"
    assert "Leave empty to read “安排.csv” again" in html

    with translation.override("en"):
        html = client.post(reverse("wagtail_disclosure_admin:import_plan"), {
            "parent": plans_index.pk, "kept_file": kept, "kept_file_name": kept_name,
            "column_task": "A", "column_requirement": "B", "column_units": "C",
            "column_deadline": "D",
        }, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "No header row was found" not in html
    assert "B（内容说明）" in html and "2 new requirements" in html
    assert 'name="import_file_name"' in html, "it can be confirmed from here"


def test_a_kept_upload_is_named_by_the_preview_never_by_a_path(client, manager, plans_index):
    client.force_login(manager)
    html = client.post(reverse("wagtail_disclosure_admin:import_plan"), {
        "parent": plans_index.pk, "kept_file": "../../settings.py", "kept_file_name": "x.csv",
    }).content.decode()
    assert "预览：尚未写入任何内容" not in html and "Unknown upload" not in html
    assert "找不到上传的文件。" in html
