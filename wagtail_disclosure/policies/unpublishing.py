"""The release-together rule where Wagtail unpublishes a page it holds as a plain ``Page``.

``publish_scheduled`` unpublishes expired pages as ``Page`` objects (not their specific class),
so ``InterpretationPage.unpublish`` is not called; nor is it when the admin unpublishes a parent
with its descendants. Every way ends in ``save()`` of the page with ``live`` turned off: a
``pre_save`` receiver there keeps an interpretation live when it is the only live one of a live
document that needs one (``publishing.unpublish_unless_needed`` decides and logs), and the
unpublish entry Wagtail writes afterwards for the page it believes unpublished is removed, so the
history says what happened.
"""

from django.db.models.signals import pre_save
from wagtail.models import Page, PageLogEntry
from wagtail.signals import page_unpublished

from .interpretations import InterpretationPage
from .publishing import unpublish_unless_needed

#: Set on a page object whose unpublishing was refused, until Wagtail's unpublish entry is gone.
KEPT = "_wagtail_disclosure_kept_live"


def keep_needed_interpretation_live(sender, instance, **kwargs):
    if not isinstance(instance, Page) or instance.live or instance.pk is None:
        return
    if instance.specific_class is not InterpretationPage:
        return
    stored = InterpretationPage.objects.filter(pk=instance.pk, live=True).first()
    if stored is None:
        return  # not going from live to unpublished
    allowed = unpublish_unless_needed(stored, lambda: True, set_expired=bool(instance.expired))
    if allowed:
        return  # allowed: the unpublish goes on
    instance.live = True
    instance.expired = False
    instance.expire_at = stored.expire_at  # cleared by the refusal of a scheduled expiry
    instance.live_revision_id = stored.live_revision_id
    instance.has_unpublished_changes = stored.has_unpublished_changes
    setattr(instance, KEPT, True)


def drop_unpublish_entry(sender, instance, **kwargs):
    """Wagtail logs "unpublished" after saving: not true of a page kept live."""
    if sender is not InterpretationPage or not instance.live:
        return
    entries = PageLogEntry.objects.filter(page_id=instance.pk,
                                          action__startswith="wagtail.unpublish")
    entry = entries.order_by("-timestamp", "-pk").first()
    if entry is not None:
        entry.delete()


def connect():
    pre_save.connect(keep_needed_interpretation_live, dispatch_uid="disclosure_keep_interpretation")
    page_unpublished.connect(drop_unpublish_entry, dispatch_uid="disclosure_drop_unpublish_entry")
