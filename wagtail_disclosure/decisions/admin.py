"""Wiring of the decisions column: its menu group, dashboard panel and panel kind. The screens
live in admin_views.py."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from wagtail_disclosure.core.menu import DisclosureMenuGroup
from wagtail_disclosure.core.permissions import works_in_disclosure

from .admin_views import DecisionItemsDuePanel, DecisionMeetingViewSet, DelegateRegistrationViewSet
from .reporting import panel_kind


class DecisionsMenu(DisclosureMenuGroup):
    """重大行政决策: decision meetings and the delegates who registered for them."""

    group = "decisions"
    menu_label = _("Major decisions")
    menu_icon = "list-ol"
    items = (DecisionMeetingViewSet, DelegateRegistrationViewSet)


@hooks.register("register_admin_viewset")
def register_decisions_menu():
    return DecisionsMenu()


@hooks.register("construct_homepage_panels")
def add_decision_items_due_panel(request, panels):
    if works_in_disclosure(request.user):
        panels.append(DecisionItemsDuePanel(request.user))


@hooks.register("register_disclosure_report_panel_kind")
def register_decisions_by_stage_kind():
    return panel_kind()
