"""The column's pages pass axe-core in a real browser (no serious or critical violations)."""

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
