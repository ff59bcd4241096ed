"""In a real browser: a unit editor files a report and sees it on the public plan page, which
passes axe-core with no serious or critical violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from wagtail_disclosure.progress.models import ProgressReport

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def serious(result):
    return [v for v in result.response["violations"] if v.get("impact") in ("serious", "critical")]


def test_a_unit_editor_files_a_report_and_the_public_sees_it(
    live_server, page, plan_2022, county, county_requirement, county_editor
):
    requirement = county_requirement
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "rencheng")
    page.fill("input[name=password]", "pw")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.locator("[id*='disclosure-my-unit-work']").count() >= 1

    page.goto(
        f"{live_server.url}/admin/snippets/wagtail_disclosure/progressreport/add/"
        f"?requirement={requirement.pk}&unit={county.pk}"
    )
    page.select_option("select[name=status]", "done")
    page.fill("input[name=percent]", "100")
    page.fill("textarea[name=narrative]", "专栏已上线，相关信息全部公开。")
    page.locator("button.action-save").first.click()
    page.wait_for_url("**/progressreport/**")
    report = ProgressReport.objects.get(requirement=requirement, unit=county)
    assert (report.status, report.percent, report.author) == ("done", 100, county_editor)

    page.goto(f"{live_server.url}{plan_2022.url}?unit=u{county.pk}&state=done")
    assert page.locator("tr[id^='requirement-']").count() == 1
    assert page.locator(f"#requirement-{requirement.pk}").count() == 1
    page.goto(f"{live_server.url}{requirement.task.url}")
    assert "专栏已上线，相关信息全部公开。" in page.content()


def test_the_public_plan_page_passes_axe(live_server, page, plan_2022, county):
    for query in ("", f"?unit=u{county.pk}&section=1"):
        page.goto(f"{live_server.url}{plan_2022.url}{query}")
        result = Axe().run(page)
        assert not serious(result), result.generate_snapshot()
