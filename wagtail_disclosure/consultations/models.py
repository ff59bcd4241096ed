"""Comments the public sends on a consultation, and when its feedback report went public.

A comment keeps what its sender typed (``body``), their optional name, their contact details and
their consent. The contact details are for the office only and are never shown; the sender's
address is never stored at all: duplicates are recognised by a keyed hash of the address and the
text (``source_key``, ``text_key``), which cannot be turned back into either.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from wagtail_disclosure.core import submissions
from wagtail_disclosure.core.permissions import is_manager, unit_ids
from wagtail_disclosure.core.submissions import normalised_text

__all__ = ["CommentStatus", "ConsultationComment", "FeedbackReportPublication"]


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    PUBLISHED = "published", _("Published")
    HIDDEN = "hidden", _("Hidden")


def source_key(consultation_id, address: str) -> str:
    return submissions.source_key(f"consultation:{consultation_id}", address)


class CommentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=CommentStatus.PUBLISHED)

    def pending(self):
        return self.filter(status=CommentStatus.PENDING)

    def for_user(self, user):
        """Managers see every consultation's comments; a unit editor their units'."""
        if is_manager(user):
            return self
        return self.filter(consultation__unit__in=unit_ids(user))


class ConsultationComment(models.Model):
    """One comment on a consultation (意见建议), as received and as moderated."""

    consultation = models.ForeignKey(
        "wagtail_disclosure.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    body = models.TextField(_("comment"))
    clause = models.CharField(
        _("clause or topic"),
        max_length=255,
        blank=True,
        help_text=_("The part of the draft the sender says the comment is about."),
    )
    name = models.CharField(
        _("name"), max_length=100, blank=True, help_text=_("Shown with the comment if given.")
    )
    contact = models.CharField(
        _("contact details"),
        max_length=255,
        blank=True,
        help_text=_("For the office only: never shown on the site."),
    )
    consent = models.BooleanField(_("consent given"), default=False)
    submitted_at = models.DateTimeField(_("received"), auto_now_add=True)
    source_key = models.CharField(max_length=64, editable=False)
    text_key = models.CharField(max_length=64, editable=False)

    status = models.CharField(
        _("status"), max_length=16, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    public_body = models.TextField(
        _("text shown on the site"),
        blank=True,
        help_text=_(
            "Leave empty to show the comment as sent. Write a version here to leave out personal "
            "data or abuse; the original is kept."
        ),
    )
    hidden_reason = models.CharField(
        _("reason for hiding"),
        max_length=255,
        blank=True,
        help_text=_("Required when a comment is hidden, e.g. off topic, abusive, advertising."),
    )
    topic = models.CharField(
        _("group in the feedback report"),
        max_length=255,
        blank=True,
        help_text=_("The group of the consultation's feedback report the comment is counted in."),
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("consultation", read_only=True),
                FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("clause")]),
                FieldPanel("body", read_only=True),
                FieldPanel("contact", read_only=True),
            ],
            heading=_("As received"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("hidden_reason"),
                FieldPanel("public_body"),
                FieldPanel("confirm_personal_data"),
                FieldPanel("topic"),
            ],
            heading=_("Moderation"),
        ),
    ]

    class Meta:
        verbose_name = _("consultation comment")
        verbose_name_plural = _("consultation comments")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "source_key", "text_key"],
                name="wagtail_disclosure_comment_once_per_sender",
            )
        ]
        indexes = [models.Index(fields=["consultation", "status"])]

    def __str__(self):
        text = normalised_text(self.body)
        return text[:30] + ("…" if len(text) > 30 else "")

    @property
    def shown_text(self):
        """What the site shows: the moderator's version if there is one, else the comment."""
        return self.public_body or self.body

    @property
    def shown_name(self):
        return self.name or _("Anonymous")


class FeedbackReportPublication(models.Model):
    """The day a consultation's feedback report first went public (kept outside the page's
    revisions, so a later edit of the page cannot move it)."""

    consultation = models.OneToOneField(
        "wagtail_disclosure.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="feedback_report_publication",
    )
    published_on = models.DateField(_("feedback report published on"))

    class Meta:
        verbose_name = _("feedback report publication")
        verbose_name_plural = _("feedback report publications")

    def __str__(self):
        return f"{self.consultation_id}: {self.published_on.isoformat()}"
