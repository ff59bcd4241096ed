"""What an office does with attributes in bulk or on review: set them, convert items to 主动公开.

Both work on each item's latest revision (what the editor last saved), save a new revision (the
decision is stamped and logged per item by the mixin) and, for a conversion, publish it through
the normal path, so every publication check of the gate applies.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page

from wagtail_disclosure.core import clock
from wagtail_disclosure.core.audit import record
from wagtail_disclosure.core.permissions import is_manager
from wagtail_disclosure.core.publication import PublicationRefused, publication_problems

from .choices import DisclosureAttribute
from .inventory import user_may_see
from .models import ATTRIBUTE_CONVERTED
from .rules import decision_of, default_review_date


def user_may(user, obj, action: str) -> bool:
    """May ``user`` change (``"change"``) or publish (``"publish"``) ``obj``?

    Pages answer through their permission tester (which follows units); other items through
    the unit scope of the reports."""
    if isinstance(obj, Page):
        tester = obj.permissions_for_user(user)
        return tester.can_publish() if action == "publish" else tester.can_edit()
    return is_manager(user) or user_may_see(user, obj)


def working_copy(obj):
    """The item as last saved by an editor (its latest revision), to change and save again."""
    latest = getattr(obj, "get_latest_revision_as_object", None)
    return latest() if latest is not None else obj


def _apply(obj, attribute, basis="", citation="", review_date=None):
    obj.disclosure_attribute = attribute
    obj.disclosure_basis = basis or ""
    obj.disclosure_basis_citation = citation or ""
    obj.disclosure_review_date = review_date
    obj.full_clean()


@transaction.atomic
def set_attributes(items, user, *, attribute, basis="", citation="", review_date=None) -> list:
    """Give every one of ``items`` the same decision, all or none.

    Each gets a new revision (logged with who and when). A live item keeps being live when the
    decision is 主动公开 (its live content gets the decision too); one made non-public is
    withdrawn, as on its edit form.
    """
    for item in items:
        if not user_may(user, item, "change"):
            raise PermissionDenied(
                _("You may not change “%(title)s”.") % {"title": str(item)}
            )
    changed = []
    for item in items:
        had_draft_changes = getattr(item, "has_unpublished_changes", False)
        obj = working_copy(item)
        _apply(obj, attribute, basis, citation, review_date)
        revision = obj.save_revision(user=user, log_action=True)
        if (
            item.live
            and not had_draft_changes
            and attribute == DisclosureAttribute.PROACTIVE
            and user_may(user, item, "publish")
        ):
            # Nothing else was waiting in the draft: the live item carries the decision.
            revision.publish(user=user)
        changed.append(obj)
    return changed


@transaction.atomic
def convert_to_proactive(item, user):
    """Release a reviewed item: make it 主动公开 and publish it through the publication gate.

    Raises :class:`PublicationRefused` with the gate's reasons (nothing is changed then).
    """
    if not user_may(user, item, "publish"):
        raise PermissionDenied(_("You may not publish “%(title)s”.") % {"title": str(item)})
    before = decision_of(item)
    obj = working_copy(item)
    _apply(obj, DisclosureAttribute.PROACTIVE)
    problems = publication_problems(obj, user=user)
    if problems:
        raise PublicationRefused(problems)
    revision = obj.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    item.refresh_from_db()
    if not item.live:
        # A check that runs only in publish() refused it: undo the new decision as well.
        transaction.set_rollback(True)
        raise PublicationRefused(publication_problems(revision.as_object(), user=user))
    record(item, ATTRIBUTE_CONVERTED, user, before=before, after=decision_of(item))
    return item


@transaction.atomic
def review_again(item, user, review_date=None):
    """Reviewed and still withheld: keep the decision and set the next review date (by default
    ``WAGTAIL_DISCLOSURE_ATTRIBUTE_REVIEW_DAYS`` from today). Logged like any decision."""
    if not user_may(user, item, "change"):
        raise PermissionDenied(_("You may not change “%(title)s”.") % {"title": str(item)})
    obj = working_copy(item)
    obj.disclosure_review_date = review_date or default_review_date(clock.today())
    obj.full_clean()
    obj.save_revision(user=user, log_action=True)
    return obj


def validation_messages(error: ValidationError) -> list[str]:
    if hasattr(error, "message_dict"):
        return [m for messages in error.message_dict.values() for m in messages]
    return list(error.messages)
