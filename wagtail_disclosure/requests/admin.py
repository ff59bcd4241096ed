"""Admin wiring for requests and the working-day calendar: viewsets, menu items and the dashboard
panel. The logic lives in admin_views.py."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from wagtail_disclosure.core.menu import DisclosureMenuGroup

from .admin_views import (
    CalendarDayViewSet,
    DisclosureRequestViewSet,
    RequestsDuePanel,
)
from .permissions import request_policy


class RequestsMenu(DisclosureMenuGroup):
    """依申请公开: the request register and the working-day calendar its clock runs on."""

    group = "requests"
    menu_label = _("Disclosure on request")
    menu_icon = "mail"
    items = (DisclosureRequestViewSet, CalendarDayViewSet)


@hooks.register("register_admin_viewset")
def register_requests_menu():
    return RequestsMenu()


@hooks.register("construct_homepage_panels")
def add_requests_due_panel(request, panels):
    if request_policy.user_has_permission(request.user, "view"):
        panels.append(RequestsDuePanel(request.user))
