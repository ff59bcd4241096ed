"""A plan is its issuer's, with its title and year: another office's table for the same year
makes a new plan unless the editor chooses the existing one, and a table without a title row
needs the title from the form (never the file's name)."""

import csv
import io

import pytest
from django.urls import reverse

from tests.plans.test_admin_import import confirm_data, preview

pytestmark = pytest.mark.django_db


@pytest.fixture
def index_with_plan(plan_2022):
    """The plan index holding the Jining 2022 plan (issued by 市政府办公室)."""
    from tests import builders

    return builders.plans_index()

ZOUCHENG_ROWS = [
    ["2022年邹城市政务公开工作任务分解表"],
    ["工作任务", "责任单位", "具体要求", "完成时限"],
    ["一、深化重点领域信息公开", None, None, None],
    ["（一）推进财政信息公开", "邹城市人民政府", "细化部门预决算公开。", "2022年6月底前"],
    ["（二）推进住房信息公开", "邹城市人民政府", "公开保障性住房分配结果。", "全年"],
]


def table(rows):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def test_a_second_offices_table_of_the_same_year_makes_a_new_plan(
    client, manager, index_with_plan, plan_2022
):
    from wagtail_disclosure.plans.models import Requirement, TaskPlanPage

    jining_requirements = Requirement.objects.filter(task__path__startswith=plan_2022.path)
    before = jining_requirements.count()
    client.force_login(manager)
    response = preview(client, index_with_plan, name="附件.csv", data=table(ZOUCHENG_ROWS))
    html = response.content.decode()
    assert "A new plan will be created" in html and "2022-2" in html
    assert plan_2022.title in html  # named among the plans of the same year, not targeted
    assert "no longer in the table" not in html or "0 requirements no longer" in html

    response = client.post(reverse("wagtail_disclosure_admin:import_plan"), confirm_data(html))
    assert response.status_code == 302
    new = TaskPlanPage.objects.get(title="2022年邹城市政务公开工作任务分解表")
    assert new.pk != plan_2022.pk and new.year == 2022 and new.slug == "2022-2"
    assert jining_requirements.count() == before


def test_the_editor_may_choose_the_existing_plan(client, manager, index_with_plan, plan_2022):
    client.force_login(manager)
    response = preview(client, index_with_plan, name="附件.csv", data=table(ZOUCHENG_ROWS),
                       plan=plan_2022.pk)
    html = response.content.decode()
    assert "The import updates the existing plan" in html and plan_2022.title in html


def test_the_same_table_again_finds_its_plan_by_title(
    client, manager, index_with_plan, plan_2022
):
    client.force_login(manager)
    html = preview(client, index_with_plan).content.decode()  # the Jining table
    assert "The import updates the existing plan" in html


def test_a_table_without_a_title_row_needs_the_title_from_the_form(
    client, manager, plans_index, jining_units
):
    from wagtail_disclosure.plans.models import TaskPlanPage

    client.force_login(manager)
    rows = ZOUCHENG_ROWS[1:]
    html = preview(client, plans_index, name="附件2.csv", data=table(rows), year=2022)
    html = html.content.decode()
    assert 'id="plan-title-missing"' in html
    assert "import_file_name" not in html  # nothing to confirm yet

    zoucheng = jining_units["邹城市人民政府"].pk
    response = preview(client, plans_index, name="附件2.csv", data=table(rows), year=2022,
                       title="邹城市2022年政务公开工作任务", issuer=zoucheng)
    html = response.content.decode()
    assert 'id="plan-title-missing"' not in html
    data = confirm_data(html)
    untitled = client.post(reverse("wagtail_disclosure_admin:import_plan"), data)
    assert untitled.status_code == 200 and not TaskPlanPage.objects.exists()
    data.update(title="邹城市2022年政务公开工作任务", issuer=jining_units["邹城市人民政府"].pk)
    client.post(reverse("wagtail_disclosure_admin:import_plan"), data)
    plan = TaskPlanPage.objects.get(year=2022)
    assert plan.title == "邹城市2022年政务公开工作任务"
    assert plan.issuer == jining_units["邹城市人民政府"]


def test_the_preview_shows_the_old_and_new_value_of_a_change(
    client, manager, index_with_plan, plan_2022
):
    from tests.jining import DATA

    rows = list(csv.reader(io.StringIO((DATA / "task-table.csv").read_text(encoding="utf-8"))))
    first = next(row for row in rows if row[0].startswith("(一)"))
    first[3] = "2022年6月底前"
    client.force_login(manager)
    html = preview(client, index_with_plan, name="task-table.csv", data=table(rows),
                   year=2022, plan=plan_2022.pk).content.decode()
    assert "1 changed requirements" in html
    values = html.split('class="disclosure-change-values"')[1].split("</dl>")[0]
    assert "<del" in values and "全年" in values
    assert "<ins" in values and "2022年6月底前" in values
    assert "2022年6月30日" in values and "2022年12月31日" in values
