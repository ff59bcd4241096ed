"""A reader walks the 政府信息公开专栏 from the header, on a desktop and on a 390 px phone, without
JavaScript: every section is reached through the navigation, and every page passes axe."""

import pytest

from tests import builders

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = [(1280, 900), (390, 844)]


@pytest.fixture
def column(db):
    import io

    from django.core.management import call_command

    builders.load_policy_demo()
    builders.annual_report_index()
    call_command("disclosure_column", stdout=io.StringIO())


@pytest.mark.parametrize("width, height", WIDTHS)
def test_the_column_is_walked_from_the_header_and_passes_axe(
    live_server, browser, column, width, height
):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": height},
                                  java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    header_links = page.locator(".site-header .disclosure-nav a")
    titles = header_links.all_inner_texts()
    assert "信息公开指南" in titles and "依申请公开" in titles and "年度工作方案" in titles
    problems = []
    axe = Axe()
    for title in titles:
        page.locator(".site-header .disclosure-nav a", has_text=title).first.click()
        assert page.locator("h1").first.inner_text().strip()
        current = page.locator('.site-header a[aria-current="page"]').all_inner_texts()
        assert title in current, f"{title}: the header marks where the reader is"
        if page.url.rstrip("/") != live_server.url:
            assert page.locator(".disclosure-breadcrumbs").count() == 1
    context.close()
    # axe runs as JavaScript in the page: check the same pages in a context with it.
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    for path in ["/", "/xxgk/", "/xxgk/guide/", "/xxgk/rules/", "/xxgk/statutory/",
                 "/xxgk/annual-reports/", "/xxgk/requests/", "/xxgk/work-plan/"]:
        page.goto(live_server.url + path)
        result = axe.run(page)
        serious = [v for v in result.response["violations"]
                   if v.get("impact") in ("serious", "critical")]
        if serious:
            problems.append(f"{path} at {width}px: {result.generate_snapshot()}")
        width_used = page.evaluate("document.documentElement.scrollWidth")
        if width_used > width:
            problems.append(f"{path} scrolls sideways at {width}px ({width_used}px wide)")
    context.close()
    assert not problems, "\n".join(problems)
