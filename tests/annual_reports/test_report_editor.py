"""The annual report editor: tables 二 and 三 as computed, a preview of the public page before
publishing, and the year's work pre-filled from the task plan's progress."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.builders import make_report, make_request
from wagtail_disclosure.annual_reports.models import AnnualReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(office):
    from datetime import date

    make_request(office, date(2022, 3, 1))
    report = AnnualReport(unit=office, year=2022, overview="<p>总体情况。</p>")
    report.save()
    report.save_revision()
    return report


def test_the_editor_shows_tables_two_and_three_as_computed(client, manager, report):
    client.force_login(manager)
    with translation.override("en"):
        html = client.get(
            reverse("wagtailsnippets_wagtail_disclosure_annualreport:edit", args=[report.pk]),
            HTTP_ACCEPT_LANGUAGE="en",
        ).content.decode()
    assert "Table 2 as computed" in html and "Table 3 as computed" in html
    assert html.count("disclosure-annual-table") == 2
    assert report.computed_figures["t3.received.total"] == 1


def test_the_preview_shows_the_public_page_before_publishing(report):
    response = report.make_preview_request()
    html = response.content.decode()
    assert response.status_code == 200 and not report.live
    assert "总体情况。" in html and html.count("disclosure-annual-table") == 3


def test_a_new_report_starts_with_the_year_work_from_the_task_plan(plan_2022, rencheng):
    from tests.progress.conftest import first_requirement_of_county_group

    make_report(first_requirement_of_county_group(rencheng), rencheng, "done")
    report = AnnualReport(unit=rencheng, year=2022)
    report.full_clean()
    assert "2022" in report.overview and "<p>" in report.overview
    assert "1 done" in report.overview or "完成1" in report.overview or "1项" in report.overview

    kept = AnnualReport(unit=rencheng, year=2022, overview="<p>编辑已写好的概述。</p>")
    kept.full_clean()
    assert kept.overview == "<p>编辑已写好的概述。</p>"
