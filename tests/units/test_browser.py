"""In a real browser: a citizen opens a unit's page and finds its name and phone number."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def serious_violations(page):
    result = Axe().run(page)
    return [
        v for v in result.response["violations"] if v.get("impact") in ("serious", "critical")
    ], result


def test_a_citizen_finds_a_units_name_and_phone(live_server, page, jining_units):
    unit = jining_units["市发展改革委"]

    page.goto(live_server.url + unit.url)

    assert page.get_by_role("heading", level=1).inner_text() == "市发展改革委"
    assert page.get_by_text("0537-2967101").is_visible()
    violations, result = serious_violations(page)
    assert not violations, result.generate_snapshot()


def test_elder_mode_is_one_click_and_stays_accessible(live_server, page, jining_units):
    unit = jining_units["市发展改革委"]
    page.goto(live_server.url + unit.url)

    page.get_by_role("link", name="适老模式（大字体、高对比度）").click()

    assert "elder-mode" in page.locator("body").get_attribute("class")
    font_size = page.evaluate("getComputedStyle(document.body).fontSize")
    assert float(font_size.rstrip("px")) >= 24
    violations, result = serious_violations(page)
    assert not violations, result.generate_snapshot()
