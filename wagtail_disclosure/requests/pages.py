"""The public page where a person or organisation asks for information (依申请公开)."""

from django.db import models
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core.permissions import UnitPageMixin
from wagtail_disclosure.core.publication import PublicationGateMixin
from wagtail_disclosure.core.ratelimit import allow, client_ip
from wagtail_disclosure.core.sites import site_of_page

from .forms import PublicRequestForm
from .models import REPLY_WORKING_DAYS, DisclosureRequest, RequestChannel

__all__ = ["DisclosureRequestPage"]

#: The session key holding the ids of the requests this browser submitted.
SESSION_KEY = "wagtail_disclosure_submitted_requests"
#: The browser session remembers this many of its latest requests.
REMEMBERED_REQUESTS = 20


class DisclosureRequestPage(PublicationGateMixin, UnitPageMixin, RoutablePageMixin, Page):
    """申请公开: the request form, and a thank-you page with the receipt for its submitter."""

    intro = RichTextField(_("introduction"), blank=True)
    unit = models.ForeignKey(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("receiving unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to let the applicant choose the office."),
    )
    privacy_notice = RichTextField(
        _("privacy notice"),
        blank=True,
        help_text=_("How the personal data given in a request is used and kept."),
    )
    thank_you_text = RichTextField(_("text after submitting"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("unit"),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you_text"),
    ]
    subpage_types = []
    template = "wagtail_disclosure/requests/request_page.html"

    class Meta:
        verbose_name = _("disclosure request form")
        verbose_name_plural = _("disclosure request forms")

    def unit_ids_of_page(self):
        """The receiving unit's editors keep its form page."""
        return (self.unit_id,)

    @path("")
    def form_view(self, request):
        """The form; a valid post is registered and the browser sent to its receipt.

        Posts are rate limited per address: every post, and (more tightly) every request
        registered. Over either limit the form is shown again with status 429.
        """
        rate_limited = False
        if request.method == "POST":
            form = PublicRequestForm(request.POST, unit=self.unit, site=site_of_page(self))
            submissions, posts = _rate_limits()
            ip = client_ip(request)
            if not allow("request-post", ip, *posts):
                rate_limited = True
            elif form.is_valid():
                if allow("request-submit", ip, *submissions):
                    self._register(request, form)
                    return redirect(self.url + self.reverse_subpage("thanks"))
                rate_limited = True
        else:
            form = PublicRequestForm(unit=self.unit, site=site_of_page(self))
        response = self.render(
            request, context_overrides={"form": form, "rate_limited": rate_limited}
        )
        if rate_limited:
            response.status_code = 429
        add_never_cache_headers(response)
        return response

    @path("thanks/", name="thanks")
    def thanks_view(self, request):
        """The receipt, only for the browser session that submitted the request."""
        submitted = request.session.get(SESSION_KEY) or []
        disclosure_request = (
            DisclosureRequest.objects.filter(pk=submitted[-1]).select_related("unit").first()
            if submitted
            else None
        )
        if disclosure_request is None:
            return redirect(self.url)
        response = self.render(
            request,
            template="wagtail_disclosure/requests/request_thanks.html",
            context_overrides={
                "disclosure_request": disclosure_request,
                "reply_working_days": REPLY_WORKING_DAYS,
            },
        )
        add_never_cache_headers(response)
        return response

    def _register(self, request, form):
        """Save the request as received online and let this browser see its receipt."""
        disclosure_request = form.save(commit=False)
        disclosure_request.channel = RequestChannel.ONLINE
        disclosure_request.save()
        submitted = request.session.get(SESSION_KEY, [])
        request.session[SESSION_KEY] = [*submitted, disclosure_request.pk][-REMEMBERED_REQUESTS:]


def _rate_limits():
    """(submissions, posts): each a (count, period in seconds) one address may make."""
    return (
        get_setting("WAGTAIL_DISCLOSURE_REQUEST_RATE_LIMIT"),
        get_setting("WAGTAIL_DISCLOSURE_REQUEST_POST_LIMIT"),
    )
