"""Wiring of progress: snippets, reports, import, carry-over, dashboard, unit page section."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from wagtail_disclosure.core.permissions import is_manager, is_unit_editor
from wagtail_disclosure.progress import panels as progress_panels  # noqa: F401  (registers the panel kinds)
from wagtail_disclosure.progress import views as views

from .dashboard import MyUnitWorkPanel, dashboard_panels
from .pages import unit_requirements_section
from .viewsets import ProgressReportViewSet, ReportPanelViewSet

register_snippet(ProgressReportViewSet)
register_snippet(ReportPanelViewSet)


class ProgressMenuItem(MenuItem):
    """Shown to plan managers and unit editors."""

    def is_shown(self, request):
        return views.may_see_progress(request.user)


class ManagerOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return is_manager(request.user)


@hooks.register("register_admin_urls")
def progress_admin_urls():
    return [
        path(
            "disclosure/progress/overdue/",
            views.OverdueReportView.as_view(),
            name="wagtail_disclosure_progress_overdue",
        ),
        path(
            "disclosure/progress/overdue/results/",
            views.OverdueReportView.as_view(results_only=True),
            name="wagtail_disclosure_progress_overdue_results",
        ),
        path(
            "disclosure/progress/ledger/",
            views.LedgerReportView.as_view(),
            name="wagtail_disclosure_progress_ledger",
        ),
        path(
            "disclosure/progress/ledger/results/",
            views.LedgerReportView.as_view(results_only=True),
            name="wagtail_disclosure_progress_ledger_results",
        ),
        path(
            "disclosure/progress/import/",
            views.ProgressImportView.as_view(),
            name="wagtail_disclosure_progress_import",
        ),
        path(
            "disclosure/plans/carry-over/",
            views.CarryOverView.as_view(),
            name="wagtail_disclosure_carry_over",
        ),
    ]


@hooks.register("register_disclosure_menu_item")
def progress_reports_menu_item():
    return ProgressMenuItem(
        _("Progress reports"),
        reverse("wagtailsnippets_wagtail_disclosure_progressreport:list"),
        icon_name="tasks",
        order=300,
    )


@hooks.register("register_disclosure_menu_item")
def ledger_menu_item():
    return ProgressMenuItem(
        _("Progress ledger"),
        reverse("wagtail_disclosure_progress_ledger"),
        icon_name="list-ul",
        order=310,
    )


@hooks.register("register_disclosure_menu_item")
def overdue_menu_item():
    return ProgressMenuItem(
        _("Overdue requirements"),
        reverse("wagtail_disclosure_progress_overdue"),
        icon_name="warning",
        order=320,
    )


@hooks.register("register_disclosure_menu_item")
def progress_import_menu_item():
    return ProgressMenuItem(
        _("Import progress reports"),
        reverse("wagtail_disclosure_progress_import"),
        icon_name="upload",
        order=330,
    )


@hooks.register("register_disclosure_menu_item")
def report_panels_menu_item():
    return ManagerOnlyMenuItem(
        _("Reporting panels"),
        reverse("wagtailsnippets_wagtail_disclosure_reportpanel:list"),
        icon_name="table",
        order=340,
    )


@hooks.register("register_disclosure_menu_item")
def carry_over_menu_item():
    return ManagerOnlyMenuItem(
        _("Carry-over review"),
        reverse("wagtail_disclosure_carry_over"),
        icon_name="history",
        order=350,
    )


@hooks.register("register_reports_menu_item")
def overdue_reports_menu_item():
    return ProgressMenuItem(
        _("Overdue requirements"),
        reverse("wagtail_disclosure_progress_overdue"),
        icon_name="warning",
        order=900,
    )


@hooks.register("register_reports_menu_item")
def ledger_reports_menu_item():
    return ProgressMenuItem(
        _("Progress ledger"),
        reverse("wagtail_disclosure_progress_ledger"),
        icon_name="list-ul",
        order=910,
    )


@hooks.register("construct_homepage_panels")
def add_progress_dashboard_panels(request, panels):
    if is_unit_editor(request.user):
        panels.append(MyUnitWorkPanel(request.user))
    panels.extend(dashboard_panels(request))


@hooks.register("disclosure_unit_page_sections")
def unit_progress_section(unit, request):
    return unit_requirements_section(unit, request)
