"""What the public sends about an open day: registrations, held to the event's capacity by a
counter of places taken, and feedback after the event.

The places taken are counted in :class:`OpenDayPlaces`, one row per event, raised by a single
conditional ``UPDATE … WHERE taken < capacity``: the database serialises concurrent updates of
the row (a row lock on PostgreSQL, the write lock on SQLite), so however many register at
once, no more than the capacity get a place. The row lives outside the page, whose fields a
later publication would overwrite.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from wagtail_disclosure.core.permissions import is_manager, unit_ids

__all__ = ["OpenDayPlaces", "OpenDayRegistration", "OpenDayFeedback"]


class ForUserQuerySet(models.QuerySet):
    def for_user(self, user):
        if is_manager(user):
            return self
        return self.filter(event__unit__in=unit_ids(user))


class OpenDayPlaces(models.Model):
    """The places taken at one open day."""

    event = models.OneToOneField(
        "wagtail_disclosure.OpenDayPage",
        verbose_name=_("open day"),
        on_delete=models.CASCADE,
        related_name="places",
    )
    taken = models.PositiveIntegerField(_("places taken"), default=0)

    class Meta:
        verbose_name = _("places taken")
        verbose_name_plural = _("places taken")

    def __str__(self):
        return f"{self.event_id}: {self.taken}"


class OpenDayRegistration(models.Model):
    """报名: one person's place at an open day. Personal data: never shown on the site."""

    event = models.ForeignKey(
        "wagtail_disclosure.OpenDayPage",
        verbose_name=_("open day"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=50)
    phone = models.CharField(_("phone"), max_length=20)
    organisation = models.CharField(_("work or organisation"), max_length=100, blank=True)
    consent = models.BooleanField(_("consent given"), default=False)
    registered_at = models.DateTimeField(_("registered"), auto_now_add=True)

    objects = ForUserQuerySet.as_manager()

    panels = [
        FieldPanel("event", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("phone", read_only=True),
        FieldPanel("organisation", read_only=True),
    ]

    class Meta:
        verbose_name = _("open day registration")
        verbose_name_plural = _("open day registrations")
        ordering = ["-registered_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "phone"], name="wagtail_disclosure_open_day_once_per_phone"
            )
        ]

    def __str__(self):
        return self.name


class OpenDayFeedback(models.Model):
    """意见建议: what a visitor thought of the open day and what they suggest."""

    event = models.ForeignKey(
        "wagtail_disclosure.OpenDayPage",
        verbose_name=_("open day"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    body = models.TextField(_("opinion or suggestion"))
    name = models.CharField(_("name"), max_length=50, blank=True)
    contact = models.CharField(_("contact details"), max_length=100, blank=True)
    submitted_at = models.DateTimeField(_("received"), auto_now_add=True)
    source_key = models.CharField(max_length=64, editable=False)
    text_key = models.CharField(max_length=64, editable=False)

    objects = ForUserQuerySet.as_manager()

    panels = [
        FieldPanel("event", read_only=True),
        FieldPanel("body", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("contact", read_only=True),
    ]

    class Meta:
        verbose_name = _("open day feedback")
        verbose_name_plural = _("open day feedback")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "source_key", "text_key"],
                name="wagtail_disclosure_open_day_feedback_once",
            )
        ]

    def __str__(self):
        text = " ".join(self.body.split())
        return text[:30] + ("…" if len(text) > 30 else "")
