"""Wiring of the public-enterprise column: its menu group, dashboard panel, panel kind and unit
page sections."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from wagtail_disclosure.core.audit import ImportFormatter
from wagtail_disclosure.core.menu import DisclosureMenuGroup, PolicyMenuItem, submenu_hook
from wagtail_disclosure.units.sections import UnitSection

from .admin_views import DisclosureEntryViewSet, EnterpriseCompliancePanel, EnterpriseEditorViewSet
from .imports import EnterpriseListResource, EntryResource
from .models import EnterprisePage, SectorPage
from .permissions import entry_policy, manages_a_sector, sector_policy
from .reporting import panel_kind


class EnterprisesMenu(DisclosureMenuGroup):
    group = "enterprises"
    menu_label = _("Public enterprise column")
    menu_icon = "site"
    items = (DisclosureEntryViewSet, EnterpriseEditorViewSet)


@hooks.register("register_admin_viewset")
def register_enterprises_menu():
    return EnterprisesMenu()


@hooks.register(submenu_hook("enterprises"))
def enterprise_report_menu_item():
    return PolicyMenuItem(
        _("Public enterprise compliance"),
        reverse("wagtail_disclosure_admin:enterprise_compliance"),
        policy=entry_policy,
        icon_name="table",
        order=10,
    )


@hooks.register(submenu_hook("enterprises"))
def enterprise_import_menu_item():
    return PolicyMenuItem(
        _("Import covered entities"),
        reverse("wagtail_disclosure_admin:import_enterprises"),
        policy=sector_policy,
        actions=["add"],
        icon_name="upload",
        order=20,
    )


@hooks.register(submenu_hook("enterprises"))
def enterprise_entries_import_menu_item():
    return PolicyMenuItem(
        _("Import disclosure entries"),
        reverse("wagtail_disclosure_admin:import_enterprise_entries"),
        policy=entry_policy,
        actions=["add"],
        icon_name="upload",
        order=30,
    )


@hooks.register("register_disclosure_report_panel_kind")
def register_enterprise_compliance_kind():
    return panel_kind()


@hooks.register("construct_homepage_panels")
def add_enterprise_compliance_panel(request, panels):
    if manages_a_sector(request.user):
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


class ImportEnterprisesFormatter(ImportFormatter):
    label = _("Covered entities imported")
    summary = _("Imported the list of covered entities")


class ImportEntriesFormatter(ImportFormatter):
    label = _("Disclosure entries imported")
    summary = _("Imported disclosure entries")


@hooks.register("register_log_actions")
def register_enterprise_log_actions(actions):
    actions.register_action(EnterpriseListResource.import_log_action)(ImportEnterprisesFormatter)
    actions.register_action(EntryResource.import_log_action)(ImportEntriesFormatter)
