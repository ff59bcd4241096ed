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

Which documents the rule binds follows their kind (:func:`kind_requires_interpretation`): rules
and normative documents always, other kinds as the site's setting says, and a document of such a
kind is let off only with a written exemption reason, which the page's history keeps. Drafts are
never held back: the rule applies when a document goes live, so an editor can save the document
first and then create its interpretation from it (the 新建解读 action).

Unpublishing the last live interpretation of a live document that needs one would leave the
document live without it; the admin's unpublish view asks the editor to unpublish both or
neither (:func:`documents_left_without_interpretation`). Where no editor can be asked, the
interpretation stays live (:func:`unpublish_unless_needed`): ``page.unpublish()`` called by code
and the scheduled unpublishing of ``publish_scheduled`` (its expiry date). The refusal is written
to the history of the interpretation and of each document, and a scheduled expiry is cancelled
so that the command does not refuse again at every run. An interpretation expiring together with
its documents (their expiry has come too) is unpublished as scheduled.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core.publication import publication_problems, record_refusal

from .choices import ALWAYS_INTERPRETED_KINDS

logger = logging.getLogger(__name__)

RELEASE_BLOCKED = "wagtail_disclosure.release_blocked"
INTERPRETATION_EXEMPTED = "wagtail_disclosure.interpretation_exempted"
UNPUBLISHED_WITH_INTERPRETATION = "wagtail_disclosure.unpublished_with_interpretation"
INTERPRETATION_KEPT_LIVE = "wagtail_disclosure.interpretation_kept_live"


def kind_requires_interpretation(kind):
    """Whether documents of ``kind`` are released with an interpretation unless exempted.

    Rules and normative documents always; other kinds as the site's setting
    ``WAGTAIL_DISCLOSURE_INTERPRETATION_REQUIRED`` says (on for policy documents that affect the
    public, off for work documents).
    """
    if kind in ALWAYS_INTERPRETED_KINDS:
        return True
    return bool(get_setting("WAGTAIL_DISCLOSURE_INTERPRETATION_REQUIRED").get(str(kind), False))


def may_be_exempted(kind):
    """Only documents of kinds the notice does not bind may be let off, with a reason."""
    return kind not in ALWAYS_INTERPRETED_KINDS


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


def releasable_interpretations(document):
    """The prepared interpretations the publication gate would let go live now (the others'
    own rules refuse them, e.g. an interpretation whose disclosure attribute is undecided), and
    the refusals of the others as sentences."""
    ready, refusals = [], []
    for interpretation in prepared_interpretations(document):
        candidate = interpretation.get_latest_revision_as_object()
        problems = publication_problems(candidate)
        if problems:
            refusals.append(
                _("the prepared interpretation “%(title)s” cannot be published: %(reasons)s")
                % {
                    "title": candidate.title,
                    "reasons": "；".join(problem.message for problem in problems),
                }
            )
        else:
            ready.append(interpretation)
    return ready, refusals


def release_problem(document, *, count_prepared=False):
    """Why ``document`` may not go live now, or ``None``.

    With ``count_prepared`` a prepared interpretation counts, because the caller is about to
    release it in the same action.
    """
    if not document.needs_interpretation:
        return None
    if document.pk and live_interpretations(document).exists():
        return None
    refusals = []
    if count_prepared and document.pk:
        ready, refusals = releasable_interpretations(document)
        if ready:
            return None
    problem = _(
        "“%(title)s” must be released together with its interpretation (同步解读), and no "
        "interpretation of it is live. Save this document as a draft and choose “New "
        "interpretation” in its header menu: the interpretation form opens with this document "
        "chosen. Keep “release with the document” ticked there (saving it as a draft is enough) "
        "and publishing this document will publish the interpretation in the same action. Or "
        "publish an interpretation of it first."
    ) % {"title": document.title}
    if may_be_exempted(document.kind):
        problem += " " + _(
            "If this document needs no interpretation, untick “requires interpretation” and "
            "give the reason."
        )
    if refusals:
        problem += " " + "；".join(refusals)
    return problem


def documents_left_without_interpretation(interpretation):
    """Live documents that need an interpretation and would have none live without
    ``interpretation`` (which is being unpublished)."""
    if not interpretation.pk or not interpretation.live:
        return []
    documents = interpretation.interpreted_documents.live().order_by("pk")
    left = []
    for document in documents:
        if not document.needs_interpretation:
            continue
        others = live_interpretations(document).exclude(pk=interpretation.pk)
        if not others.exists():
            left.append(document)
    return left


def release_prepared_interpretations(document, user=None):
    """Publish the latest revision of each prepared interpretation of ``document`` now."""
    released = []
    for interpretation in releasable_interpretations(document)[0]:
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
    problems = publication_problems(target, revision=revision, user=user)
    if problems:
        record_refusal(document, problems, user=user)
        return None
    with transaction.atomic():
        problem = release_problem(target, count_prepared=True)
        if problem:
            logger.warning("Not publishing %r: %s", document, problem)
            log(instance=document, action=RELEASE_BLOCKED, user=user, data={"reason": problem})
            return None
        release_prepared_interpretations(target, user=user)
        return document._publish_now(revision, user=user, **kwargs)


def unpublish_unless_needed(interpretation, unpublish, *, set_expired=False, user=None):
    """``Page.unpublish`` of an interpretation outside the admin's unpublish screen: ``unpublish()``
    unless that would leave live documents needing an interpretation without one; then the
    interpretation stays live and the refusal is logged (see the module's docstring)."""
    left = documents_left_without_interpretation(interpretation)
    if set_expired:
        now = timezone.now()
        left = [document for document in left
                if not (document.expire_at and document.expire_at <= now)]
    if not left:
        return unpublish()
    data = {"title": interpretation.title, "documents": [document.title for document in left],
            "document_ids": [document.pk for document in left], "scheduled": set_expired}
    if set_expired:
        type(interpretation).objects.filter(pk=interpretation.pk).update(expire_at=None)
        interpretation.expire_at = None
    logger.warning("Not unpublishing %r: %s", interpretation, kept_live_reason(data))
    for page in [interpretation, *left]:
        log(instance=page, action=INTERPRETATION_KEPT_LIVE, user=user, data=data)
    return None


def kept_live_reason(data) -> str:
    """Why an interpretation was kept live (the history's comment), in the reader's language."""
    reason = _(
        "“%(title)s” was not unpublished: it is the only live interpretation of %(documents)s, "
        "which must stay released together with an interpretation (同步解读). Unpublish it in "
        "the admin, which offers to unpublish the documents with it, or publish another "
        "interpretation of them first."
    ) % {"title": data.get("title", ""),
         "documents": "、".join(f"“{title}”" for title in data.get("documents", []))}
    if data.get("scheduled"):
        reason += " " + _("Its scheduled unpublishing was cancelled.")
    return reason
