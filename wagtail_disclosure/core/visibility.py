"""What the public may see, per site: live pages without a view restriction, in a site's tree.

The open-data outputs (API, feeds, digests, sitemaps) answer from these querysets only, so a
draft, an unpublished page or a page under a view restriction (password, login, groups) is never
served by them, whoever asks: they do not honour a visitor's login or password session.
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction, Site

__all__ = [
    "public_pages",
    "public_page_paths_q",
    "restricted_paths",
    "is_public_page",
]


def restricted_paths() -> list[str]:
    """Tree paths of every page under a view restriction (one query)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def public_page_paths_q(prefix: str = "", site: Site | None = None, paths=None) -> Q:
    """A Q over a page relation (``prefix`` such as ``"task__"``): live, unrestricted and, given
    ``site``, in that site's tree. ``paths`` are :func:`restricted_paths` if known."""
    condition = Q(**{f"{prefix}live": True})
    for path in restricted_paths() if paths is None else paths:
        condition &= ~Q(**{f"{prefix}path__startswith": path})
    if site is not None:
        condition &= Q(**{f"{prefix}path__startswith": site.root_page.path})
    return condition


def public_pages(model=Page, site: Site | None = None):
    """Live, public pages of ``model`` (in ``site``'s tree when given)."""
    queryset = model.objects.live().public()
    if site is not None:
        queryset = queryset.descendant_of(site.root_page, inclusive=True)
    return queryset


def is_public_page(page, paths: list[str], site: Site | None = None) -> bool:
    """Whether an already loaded ``page`` is live, unrestricted and (given ``site``) in the
    site's tree; ``paths`` from :func:`restricted_paths`, so many pages cost one query."""
    if page is None or not page.live:
        return False
    if any(page.path.startswith(path) for path in paths):
        return False
    return site is None or page.path.startswith(site.root_page.path)

