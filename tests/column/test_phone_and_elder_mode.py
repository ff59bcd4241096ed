"""On a 390 px phone, in normal and elder mode, the plan, an annual report and the request form
never scroll sideways, and elder mode enlarges radio buttons, buttons and focus rings too."""

import pytest

from tests.builders import annual_report_index
from wagtail_disclosure.annual_reports.models import AnnualReport
from wagtail_disclosure.core.elder_mode import ELDER_MODE_COOKIE
from wagtail_disclosure.requests.pages import DisclosureRequestPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def pages(home, office, rencheng):
    home.add_child(instance=DisclosureRequestPage(title="申请政府信息公开", slug="apply",
                                                  unit=rencheng))
    index = annual_report_index()
    report = AnnualReport.objects.create(
        unit=office, year=2022, disclosure_attribute="proactive", overview="<p>总体情况。</p>"
    )
    report.save_revision().publish()
    return ["/plans/2022/", index.report_url(report), "/apply/"]


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_pages_fit_a_phone(live_server, browser, pages, elder):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    if elder:
        context.add_cookies([{"name": ELDER_MODE_COOKIE, "value": "1", "url": live_server.url}])
    page = context.new_page()
    for path in pages:
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    if elder:
        radio = page.locator("input[type=radio]").first.bounding_box()
        button = page.locator("button[type=submit]").first.bounding_box()
        assert radio["width"] >= 24 and button["height"] >= 44
        page.locator("input[name=applicant_name]").focus()
        outline = page.evaluate(
            "getComputedStyle(document.activeElement).outlineWidth")
        assert float(outline.rstrip("px")) >= 4
    context.close()
