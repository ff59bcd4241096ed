"""Decision meetings, the public's registrations as delegates (列席代表) and their opinions.

A meeting belongs to a decision item (a page, see ``pages.py``); its registrations hold personal
data (the contact details), so they live in the admin only: the public sees the selection result
(names and sectors of the selected delegates who agreed to be named) and the delegates' opinions
with how each was handled, once the office publishes them.
"""

from __future__ import annotations

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from wagtail_disclosure.core import clock

from .choices import NEEDS_REASON, Handling, RegistrationStatus

__all__ = ["DecisionMeeting", "DelegateOpinion", "DelegateRegistration"]


def identity_key(text: str) -> str:
    """The form of a name or contact that two submissions by the same person share: full-width
    to half-width, case folded, spaces and hyphens removed."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return re.sub(r"[\s\-－—]+", "", text)


class DecisionMeeting(ClusterableModel):
    """The meeting that discusses a decision (常务会议, 全体会议), and its delegates."""

    item = models.ForeignKey(
        "wagtail_disclosure.DecisionItemPage",
        verbose_name=_("decision item"),
        on_delete=models.CASCADE,
        related_name="meetings",
    )
    title = models.CharField(_("meeting"), max_length=255)
    held_on = models.DateField(_("date of the meeting"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    seats = models.PositiveSmallIntegerField(
        _("delegates to select"), default=3, help_text=_("How many delegates will attend.")
    )
    registration_opens_on = models.DateField(
        _("registration opens on"),
        null=True,
        blank=True,
        help_text=_("Leave both dates empty if delegates are not selected by public registration."),
    )
    registration_closes_on = models.DateField(
        _("registration closes on"),
        null=True,
        blank=True,
        help_text=_("The last day a registration is accepted."),
    )
    requirements = models.TextField(
        _("who may register and how delegates are selected"), blank=True
    )
    result_published = models.BooleanField(
        _("publish the selection result"),
        default=False,
        help_text=_(
            "Shows the names and sectors of the selected delegates who agreed to be named. "
            "Contact details are never published."
        ),
    )
    opinions_published = models.BooleanField(
        _("publish the delegates' opinions and their handling"), default=False
    )

    panels = [
        # A plain list, narrowed to the user's own units' items by DecisionMeetingForm.
        FieldPanel("item", widget=forms.Select),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("held_on"), FieldPanel("place")]),
        MultiFieldPanel(
            [
                FieldPanel("seats"),
                FieldRowPanel(
                    [FieldPanel("registration_opens_on"), FieldPanel("registration_closes_on")]
                ),
                FieldPanel("requirements"),
                FieldPanel("result_published"),
            ],
            heading=_("Selection of delegates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("opinions_published"),
                InlinePanel("opinions", heading=_("Opinions"), label=_("opinion")),
            ],
            heading=_("Delegates' opinions and their handling"),
        ),
    ]

    class Meta:
        verbose_name = _("decision meeting")
        verbose_name_plural = _("decision meetings")
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.item.title}：{self.title}" if self.item_id else self.title

    def clean(self):
        super().clean()
        opens, closes = self.registration_opens_on, self.registration_closes_on
        if bool(opens) != bool(closes):
            raise ValidationError(
                {
                    "registration_closes_on" if opens else "registration_opens_on": _(
                        "Give both the opening and the closing date of registration, or neither."
                    )
                }
            )
        if opens and closes and closes < opens:
            raise ValidationError(
                {"registration_closes_on": _("Registration closes after it opens.")}
            )
        if closes and self.held_on and self.held_on < closes:
            raise ValidationError(
                {"held_on": _("The meeting is held after registration closes.")}
            )

    @property
    def unit_id(self):
        """The responsible unit of the decision: its editors run the meeting."""
        return self.item.responsible_unit_id if self.item_id else None

    @property
    def has_registration(self) -> bool:
        return bool(self.registration_opens_on and self.registration_closes_on)

    def registration_state(self, today=None) -> str:
        """``none`` (no public registration), ``not_yet``, ``open`` or ``closed``."""
        if not self.has_registration:
            return "none"
        today = today or clock.today()
        if today < self.registration_opens_on:
            return "not_yet"
        if today > self.registration_closes_on:
            return "closed"
        return "open"

    def is_open(self, today=None) -> bool:
        return self.registration_state(today) == "open"


class DelegateOpinion(Orderable):
    """One opinion a delegate gave at the meeting, and how it was handled."""

    meeting = ParentalKey(DecisionMeeting, on_delete=models.CASCADE, related_name="opinions")
    delegate = models.CharField(
        _("delegate, as published"),
        max_length=100,
        blank=True,
        help_text=_(
            "As the public may read it: the name only if the delegate agreed to be named, "
            "otherwise the sector (e.g. “a delegate from the catering trade”)."
        ),
    )
    opinion = models.TextField(_("opinion"))
    handling = models.CharField(_("handling"), max_length=16, choices=Handling.choices)
    reason = models.TextField(
        _("reason"),
        blank=True,
        help_text=_("Required when the opinion was partly or not adopted."),
    )

    panels = [
        FieldPanel("delegate"),
        FieldPanel("opinion"),
        FieldPanel("handling"),
        FieldPanel("reason"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("delegate's opinion")
        verbose_name_plural = _("delegates' opinions")

    def clean(self):
        super().clean()
        if self.handling in NEEDS_REASON and not (self.reason or "").strip():
            raise ValidationError(
                {"reason": _("Say why the opinion was not adopted, or only in part.")}
            )


class RegistrationQuerySet(models.QuerySet):
    def published_delegates(self):
        """The selected delegates who agreed to be named: what the public may read."""
        return self.filter(status=RegistrationStatus.SELECTED, consent_to_publish=True)


class DelegateRegistration(models.Model):
    """A member of the public asking to attend a decision meeting (公开报名)."""

    meeting = models.ForeignKey(
        DecisionMeeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("person’s name"), max_length=50)
    sector = models.CharField(
        _("sector or occupation"),
        max_length=100,
        help_text=_("E.g. resident of the area, small business owner, lawyer, teacher."),
    )
    contact = models.CharField(
        _("phone or email"),
        max_length=100,
        help_text=_("Only the office sees this, to tell you whether you were selected."),
    )
    reason = models.TextField(_("why you want to attend"), max_length=1000)
    consent_to_publish = models.BooleanField(
        _("I agree that my name and sector are published if I am selected"), default=False
    )
    status = models.CharField(
        _("selection"),
        max_length=16,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.APPLIED,
    )
    note = models.TextField(_("office note"), blank=True)
    submitted_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    #: ``identity_key`` of the name and of the contact: one registration per person and meeting.
    name_key = models.CharField(max_length=50, editable=False)
    contact_key = models.CharField(max_length=100, editable=False)

    objects = RegistrationQuerySet.as_manager()

    panels = [
        FieldPanel("meeting", widget=forms.Select),
        FieldRowPanel([FieldPanel("name"), FieldPanel("sector")]),
        FieldPanel("contact"),
        FieldPanel("reason"),
        FieldPanel("consent_to_publish", read_only=True),
        FieldPanel("status"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("delegate registration")
        verbose_name_plural = _("delegate registrations")
        ordering = ["meeting", "submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "name_key", "contact_key"],
                name="wagtail_disclosure_one_registration_per_person",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = identity_key(self.name)[:50]
        self.contact_key = identity_key(self.contact)[:100]
        super().save(*args, **kwargs)

    @property
    def unit_id(self):
        return self.meeting.unit_id if self.meeting_id else None

    @property
    def consent_to_publish_text(self):
        return gettext("Yes") if self.consent_to_publish else gettext("No")

    @property
    def status_text(self):
        return self.get_status_display()
