"""The statutory content pages pass axe-core in a real browser, also at 390 px and in elder mode."""

import pytest

# The live server reads the database from another thread, so the data must be committed.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def serious(result):
    return [
        (v["id"], [n["html"] for n in v["nodes"]])
        for v in result.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]


@pytest.mark.parametrize("which", ["index", "category"])
def test_the_statutory_pages_pass_axe(live_server, page, statutory, which):
    from axe_playwright_python.sync_playwright import Axe

    url = statutory.index.url
    if which == "category":
        url += statutory.index.reverse_subpage("category", args=["budgets"])
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + url)
    assert page.locator("h1").inner_text() in ("法定主动公开内容", "财政预决算")
    # Nothing wider than the phone's screen but the scrolling table region.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390

    result = Axe().run(page)
    assert not serious(result), serious(result)


def test_the_category_page_reads_in_elder_mode_and_filters_without_javascript(
    live_server, page, statutory
):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(live_server.url + statutory.index.url
              + statutory.index.reverse_subpage("category", args=["budgets"]))
    page.select_option("#statutory-unit", str(statutory.rencheng.pk))
    page.get_by_role("button", name="查询").click()
    assert page.locator("h2").all_inner_texts() == ["任城区人民政府"]

    page.locator(".disclosure-elder-toggle").click()
    assert "elder-mode" in page.locator("body").get_attribute("class")
    result = Axe().run(page, context="main")
    assert not serious(result), serious(result)
