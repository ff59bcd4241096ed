"""In a real browser: a person comments on an open consultation, the unit's moderator publishes
it and it shows on the page; the consultation and open day pages pass axe-core without serious
or critical violations, on a phone too."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from tests.builders import make_comment, make_consultation, make_open_day, make_unit_editor
from tests.consultations.conftest import OPENS
from wagtail_disclosure.consultations.models import CommentStatus, ConsultationComment

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def serious(page):
    result = Axe().run(page)
    bad = [v for v in result.response["violations"] if v.get("impact") in ("serious", "critical")]
    return bad, result


@pytest.fixture
def today(settings):
    settings.WAGTAIL_DISCLOSURE_TODAY = datetime.date(2022, 11, 10)
    from django.core.cache import cache

    cache.clear()


def test_a_comment_goes_from_the_form_through_moderation_onto_the_page(
    live_server, page, today, office
):
    consultation = make_consultation(office, OPENS)
    make_unit_editor("office", office)

    page.goto(live_server.url + consultation.url)
    assert "21" in page.locator("dl.disclosure-facts").inner_text()
    page.fill("textarea[name=body]", "建议第三条明确节假日延长开放时间。<b>不要加粗</b>")
    page.select_option("select[name=clause]", "第三条")
    page.fill("input[name=name]", "浏览器用户")
    page.fill("input[name=contact]", "browser@example.com")
    page.click("button[type=submit]")
    assert page.locator("div.disclosure-alert").count() == 1  # consent not given yet
    page.check("input[name=consent]")
    page.click("button[type=submit]")
    page.wait_for_url("**/thanks/")
    comment = ConsultationComment.objects.get()
    assert comment.clause == "第三条" and comment.status == CommentStatus.PENDING

    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "office")
    page.fill("input[name=password]", "pw")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    edit = reverse("wagtailsnippets_wagtail_disclosure_consultationcomment:edit", args=[comment.pk])
    page.goto(live_server.url + edit)
    page.select_option("select[name=status]", "published")
    page.locator("button.action-save").first.click()
    page.wait_for_url("**/consultationcomment/")

    page.goto(live_server.url + consultation.url)
    comments = page.locator("ol.disclosure-comments").inner_text()
    assert "浏览器用户" in comments and "<b>不要加粗</b>" in comments
    assert "browser@example.com" not in page.content()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_consultation_and_open_day_pages_are_accessible(
    live_server, page, today, office, width
):
    page.set_viewport_size({"width": width, "height": 900})
    consultation = make_consultation(office, OPENS)
    make_comment(consultation, status=CommentStatus.PUBLISHED, name="张先生")
    event = make_open_day(office, datetime.date(2022, 11, 18))
    urls = (consultation.url, consultation.url + "thanks/", "/consultations/", event.url,
            "/open-days/")
    for url in urls:
        page.goto(live_server.url + url)
        bad, result = serious(page)
        assert not bad, (url, result.generate_report())
    # The form with its errors shown is accessible too.
    page.goto(live_server.url + consultation.url)
    page.click("button[type=submit]")
    bad, result = serious(page)
    assert not bad, result.generate_report()
