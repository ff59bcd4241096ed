"""Wiring of statutory content: its menu group, report, dashboard panel and panel kind."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from wagtail_disclosure.core.menu import DisclosureMenuGroup, PolicyMenuItem, submenu_hook

from .admin_views import StatutoryCategoryViewSet, StatutoryCompliancePanel, StatutoryItemViewSet
from .permissions import item_policy
from .reporting import panel_kind


class StatutoryMenu(DisclosureMenuGroup):
    group = "statutory"
    menu_label = _("Statutory proactive content")
    menu_icon = "list-ol"
    items = (StatutoryItemViewSet, StatutoryCategoryViewSet)


@hooks.register("register_admin_viewset")
def register_statutory_menu():
    return StatutoryMenu()


@hooks.register(submenu_hook("statutory"))
def statutory_report_menu_item():
    return PolicyMenuItem(
        _("Statutory content compliance"),
        reverse("wagtail_disclosure_admin:statutory_compliance"),
        policy=item_policy,
        icon_name="table",
        order=10,
    )


@hooks.register("register_disclosure_report_panel_kind")
def register_statutory_compliance_kind():
    return panel_kind()


@hooks.register("construct_homepage_panels")
def add_statutory_compliance_panel(request, panels):
    if item_policy.user_has_permission(request.user, "view"):
        panels.append(StatutoryCompliancePanel(request))
