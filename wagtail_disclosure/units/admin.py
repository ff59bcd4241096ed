"""Admin wiring for units: unit groups, unit editors and the register import, in the 单位 menu."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from wagtail_disclosure.core.audit import ImportFormatter
from wagtail_disclosure.core.menu import DisclosureMenuGroup, PolicyMenuItem, submenu_hook
from wagtail_disclosure.core.sites import DisclosureSite

from .imports import IMPORT_LOG_ACTION
from .models import UnitGroup, UnitMembership
from .permissions import (
    disclosure_site_policy,
    unit_group_policy,
    unit_membership_policy,
    unit_register_policy,
)


class UnitGroupViewSet(SnippetViewSet):
    model = UnitGroup
    permission_policy = unit_group_policy
    icon = "group"
    menu_label = _("Unit groups")
    list_display = ["name", "other_names"]
    search_fields = ["name", "other_names"]
    add_to_admin_menu = False


class UnitMembershipViewSet(ModelViewSet):
    model = UnitMembership
    icon = "user"
    menu_label = _("Unit editors")
    name = "disclosure_unit_editors"
    list_display = ["user", "unit"]
    list_filter = ["unit"]
    form_fields = ["user", "unit"]
    add_to_admin_menu = False
    permission_policy = unit_membership_policy


class DisclosureSiteViewSet(ModelViewSet):
    """Each site's disclosure settings: the units it administers, its city, its editors."""

    model = DisclosureSite
    icon = "site"
    menu_label = _("Sites")
    name = "disclosure_sites"
    list_display = ["site", "parent", "managers_group"]
    form_fields = ["site", "parent", "units", "managers_group"]
    add_to_admin_menu = False
    permission_policy = disclosure_site_policy


class UnitsMenu(DisclosureMenuGroup):
    group = "units"
    menu_label = _("Units")
    menu_icon = "group"
    items = (UnitGroupViewSet, UnitMembershipViewSet, DisclosureSiteViewSet)


@hooks.register("register_admin_viewset")
def register_units_menu():
    return UnitsMenu()


@hooks.register(submenu_hook("units"))
def units_import_menu_item():
    return PolicyMenuItem(
        _("Import units register"),
        reverse("wagtail_disclosure_admin:import_units"),
        policy=unit_register_policy,
        actions=["add"],
        icon_name="upload",
        order=10,
    )


class ImportUnitsFormatter(ImportFormatter):
    label = _("Units register imported")
    summary = _("Imported the units register")


@hooks.register("register_log_actions")
def register_unit_log_actions(actions):
    actions.register_action(IMPORT_LOG_ACTION)(ImportUnitsFormatter)
