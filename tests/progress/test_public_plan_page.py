"""The public sees the plan as the notice printed it, with each requirement's progress."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.builders import build_generated_plan, make_report
from wagtail_disclosure.plans.models import Requirement
from wagtail_disclosure.progress.models import ProgressStatus
from wagtail_disclosure.progress.responsibilities import requirements_for_units


@pytest.fixture
def client_en(client):
    with translation.override("en"):
        yield client


def test_the_plan_page_shows_every_section_task_and_requirement(client_en, plan_2022):
    response = client_en.get(plan_2022.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<tr id="requirement-') == 84
    assert html.count('<section aria-labelledby="plan-section-') == 5
    assert "一、深化重点领域信息公开" in html
    assert "by 2022年10月31日, then ongoing" in html
    assert "by 2022年12月31日" in html
    # Units link to their pages; names no unit matched are kept as written.
    assert '<a href="/units/' in html
    assert "市政府有关部门、单位" in html
    assert "updated regularly" in html


def test_filters_by_unit_group_section_and_state_work_from_the_query_string(
    client, plan_2022, county, jining_units
):
    finance = jining_units["市财政局"]
    # Directly named, or through 市政府各部门、单位 (of which it is a member).
    finance_rows = requirements_for_units([finance.pk]).count()
    assert finance_rows > Requirement.objects.filter(lead_units=finance).count()
    html = client.get(plan_2022.url, {"unit": f"u{finance.pk}"}).content.decode()
    assert html.count('<tr id="requirement-') == finance_rows
    # A county answers through the county group: filtering by the county finds those rows.
    html = client.get(plan_2022.url, {"unit": f"u{county.pk}"}).content.decode()
    county_rows = html.count('<tr id="requirement-')
    assert county_rows > finance_rows
    group = county.explicit_groups.get(name__startswith="各县")
    html = client.get(plan_2022.url, {"unit": f"g{group.pk}"}).content.decode()
    assert html.count('<tr id="requirement-') >= county_rows
    html = client.get(plan_2022.url, {"section": "5"}).content.decode()
    assert "plan-section-5" in html and "plan-section-1" not in html
    html = client.get(plan_2022.url, {"state": "done"}).content.decode()
    assert html.count('<tr id="requirement-') == 0


def test_a_report_changes_the_state_shown(client, plan_2022, county, county_requirement):
    # The county is named in no requirement itself: it answers through the county group.
    assert not Requirement.objects.filter(lead_units=county).exists()
    requirement = county_requirement
    make_report(requirement, county, ProgressStatus.DONE)
    html = client.get(plan_2022.url, {"unit": f"u{county.pk}", "state": "done"}).content.decode()
    assert html.count('<tr id="requirement-') == 1
    assert f'id="requirement-{requirement.pk}"' in html


def test_the_task_page_shows_progress_history_without_authors(
    client, plan_2022, county, county_requirement, manager
):
    requirement = county_requirement
    make_report(
        requirement,
        county,
        ProgressStatus.IN_PROGRESS,
        datetime.date(2022, 8, 1),
        percent=40,
        narrative="已完成专栏改版方案。",
        author=manager,
    )
    make_report(
        requirement,
        county,
        ProgressStatus.DONE,
        datetime.date(2022, 10, 20),
        narrative="专栏已上线运行。",
        author=manager,
    )
    html = client.get(requirement.task.url).content.decode()
    assert "已完成专栏改版方案。" in html and "专栏已上线运行。" in html
    assert html.index("2022年10月20日") < html.index("2022年8月1日")
    assert "manager" not in html


def test_a_unit_page_lists_what_the_unit_answers_for(client, plan_2022, county):
    html = client.get(county.url).content.decode()
    assert plan_2022.title in html
    assert html.count("<tbody><tr>") + html.count("</tr><tr>") > 10


@pytest.mark.parametrize("size", [2000])
def test_the_plan_page_runs_as_many_queries_at_2000_requirements_as_at_84(
    client, plan_2022, size, county
):
    def count(url):
        client.get(url)  # warm caches (site root paths)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small = count(plan_2022.url)
    big_plan = build_generated_plan(size, year=2023)
    for r in Requirement.objects.filter(task__path__startswith=big_plan.path)[:300]:
        make_report(r, r.lead_units.first(), ProgressStatus.IN_PROGRESS)
    assert Requirement.objects.filter(task__path__startswith=big_plan.path).count() == size
    assert count(big_plan.url) == small
    assert count(big_plan.url + f"?unit=u{county.pk}") == count(
        plan_2022.url + f"?unit=u{county.pk}"
    )
