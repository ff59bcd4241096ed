"""Public plan, task and unit pages are rendered once and kept until what they show changes.

Each story changes one thing the pages show and reads the page again at once: the change is
there on the next request, whatever was cached before.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders import build_generated_plan, make_report
from tests.progress.conftest import first_requirement_of_county_group

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_progress_report_shows_on_the_next_request(client, plan_2022, county):
    requirement = first_requirement_of_county_group(county)
    for url in (plan_2022.url, requirement.task.url, county.url):
        page(client, url)

    make_report(
        requirement,
        county,
        "in_progress",
        datetime.date(2022, 9, 3),
        percent=37,
        narrative="已完成第一批公开目录梳理。",
    )

    assert "已完成第一批公开目录梳理。" in page(client, requirement.task.url)
    assert "37%" in page(client, plan_2022.url + f"?unit=u{county.pk}")
    assert "37%" in page(client, requirement.task.url)


def test_an_edited_requirement_shows_on_the_next_request(client, plan_2022, county):
    requirement = first_requirement_of_county_group(county)
    for url in (plan_2022.url, requirement.task.url, county.url):
        page(client, url)

    requirement.text = "全面公开老旧小区改造项目的进度和资金使用情况。"
    requirement.save()

    for url in (plan_2022.url, requirement.task.url, county.url):
        assert "全面公开老旧小区改造项目的进度和资金使用情况。" in page(client, url)


def test_a_renamed_unit_shows_on_the_next_request(client, plan_2022, office):
    before = page(client, plan_2022.url)
    assert office.title in before

    office.title = "济宁市人民政府办公室（政务公开办）"
    office.save_revision().publish()

    assert "济宁市人民政府办公室（政务公开办）" in page(client, plan_2022.url)


def test_an_unpublished_task_leaves_the_plan_page_on_the_next_request(client, plan_2022):
    task = plan_2022.get_children().live().first().specific
    assert task.title in page(client, plan_2022.url)

    task.unpublish()

    assert f'href="{task.url_path}' not in page(client, plan_2022.url)


def test_a_cached_page_is_served_without_reading_the_plan_again(client, plan_2022):
    page(client, plan_2022.url)
    with CaptureQueriesContext(connection) as queries:
        page(client, plan_2022.url)

    assert not [q for q in queries if "wagtail_disclosure_requirement" in q["sql"]]


def test_each_filter_of_the_plan_page_is_kept_apart(client, plan_2022, county):
    everything = page(client, plan_2022.url)
    one_unit = page(client, plan_2022.url + f"?unit=u{county.pk}")

    assert table(one_unit) != table(everything)
    assert table(page(client, plan_2022.url + f"?unit=u{county.pk}&utm_source=x")) == table(
        one_unit
    )


def test_a_preview_of_a_draft_is_never_kept(client, plan_2022, manager):
    client.force_login(manager)
    page(client, plan_2022.url)
    plan_2022.title = "草稿标题（未发布）"
    plan_2022.save_revision()

    assert "草稿标题（未发布）" not in page(client, plan_2022.url)


def table(html):
    return html[html.index("<h1>") : html.rindex("</table>")]


def cold_queries(client, url):
    """Queries of a request that finds nothing in the cache (site root paths warmed)."""
    client.get(url)
    cache.clear()
    client.get("/")  # the site's root paths, cached for every page alike
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def warm_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_plan_task_and_unit_pages_cost_the_same_queries_at_84_and_2000_requirements(
    client, plan_2022, county
):
    from wagtail_disclosure.plans.models import Requirement
    from wagtail_disclosure.progress.models import ProgressStatus

    small_task = plan_2022.get_children().live().first()
    small = {
        "plan": (cold_queries(client, plan_2022.url), warm_queries(client, plan_2022.url)),
        "task": (cold_queries(client, small_task.url), warm_queries(client, small_task.url)),
        "unit": (cold_queries(client, county.url), warm_queries(client, county.url)),
    }

    big_plan = build_generated_plan(2000, year=2023, per_task=400)
    for r in Requirement.objects.filter(task__path__startswith=big_plan.path)[:300]:
        make_report(r, r.lead_units.first(), ProgressStatus.IN_PROGRESS)
    big_task = big_plan.get_children().first()
    big_task.specific.save_revision().publish()
    big = {
        "plan": (cold_queries(client, big_plan.url), warm_queries(client, big_plan.url)),
        "task": (cold_queries(client, big_task.url), warm_queries(client, big_task.url)),
        "unit": (cold_queries(client, county.url), warm_queries(client, county.url)),
    }

    assert big == small
    assert all(warm < cold for cold, warm in big.values())


def test_a_new_report_shows_on_the_dashboard_at_the_next_request(
    client, plan_2022, county, manager
):
    from django.urls import reverse

    from wagtail_disclosure.progress.models import ReportPanel
    from wagtail_disclosure.progress.panels import summarise

    panel = ReportPanel.objects.create(
        title="任城区台账", kind="unit_ledger", plan=plan_2022, unit=county, show_on_dashboard=True
    )
    client.force_login(manager)
    requirement = first_requirement_of_county_group(county)
    before = page(client, reverse("wagtailadmin_home"))
    summary_before = summarise(panel)
    assert summary_before in before

    make_report(requirement, county, "done", datetime.date(2022, 9, 3), percent=100)

    after = page(client, reverse("wagtailadmin_home"))
    summary_after = summarise(panel)
    assert summary_after != summary_before  # the panel's figures moved
    assert summary_after in after and summary_before not in after


def unit_sections(html):
    return html[html.index("<h1>") :]


def test_a_unit_page_is_served_from_its_kept_sections(client, plan_2022, county):
    page(client, county.url)
    with CaptureQueriesContext(connection) as queries:
        page(client, county.url)

    kept = (
        "wagtail_disclosure_requirement",
        "wagtail_disclosure_policydocumentpage",
        "wagtail_disclosure_annualreport",
        "wagtail_disclosure_consultationpage",
    )
    assert not [q for q in queries if any(table in q["sql"] for table in kept)]


def test_a_newly_issued_document_shows_on_its_unit_page_at_the_next_request(client, county):
    from tests.builders import make_policy_document

    before = page(client, county.url)
    document = make_policy_document(
        "任城区2024年政务公开工作要点", issuer=county, kind="work", requires_interpretation=False
    )
    assert document.title not in before
    document.save_revision().publish()

    assert document.title in unit_sections(page(client, county.url))


def test_a_document_put_behind_a_login_leaves_its_unit_page_at_the_next_request(client, county):
    from wagtail.models import PageViewRestriction

    from tests.builders import make_policy_document

    document = make_policy_document(
        "任城区2024年政务公开工作要点", issuer=county, kind="work", requires_interpretation=False
    )
    document.save_revision().publish()
    assert document.title in page(client, county.url)

    PageViewRestriction.objects.create(page=document, restriction_type="login")

    assert document.title not in page(client, county.url)
