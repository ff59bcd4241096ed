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
