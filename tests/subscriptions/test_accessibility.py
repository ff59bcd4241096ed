"""The subscription screens pass axe-core, on a desktop and on a 390 px phone."""

import pytest

from tests.builders import load_policy_demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def policy_demo(db):
    load_policy_demo()


def serious_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page)
    serious = [v for v in result.response["violations"]
               if v.get("impact") in ("serious", "critical")]
    return result.generate_snapshot() if serious else ""


@pytest.mark.parametrize("width", [1280, 390])
def test_subscribing_has_no_serious_accessibility_violations(live_server, page, policy_demo,
                                                             width):
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    page.goto(live_server.url + "/disclosure/subscribe/")
    problems.append(serious_violations(page))
    page.click("button[type=submit]")  # nothing filled in: the error summary
    page.wait_for_selector(".disclosure-alert")
    problems.append(serious_violations(page))
    page.goto(live_server.url + "/disclosure/subscribe/confirm/not-a-token/")
    problems.append(serious_violations(page))
    page.goto(live_server.url + "/policies/")
    problems.append(serious_violations(page))
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= max(width, 390) + 1
    assert not any(problems), "\n".join(p for p in problems if p)
