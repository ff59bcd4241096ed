"""What a search result shows: the kind of page, its date, its unit and an excerpt with the hit.

Search knows no domain, so a page tells what it is through what it has: its model's verbose name
(政策文件, 工作任务, …), a ``date_published`` or else when it was first published, an ``issuer``
or ``unit`` (or a ``search_result_unit()`` method), and the text of its search fields, in which
the excerpt is cut around the first place a query term occurs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from wagtail.search.index import RelatedFields, SearchField

from .backend import flatten

#: Characters of context on each side of the hit.
EXCERPT_RADIUS = 40


@dataclass
class SearchHit:
    page: object
    kind: str
    date: object
    unit: str
    excerpt: SafeString


def indexed_text(page) -> str:
    """The text of a page's search fields (related fields included), as one string."""
    parts = []

    def collect(obj, fields):
        for field in fields:
            if isinstance(field, RelatedFields):
                value = getattr(obj, field.field_name, None)
                items = value.all() if hasattr(value, "all") else ([value] if value else [])
                for item in items:
                    collect(item, field.fields)
            elif isinstance(field, SearchField) and field.field_name != "title":
                value = getattr(obj, field.field_name, None)
                value = value() if callable(value) else value
                parts.append(strip_tags(flatten(value)))

    collect(page, page.get_search_fields())
    return " ".join(p for p in parts if p.strip())


def excerpt(text: str, query: str) -> SafeString:
    """About 80 characters of ``text`` around the first query term found, the term marked."""
    terms = [t for t in query.split() if t]
    found = [(text.find(t), t) for t in terms if text.find(t) >= 0]
    if not found:
        return mark_safe(escape(text[: 2 * EXCERPT_RADIUS]))  # noqa: S308 - escaped
    start, term = min(found)
    left = max(0, start - EXCERPT_RADIUS)
    right = min(len(text), start + len(term) + EXCERPT_RADIUS)
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))
    body = pattern.sub(lambda m: f"\0{m.group()}\1", text[left:right])
    html = escape(body).replace("\0", "<mark>").replace("\1", "</mark>")
    return mark_safe(("…" if left else "") + html + ("…" if right < len(text) else ""))  # noqa: S308


def unit_of(page) -> str:
    if hasattr(page, "search_result_unit"):
        return str(page.search_result_unit() or "")
    for name in ("issuer", "unit", "parent_unit"):
        value = getattr(page, name, None)
        if value is not None and not callable(value):
            return str(getattr(value, "title", value))
    return ""


def describe(pages, query: str) -> list[SearchHit]:
    """The hits of one page of results, in their order (one query for the specific pages)."""
    from wagtail.models import Page

    pages = list(pages)
    specific = Page.objects.filter(pk__in=[p.pk for p in pages]).specific().in_bulk()
    hits = []
    for page in pages:
        page = specific.get(page.pk, page)
        hits.append(
            SearchHit(
                page=page,
                kind=str(page.specific_class._meta.verbose_name) if page.specific_class else "",
                date=getattr(page, "date_published", None) or page.first_published_at,
                unit=unit_of(page),
                excerpt=excerpt(indexed_text(page), query),
            )
        )
    return hits
