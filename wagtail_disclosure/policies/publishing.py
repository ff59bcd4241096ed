"""Released together (同步): a policy document that requires interpretation goes live only with one.

The notice asks that a policy and its interpretation are prepared, approved and released together.
Every way a page goes live ends in ``Page.save()`` with ``live=True``, so the rule is checked
there (:meth:`PolicyDocumentPage.clean`). The ways differ in how an editor learns of it and how
the prepared interpretation is released with the document:

- Publish button: the admin form refuses with the reason (``policies/admin.py``), and the
  ``before_publish_page`` hook publishes the prepared interpretation just before the document.
- Scheduled publishing and workflow approval call ``Revision.publish()`` → ``Page.publish()``:
  :func:`publish_unless_blocked` publishes the prepared interpretation first; if there is none,
  the document stays unpublished and the refusal is written to the page's history.

A *prepared* interpretation interprets the document, is not live, and has "release with the
document" ticked.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

logger = logging.getLogger(__name__)

RELEASE_BLOCKED = "wagtail_disclosure.release_blocked"


# A document's interpretations are reached through the relation they declare
# (``InterpretationPage.interpreted_documents``, related name ``interpretations``) rather than by
# importing their model: the document model uses this module, and the interpretation module uses
# the document model.


def live_interpretations(document):
    """Live interpretations of ``document`` (a saved one)."""
    return document.interpretations.live()


def prepared_interpretations(document):
    """Interpretations waiting to be released with ``document`` (none before it is saved)."""
    if not document.pk:
        return []
    return document.interpretations.filter(live=False, release_with_document=True).order_by("pk")


def release_problem(document, *, count_prepared=False):
    """Why ``document`` may not go live now, or ``None``.

    With ``count_prepared`` a prepared interpretation counts, because the caller is about to
    release it in the same action.
    """
    if not document.requires_interpretation:
        return None
    if document.pk and live_interpretations(document).exists():
        return None
    if count_prepared and document.pk and prepared_interpretations(document).exists():
        return None
    return _(
        "“%(title)s” must be released together with its interpretation (同步解读), and no "
        "interpretation of it is live. Create an interpretation page that lists this document "
        "under “interpreted documents” and keep “release with the document” ticked (saving it "
        "as a draft is enough): publishing this document will then publish the interpretation "
        "in the same action. Or publish an interpretation of it first. If this document needs no "
        "interpretation, untick “requires interpretation”."
    ) % {"title": document.title}


def release_prepared_interpretations(document, user=None):
    """Publish the latest revision of each prepared interpretation of ``document`` now."""
    released = []
    for interpretation in prepared_interpretations(document):
        revision = interpretation.get_latest_revision() or interpretation.save_revision(user=user)
        if interpretation.go_live_at and interpretation.go_live_at > timezone.now():
            # Released with the document means now: drop a later schedule of the interpretation.
            interpretation.go_live_at = None
            revision = interpretation.save_revision(user=user, log_action=False)
        revision.publish(user=user, skip_permission_checks=True)
        released.append(interpretation)
    return released


def publish_unless_blocked(document, revision, user=None, **kwargs):
    """``Page.publish`` for a policy document: scheduled publishing and workflow approval."""
    target = revision.as_object()
    going_live = not (target.go_live_at and target.go_live_at > timezone.now())
    if not going_live or document.live:
        return document._publish_now(revision, user=user, **kwargs)
    with transaction.atomic():
        problem = release_problem(target, count_prepared=True)
        if problem:
            logger.warning("Not publishing %r: %s", document, problem)
            log(instance=document, action=RELEASE_BLOCKED, user=user, data={"reason": problem})
            return None
        release_prepared_interpretations(target, user=user)
        return document._publish_now(revision, user=user, **kwargs)
