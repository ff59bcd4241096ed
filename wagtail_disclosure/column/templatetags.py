"""Site navigation from the column, and breadcrumbs: ``{% load disclosure_column %}``."""

from django import template
from wagtail.models import Page, Site

from .models import DisclosureColumnPage

register = template.Library()


def site_of(context):
    request = context.get("request")
    return Site.find_for_request(request) if request is not None else None


def current_column(site):
    """The site's disclosure column (the first live one under its root), or None."""
    if site is None:
        return None
    return (DisclosureColumnPage.objects.live().descendant_of(site.root_page)
            .order_by("path").first())


@register.inclusion_tag("wagtail_disclosure/column/navigation.html", takes_context=True)
def disclosure_navigation(context):
    """The header's links: home, the column and its sections, the current one marked."""
    site = site_of(context)
    page = context.get("page")
    column = current_column(site)
    items = []
    if site is not None:
        items.append((site.root_page.title, site.root_page.url, is_at(page, site.root_page, True)))
    if column is not None:
        items.append((column.title, column.url, is_at(page, column, True)))
        items.extend((section.title, section.url, is_at(page, section))
                     for section in column.sections())
    return {"items": items}


def is_at(page, target, exact=False):
    if not isinstance(page, Page) or target is None:
        return False
    if exact:
        return page.pk == target.pk
    return page.path.startswith(target.path)


@register.inclusion_tag("wagtail_disclosure/column/breadcrumbs.html", takes_context=True)
def disclosure_breadcrumbs(context):
    """Home › … › the page: the page's ancestors within its site."""
    page = context.get("page")
    site = site_of(context)
    if not isinstance(page, Page) or site is None or page.pk == site.root_page.pk:
        return {"crumbs": []}
    ancestors = (Page.objects.ancestor_of(page).filter(depth__gte=site.root_page.depth)
                 .live().order_by("depth"))
    crumbs = [(ancestor.title, ancestor.url) for ancestor in ancestors
              if ancestor.path.startswith(site.root_page.path)]
    return {"crumbs": crumbs, "current": page.title}
