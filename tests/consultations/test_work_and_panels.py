"""Where the office sees its consultations: the dashboard (open ones, overdue feedback
reports, coming open days), the reporting panel kind, the annual report's overview, and the
index page of the column."""

import datetime

import pytest
from django.urls import reverse

from tests.builders import (
    consultation_index,
    make_comment,
    make_consultation,
    make_open_day,
    make_unit_editor,
)
from tests.consultations.conftest import OPENS
from wagtail_disclosure.annual_reports.work import prefilled_overview
from wagtail_disclosure.consultations.pages import FeedbackGroup
from wagtail_disclosure.consultations.reporting import CODE, consultations, state_figures
from wagtail_disclosure.core.panels import panel_kinds

pytestmark = pytest.mark.django_db


def publish_report(consultation, on_day, day):
    on_day(day)
    consultation.feedback_groups = [FeedbackGroup(topic="总体意见", decision="adopted")]
    consultation.publish_feedback_report = True
    consultation.save_revision().publish()
    consultation.refresh_from_db()
    assert consultation.publish_feedback_report


@pytest.fixture
def year_of_consultations(office, rencheng, on_day):
    """For 市政府办公室: one reported on time, one reported late, one overdue, one open;
    and one of 任城区 open."""
    on_day(datetime.date(2022, 6, 1))
    on_time = make_consultation(office, datetime.date(2022, 3, 1), title="按时公布的")
    late = make_consultation(office, datetime.date(2022, 4, 1), title="逾期公布的")
    publish_report(on_time, on_day, datetime.date(2022, 4, 15))
    publish_report(late, on_day, datetime.date(2022, 6, 20))
    overdue = make_consultation(office, datetime.date(2022, 9, 1), title="逾期未公布的")
    make_comment(overdue)
    is_open = make_consultation(office, datetime.date(2022, 11, 1), title="正在征集的")
    theirs = make_consultation(rencheng, datetime.date(2022, 11, 5), title="任城区正在征集的")
    on_day(datetime.date(2022, 11, 10))
    return on_time, late, overdue, is_open, theirs


def test_the_panel_kind_counts_states_and_reports_on_time(year_of_consultations, office):
    figures = state_figures(consultations([office.pk]), today=datetime.date(2022, 11, 10))
    assert figures.by_state == {"upcoming": 0, "open": 1, "closed": 1, "reported": 2}
    assert (figures.reported, figures.on_time, figures.overdue) == (2, 1, 1)
    kind = panel_kinds()[CODE]

    class Panel:
        title = "意见征集情况"
        unit = office

    html = str(kind.render(Panel()))
    assert "<svg" in html and "<table" in html
    assert "1 / 2（50%）" in html


def test_each_unit_sees_its_open_consultations_and_overdue_reports(
    client, year_of_consultations, office, rencheng
):
    make_open_day(office, datetime.date(2022, 11, 18), title="走进市政府办公室")
    client.force_login(make_unit_editor("office", office))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "正在征集的" in dashboard and "还剩21天" in dashboard
    assert "逾期未公布的" in dashboard and "采纳情况逾期未公布" in dashboard
    assert "按时公布的" not in dashboard
    assert "任城区正在征集的" not in dashboard
    assert "走进市政府办公室" in dashboard

    client.force_login(make_unit_editor("rencheng", rencheng))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "任城区正在征集的" in dashboard and "逾期未公布的" not in dashboard
    assert "走进市政府办公室" not in dashboard


def test_the_annual_report_overview_counts_the_years_consultations(
    year_of_consultations, office
):
    overview = prefilled_overview(office, 2022)
    assert (
        "2022年，本单位公开征求意见的草案4件，收到意见建议1条；"
        "其中2件已公布意见收集和采纳情况。"
    ) in overview
    assert "征求意见" not in prefilled_overview(office, 2021)


def test_the_index_lists_open_consultations_first(client, year_of_consultations):
    html = client.get(consultation_index().url).content.decode()
    assert html.index("正在征集的") < html.index("按时公布的")
    assert "采纳情况已公布" in html


def test_a_consultation_opening_later_shows_when(client, office, on_day):
    on_day(OPENS - datetime.timedelta(days=3))
    page = make_consultation(office, OPENS)
    html = client.get(page.url).content.decode()
    assert "尚未开始" in html and "自2022年11月1日起可提交意见" in html


def test_a_units_page_lists_its_consultations(client, year_of_consultations, office, rencheng):
    html = client.get(office.url).content.decode()
    assert "正在征集的" in html and "按时公布的" in html
    assert "任城区正在征集的" not in html


def test_a_reporting_panel_of_the_kind_shows_on_the_dashboard(
    client, year_of_consultations, office, manager
):
    from wagtail_disclosure.progress.models import ReportPanel

    ReportPanel.objects.create(
        title="办公室意见征集情况", kind=CODE, unit=office, show_on_dashboard=True
    )
    client.force_login(manager)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "办公室意见征集情况" in html and "1 / 2（50%）" in html
