"""Wiring of the public-enterprise column: viewsets, admin URLs, menu, dashboard, panels."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from wagtail_disclosure.core.permissions import is_manager
from wagtail_disclosure.units.sections import UnitSection

from .admin_views import (
    ComplianceReportView,
    DisclosureEntryViewSet,
    EnterpriseCompliancePanel,
    EnterpriseEditorViewSet,
    EnterpriseListImportView,
    EntryImportView,
)
from .models import EnterprisePage, SectorPage
from .permissions import editable_enterprises, managed_sectors
from .reporting import panel_kind


class ShownIf(MenuItem):
    def __init__(self, label, url, test, **kwargs):
        super().__init__(label, url, **kwargs)
        self.test = test

    def is_shown(self, request):
        return self.test(request.user)


def _edits_entries(user):
    return user.is_active and editable_enterprises(user).exists()


def _manages_a_sector(user):
    return managed_sectors(user).exists()


@hooks.register("register_admin_viewset")
def register_enterprise_viewsets():
    return [DisclosureEntryViewSet(), EnterpriseEditorViewSet()]


@hooks.register("register_admin_urls")
def register_enterprise_admin_urls():
    return [
        path(
            "disclosure/enterprises/import/entities/",
            EnterpriseListImportView.as_view(),
            name="wagtail_disclosure_import_enterprises",
        ),
        path(
            "disclosure/enterprises/import/entries/",
            EntryImportView.as_view(),
            name="wagtail_disclosure_import_enterprise_entries",
        ),
        path(
            "disclosure/enterprises/compliance/",
            ComplianceReportView.as_view(),
            name="wagtail_disclosure_enterprise_report",
        ),
        path(
            "disclosure/enterprises/compliance/results/",
            ComplianceReportView.as_view(results_only=True),
            name="wagtail_disclosure_enterprise_report_results",
        ),
    ]


@hooks.register("register_disclosure_menu_item")
def enterprise_entries_menu_item():
    return ShownIf(
        _("Disclosure entries"),
        reverse("disclosure_enterprise_entries:index"),
        _edits_entries,
        icon_name="doc-full",
        order=400,
    )


@hooks.register("register_disclosure_menu_item")
def enterprise_report_menu_item():
    return ShownIf(
        _("Public enterprise compliance"),
        reverse("wagtail_disclosure_enterprise_report"),
        _edits_entries,
        icon_name="table",
        order=410,
    )


@hooks.register("register_disclosure_menu_item")
def enterprise_import_menu_item():
    return ShownIf(
        _("Import covered entities"),
        reverse("wagtail_disclosure_import_enterprises"),
        _manages_a_sector,
        icon_name="upload",
        order=420,
    )


@hooks.register("register_disclosure_menu_item")
def enterprise_entries_import_menu_item():
    return ShownIf(
        _("Import disclosure entries"),
        reverse("wagtail_disclosure_import_enterprise_entries"),
        _edits_entries,
        icon_name="upload",
        order=430,
    )


@hooks.register("register_disclosure_menu_item")
def enterprise_editors_menu_item():
    return ShownIf(
        _("Covered entity editors"),
        reverse("disclosure_enterprise_editors:index"),
        is_manager,
        icon_name="user",
        order=820,
    )


@hooks.register("register_disclosure_report_panel_kind")
def register_enterprise_compliance_kind():
    return panel_kind()


@hooks.register("construct_homepage_panels")
def add_enterprise_compliance_panel(request, panels):
    if _manages_a_sector(request.user):
        panels.append(EnterpriseCompliancePanel(request))


@hooks.register("disclosure_unit_page_sections")
def sectors_of_competent_department(unit, request):
    sectors = SectorPage.objects.live().filter(competent_department=unit).order_by("path")
    if not sectors:
        return None
    return UnitSection(
        title=_("Public enterprise sectors it supervises"),
        template="wagtail_disclosure/enterprises/includes/unit_sectors.html",
        context={"sectors": sectors},
        order=300,
    )


@hooks.register("disclosure_unit_page_sections")
def disclosure_pages_of_enterprise(unit, request):
    entities = (
        EnterprisePage.objects.live().filter(unit=unit).select_related("sector").order_by("path")
    )
    if not entities:
        return None
    return UnitSection(
        title=_("Its public enterprise disclosure"),
        template="wagtail_disclosure/enterprises/includes/unit_enterprise_pages.html",
        context={"entities": entities},
        order=310,
    )
