"""The public pages of policy documents, interpretations and the Q&A library pass axe-core."""

import pytest

from tests.builders import load_policy_demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGES = [
    "/policies/",
    "/policies/current/",
    "/policies/yingshang-2022/",
    "/policies/zulin-zhufang-2021/",
    "/interpretations/",
    "/interpretations/yingshang-2022-jiedu/",
    "/interpretations/yingshang-2022-tujie/",
    "/interpretations/wen-jiuye-shipin/",
    "/qa/",
]


@pytest.fixture
def policy_demo(db):
    load_policy_demo()


def test_policy_pages_have_no_serious_accessibility_violations(live_server, page, policy_demo):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems = []
    for path in PAGES:
        page.goto(live_server.url + path)
        result = axe.run(page)
        serious = [v for v in result.response["violations"]
                   if v.get("impact") in ("serious", "critical")]
        if serious:
            problems.append(f"{path}: {result.generate_snapshot()}")
    assert not problems, "\n".join(problems)
