"""An office editor's admin screens read in Chinese: a browser scans the app's screens for English
left untranslated, Wagtail's own strings included (those its catalogue lacks ship in ours)."""

import re

import pytest

from tests import builders

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ENGLISH = re.compile(r"[A-Za-z][A-Za-z’'…\-]*(?:\s+[A-Za-z][A-Za-z’'…\-]*)*")
#: Names that are English in Chinese too, data shown as written (file names, column identifiers
#: an import file must use), and strings of Wagtail's JavaScript catalogue, which Wagtail serves
#: from its own package only (an app cannot complete it; they belong upstream, in Wagtail's
#: translations).
ALLOWED = {
    "Excel", "CSV", "Word", "PDF", "WPS", "GBK", "UTF-", "Wagtail", "admin", "manager",
    "xlsx", "xls", "csv", "docx", "txt",
    "name", "full", "kind", "parent", "groups", "aliases", "task-table", "chinese-calendar",
    "new items in this menu", "Insert a block", "Actions",
}


def english_on(page):
    text = page.evaluate(
        "() => document.body.innerText + ' ' + [...document.querySelectorAll("
        "'[placeholder],[aria-label],[title]')].map(e => [e.getAttribute('placeholder'), "
        "e.getAttribute('aria-label'), e.getAttribute('title')].join(' ')).join(' ')"
    )
    found = {m.group(0) for m in ENGLISH.finditer(text)}
    return sorted(w for w in found if len(w) > 2 and w not in ALLOWED)


@pytest.fixture
def screens(db, plan_2022):
    builders.load_policy_demo()
    from wagtail_disclosure.policies.models import PolicyDocumentPage

    document = PolicyDocumentPage.objects.order_by("pk").first()
    library = document.get_parent()
    return [
        "/admin/",
        f"/admin/pages/{library.pk}/",
        f"/admin/pages/{document.pk}/edit/",
        f"/admin/pages/add/wagtail_disclosure/policydocumentpage/{library.pk}/",
        f"/admin/disclosure/policies/{document.pk}/new-interpretation/",
        f"/admin/pages/{plan_2022.pk}/edit/",
        "/admin/disclosure/plans/import/",
        "/admin/disclosure/progress/ledger/",
        "/admin/disclosure/progress/overdue/",
        "/admin/snippets/wagtail_disclosure/unitgroup/",
        "/admin/snippets/wagtail_disclosure/unitmembership/",
        "/admin/snippets/wagtail_disclosure/disclosurerequest/",
        "/admin/disclosure/units/import/",
    ]


def test_the_apps_admin_screens_have_no_english_left(live_server, browser, screens):
    builders.make_manager()
    context = browser.new_context(locale="zh-CN", extra_http_headers={"Accept-Language": "zh-Hans"})
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "manager")
    page.fill("input[name=password]", "pw")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    left = {}
    for path in screens:
        page.goto(live_server.url + path)
        words = english_on(page)
        if words:
            left[path] = words
    context.close()
    assert not left, left
