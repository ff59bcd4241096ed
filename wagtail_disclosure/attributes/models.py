"""The disclosure attribute on content, and the workflow task that reviews it.

:class:`DisclosureAttributeMixin` gives a page type or a snippet with revisions the attribute,
its legal basis, a review date, and who decided it and when. The decision is stamped whenever a
revision changes it (so the revision history and the object's history say who set what), and a
live item whose new revision makes it non-public is withdrawn (unpublished) in the same step.

:class:`DisclosureAttributeTask` (公开属性审查) is a workflow task a site adds to its workflows:
its reviewers cannot approve an item whose attribute (and basis where needed) is not set.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.actions.unpublish import UnpublishAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import AbstractGroupApprovalTask, Page

from wagtail_disclosure.core import clock
from wagtail_disclosure.core.audit import record

from .choices import ARTICLE_WORDS, NON_PUBLIC, DisclosureAttribute, LegalBasis
from .rules import (
    decision_errors,
    decision_from_content,
    decision_of,
    default_review_date,
    normalise,
    review_problems,
)

__all__ = ["DisclosureAttributeMixin", "DisclosureAttributeTask"]

#: The decision of an item nobody has decided on.
UNDECIDED = {"attribute": "", "basis": "", "citation": "", "review_date": ""}

#: History actions (registered with their messages in ``attributes/admin.py``).
ATTRIBUTE_SET = "wagtail_disclosure.disclosure_attribute_set"
ATTRIBUTE_REVIEWED = "wagtail_disclosure.disclosure_attribute_reviewed"
ATTRIBUTE_CONVERTED = "wagtail_disclosure.disclosure_attribute_converted"
WITHDRAWN = "wagtail_disclosure.disclosure_withdrawn"


def disclosure_attribute_panel(**kwargs):
    """The editor's 公开属性 panel: add it to a model's panels (``content_panels`` of a page)."""
    return MultiFieldPanel(
        [
            FieldPanel("disclosure_attribute"),
            FieldPanel("disclosure_basis"),
            FieldRowPanel(
                [FieldPanel("disclosure_basis_citation"), FieldPanel("disclosure_review_date")]
            ),
        ],
        heading=kwargs.pop("heading", _("Disclosure attribute")),
        help_text=kwargs.pop("help_text", _(
            "Decide the attribute before the item is signed off (先确定公开属性，再运转呈签). "
            "Only proactive disclosure goes live; items disclosed on request or not disclosed "
            "stay in the admin, are listed for request officers, and are reviewed periodically."
        )),
        **kwargs,
    )


class DisclosureAttributeMixin(models.Model):
    """公开属性 for a page type or a snippet (with ``DraftStateMixin`` and revisions).

    A site's own page type opts in by adding the mixin (after ``PublicationGateMixin``, before
    ``Page``) and :func:`disclosure_attribute_panel` to its panels. ``disclosure_unit_field``
    names the unit an item belongs to, for the unit-scoped reports (``"issuer"``); pages are
    also in scope for the editors of the unit pages they sit under.
    """

    disclosure_attribute = models.CharField(
        _("disclosure attribute"),
        max_length=16,
        choices=DisclosureAttribute.choices,
        blank=True,
        default="",
        help_text=_(
            "Proactive disclosure: published. Disclosure on request / not disclosed: kept in "
            "the admin, with the legal basis."
        ),
    )
    disclosure_basis = models.CharField(
        _("legal basis"),
        max_length=32,
        choices=LegalBasis.choices,
        blank=True,
        default="",
        help_text=ARTICLE_WORDS,
    )
    disclosure_basis_citation = models.CharField(
        _("citation of the other law"),
        max_length=255,
        blank=True,
        default="",
        help_text=_("The law or administrative regulation and its article, for “another law”."),
    )
    disclosure_review_date = models.DateField(
        _("review date"),
        null=True,
        blank=True,
        help_text=_(
            "When to review whether the item can now be disclosed. Left empty, a year (the "
            "site's setting) after the attribute is set."
        ),
    )
    disclosure_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attribute set by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    disclosure_set_at = models.DateTimeField(
        _("attribute set at"), null=True, blank=True, editable=False
    )

    #: The field naming the unit an item belongs to (for the unit-scoped reports), or None.
    disclosure_unit_field = None

    class Meta:
        abstract = True

    # Validation --------------------------------------------------------------------------

    def clean(self):
        super().clean()
        normalise(self)
        errors = decision_errors(
            self.disclosure_attribute, self.disclosure_basis, self.disclosure_basis_citation
        )
        if errors:
            raise ValidationError(errors)

    # The decision ------------------------------------------------------------------------

    @property
    def is_withheld(self) -> bool:
        """依申请公开 or 不予公开: kept out of public view."""
        return self.disclosure_attribute in NON_PUBLIC

    def previous_decision(self) -> dict | None:
        """The decision of the latest revision (or the stored row), before this save."""
        if not self.pk:
            return None
        revision = self.get_latest_revision()
        if revision is None:
            return None
        if "disclosure_attribute" in revision.content:
            return decision_from_content(revision.content)
        # A revision from before the attribute existed: the stored row has the migrated value.
        stored = type(self)._default_manager.filter(pk=self.pk).first()
        return decision_of(stored) if stored is not None else None

    def save_revision(self, user=None, *args, **kwargs):
        """Stamp a changed decision (who, when, the default review date), keep it on the stored
        row too (the reports read rows), log it, and withdraw a live item it makes non-public."""
        normalise(self)
        before = self.previous_decision()
        after = decision_of(self)
        changed = after != (before or UNDECIDED)
        if changed and after["attribute"]:
            self.disclosure_set_by = user if getattr(user, "pk", None) else None
            self.disclosure_set_at = timezone.now()
            if self.is_withheld and self.disclosure_review_date is None:
                self.disclosure_review_date = default_review_date(clock.today())
            after = decision_of(self)
        revision = super().save_revision(user, *args, **kwargs)
        if changed:
            self._store_decision()
            record(
                self,
                ATTRIBUTE_SET,
                user,
                before=before or UNDECIDED,
                after=after,
                revision_id=revision.pk,
            )
            if self.live and self.is_withheld:
                self.withdraw(user=user, decision=after)
        return revision

    def _store_decision(self):
        fields = (
            "disclosure_attribute",
            "disclosure_basis",
            "disclosure_basis_citation",
            "disclosure_review_date",
            "disclosure_set_by",
            "disclosure_set_at",
        )
        type(self)._default_manager.filter(pk=self.pk).update(
            **{name: getattr(self, name) for name in fields}
        )

    def withdraw(self, user=None, decision=None):
        """Unpublish the live item (now 依申请公开 or 不予公开) and say why in its history.

        Whoever may decide the attribute withdraws the item with it: an item that is not
        主动公开 may not stay public, whether or not the editor could unpublish it otherwise."""
        stored = type(self)._default_manager.get(pk=self.pk)
        action = UnpublishPageAction if isinstance(stored, Page) else UnpublishAction
        action(stored, user=user, log_action=True).execute(skip_permission_checks=True)
        self.live = False
        self.live_revision = None
        record(self, WITHDRAWN, user, decision=decision or decision_of(self))


class DisclosureAttributeTask(AbstractGroupApprovalTask):
    """公开属性审查: members of the chosen groups approve an item's disclosure attribute.

    Approval is refused until the revision under review has its attribute (and the basis an
    item withheld needs); the approved decision, who set it and when go into the item's history.
    """

    class Meta:
        verbose_name = _("Disclosure attribute review")
        verbose_name_plural = _("Disclosure attribute reviews")

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups check the item's disclosure attribute and legal basis; "
            "it cannot be approved until they are set."
        )

    @staticmethod
    def reviewed_object(obj):
        """The item as it will be published: its latest revision."""
        latest = getattr(obj, "get_latest_revision_as_object", None)
        return latest() if latest is not None and obj.pk else obj

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if not actions or not isinstance(obj, DisclosureAttributeMixin):
            return actions
        if review_problems(self.reviewed_object(obj)):
            # Only "request changes" until the attribute is set (save it, then approve).
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            obj = task_state.workflow_state.content_object
            obj = getattr(obj, "specific", obj)
            if isinstance(obj, DisclosureAttributeMixin):
                reviewed = self.reviewed_object(obj)
                problems = review_problems(reviewed)
                if problems:
                    raise PermissionDenied(" ".join(problems))
                with transaction.atomic():
                    set_by = reviewed.disclosure_set_by
                    record(
                        obj,
                        ATTRIBUTE_REVIEWED,
                        user,
                        decision=decision_of(reviewed),
                        set_by=(set_by.get_full_name() or set_by.get_username()) if set_by else "",
                        set_at=(
                            reviewed.disclosure_set_at.isoformat()
                            if reviewed.disclosure_set_at
                            else ""
                        ),
                        task=self.name,
                    )
                    return super().on_action(task_state, user, action_name, **kwargs)
        return super().on_action(task_state, user, action_name, **kwargs)
