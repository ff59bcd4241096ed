"""Wiring of the decisions column: its menu group, dashboard panel, panel kind and the section
on public unit pages. The screens live in admin_views.py."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from wagtail_disclosure.core.menu import DisclosureMenuGroup
from wagtail_disclosure.core.permissions import works_in_disclosure
from wagtail_disclosure.units.sections import UnitSection

from .admin_views import DecisionItemsDuePanel, DecisionMeetingViewSet, DelegateRegistrationViewSet
from .pages import DecisionItemPage
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


@hooks.register("disclosure_unit_page_sections")
def decision_items_of_unit(unit, request):
    items = (
        DecisionItemPage.objects.live()
        .public()
        .filter(responsible_unit=unit)
        .order_by("-first_published_at", "path")
    )
    if not items:
        return None
    return UnitSection(
        title=_("Major decision items it is in charge of"),
        template="wagtail_disclosure/decisions/includes/unit_items.html",
        context={"items": items},
        order=250,
    )
