"""Subscriptions (政策找人): an address that asked, and confirmed, to hear of new policies.

An address is stored only once its owner has confirmed it by the link mailed to it (the
subscribe form keeps nothing: the request travels signed inside the link) and is deleted, not
flagged, when they unsubscribe. Addresses are shown nowhere public: no page, feed, API
endpoint or export lists this model.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Subscription"]


class Subscription(models.Model):
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    email = models.EmailField(_("email address"))
    categories = models.ManyToManyField(
        "wagtail_disclosure.SubjectCategory",
        verbose_name=_("subject categories"),
        blank=True,
        related_name="+",
    )
    units = models.ManyToManyField(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("units"),
        blank=True,
        related_name="+",
    )
    kinds = models.JSONField(_("document kinds"), default=list, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"))
    last_digest_at = models.DateTimeField(
        _("last digest covered up to"),
        help_text=_("The next digest lists what was published after this moment."),
    )

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["site", "email"], name="unique_subscription_address")
        ]

    def __str__(self):
        return _("Subscription %(id)s") % {"id": self.pk}
