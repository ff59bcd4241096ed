"""The public page where a person or organisation asks for information (依申请公开)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

__all__ = ["DisclosureRequestPage"]


class DisclosureRequestPage(RoutablePageMixin, Page):
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

    @path("")
    def form_view(self, request):
        from .views import request_form

        return request_form(request, self)

    @path("thanks/", name="thanks")
    def thanks_view(self, request):
        from .views import request_thanks

        return request_thanks(request, self)
