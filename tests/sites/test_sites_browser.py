"""The county sections of the city's pages and a county's own pages pass axe-core.

The county is served at 127.0.0.1 on the live server's port, the city at localhost.
"""

import pytest

from tests.builders import add_county_site, annual_report_index, make_report, plan_2022_requirements

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def city_and_county(live_server, plan_2022, jining_units):
    from wagtail_disclosure.annual_reports.models import AnnualReport

    port = int(live_server.url.rsplit(":", 1)[1])
    add_county_site(hostname="127.0.0.1", port=port)
    annual_report_index()
    rencheng = jining_units["任城区人民政府"]
    for unit in (jining_units["市政府办公室"], rencheng):
        report = AnnualReport.objects.create(unit=unit, year=2022, disclosure_attribute="proactive")
        report.save_revision().publish()
    make_report(plan_2022_requirements(plan_2022, rencheng)[0], rencheng, status="done")
    return port


def test_city_wide_and_county_pages_have_no_serious_accessibility_violations(
    live_server, page, city_and_county
):
    from axe_playwright_python.sync_playwright import Axe

    county = f"http://127.0.0.1:{city_and_county}"
    pages = [
        live_server.url + "/annual-reports/",
        live_server.url + "/plans/2022/",
        county + "/annual-reports/",
        county + "/qa/",
        county + "/request/",
        county + "/xxgk/guide/",
    ]
    axe = Axe()
    problems = []
    for url in pages:
        page.goto(url)
        result = axe.run(page)
        serious = [
            v for v in result.response["violations"] if v.get("impact") in ("serious", "critical")
        ]
        if serious:
            problems.append(f"{url}: {result.generate_snapshot()}")
    page.goto(live_server.url + "/annual-reports/")
    assert page.get_by_role("heading", name="各县（市、区）年报").is_visible()
    assert not problems, "\n".join(problems)
