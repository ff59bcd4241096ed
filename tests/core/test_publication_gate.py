"""The publication gate: a rule registered once refuses every way of going live.

The rule here is a site's own (a title that still says 草稿 may not be published), registered
as a site would register one; the disclosure attribute and the privacy check register theirs the
same way."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from tests.builders import make_interpretation, make_policy_document
from tests.policies.test_release_together_editor import document_form
from wagtail_disclosure.core.publication import (
    PUBLICATION_REFUSED,
    PublicationProblem,
    publication_problems,
    register_publication_check,
    unregister_publication_check,
)

pytestmark = pytest.mark.django_db


def no_drafts_in_titles(obj, revision=None, user=None):
    if "草稿" in (getattr(obj, "title", "") or ""):
        yield PublicationProblem("titles", "标题仍含“草稿”", field="title")


@pytest.fixture
def site_rule():
    register_publication_check("titles", no_drafts_in_titles)
    yield
    unregister_publication_check("titles")


@pytest.fixture
def draft_document(home):
    document = make_policy_document("关于住房保障的通知（草稿）", requires_interpretation=False,
                                    kind="work")
    make_interpretation("解读", [document])
    return document


def refusals(page):
    return PageLogEntry.objects.filter(page=page, action=PUBLICATION_REFUSED)


def test_the_publish_button_keeps_the_draft_and_says_why(client, manager, draft_document,
                                                         site_rule):
    client.force_login(manager)
    url = reverse("wagtailadmin_pages:edit", args=[draft_document.pk])
    data = document_form(draft_document.title, draft_document.slug, kind="work",
                         requires=False, **{"action-publish": "action-publish"})
    response = client.post(url, data, follow=True)

    draft_document.refresh_from_db()
    assert not draft_document.live
    assert "标题仍含“草稿”" in response.content.decode()


def test_scheduled_publishing_is_refused_and_the_history_says_why(draft_document, site_rule):
    revision = draft_document.get_latest_revision()
    revision.publish()

    draft_document.refresh_from_db()
    assert not draft_document.live
    assert refusals(draft_document).get().data["reasons"] == ["标题仍含“草稿”"]


def test_a_page_that_passes_every_rule_goes_live(draft_document, site_rule):
    draft_document.title = "关于住房保障的通知"
    revision = draft_document.save_revision()
    revision.publish()

    draft_document.refresh_from_db()
    assert draft_document.live
    assert not refusals(draft_document).exists()


def test_a_future_schedule_is_checked_again_when_it_falls_due(draft_document, site_rule):
    draft_document.title = "关于住房保障的通知"
    draft_document.go_live_at = timezone.now() + datetime.timedelta(days=1)
    draft_document.save_revision().publish()
    # The editor puts 草稿 back into the scheduled revision's title before the day comes.
    revision = draft_document.get_latest_revision()
    revision.content["title"] = "关于住房保障的通知（草稿）"
    revision.content["go_live_at"] = None
    revision.save()
    revision.publish()

    draft_document.refresh_from_db()
    assert not draft_document.live
    assert refusals(draft_document).exists()


def test_a_site_page_type_without_the_mixin_is_not_asked(home, site_rule):
    home.title = "首页草稿"
    assert publication_problems(home) == []
