"""The audit trail: what the office's tools did, in Wagtail's log.

Imports, unit-name mappings, carry-overs, request state changes and corrected annual report
figures are each recorded with ``wagtail.log_actions.log`` under an action of this app
(``wagtail_disclosure.*``), registered with a message by the domain's ``admin.py`` through
the ``register_log_actions`` hook. So they show in the object's history and in Wagtail's site
history report, next to the edits and publications Wagtail records itself.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail.log_actions import LogFormatter, log

IMPORT_ROW_KINDS = ("new", "update", "delete", "skip")


def acting_user(user):
    """The user to record, or ``None`` for imports run from the command line."""
    return user if getattr(user, "pk", None) else None


def record(instance, action: str, user=None, **data):
    """Record ``action`` on ``instance`` (a page or a model instance) by ``user``."""
    return log(instance=instance, action=action, user=acting_user(user), data=data)


def import_counts(result) -> dict[str, int]:
    """How many rows an import created, updated, deleted and skipped."""
    return {kind: result.totals.get(kind, 0) for kind in IMPORT_ROW_KINDS}


class AuditedImportMixin:
    """For a django-import-export ``Resource``: a finished import (not a dry run, nothing
    refused) leaves one entry in the log of the page it imported into.

    The resource names its ``import_log_action`` and answers :meth:`import_log_targets`; it
    keeps the importing user in ``self.user``.
    """

    import_log_action = ""

    def import_log_targets(self, result):
        """The pages or objects the import wrote into (the entry goes on each)."""
        return []

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if kwargs.get("dry_run", True) or result.has_errors() or result.has_validation_errors():
            return
        counts = import_counts(result)
        for target in self.import_log_targets(result):
            record(target, self.import_log_action, getattr(self, "user", None), **counts)


class ImportFormatter(LogFormatter):
    """The message of an import's entry: what it imported and how many rows did what.

    A domain subclasses it with a ``label`` (the action's name in the history's filter) and a
    ``summary`` ("Imported the units register"), and registers it for its action."""

    summary = ""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _(
            "%(summary)s: %(new)s added, %(update)s changed, %(delete)s removed, "
            "%(skip)s unchanged"
        ) % {"summary": self.summary, **{kind: data.get(kind, 0) for kind in IMPORT_ROW_KINDS}}
