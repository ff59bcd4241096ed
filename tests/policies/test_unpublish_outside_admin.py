"""An interpretation unpublished where no editor can be asked — by its expiry date
(``publish_scheduled``) or by code — follows the admin's rule: a live document that needs an
interpretation is not left without one. The interpretation stays live, and the histories of the
interpretation and the document say why."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from tests.builders import make_interpretation, make_policy_document
from wagtail_disclosure.policies.publishing import INTERPRETATION_KEPT_LIVE

pytestmark = pytest.mark.django_db


def live_pair(document_title="济宁市物业管理办法", **document_fields):
    document = make_policy_document(document_title, **document_fields)
    interpretation = make_interpretation(f"《{document_title}》解读", [document])
    document.get_latest_revision().publish()  # released together with its interpretation
    document.refresh_from_db()
    interpretation.refresh_from_db()
    assert document.live and interpretation.live
    return document, interpretation


def expire(page, minutes_ago=1):
    """What Publish with an expiry date leaves on a live page once the date has come."""
    type(page).objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - timedelta(minutes=minutes_ago))


def reloaded(page):
    return type(page).objects.get(pk=page.pk)


def test_the_only_interpretation_of_a_live_document_does_not_expire_alone():
    document, interpretation = live_pair()
    expire(interpretation)

    call_command("publish_scheduled")

    assert reloaded(interpretation).live, "the document would be left without interpretation"
    assert reloaded(interpretation).expire_at is None, "the expiry is cancelled, not retried"
    assert reloaded(document).live
    entry = PageLogEntry.objects.get(page=interpretation, action=INTERPRETATION_KEPT_LIVE)
    assert entry.data["documents"] == ["济宁市物业管理办法"] and entry.data["scheduled"]
    assert PageLogEntry.objects.filter(page=document, action=INTERPRETATION_KEPT_LIVE).exists()
    assert not PageLogEntry.objects.filter(page=interpretation,
                                           action="wagtail.unpublish.scheduled").exists(), (
        "the history does not claim it was unpublished")

    call_command("publish_scheduled")  # the next run has nothing to refuse again
    assert PageLogEntry.objects.filter(action=INTERPRETATION_KEPT_LIVE).count() == 2


def test_an_interpretation_expiring_with_its_document_goes_with_it():
    document, interpretation = live_pair()
    expire(interpretation, minutes_ago=2)  # the interpretation's date comes first
    expire(document, minutes_ago=1)

    call_command("publish_scheduled")

    assert not reloaded(interpretation).live and not reloaded(document).live
    assert not PageLogEntry.objects.filter(action=INTERPRETATION_KEPT_LIVE).exists()


def test_an_interpretation_with_another_live_one_beside_it_expires_as_scheduled():
    document, interpretation = live_pair()
    second = make_interpretation("图解《济宁市物业管理办法》", [document],
                                 release_with_document=False)
    second.get_latest_revision().publish()
    expire(interpretation)

    call_command("publish_scheduled")

    assert not reloaded(interpretation).live and reloaded(second).live


def test_code_unpublishing_the_only_interpretation_is_refused_and_logged(manager):
    document, interpretation = live_pair()

    result = reloaded(interpretation).unpublish(user=manager)

    assert result is None
    assert reloaded(interpretation).live
    entry = PageLogEntry.objects.get(page=interpretation, action=INTERPRETATION_KEPT_LIVE)
    assert entry.user == manager
    assert not entry.data["scheduled"]


def test_code_may_unpublish_the_document_first_and_then_its_interpretation():
    document, interpretation = live_pair()

    reloaded(document).unpublish()
    reloaded(interpretation).unpublish()

    assert not reloaded(document).live and not reloaded(interpretation).live


def test_a_document_that_needs_no_interpretation_does_not_hold_its_interpretation_back():
    document, interpretation = live_pair("济宁市工作简报", kind="other",
                                         requires_interpretation=False,
                                         interpretation_exemption="内部工作信息，无需解读")
    reloaded(interpretation).unpublish()
    assert not reloaded(interpretation).live and reloaded(document).live


def test_the_history_shows_why_the_interpretation_was_kept(client, manager):
    document, interpretation = live_pair()
    reloaded(interpretation).unpublish(user=manager)
    client.force_login(manager)

    history = client.get(f"/admin/pages/{interpretation.pk}/history/").content.decode()

    assert "解读保持发布" in history
    assert "是“济宁市物业管理办法”唯一已发布的解读" in history
