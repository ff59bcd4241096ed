"""Feed links: ``<link rel="alternate">`` in the head of the pages a feed is about, and the
addresses of a page's feeds for its body."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from wagtail_disclosure.units.models import UnitPage

from . import sources as _sources  # noqa: F401 (registers the sources)
from .registry import sources

register = template.Library()


def page_feeds(page):
    """[(title, rss url, atom url)] of the feeds about ``page``: those its type links to, and
    on a unit's page that unit's feeds."""
    if page is None:
        return []
    label = f"{page._meta.app_label}.{type(page).__name__}"
    feeds = []
    for source in sources():
        params = {}
        if isinstance(page, UnitPage) and source.unit:
            params = {"unit": page.pk}
            title = f"{page.title} · {source.title}"
        elif label in source.linked_from:
            title = str(source.title)
        else:
            continue
        try:
            rss = reverse("wagtail_disclosure:feed_rss", args=[source.name])
            atom = reverse("wagtail_disclosure:feed_atom", args=[source.name])
        except NoReverseMatch:  # the site has not included the app's public URLs
            return []
        query = f"?{urlencode(params)}" if params else ""
        feeds.append((title, rss + query, atom + query))
    return feeds


@register.inclusion_tag("wagtail_disclosure/feeds/head_links.html", takes_context=True)
def disclosure_feed_links(context):
    """The page's feeds as ``<link rel="alternate">`` (RSS 2.0 and Atom) for its head."""
    return {"feeds": page_feeds(context.get("page")), "rss": _("RSS"), "atom": _("Atom")}


@register.simple_tag(takes_context=True)
def disclosure_page_feeds(context):
    """The page's feeds, for visible links in its body."""
    return page_feeds(context.get("page"))
