"""The public subscription screens: subscribe, confirm, unsubscribe."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core.ratelimit import allow, client_ip
from wagtail_disclosure.core.visibility import public_pages
from wagtail_disclosure.feeds.feeds import site_name
from wagtail_disclosure.policies.choices import PolicyKind
from wagtail_disclosure.policies.models import SubjectCategory
from wagtail_disclosure.units.models import UnitPage

from .forms import SubscribeForm
from .models import Subscription
from .tokens import (
    LinkExpired,
    LinkInvalid,
    confirmation_token,
    read_confirmation,
    read_unsubscribe,
)

TEMPLATES = "wagtail_disclosure/subscriptions/"
#: Confirmation mails one address may be sent per day, whoever asks (so the form cannot be
#: used to flood someone's mailbox).
MAILS_PER_ADDRESS_PER_DAY = 3


def screen(request, template, context=None, status=200):
    return render(request, TEMPLATES + template, context or {}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    site = Site.find_for_request(request)
    initial = {}
    if request.method == "GET":
        # Links from a page preselect what it is about (?category=housing&unit=12&kind=rule).
        initial = {
            "categories": SubjectCategory.objects.filter(slug__in=request.GET.getlist("category")),
            "units": UnitPage.objects.filter(
                pk__in=[u for u in request.GET.getlist("unit") if u.isdigit()]
            ),
            "kinds": [k for k in request.GET.getlist("kind") if k in PolicyKind.values],
        }
    form = SubscribeForm(request.POST or None, site=site, initial=initial)
    if request.method == "POST":
        limit = get_setting("WAGTAIL_DISCLOSURE_SUBSCRIBE_RATE_LIMIT")
        if not allow("subscribe", client_ip(request), limit, 3600):
            return screen(request, "subscribe.html", {"form": form, "rate_limited": True}, 429)
        if form.is_valid():
            send_confirmation(request, site, form.cleaned_data)
            # The same answer whether or not the address already subscribes.
            return screen(request, "check_your_mail.html")
    return screen(request, "subscribe.html", {"form": form}, 400 if form.errors else 200)


def send_confirmation(request, site, data):
    email = data["email"].strip()
    address_key = hashlib.sha256(email.lower().encode()).hexdigest()
    if not allow("subscribe-address", address_key, MAILS_PER_ADDRESS_PER_DAY, 24 * 3600):
        return
    token = confirmation_token(
        email,
        site.pk,
        [c.slug for c in data["categories"]],
        [u.pk for u in data["units"]],
        data["kinds"],
    )
    context = {
        "site_name": site_name(site),
        "confirm_url": request.build_absolute_uri(
            reverse("wagtail_disclosure:subscription_confirm", args=[token])
        ),
        "days": get_setting("WAGTAIL_DISCLOSURE_SUBSCRIPTION_CONFIRM_DAYS"),
        "topics": describe_topics(data["categories"], data["units"], data["kinds"]),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Confirm your subscription to %(site)s") % {"site": context["site_name"]}
        message = EmailMultiAlternatives(
            subject,
            render_to_string(TEMPLATES + "confirm_mail.txt", context),
            get_setting("WAGTAIL_DISCLOSURE_SUBSCRIPTION_FROM_EMAIL"),
            [email],
        )
    message.send()


def describe_topics(categories, units, kinds):
    return (
        [c.name for c in categories]
        + [u.title for u in units]
        + [str(PolicyKind(k).label) for k in kinds]
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows what the link confirms (mail scanners that open links confirm nothing);
    POST confirms and stores the subscription."""
    try:
        data = read_confirmation(token)
    except LinkExpired:
        return screen(request, "link_problem.html", {"expired": True}, 410)
    except LinkInvalid:
        return screen(request, "link_problem.html", {"expired": False}, 400)
    site = Site.objects.filter(pk=data["s"]).first()
    if site is None:
        return screen(request, "link_problem.html", {"expired": False}, 400)
    categories = SubjectCategory.objects.filter(slug__in=data["c"])
    units = public_pages(UnitPage, site).filter(pk__in=data["u"])
    kinds = [k for k in data["k"] if k in PolicyKind.values]
    if request.method == "GET":
        return screen(request, "confirm.html", {
            "email": data["e"], "topics": describe_topics(categories, units, kinds),
        })
    now = timezone.now()
    with transaction.atomic():
        subscription, created = Subscription.objects.get_or_create(
            site=site, email=data["e"],
            defaults={"confirmed_at": now, "last_digest_at": now, "kinds": kinds},
        )
        if not created:
            subscription.kinds = kinds
            subscription.confirmed_at = now
            subscription.save(update_fields=["kinds", "confirmed_at"])
        subscription.categories.set(categories)
        subscription.units.set(units)
    return screen(request, "confirmed.html")


@never_cache
@csrf_exempt  # RFC 8058: mail clients POST the one-click unsubscribe without a form
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks to confirm (a link opened by a scanner removes nothing); POST deletes the
    address: the mail client's one-click button posts here directly."""
    try:
        data = read_unsubscribe(token)
    except LinkInvalid:
        return screen(request, "link_problem.html", {"expired": False}, 400)
    if request.method == "GET":
        exists = Subscription.objects.filter(pk=data["i"], email=data["e"]).exists()
        return screen(request, "unsubscribe.html", {"exists": exists})
    Subscription.objects.filter(pk=data["i"], email=data["e"]).delete()
    return screen(request, "unsubscribed.html")
