"""Version tokens: what kept HTML is keyed by, so that a change forgets it by replacing a token.

A token lives in the app's cache (``WAGTAIL_DISCLOSURE_CACHE``). Rendered HTML is kept under a
key holding the tokens it depends on; replacing a token makes every key that held it unreachable,
and those entries age out. There are two:

- the *main* token (``progress.cache``): plans, progress, units, pages, reporting panels;
- the *submissions* token (here): what the public sends and the office answers — consultation
  comments and feedback reports, open-day registrations and places, disclosure requests and their
  clock. Kept apart so that a public comment does not forget every kept plan table; only the
  dashboard panels that count submissions hold it.

A token is replaced at once and again when the transaction commits, so HTML rendered by another
request from the old data while the change was being written is not kept under the new token.
"""

from __future__ import annotations

import uuid

from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail_disclosure.conf import get_setting


def token_cache():
    return caches[get_setting("WAGTAIL_DISCLOSURE_CACHE")]


class VersionToken:
    """One token, stored under ``key``, made on first use."""

    def __init__(self, key: str):
        self.key = key
        # Whether this process has read the token since it last replaced it: only then can
        # something be kept under the current one, so an import saving a thousand rows in a row
        # replaces it at once a single time, not a thousand times.
        self.read_since_replaced = True

    def current(self) -> str:
        self.read_since_replaced = True
        store = token_cache()
        token = store.get(self.key)
        if token is None:
            store.add(self.key, uuid.uuid4().hex, None)
            token = store.get(self.key) or ""
        return token

    def replace(self) -> None:
        token_cache().set(self.key, uuid.uuid4().hex, None)

    def changed(self, **_kwargs) -> None:
        """Forget what was kept under the token: now, and again when the transaction commits."""
        if self.read_since_replaced:
            self.read_since_replaced = False
            self.replace()
        if not self._replace_on_commit_pending():
            transaction.on_commit(self.replace)

    def _replace_on_commit_pending(self) -> bool:
        """Is a replacement already waiting for the current transaction to commit?"""
        connection = transaction.get_connection()
        if not connection.in_atomic_block:
            return False
        # Bound methods of the same token compare equal (not identical).
        return any(hook[1] == self.replace for hook in connection.run_on_commit)


#: Replaced by ``progress.cache`` (which says what it watches).
MAIN = VersionToken("wagtail_disclosure:progress:version")
SUBMISSIONS = VersionToken("wagtail_disclosure:submissions:version")


def main_version() -> str:
    """The current main token: part of the key of HTML (or answers) that show pages."""
    return MAIN.current()


def kept(key: str, compute):
    """What is kept under ``key`` (a key holding the tokens it depends on), or ``compute()``,
    kept there for the next request."""
    store = token_cache()
    answer = store.get(key)
    if answer is None:
        answer = compute()
        store.set(key, answer, get_setting("WAGTAIL_DISCLOSURE_PAGE_CACHE_TIMEOUT"))
    return answer


def kept_under_main(name: str, compute):
    """``compute()``, kept until the main token is replaced: for answers about the pages that
    every admin request asks (e.g. whether any sector exists, which reporting panels are on
    the dashboard)."""
    return kept(f"wagtail_disclosure:kept:{name}:{main_version()}", compute)


def submissions_version() -> str:
    """The current submissions token: part of the key of HTML that shows submissions."""
    return SUBMISSIONS.current()


def submissions_changed(**_kwargs) -> None:
    """A submission or its state changed. Saves and deletes of watched models call this through
    their signals; a queryset ``update()`` sends none, so the code doing it calls this itself."""
    SUBMISSIONS.changed()


def _on_save_or_delete(sender, **kwargs):
    if not kwargs.get("raw"):
        submissions_changed()


def watch_submissions(*models) -> None:
    """Replace the submissions token whenever one of ``models`` is saved or deleted (the app's
    ``ready()`` names them)."""
    for model in models:
        uid = f"wagtail_disclosure_submissions_{model._meta.label_lower}"
        post_save.connect(_on_save_or_delete, sender=model, dispatch_uid=uid)
        post_delete.connect(_on_save_or_delete, sender=model, dispatch_uid=uid)
