"""The column's pages pass axe-core in a real browser (no serious or critical violations)."""

import pytest

# The live server reads the database from another thread, so the data must be committed.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def site_tree(transactional_db):
    """The locale, root, home page and site the migrations made, gone once a transactional test has
    flushed the database."""
    from django.conf import settings
    from home.models import HomePage
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page, Site

    if Page.objects.filter(depth=1).exists():
        return
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePage(title="首页", slug="home")
    root.add_child(instance=home)
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)


def serious(result):
    return [
        (v["id"], [n["html"] for n in v["nodes"]])
        for v in result.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]


@pytest.mark.parametrize("which", ["column", "sector", "entity"])
def test_the_column_pages_pass_axe(live_server, page, column, which):
    from axe_playwright_python.sync_playwright import Axe

    target = {
        "column": column.page,
        "sector": column.sectors["供水"],
        "entity": column.entities["城区供水公司"],
    }[which]
    page.goto(live_server.url + target.url)
    assert page.locator("h1").inner_text() == target.title

    result = Axe().run(page)

    assert not serious(result), serious(result)


def test_the_column_reads_in_elder_mode_without_violations(live_server, page, column):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(live_server.url + column.sectors["供水"].url)
    page.locator(".disclosure-elder-toggle").click()
    assert "elder-mode" in page.locator("body").get_attribute("class")
    # The column's own content; the example site's footer is outside it.
    result = Axe().run(page, context="main")
    assert not serious(result), serious(result)
