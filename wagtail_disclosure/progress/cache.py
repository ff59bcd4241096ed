"""The rendered plan, task and unit tables and dashboard panels, kept until what they show changes.

Building a plan's table reads every requirement, its units and their latest reports; rendering
it writes a row per requirement. Both depend only on the data below, the day (overdue starts at
midnight) and the language, so the HTML is kept in Django's cache under a key holding a
*version*: one token for all of it, replaced (not expired) whenever a plan or task page, a
requirement or its units, a unit or group, a progress report or a reporting panel is saved or
deleted, and whenever any page is published, unpublished, moved or deleted (evidence links show
only live pages) or a page's view restriction changes (unit page sections list public pages
only). Other domains' models whose changes show in kept HTML (the dashboard's panels, the unit
page's sections) are added with :func:`watch`. The old entries are then never read again and
age out of the cache. What the public sends (comments, registrations, requests) replaces a
second token instead (:mod:`wagtail_disclosure.core.versions`), held only by the dashboard panels
that show it, so a public comment does not forget every plan table.

The token is replaced at once and again when the transaction commits, so a page rendered by
another request from the old data while the change was being written is not kept under the new
version. Sites running several processes need a shared cache (Redis, Memcached or the database
cache) for the version to reach every process; ``WAGTAIL_DISCLOSURE_CACHE`` names it.
"""

from __future__ import annotations

import functools
import hashlib

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from wagtail_disclosure.core import clock
from wagtail_disclosure.core.sites import DisclosureSite
from wagtail_disclosure.core.versions import MAIN, kept

PREFIX = "wagtail_disclosure:progress"


def version() -> str:
    """The current version token (made on first use)."""
    return MAIN.current()


def invalidate(**_kwargs) -> None:
    """Forget every cached table: now, and again when the current transaction commits (once per
    transaction, and "now" only if something may have been kept since the last time)."""
    MAIN.changed()


def fragment_key(kind: str, *parts) -> str:
    """The cache key of one rendering: its kind, what it shows (``parts``), the version, the
    day and the language."""
    raw = "|".join(str(p) for p in (kind, version(), clock.today(), get_language(), *parts))
    return f"{PREFIX}:{kind}:{hashlib.sha1(raw.encode()).hexdigest()}"


def cached_html(key: str | None, render) -> str:
    """The HTML kept under ``key``, or ``render()`` kept there (no key: not cached)."""
    return render() if key is None else kept(key, render)


def public_page_key(kind: str, page, request, *parts) -> str | None:
    """The key of a public page's table, or None when it must not be cached: previews (a draft
    is not public), pages that are not live, and requests without a site."""
    if request is None or getattr(request, "is_preview", False) or not page.live or not page.pk:
        return None
    site = Site.find_for_request(request)
    return fragment_key(kind, page.pk, site.pk if site else "", request.get_host(), *parts)


@functools.cache
def _watched_models():
    from wagtail.documents import get_document_model

    from wagtail_disclosure.plans.models import Requirement
    from wagtail_disclosure.units.models import UnitGroup

    from .models import ProgressReport, ReportPanel

    # DisclosureSite: a city's plan page shows its counties' progress.
    return (
        Requirement,
        UnitGroup,
        ProgressReport,
        ReportPanel,
        get_document_model(),
        Site,
        DisclosureSite,
        PageViewRestriction,
    )


#: Models of other domains watched too (progress imports no other domain: see :func:`watch`).
_also_watched: set = set()


def watch(*models) -> None:
    """Replace the version when one of ``models`` is saved or deleted too: the app's ``ready()``
    names the other domains' models that kept panels and sections show (statutory categories
    and items, the working-day calendar, annual reports)."""
    _also_watched.update(models)


def _on_save_or_delete(sender, **kwargs):
    if kwargs.get("raw"):
        return
    if issubclass(sender, Page) or sender in _watched_models() or sender in _also_watched:
        invalidate()


def connect() -> None:
    """Replace the version whenever what the cached tables show changes."""
    from wagtail_disclosure.plans.models import Requirement
    from wagtail_disclosure.units.models import UnitGroup

    post_save.connect(_on_save_or_delete, dispatch_uid="wagtail_disclosure_progress_cache_save")
    post_delete.connect(_on_save_or_delete, dispatch_uid="wagtail_disclosure_progress_cache_delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"wagtail_disclosure_progress_cache_{id(signal)}")
    for name in ("lead_units", "lead_groups", "cooperating_units", "cooperating_groups"):
        m2m_changed.connect(
            invalidate,
            sender=getattr(Requirement, name).through,
            dispatch_uid=f"wagtail_disclosure_progress_cache_{name}",
        )
    m2m_changed.connect(
        invalidate,
        sender=UnitGroup.members.through,
        dispatch_uid="wagtail_disclosure_progress_cache_members",
    )
    m2m_changed.connect(
        invalidate,
        sender=DisclosureSite.units.through,
        dispatch_uid="wagtail_disclosure_progress_cache_site_units",
    )
