"""Wiring for requests, the calendar and annual reports: viewsets, menu items, the dashboard
panel and the unit page section. The logic lives in views/admin_requests.py."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from ..models import AnnualReport, DisclosureRequest
from ..permissions import is_disclosure_manager
from ..unit_sections import UnitSection
from ..views.admin_requests import (
    ANNUAL_REPORT_PERMISSION_POLICY,
    REQUEST_PERMISSION_POLICY,
    AnnualReportViewSet,
    CalendarDayViewSet,
    DisclosureRequestViewSet,
    RequestsDuePanel,
    reports_for_unit,
    sees_requests,
)

try:  # Wagtail 8 registers policies by model; on 7 the viewsets' permission_policy is used.
    from wagtail.permissions import register_permission_policy
except ImportError:  # pragma: no cover
    register_permission_policy = None
if register_permission_policy is not None:
    register_permission_policy(DisclosureRequest, REQUEST_PERMISSION_POLICY, exact_class=True)
    register_permission_policy(AnnualReport, ANNUAL_REPORT_PERMISSION_POLICY, exact_class=True)

register_snippet(DisclosureRequestViewSet)
register_snippet(CalendarDayViewSet)
register_snippet(AnnualReportViewSet)


class UnitEditorMenuItem(MenuItem):
    def is_shown(self, request):
        return sees_requests(request.user)


class ManagerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_disclosure_manager(request.user)


@hooks.register("register_disclosure_menu_item")
def requests_menu_item():
    return UnitEditorMenuItem(
        _("Disclosure requests"),
        reverse("wagtailsnippets_wagtail_disclosure_disclosurerequest:list"),
        icon_name="mail",
        order=300,
    )


@hooks.register("register_disclosure_menu_item")
def annual_reports_menu_item():
    return UnitEditorMenuItem(
        _("Annual reports"),
        reverse("wagtailsnippets_wagtail_disclosure_annualreport:list"),
        icon_name="table",
        order=310,
    )


@hooks.register("register_disclosure_menu_item")
def calendar_menu_item():
    return ManagerMenuItem(
        _("Working-day calendar"),
        reverse("wagtailsnippets_wagtail_disclosure_calendarday:list"),
        icon_name="date",
        order=820,
    )


@hooks.register("construct_homepage_panels")
def add_requests_due_panel(request, panels):
    if sees_requests(request.user):
        panels.append(RequestsDuePanel(request.user))


@hooks.register("disclosure_unit_page_sections")
def annual_reports_section(unit, request):
    from ..models import AnnualReportIndexPage

    index = AnnualReportIndexPage.objects.live().first()
    if index is None:
        return None
    reports = reports_for_unit(unit)
    if not reports:
        return None
    return UnitSection(
        title=_("Annual reports on government information disclosure"),
        template="wagtail_disclosure/annual_reports/unit_section.html",
        context={"reports": [(r, index.report_url(r)) for r in reports]},
        order=400,
    )
