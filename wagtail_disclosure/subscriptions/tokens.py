"""Signed links: a confirmation link carries the whole request (address, site, topics) and
expires; an unsubscribe link names one subscription and its address and never expires."""

from __future__ import annotations

from django.core import signing

from wagtail_disclosure.conf import get_setting

CONFIRM_SALT = "wagtail_disclosure.subscriptions.confirm"
UNSUBSCRIBE_SALT = "wagtail_disclosure.subscriptions.unsubscribe"


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def confirmation_token(email, site_id, categories, units, kinds) -> str:
    return signing.dumps(
        {"e": email, "s": site_id, "c": sorted(categories), "u": sorted(units), "k": sorted(kinds)},
        salt=CONFIRM_SALT,
        compress=True,
    )


def read_confirmation(token) -> dict:
    """The request a confirmation link carries; raises LinkExpired or LinkInvalid."""
    max_age = get_setting("WAGTAIL_DISCLOSURE_SUBSCRIPTION_CONFIRM_DAYS") * 24 * 3600
    try:
        return signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error


def unsubscribe_token(subscription) -> str:
    return signing.dumps({"i": subscription.pk, "e": subscription.email}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe(token) -> dict:
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise LinkInvalid from error
