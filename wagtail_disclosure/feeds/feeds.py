"""RSS 2.0 and Atom feeds of each source, per site, unit, subject category and kind
(Django's syndication framework).

``/disclosure/feeds/<source>/rss/`` (or ``atom/``), narrowed by ``?unit=<id>``,
``?category=<slug>`` and ``?kind=<value>``; the site is the one the request is for.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Site

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core.visibility import public_pages
from wagtail_disclosure.policies.choices import PolicyKind
from wagtail_disclosure.policies.models import SubjectCategory
from wagtail_disclosure.units.models import UnitPage

from . import sources  # noqa: F401 (registers the app's sources)
from .registry import FeedSource, get_source

#: Wagtail's own setting naming the install (not one of this app's settings).
WAGTAIL_SITE_NAME = "WAGTAIL_SITE_NAME"


def site_name(site):
    """The name readers know the site by: its own, else the install's, else its host."""
    return site.site_name or getattr(settings, WAGTAIL_SITE_NAME, "") or site.hostname


@dataclass
class FeedQuery:
    source: FeedSource
    site: Site
    unit: UnitPage | None
    category: SubjectCategory | None
    kind: str | None
    request: object

    def title(self):
        parts = [site_name(self.site), str(self.source.title)]
        if self.unit is not None:
            parts.append(self.unit.title)
        if self.category is not None:
            parts.append(self.category.name)
        if self.kind:
            parts.append(str(PolicyKind(self.kind).label))
        return " · ".join(parts)


@dataclass
class FeedItem:
    """An item with the query it answers (the feed view is shared by concurrent requests, so
    nothing of a request is kept on it)."""

    item: object
    query: FeedQuery

    @property
    def source(self):
        return self.query.source


class RssFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, source):
        feed_source = get_source(source)
        if feed_source is None:
            raise Http404(_("No such feed."))
        site = Site.find_for_request(request)
        if site is None:
            raise Http404(_("No such site."))
        unit = category = kind = None
        params = request.GET
        if params.get("unit"):
            if feed_source.unit is None or not params["unit"].isdigit():
                raise Http404(_("This feed cannot be narrowed to a unit."))
            unit = public_pages(UnitPage).filter(pk=int(params["unit"])).first()
            if unit is None:
                raise Http404(_("No such unit."))
        if params.get("category"):
            if feed_source.category is None:
                raise Http404(_("This feed cannot be narrowed to a subject category."))
            category = SubjectCategory.objects.filter(slug=params["category"]).first()
            if category is None:
                raise Http404(_("No such subject category."))
        if params.get("kind"):
            if feed_source.kind is None:
                raise Http404(_("This feed cannot be narrowed to a kind."))
            kind = params["kind"]
            if kind not in PolicyKind.values:
                raise Http404(_("No such kind."))
        return FeedQuery(feed_source, site, unit, category, kind, request)

    def title(self, obj):
        return obj.title()

    def link(self, obj):
        return obj.site.root_url + "/"

    def feed_url(self, obj):
        return obj.request.build_absolute_uri()

    def description(self, obj):
        return _("New and changed items: %(title)s") % {"title": obj.title()}

    def items(self, obj):
        items = obj.source.narrowed(
            obj.site,
            unit=obj.unit.pk if obj.unit else None,
            category=obj.category.slug if obj.category else None,
            kind=obj.kind,
        )
        limit = get_setting("WAGTAIL_DISCLOSURE_FEED_ITEMS")
        return [FeedItem(item, obj) for item in obj.source.latest(items, limit)]

    def item_title(self, entry):
        return entry.source.item_title(entry.item)

    def item_description(self, entry):
        return entry.source.item_description(entry.item)

    def item_link(self, entry):
        return entry.source.item_link(entry.item, entry.query.request)

    def item_guid(self, entry):
        return f"{entry.query.site.root_url}/#{entry.source.name}-{entry.item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return entry.source.item_published(entry.item)

    def item_updateddate(self, entry):
        return entry.source.item_updated(entry.item)


class AtomFeed(RssFeed):
    feed_type = Atom1Feed
    subtitle = RssFeed.description
