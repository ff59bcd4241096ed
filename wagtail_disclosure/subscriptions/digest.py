"""The digest: what was published since a subscriber's last digest, on what they follow.

Each source of the feed registry that is ``in_digest`` contributes its items on any of the
subscription's topics, published after ``last_digest_at`` and up to the moment the run
started, at most ``WAGTAIL_DISCLOSURE_DIGEST_ITEMS`` in all.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.feeds import sources as _sources  # noqa: F401 (registers the sources)
from wagtail_disclosure.feeds.feeds import site_name
from wagtail_disclosure.feeds.registry import Topics, sources

from .models import Subscription
from .tokens import unsubscribe_token


def absolute(site, path):
    return site.root_url.rstrip("/") + path


def unsubscribe_url(subscription):
    path = reverse("wagtail_disclosure:unsubscribe", args=[unsubscribe_token(subscription)])
    return absolute(subscription.site, path)


def topics_of(subscription) -> Topics:
    return Topics(
        units=[u.pk for u in subscription.units.all()],
        categories=[c.slug for c in subscription.categories.all()],
        kinds=list(subscription.kinds or []),
    )


def digest_sections(subscription, until):
    """[(source, [(title, link, description)])] of what the subscriber has not had yet."""
    left = get_setting("WAGTAIL_DISCLOSURE_DIGEST_ITEMS")
    sections = []
    topics = topics_of(subscription)
    for source in sources():
        if not source.in_digest or left <= 0:
            continue
        items = source.matching(subscription.site, topics, since=subscription.last_digest_at)
        if items is None:
            continue
        items = items.filter(**{f"{source.date_field()}__lte": until})
        chosen = source.latest(items, left)
        if chosen:
            left -= len(chosen)
            sections.append((source, [
                (source.item_title(item), source.item_link(item, None),
                 source.item_description(item))
                for item in chosen
            ]))
    return sections


def digest_message(subscription, sections, connection=None):
    site = subscription.site
    context = {
        "site_name": site_name(site),
        "sections": sections,
        "unsubscribe_url": unsubscribe_url(subscription),
        "subscribe_url": absolute(site, reverse("wagtail_disclosure:subscribe")),
    }
    subject = _("New policies on %(site)s") % {"site": context["site_name"]}
    message = EmailMultiAlternatives(
        subject,
        render_to_string("wagtail_disclosure/subscriptions/digest.txt", context),
        get_setting("WAGTAIL_DISCLOSURE_SUBSCRIPTION_FROM_EMAIL"),
        [subscription.email],
        connection=connection,
        headers={
            # RFC 2369 and RFC 8058: mail clients offer a one-click unsubscribe button.
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(
        render_to_string("wagtail_disclosure/subscriptions/digest.html", context), "text/html"
    )
    return message


def send_digests(now=None) -> int:
    """Send every confirmed subscriber their digest, if anything new; the number sent."""
    now = now or timezone.now()
    sent = 0
    subscriptions = Subscription.objects.select_related("site", "site__root_page").prefetch_related(
        "units", "categories"
    ).order_by("pk")
    with translation.override(settings.LANGUAGE_CODE), \
            get_connection() as connection:
        for subscription in subscriptions.iterator(chunk_size=200):
            sections = digest_sections(subscription, now)
            if sections:
                digest_message(subscription, sections, connection).send()
                sent += 1
            Subscription.objects.filter(pk=subscription.pk).update(last_digest_at=now)
    return sent
