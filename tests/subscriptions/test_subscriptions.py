"""政策找人: a citizen subscribes by email, confirms, receives digests and unsubscribes."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests import builders
from wagtail_disclosure.subscriptions.models import Subscription

ADDRESS = "zhang.san@example.com"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def housing(db):
    return builders.make_subject_category("住房保障", "housing")


def subscribe(client, **data):
    data.setdefault("email", ADDRESS)
    return client.post("/disclosure/subscribe/", data)


def link_in(message, path):
    return re.search(rf"https?://[^\s\"]*{path}[^\s\"<]*", message.body).group(0)


def test_subscribing_keeps_nothing_until_the_address_is_confirmed(client, home, housing):
    form = client.get("/disclosure/subscribe/?category=housing").content.decode()
    # A link from a page preselects what it is about.
    assert re.search(rf'name="categories" value="{housing.pk}"[^>]*checked', form)
    response = subscribe(client, categories=[housing.pk])
    assert response.status_code == 200
    assert "请查收邮件" in response.content.decode()
    assert Subscription.objects.count() == 0
    [message] = mail.outbox
    assert message.to == [ADDRESS]
    confirm_url = link_in(message, "/disclosure/subscribe/confirm/")

    page = client.get(confirm_url)  # a mail scanner opening the link confirms nothing
    assert page.status_code == 200 and Subscription.objects.count() == 0
    assert ADDRESS in page.content.decode()
    client.post(confirm_url)
    subscription = Subscription.objects.get()
    assert subscription.email == ADDRESS
    assert list(subscription.categories.all()) == [housing]


def test_the_form_asks_for_something_to_follow_and_a_valid_address(client, home):
    response = subscribe(client, email="not-an-address")
    assert response.status_code == 400
    text = response.content.decode()
    assert "有效的 Email 地址" in text
    assert "请至少选择一个" in text
    assert mail.outbox == []


def test_the_form_is_rate_limited(client, home, housing, settings):
    settings.WAGTAIL_DISCLOSURE_SUBSCRIBE_RATE_LIMIT = 2
    for n in range(2):
        assert subscribe(client, email=f"a{n}@example.com", categories=[housing.pk]).status_code \
            == 200
    assert subscribe(client, email="a3@example.com", categories=[housing.pk]).status_code == 429
    assert len(mail.outbox) == 2


def test_a_tampered_confirmation_link_is_refused(client, home, housing):
    subscribe(client, categories=[housing.pk])
    url = link_in(mail.outbox[0], "/disclosure/subscribe/confirm/")
    token = url.rstrip("/").rsplit("/", 1)[1]
    tampered = url.replace(token, token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB"))
    assert client.post(tampered).status_code == 400
    assert Subscription.objects.count() == 0


def test_an_expired_confirmation_link_is_refused(client, home, housing, settings):
    from django.core import signing

    from wagtail_disclosure.subscriptions import tokens

    subscribe(client, categories=[housing.pk])
    url = link_in(mail.outbox[0], "/disclosure/subscribe/confirm/")
    settings.WAGTAIL_DISCLOSURE_SUBSCRIPTION_CONFIRM_DAYS = 3
    token = url.rstrip("/").rsplit("/", 1)[1]
    data = signing.loads(token, salt=tokens.CONFIRM_SALT)
    four_days_ago = signing.TimestampSigner(salt=tokens.CONFIRM_SALT)
    old = four_days_ago.timestamp  # the signer's clock, moved back four days
    four_days_ago.timestamp = lambda: signing.b62_encode(int(signing.b62_decode(old())) - 4 * 86400)
    stale = four_days_ago.sign_object(data, compress=True)
    response = client.post(url.replace(token, stale))
    assert response.status_code == 410
    assert Subscription.objects.count() == 0


def test_the_digest_task_sends_what_was_published_since_the_last_digest(
    client, home, office, rencheng, housing
):
    library = builders.policy_library()
    builders.publish_document(library, "发布在订阅之前", issuer=office, categories=[housing])
    subscription = builders.make_subscription(ADDRESS, categories=[housing])
    other = builders.make_subscription("li.si@example.com", units=[rencheng])
    builders.publish_document(library, "住房保障新政策", issuer=office, categories=[housing])
    builders.publish_document(library, "不相关的文件", issuer=office)
    builders.make_policy_document("住房草稿", issuer=office, categories=[housing])

    call_command("disclosure_send_digests")  # queued; the demo's backend runs it at once

    [message] = mail.outbox
    assert message.to == [ADDRESS]
    assert "住房保障新政策" in message.body
    for absent in ("发布在订阅之前", "不相关的文件", "住房草稿"):
        assert absent not in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = message.alternatives[0][0]
    assert "住房保障新政策" in html
    subscription.refresh_from_db()
    other.refresh_from_db()
    assert subscription.last_digest_at > subscription.confirmed_at

    mail.outbox.clear()
    call_command("disclosure_send_digests", "--now")
    assert mail.outbox == []  # nothing new since


def test_one_click_unsubscribe_deletes_the_address(client, home, office, housing):
    subscription = builders.make_subscription(
        ADDRESS, categories=[housing], since=timezone.now() - timezone.timedelta(days=1)
    )
    builders.publish_document(builders.policy_library(), "住房保障新政策", issuer=office,
                              categories=[housing])
    call_command("disclosure_send_digests", "--now")
    url = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    assert url in mail.outbox[0].body

    assert client.get(url).status_code == 200  # a scanner opening it removes nothing
    assert Subscription.objects.filter(pk=subscription.pk).exists()
    # The mail client's one-click button: a POST without a CSRF token.
    from django.test import Client

    assert Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"}) \
        .status_code == 200
    assert not Subscription.objects.filter(email=ADDRESS).exists()


def test_no_public_answer_ever_shows_an_address(client, home, office, housing, plan_2022):
    builders.make_subscription(ADDRESS, categories=[housing], units=[office])
    builders.publish_document(builders.policy_library(), "住房保障新政策", issuer=office,
                              categories=[housing])
    paths = ["/", "/policies/", office.url, "/disclosure/subscribe/", "/sitemap.xml",
             "/api/v2/openapi.json"]
    paths += [f"/api/v2/{name}/?fields=*&limit=100" for name in (
        "policies", "interpretations", "plans", "tasks", "requirements", "units", "sectors",
        "entities", "annual-reports", "pages")]
    paths += [f"/disclosure/feeds/{name}/{kind}/" for name in ("policies", "interpretations",
                                                               "progress")
              for kind in ("rss", "atom")]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert ADDRESS not in response.content.decode(), path
        assert "zhang.san" not in response.content.decode(), path


def test_a_digest_brings_interpretations_of_followed_subjects_and_is_bounded(
    client, home, office, housing, settings
):
    since = timezone.now() - timezone.timedelta(minutes=1)
    subscription = builders.make_subscription(ADDRESS, categories=[housing], since=since)
    normative = builders.make_policy_document("住房租赁管理办法", issuer=office,
                                              categories=[housing])
    builders.publish_with_interpretation(normative)
    for i in range(4):
        builders.publish_document(builders.policy_library(), f"住房文件{i}", issuer=office,
                                  categories=[housing])

    call_command("disclosure_send_digests", "--now")
    [message] = mail.outbox
    assert "新发布的政策" in message.subject
    assert "== 政策解读 ==" in message.body and "住房租赁管理办法解读" in message.body
    assert len([line for line in message.body.splitlines() if line.startswith("* ")]) == 6

    mail.outbox.clear()
    Subscription.objects.filter(pk=subscription.pk).update(last_digest_at=since)
    settings.WAGTAIL_DISCLOSURE_DIGEST_ITEMS = 3
    call_command("disclosure_send_digests", "--now")
    [message] = mail.outbox
    assert len([line for line in message.body.splitlines() if line.startswith("* ")]) == 3
