"""The open day pages (政府开放日): the index of a column's events, and one event with its
registration, the feedback form after it and the published summary of opinions."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core import clock
from wagtail_disclosure.core.permissions import UnitPageMixin, UnitScopedFormMixin
from wagtail_disclosure.core.publication import PublicationGateMixin
from wagtail_disclosure.core.ratelimit import allow, client_ip
from wagtail_disclosure.core.submissions import source_key, text_key
from wagtail_disclosure.core.versions import submissions_changed

from .forms import FeedbackForm, RegistrationForm
from .models import OpenDayFeedback, OpenDayPlaces, OpenDayRegistration

__all__ = ["OpenDayIndexPage", "OpenDayPage"]

REGISTERED = "registered"
FULL = "full"
DUPLICATE = "duplicate"


class OpenDayIndexPage(PublicationGateMixin, UnitPageMixin, Page):
    """政府开放日: upcoming open days, then past ones with their summaries."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["wagtail_disclosure.OpenDayPage"]
    unit_editors_add_here = True
    template = "wagtail_disclosure/open_days/open_day_index_page.html"

    class Meta:
        verbose_name = _("open day index")
        verbose_name_plural = _("open day indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = clock.today()
        events = (
            OpenDayPage.objects.child_of(self).live().public().select_related("unit")
        )
        context["upcoming"] = events.filter(event_date__gte=today).order_by("event_date", "pk")
        context["past"] = events.filter(event_date__lt=today).order_by("-event_date", "-pk")
        return context


class OpenDayPageForm(UnitScopedFormMixin, WagtailAdminPageForm):
    pass


class OpenDayPage(PublicationGateMixin, UnitPageMixin, RoutablePageMixin, Page):
    """One open day: what, when and where, who hosts it, and how to take part."""

    unit = models.ForeignKey(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("host unit"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="open_days",
    )
    event_date = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at"), null=True, blank=True)
    ends_at = models.TimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255)
    description = RichTextField(_("programme"), blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), default=30, help_text=_("How many people may register.")
    )
    registration_opens_on = models.DateField(_("registration opens on"), null=True, blank=True)
    registration_closes_on = models.DateField(
        _("registration closes on"),
        null=True,
        blank=True,
        help_text=_("Leave empty to take registrations until the day before the event."),
    )
    opinions_summary = RichTextField(
        _("summary of opinions"),
        blank=True,
        help_text=_("After the event: what visitors said and suggested."),
    )
    adoption_summary = RichTextField(
        _("how the opinions were taken into account"),
        blank=True,
        help_text=_("What the unit adopted, and why it did not adopt the rest."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("unit"),
                FieldRowPanel(
                    [FieldPanel("event_date"), FieldPanel("starts_at"), FieldPanel("ends_at")]
                ),
                FieldPanel("place"),
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("registration_opens_on"), FieldPanel("registration_closes_on")]
                ),
            ],
            heading=_("Open day"),
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("opinions_summary"), FieldPanel("adoption_summary")],
            heading=_("After the event"),
        ),
    ]
    parent_page_types = ["wagtail_disclosure.OpenDayIndexPage"]
    subpage_types = []
    base_form_class = OpenDayPageForm
    template = "wagtail_disclosure/open_days/open_day_page.html"

    class Meta:
        verbose_name = _("open day")
        verbose_name_plural = _("open days")

    def unit_ids_of_page(self):
        return (self.unit_id,)

    def clean(self):
        super().clean()
        errors = {}
        opens, closes = self.registration_opens_on, self.registration_closes_on
        if opens and closes and closes < opens:
            errors["registration_closes_on"] = _("Registration closes after it opens.")
        if closes and self.event_date and closes > self.event_date:
            errors["registration_closes_on"] = _("Registration closes by the day of the event.")
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The open day ends after it starts.")
        if errors:
            raise ValidationError(errors)

    # --- where it stands -------------------------------------------------------------------

    def places_taken(self) -> int:
        return (
            OpenDayPlaces.objects.filter(event_id=self.pk).values_list("taken", flat=True).first()
            or 0
        )

    def places_left(self) -> int:
        return max(self.capacity - self.places_taken(), 0)

    def registration_open(self, today=None) -> bool:
        today = today or clock.today()
        if self.registration_opens_on and today < self.registration_opens_on:
            return False
        last = self.registration_closes_on
        if last is None and self.event_date:
            last = self.event_date - datetime.timedelta(days=1)
        return last is None or today <= last

    def feedback_open(self, today=None) -> bool:
        """From the day of the event until the summary of how opinions were taken is out."""
        today = today or clock.today()
        return today >= self.event_date and not self.adoption_summary

    # --- taking part -----------------------------------------------------------------------

    def register(self, data) -> str:
        """Book a place: ``REGISTERED``, or ``FULL`` when no place is left, or ``DUPLICATE``
        when the phone number has a place already. Nothing is written unless a place is given."""
        OpenDayPlaces.objects.get_or_create(event_id=self.pk)
        if OpenDayRegistration.objects.filter(event_id=self.pk, phone=data["phone"]).exists():
            return DUPLICATE
        try:
            with transaction.atomic():
                given = OpenDayPlaces.objects.filter(
                    event_id=self.pk, taken__lt=self.capacity
                ).update(taken=F("taken") + 1)
                if not given:
                    return FULL
                submissions_changed()  # update() sends no save signal
                OpenDayRegistration.objects.create(
                    event_id=self.pk,
                    name=data["name"],
                    phone=data["phone"],
                    organisation=data.get("organisation") or "",
                    consent=True,
                )
        except IntegrityError:  # the same phone number, registering twice at once
            return DUPLICATE
        return REGISTERED

    def take_feedback(self, data, address) -> bool:
        keys = {
            "source_key": source_key(f"open_day:{self.pk}", address),
            "text_key": text_key(data["body"]),
        }
        if OpenDayFeedback.objects.filter(event_id=self.pk, **keys).exists():
            return False
        try:
            with transaction.atomic():
                OpenDayFeedback.objects.create(
                    event_id=self.pk,
                    body=data["body"],
                    name=data.get("name") or "",
                    contact=data.get("contact") or "",
                    **keys,
                )
        except IntegrityError:
            return False
        return True

    # --- the public page -------------------------------------------------------------------

    @path("")
    def event_view(self, request):
        return self.respond(request)

    @path("register/", name="register")
    def register_view(self, request):
        if request.method != "POST":
            return redirect(self.url)
        today = clock.today()
        if not self.registration_open(today):
            return self.respond(request, problem="registration_closed", status=410)
        form = RegistrationForm(request.POST)
        limited = self.rate_limited(request, "open-day-register", form)
        if limited:
            return self.respond(request, registration_form=form, problem=limited, status=429)
        if not form.is_valid():
            return self.respond(request, registration_form=form)
        outcome = self.register(form.cleaned_data)
        if outcome == REGISTERED:
            return redirect(self.url + self.reverse_subpage("done", args=["registered"]))
        status = 409
        return self.respond(request, registration_form=form, problem=outcome, status=status)

    @path("feedback/", name="feedback")
    def feedback_view(self, request):
        if request.method != "POST":
            return redirect(self.url)
        if not self.feedback_open():
            return self.respond(request, problem="feedback_closed", status=410)
        form = FeedbackForm(request.POST)
        limited = self.rate_limited(request, "open-day-feedback", form)
        if limited:
            return self.respond(request, feedback_form=form, problem=limited, status=429)
        if not form.is_valid():
            return self.respond(request, feedback_form=form)
        if self.take_feedback(form.cleaned_data, client_ip(request)):
            return redirect(self.url + self.reverse_subpage("done", args=["feedback"]))
        return self.respond(request, feedback_form=form, problem="duplicate_feedback", status=409)

    @path("done/<str:kind>/", name="done")
    def done_view(self, request, kind):
        if kind not in ("registered", "feedback"):
            return redirect(self.url)
        return self.respond(request, done=kind)

    def rate_limited(self, request, scope, form) -> str:
        submissions, posts = (
            get_setting("WAGTAIL_DISCLOSURE_PARTICIPATION_RATE_LIMIT"),
            get_setting("WAGTAIL_DISCLOSURE_PARTICIPATION_POST_LIMIT"),
        )
        address = client_ip(request)
        if not allow(f"{scope}-post", address, *posts):
            return "rate_limited"
        if form.is_valid() and not allow(f"{scope}-submit", address, *submissions):
            return "rate_limited"
        return ""

    def respond(self, request, *, registration_form=None, feedback_form=None, problem="",
                status=200, done=""):
        today = clock.today()
        registration_open = self.registration_open(today)
        places_left = self.places_left()
        if registration_form is None and registration_open and places_left and not done:
            registration_form = RegistrationForm()
        feedback_open = self.feedback_open(today)
        if feedback_form is None and feedback_open and done != "feedback":
            feedback_form = FeedbackForm()
        response = self.render(
            request,
            context_overrides={
                "today": today,
                "registration_open": registration_open,
                "places_left": places_left,
                "registration_form": registration_form,
                "feedback_open": feedback_open,
                "feedback_form": feedback_form,
                "problem": problem,
                "done": done,
            },
        )
        response.status_code = status
        add_never_cache_headers(response)
        return response
