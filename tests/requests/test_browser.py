"""In a real browser: a person submits a request and the unit's editor finds it; the form and
the annual report page pass axe-core without serious or critical violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.builders import annual_report_index, make_unit_editor
from wagtail_disclosure.annual_reports.models import AnnualReport
from wagtail_disclosure.requests.pages import DisclosureRequestPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def serious(page):
    result = Axe().run(page)
    bad = [v for v in result.response["violations"] if v.get("impact") in ("serious", "critical")]
    return bad, result


def test_a_submitted_request_reaches_the_units_editor(live_server, page, home, rencheng):
    form_page = DisclosureRequestPage(title="申请政府信息公开", slug="apply", unit=rencheng)
    home.add_child(instance=form_page)
    make_unit_editor("rencheng", rencheng)

    page.goto(live_server.url + form_page.url)
    bad, result = serious(page)
    assert not bad, result.generate_report()

    page.check("input[name=applicant_type][value=natural_person]")
    page.fill("input[name=applicant_name]", "浏览器申请人")
    page.fill("input[name=id_number]", "11010519491231002X")
    page.fill("input[name=phone]", "13800000000")
    page.fill("input[name=email]", "browser@example.com")
    page.fill("textarea[name=description]", "申请公开任城区2022年老旧小区改造实施方案。")
    page.check("input[name=delivery][value=email]")
    page.click("button[type=submit]")
    page.wait_for_url("**/apply/thanks/")
    receipt = page.locator("dd strong").inner_text()
    assert receipt.startswith("2") and "任城" in receipt

    page.context.clear_cookies()
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "rencheng")
    page.fill("input[name=password]", "pw")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    page.goto(live_server.url + "/admin/snippets/wagtail_disclosure/disclosurerequest/")
    assert page.get_by_text(receipt).count() == 1


def test_the_annual_report_page_is_accessible(live_server, page, office):
    index = annual_report_index()
    report = AnnualReport.objects.create(
        unit=office, year=2022, disclosure_attribute="proactive", overview="<p>总体情况。</p>"
    )
    report.save_revision().publish()
    page.goto(live_server.url + index.report_url(report))
    assert page.locator("table caption").count() == 3
    bad, result = serious(page)
    assert not bad, result.generate_report()
