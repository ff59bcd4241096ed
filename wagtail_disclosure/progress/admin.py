"""Wiring of progress: the 计划与进展 menu group (progress reports, panels, ledger, overdue list,
import, carry-over), the dashboard panels and the unit page section."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from wagtail_disclosure.core.audit import ImportFormatter
from wagtail_disclosure.core.menu import DisclosureMenuGroup, PolicyMenuItem, submenu_hook
from wagtail_disclosure.core.permissions import is_unit_editor
from wagtail_disclosure.plans.permissions import plan_policy
from wagtail_disclosure.progress import panels as progress_panels  # noqa: F401  (registers the panel kinds)

from .annual_work import year_work_summary
from .dashboard import MyUnitWorkPanel, dashboard_panels
from .imports import IMPORT_LOG_ACTION
from .pages import unit_requirements_section
from .permissions import progress_report_policy
from .views import CARRY_OVER_LOG_ACTION
from .viewsets import ProgressReportViewSet, ReportPanelViewSet


class PlansMenu(DisclosureMenuGroup):
    """计划与进展: the plans' import (added by the plans domain) and the progress screens."""

    group = "plans"
    menu_label = _("Plans and progress")
    menu_icon = "tasks"
    items = (ProgressReportViewSet, ReportPanelViewSet)


@hooks.register("register_admin_viewset")
def register_plans_menu():
    return PlansMenu()


@hooks.register(submenu_hook("plans"))
def ledger_menu_item():
    return PolicyMenuItem(
        _("Progress ledger"),
        reverse("wagtail_disclosure_admin:ledger"),
        policy=progress_report_policy,
        icon_name="list-ul",
        order=20,
    )


@hooks.register(submenu_hook("plans"))
def overdue_menu_item():
    return PolicyMenuItem(
        _("Overdue requirements"),
        reverse("wagtail_disclosure_admin:overdue"),
        policy=progress_report_policy,
        icon_name="warning",
        order=30,
    )


@hooks.register(submenu_hook("plans"))
def progress_import_menu_item():
    return PolicyMenuItem(
        _("Import progress reports"),
        reverse("wagtail_disclosure_admin:import_progress"),
        policy=progress_report_policy,
        actions=["add"],
        icon_name="upload",
        order=40,
    )


@hooks.register(submenu_hook("plans"))
def carry_over_menu_item():
    return PolicyMenuItem(
        _("Carry-over review"),
        reverse("wagtail_disclosure_admin:carry_over"),
        policy=plan_policy,
        actions=["change"],
        icon_name="history",
        order=50,
    )


@hooks.register("register_reports_menu_item")
def overdue_reports_menu_item():
    return PolicyMenuItem(
        _("Overdue requirements"),
        reverse("wagtail_disclosure_admin:overdue"),
        policy=progress_report_policy,
        icon_name="warning",
        order=900,
    )


@hooks.register("register_reports_menu_item")
def ledger_reports_menu_item():
    return PolicyMenuItem(
        _("Progress ledger"),
        reverse("wagtail_disclosure_admin:ledger"),
        policy=progress_report_policy,
        icon_name="list-ul",
        order=910,
    )


@hooks.register("construct_homepage_panels")
def add_progress_dashboard_panels(request, panels):
    if is_unit_editor(request.user):
        panels.append(MyUnitWorkPanel(request.user))
    panels.extend(dashboard_panels(request))


@hooks.register("disclosure_annual_report_work")
def year_work_for_annual_report(unit, year):
    return year_work_summary(unit, year)


@hooks.register("disclosure_unit_page_sections")
def unit_progress_section(unit, request):
    return unit_requirements_section(unit, request)


class ImportProgressFormatter(ImportFormatter):
    label = _("Progress reports imported")
    summary = _("Imported progress reports")


class CarryOverFormatter(LogFormatter):
    label = _("Requirements carried over")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Carried over %(count)s unfinished requirements from “%(source)s”") % {
            "count": data.get("count", 0),
            "source": data.get("source", ""),
        }


@hooks.register("register_log_actions")
def register_progress_log_actions(actions):
    actions.register_action(IMPORT_LOG_ACTION)(ImportProgressFormatter)
    actions.register_action(CARRY_OVER_LOG_ACTION)(CarryOverFormatter)
