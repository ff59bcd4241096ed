"""A manager's decision to publish one revision despite the privacy check's findings."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["PrivacyOverride"]


class PrivacyOverride(models.Model):
    """公开审查放行: the check passes for this revision only (an edit makes a new revision,
    which is checked again). The reason is also in the object's history."""

    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("manager"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"))
    findings = models.PositiveIntegerField(_("findings"), default=0)
    created_at = models.DateTimeField(_("overridden at"), auto_now_add=True)

    class Meta:
        verbose_name = _("privacy check override")
        verbose_name_plural = _("privacy check overrides")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} r{self.revision_id}"
