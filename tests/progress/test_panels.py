"""Reporting panels: five kinds, on the dashboard by scope, and on public pages by block."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.builders import build_generated_plan, make_report
from wagtail_disclosure.core.panels import kind_choices, panel_kinds
from wagtail_disclosure.progress.models import ReportPanel

KINDS = [
    "completion_by_unit",
    "completion_by_section",
    "overdue",
    "upcoming_deadlines",
    "unit_ledger",
]


def make_panels(plan, county, other_county):
    return [
        ReportPanel.objects.create(
            title="各单位完成情况", kind="completion_by_unit", plan=plan, show_on_dashboard=True
        ),
        ReportPanel.objects.create(
            title="各板块完成情况", kind="completion_by_section", plan=plan, show_on_dashboard=True
        ),
        ReportPanel.objects.create(
            title="逾期事项", kind="overdue", plan=plan, show_on_dashboard=True
        ),
        ReportPanel.objects.create(
            title="30日内到期",
            kind="upcoming_deadlines",
            plan=plan,
            days=30,
            show_on_dashboard=True,
        ),
        ReportPanel.objects.create(
            title="任城区台账", kind="unit_ledger", plan=plan, unit=county, show_on_dashboard=True
        ),
        ReportPanel.objects.create(
            title="曲阜市台账",
            kind="unit_ledger",
            plan=plan,
            unit=other_county,
            show_on_dashboard=True,
        ),
        ReportPanel.objects.create(title="不上工作台", kind="overdue", plan=plan),
    ]


def test_the_five_kinds_are_registered_by_hook():
    assert set(KINDS) <= set(panel_kinds())
    assert set(KINDS) <= {code for code, _label in kind_choices()}


def test_every_kind_renders_an_accessible_chart_or_list_with_a_data_table(
    plan_2022, county, county_requirement, other_county
):
    make_report(county_requirement, county, "done")
    with translation.override("en"):
        for panel in make_panels(plan_2022, county, other_county):
            html = str(panel.render(None))
            if panel.kind == "upcoming_deadlines":  # 2022 is over: nothing is coming up
                assert "No deadline falls in the next 30 days." in html
                continue
            assert "<table" in html and "<caption>" in html and 'scope="col"' in html
            assert "<script" not in html
            if panel.kind in ("completion_by_unit", "completion_by_section", "unit_ledger"):
                svg = re.search(r"<svg[^>]*>", html).group(0)
                assert 'role="img"' in svg
                ids = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
                assert f'<title id="{ids[0]}">' in html and f'<desc id="{ids[1]}">' in html
    html = str(ReportPanel.objects.get(kind="completion_by_unit").render(None))
    assert "任城区人民政府" in html
    overdue = str(ReportPanel.objects.get(title="逾期事项").render(None))
    assert "任城区人民政府" in overdue  # 2022's deadlines have all passed


def test_the_dashboard_shows_a_manager_every_dashboard_panel(
    client, plan_2022, county, other_county, manager
):
    make_panels(plan_2022, county, other_county)
    client.force_login(manager)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    for title in [
        "各单位完成情况",
        "各板块完成情况",
        "逾期事项",
        "30日内到期",
        "任城区台账",
        "曲阜市台账",
    ]:
        assert title in html
    assert "不上工作台" not in html


def test_a_unit_editor_sees_their_own_work_first_and_only_panels_in_their_scope(
    client, plan_2022, county, other_county, county_editor
):
    make_panels(plan_2022, county, other_county)
    client.force_login(county_editor)
    with translation.override("en"):
        html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "任城区台账" in html and "各单位完成情况" in html
    assert "曲阜市台账" not in html
    assert html.index("disclosure-my-unit-work") < html.index("任城区台账")
    assert "File a report" in html


def test_the_dashboard_runs_as_many_queries_at_2000_requirements_as_at_84(
    client, plan_2022, county, other_county, manager
):
    panels = make_panels(plan_2022, county, other_county)
    client.force_login(manager)

    def count():
        client.get(reverse("wagtailadmin_home"))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("wagtailadmin_home")).status_code == 200
        return len(queries)

    small = count()
    big = build_generated_plan(2000, year=2023)
    ReportPanel.objects.filter(pk__in=[p.pk for p in panels]).update(plan=big)
    assert count() == small


def test_a_panel_on_the_home_page_through_the_stream_block(client, plan_2022, county, other_county):
    from home.models import HomePage

    panel = make_panels(plan_2022, county, other_county)[0]
    home = HomePage.objects.first()
    home.body.append(
        ("report_panel", {"panel": panel, "heading": "任务落实情况", "introduction": ""})
    )
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert "任务落实情况" in html
    assert 'role="img"' in html and "任城区人民政府" in html


def test_the_panel_form_offers_the_registered_kinds(client, manager):
    client.force_login(manager)
    html = client.get(reverse("wagtailsnippets_wagtail_disclosure_reportpanel:add")).content
    for code in KINDS:
        assert f'value="{code}"'.encode() in html


@pytest.mark.parametrize("kind", ["unit_ledger"])
def test_a_ledger_panel_needs_a_unit(client, manager, plan_2022, kind):
    client.force_login(manager)
    response = client.post(
        reverse("wagtailsnippets_wagtail_disclosure_reportpanel:add"),
        {"title": "台账", "kind": kind, "plan": plan_2022.pk, "days": 30, "sort_order": 0},
    )
    assert response.status_code == 200
    assert not ReportPanel.objects.exists()


def test_dashboard_panels_summarise_and_link_to_the_full_report(
    client, plan_2022, county, other_county, manager
):
    make_panels(plan_2022, county, other_county)
    client.force_login(manager)
    with translation.override("en"):
        html = client.get(reverse("wagtailadmin_home")).content.decode()
    by_unit = html.split("各单位完成情况", 1)[1].split("各板块完成情况")[0]
    assert "disclosure-panel-table" not in by_unit  # the whole table is the report's
    assert len(re.findall(r'class="disclosure-bar"|<rect', by_unit)) <= 2 * 5 + 2
    assert "requirements done" in by_unit and "overdue" in by_unit
    assert reverse("wagtail_disclosure_admin:ledger") + f"?plan={plan_2022.pk}" in by_unit
    overdue = html.split("逾期事项", 1)[1].split("30日内到期")[0]
    assert reverse("wagtail_disclosure_admin:overdue") in overdue
    assert overdue.count("<li>") <= 5 + 4  # five rows and the four figures
