"""The feed registry: what can be followed (新发布和更新的内容), for feeds and digests alike.

A source knows its model, how to narrow it by unit, subject category and document kind, and
how an item is titled, described and linked. Adding a page type is one line::

    register(PageFeedSource("consultations", _("Consultations"), ConsultationPage,
                            unit="unit"))

Every source answers from public content only (:mod:`wagtail_disclosure.core.visibility`),
per site, at most a bounded number of items, in a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.text import Truncator

from wagtail_disclosure.core.visibility import public_page_paths_q, public_pages

_SOURCES: dict[str, FeedSource] = {}


def register(source: FeedSource) -> FeedSource:
    _SOURCES[source.name] = source
    return source


def sources() -> list[FeedSource]:
    return list(_SOURCES.values())


def get_source(name: str) -> FeedSource | None:
    return _SOURCES.get(name)


@dataclass
class Topics:
    """What a feed or a subscription follows: unit ids, subject category slugs, kind values."""

    units: list[int] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)

    def __bool__(self):
        return bool(self.units or self.categories or self.kinds)


@dataclass
class FeedSource:
    """Something that can be followed. Subclasses say how to list and show its items."""

    name: str
    title: str
    model: type
    #: Lookups from the model to the unit (id), the subject categories and the document kind;
    #: None where the source cannot be narrowed so.
    unit: str | None = None
    category: str | None = None
    kind: str | None = None
    #: Whether digests (subscriptions) include this source.
    in_digest: bool = True
    #: Page types whose pages link to this feed in their head (``app_label.ModelName``).
    linked_from: tuple = ()
    select_related: tuple = ()

    def supports(self, topic: str) -> bool:
        return getattr(self, topic) is not None

    def public_items(self, site):
        raise NotImplementedError

    def date_field(self) -> str:
        raise NotImplementedError

    def narrowed(self, site, *, unit=None, category=None, kind=None):
        """Items of ``site`` for one unit, category and kind at once (a feed's filters)."""
        condition = Q()
        if unit is not None:
            condition &= Q(**{self.unit: unit})
        if category is not None:
            condition &= Q(**{f"{self.category}__slug": category})
        if kind is not None:
            condition &= Q(**{self.kind: kind})
        items = self.public_items(site)
        if condition:
            # Through the primary keys: a many-to-many join would repeat items.
            items = items.filter(pk__in=self.model.objects.filter(condition).values("pk"))
        return items

    def matching(self, site, topics: Topics, since=None):
        """Items of ``site`` on any of ``topics`` (a subscription's), published after
        ``since``; None when the source follows none of them."""
        condition = Q()
        if topics.units and self.unit:
            condition |= Q(**{f"{self.unit}__in": topics.units})
        if topics.categories and self.category:
            condition |= Q(**{f"{self.category}__slug__in": topics.categories})
        if topics.kinds and self.kind:
            condition |= Q(**{f"{self.kind}__in": topics.kinds})
        if not condition:
            return None
        items = self.public_items(site)
        items = items.filter(pk__in=self.model.objects.filter(condition).values("pk"))
        if since is not None:
            items = items.filter(**{f"{self.date_field()}__gt": since})
        return items

    def latest(self, items, limit):
        """The newest ``limit`` items, with what showing them needs loaded."""
        if self.select_related:
            items = items.select_related(*self.select_related)
        return list(items.order_by(f"-{self.date_field()}", "-pk")[:limit])

    # How an item shows ---------------------------------------------------------------------
    def item_title(self, item) -> str:
        return str(item)

    def item_description(self, item) -> str:
        return ""

    def item_link(self, item, request) -> str:
        raise NotImplementedError

    def item_published(self, item):
        raise NotImplementedError

    def item_updated(self, item):
        return self.item_published(item)


@dataclass
class PageFeedSource(FeedSource):
    """A page type: new and republished live, public pages, newest change first."""

    #: A function ``page -> str`` describing the item (e.g. document number and issuer).
    describe: object = None

    def public_items(self, site):
        return public_pages(self.model, site)

    def date_field(self):
        return "last_published_at"

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        if self.describe is not None:
            return self.describe(item)
        return getattr(item, "search_description", "") or ""

    def item_link(self, item, request):
        return item.get_full_url(request)

    def item_published(self, item):
        return item.first_published_at

    def item_updated(self, item):
        return item.last_published_at or item.first_published_at


@dataclass
class RowFeedSource(FeedSource):
    """Rows hanging off a page (``page`` lookup): shown while the page is live and public."""

    page: str = ""
    date: str = "updated_at"
    published: str = "created_at"
    title_fn: object = None
    describe: object = None

    def public_items(self, site):
        return self.model.objects.filter(public_page_paths_q(f"{self.page}__", site))

    def date_field(self):
        return self.date

    def item_title(self, item):
        return self.title_fn(item) if self.title_fn else str(item)

    def item_description(self, item):
        return self.describe(item) if self.describe else ""

    def item_link(self, item, request):
        page = item
        for part in self.page.split("__"):
            page = getattr(page, part)
        return page.get_full_url(request)

    def item_published(self, item):
        return getattr(item, self.published)

    def item_updated(self, item):
        return getattr(item, self.date)


def plain_text(html, words=80):
    return Truncator(strip_tags(html or "")).chars(words * 2)

