"""Admin wiring for requests and the working-day calendar: viewsets, menu items and the dashboard
panel. The logic lives in admin_views.py."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from wagtail_disclosure.core.permissions import is_manager

from .admin_views import (
    CalendarDayViewSet,
    DisclosureRequestViewSet,
    RequestsDuePanel,
    sees_requests,
)

register_snippet(DisclosureRequestViewSet)
register_snippet(CalendarDayViewSet)


class UnitEditorMenuItem(MenuItem):
    def is_shown(self, request):
        return sees_requests(request.user)


class ManagerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_manager(request.user)


@hooks.register("register_disclosure_menu_item")
def requests_menu_item():
    return UnitEditorMenuItem(
        _("Disclosure requests"),
        reverse("wagtailsnippets_wagtail_disclosure_disclosurerequest:list"),
        icon_name="mail",
        order=300,
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
