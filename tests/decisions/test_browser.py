"""In a real browser: the directory, a decision item and the registration form pass axe-core,
fit a 390 px phone in normal and elder mode, and a resident registers without JavaScript."""

import io

import pytest

from tests.builders import load_policy_demo
from wagtail_disclosure.core.elder_mode import ELDER_MODE_COOKIE
from wagtail_disclosure.decisions.models import DecisionMeeting, DelegateRegistration

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DIRECTORY = "/decisions/2022/"
ITEM = "/decisions/2022/chengshi-gengxin/"


@pytest.fixture
def demo(jining_units, settings):
    """The demo directory, on a day the meeting's registration is open."""
    from demo import decisions

    settings.WAGTAIL_DISCLOSURE_TODAY = "2022-05-20"
    load_policy_demo()
    decisions.load(io.StringIO())
    meeting = DecisionMeeting.objects.get()
    return f"{ITEM}meetings/{meeting.pk}/register/"


def serious_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page)
    serious = [v for v in result.response["violations"]
               if v.get("impact") in ("serious", "critical")]
    return result.generate_snapshot() if serious else ""


def test_the_decision_pages_have_no_serious_accessibility_violations(live_server, page, demo):
    problems = []
    for path in (DIRECTORY, ITEM, demo):
        page.goto(live_server.url + path)
        found = serious_violations(page)
        if found:
            problems.append(f"{path}: {found}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_the_decision_pages_fit_a_phone(live_server, browser, demo, elder):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    if elder:
        context.add_cookies([{"name": ELDER_MODE_COOKIE, "value": "1", "url": live_server.url}])
    page = context.new_page()
    for path in (DIRECTORY, ITEM, demo):
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    context.close()


def test_a_resident_registers_without_javascript(live_server, browser, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + ITEM)
    page.get_by_role("link", name="报名列席会议").click()
    page.get_by_role("textbox", name="姓名").fill("孙丽")
    page.get_by_label("界别或职业").fill("社区工作者")
    page.get_by_label("电话或电子邮箱").fill("13905378888")
    page.get_by_label("报名理由").fill("长期从事社区工作，了解居民诉求。")
    page.get_by_label("如入选，同意公开我的姓名和界别").check()
    page.get_by_role("button", name="提交报名").click()

    assert page.get_by_role("heading", name="报名已收到").is_visible()
    registration = DelegateRegistration.objects.get(name="孙丽")
    assert registration.consent_to_publish and registration.contact == "13905378888"
    context.close()
