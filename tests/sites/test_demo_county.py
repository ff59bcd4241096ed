"""The demo's 任城区: its own site with a 2022 plan of the city's rows naming it, documents, Q&A
and its annual report, loaded twice without change."""

import io

import pytest

from wagtail_disclosure.plans.models import Requirement, TaskPlanPage

pytestmark = pytest.mark.django_db


def test_the_demo_serves_rencheng_with_its_own_plan_documents_and_questions(
    client, home, plan_2022, jining_units
):
    from demo import county, policies

    policies.load(io.StringIO())
    county.load(io.StringIO())
    county.load(io.StringIO())  # again: nothing doubles

    plan = TaskPlanPage.objects.get(title="任城区2022年政务公开工作任务分解表")
    rows = Requirement.objects.filter(task__path__startswith=plan.path)
    assert 0 < rows.count() <= county.PLAN_ROWS
    assert all(r.lead_units.get().title == "任城区人民政府" for r in rows)

    host = {"HTTP_HOST": f"{county.HOSTNAME}:{county.PORT}"}
    qa = client.get("/qa/", **host).content.decode()
    assert "任城区保障性租赁住房向谁申请？" in qa
    assert "任城区" in client.get("/annual-reports/", **host).content.decode()
    policies_page = client.get("/policies/", **host).content.decode()
    assert "任城区保障性租赁住房工作实施方案" in policies_page
    assert "济宁市人民政府办公室关于印发济宁市优化营商环境若干措施的通知" not in policies_page
