"""The sitemap of each site: every live, public page (Wagtail's sitemap app), and for routable
pages the routes a visitor can open without parameters (a policy library's current and ended
documents) and, for the annual report index, each published report."""

from __future__ import annotations

from django.urls.resolvers import RoutePattern
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.contrib.sitemaps.views import sitemap

from wagtail_disclosure.annual_reports.models import AnnualReportIndexPage


def parameterless_routes(page) -> list[str]:
    """Sub-paths of a routable page's named routes that take no parameters (not its index)."""
    paths = []
    for pattern in page.get_resolver().url_patterns:
        if not pattern.name or not isinstance(pattern.pattern, RoutePattern):
            continue
        if pattern.pattern.converters or str(pattern.pattern) == "":
            continue
        paths.append(page.reverse_subpage(pattern.name))
    return paths


def annual_report_routes(page, request) -> list[tuple[str, object]]:
    reports = page.published_reports().order_by("-year", "unit__path")
    return [
        (page.reverse_subpage("annual_report", kwargs={"unit_id": r.unit_id, "year": r.year}),
         r.last_published_at)
        for r in reports
    ]


#: Page types whose routes with parameters are listed: model → fn(page, request) returning
#: [(sub-path, lastmod)].
ROUTES_WITH_PARAMETERS = {AnnualReportIndexPage: annual_report_routes}


class DisclosureSitemap(Sitemap):
    """Wagtail's sitemap of the request's site, with the routes of routable pages."""

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        for item in self.paginator.page(page).object_list.iterator():
            for url_info in item.get_sitemap_urls(self.request) + self.route_urls(item):
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def route_urls(self, page) -> list[dict]:
        if not isinstance(page, RoutablePageMixin):
            return []
        base = page.get_full_url(self.request)
        if base is None:
            return []
        base = base.rstrip("/") + "/"
        lastmod = page.last_published_at or page.latest_revision_created_at
        urls = [
            {"location": base + sub_path.lstrip("/"), "lastmod": lastmod}
            for sub_path in parameterless_routes(page)
        ]
        for model, routes in ROUTES_WITH_PARAMETERS.items():
            if isinstance(page, model):
                urls += [
                    {"location": base + sub_path.lstrip("/"), "lastmod": when}
                    for sub_path, when in routes(page, self.request)
                ]
        return urls


def sitemap_view(request):
    """``sitemap.xml`` of the site the request is for."""
    return sitemap(request, sitemaps={"pages": DisclosureSitemap})
