"""The publication gate: the one place every way of going live passes through.

Several rules of the notice say "this may not go public until…": a disclosure attribute must be
decided at the source, personal data must not be published, a policy document is released with
its interpretation. Each domain states its rule as a *publication check* and registers it here
(in ``AppConfig.ready()``); the gate asks every check before anything goes live.

Every way of publishing ends in ``publish(revision, …)`` on the object: the Publish button (page
and snippet edit views), scheduled publishing (``publish_scheduled``), workflow approval, bulk
publishing and the app's own imports. :class:`PublicationGateMixin` puts the gate there, so no
path can pass it. Where a person is waiting (the admin's Publish button, the bulk action) the
admin hooks in :mod:`wagtail_disclosure.core.publication_admin` refuse first, with the reasons
and nothing published (the draft is kept). Where nobody is waiting (scheduled publishing, an
approval that ends a workflow, an import) the object stays unpublished and the refusal is
written to its history, so the office sees why in the page's history and in Wagtail's site
history report.

A check is a callable ``check(obj, revision=None, user=None)`` returning an iterable of
:class:`PublicationProblem`. It is given the object *as it will be published* (the revision's
content), not the object in the database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from wagtail.log_actions import log

logger = logging.getLogger(__name__)

#: The history action of a refused publication (registered with its message in ``column/admin``).
PUBLICATION_REFUSED = "wagtail_disclosure.publication_refused"


@dataclass(frozen=True)
class PublicationProblem:
    """One reason an object may not go live yet.

    ``check`` names the rule (``"disclosure_attribute"``, ``"privacy"``, …); ``message`` is the
    translated sentence an editor reads; ``field`` the form field to fix, if there is one;
    ``overridable`` says a manager may publish anyway with a logged reason (the rule's own
    package offers that, e.g. the privacy check's override); ``url`` an admin page that shows
    the problem in detail (the refusal links to it).
    """

    check: str
    message: str
    field: str | None = None
    overridable: bool = False
    url: str = ""


class PublicationRefused(PermissionDenied):
    """Raised by :func:`ensure_publishable` with the problems that refuse publication."""

    def __init__(self, problems: list[PublicationProblem]):
        self.problems = problems
        super().__init__("; ".join(problem.message for problem in problems))


PublicationCheck = Callable[..., Iterable[PublicationProblem]]

_checks: dict[str, PublicationCheck] = {}


def register_publication_check(name: str, check: PublicationCheck) -> None:
    """Add (or replace, for the same ``name``) a rule every publication must pass."""
    _checks[name] = check


def unregister_publication_check(name: str) -> None:
    _checks.pop(name, None)


def publication_problems(obj, revision=None, user=None) -> list[PublicationProblem]:
    """Every registered rule's reasons ``obj`` may not go live (empty: it may)."""
    if not getattr(obj, "publication_gated", False):
        return []
    problems: list[PublicationProblem] = []
    for check in list(_checks.values()):
        problems.extend(check(obj, revision=revision, user=user) or ())
    return problems


def ensure_publishable(obj, revision=None, user=None) -> None:
    """Raise :class:`PublicationRefused` if any rule refuses ``obj``."""
    problems = publication_problems(obj, revision=revision, user=user)
    if problems:
        raise PublicationRefused(problems)


def record_refusal(obj, problems, user=None) -> None:
    """Write a refused publication into the object's history (nobody was there to read it)."""
    reasons = [problem.message for problem in problems]
    logger.warning("Not publishing %r: %s", obj, "; ".join(reasons))
    log(
        instance=obj,
        action=PUBLICATION_REFUSED,
        user=user if getattr(user, "pk", None) else None,
        data={"reasons": reasons, "checks": sorted({problem.check for problem in problems})},
    )


def refusal_summary(data) -> str:
    """The history line of a refused publication."""
    reasons = "；".join(data.get("reasons", ())) if data else ""
    return _("Not published: %(reasons)s") % {"reasons": reasons}


class PublicationGateMixin:
    """For pages and snippets (with ``DraftStateMixin``) the disclosure rules apply to.

    ``publish()`` asks the gate with the revision's content; refused, the object stays as it was
    and the refusal goes into its history. It returns ``None`` then, as Wagtail's publish does
    when it only schedules. A site's own page types opt in by adding this mixin.
    """

    #: The gate asks its checks only of objects that say so (a site page type may opt out).
    publication_gated = True

    def publish(self, revision, user=None, *args, **kwargs):
        candidate = revision.as_object()
        problems = publication_problems(candidate, revision=revision, user=user)
        if problems:
            record_refusal(self, problems, user=user)
            return None
        return super().publish(revision, user, *args, **kwargs)
