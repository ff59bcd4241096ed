"""Admin wiring for open days: registrations and feedback in the 政务公开 menu, the dashboard
panel and the annual report's paragraph."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from wagtail_disclosure.core.menu import DisclosureMenuGroup
from wagtail_disclosure.core.permissions import works_in_disclosure

from .admin_views import (
    OpenDayFeedbackViewSet,
    OpenDayRegistrationViewSet,
    UpcomingOpenDaysPanel,
)
from .reporting import year_summary


class OpenDaysMenu(DisclosureMenuGroup):
    """政府开放日: registrations and feedback."""

    group = "open_days"
    menu_label = _("Open days")
    menu_icon = "date"
    items = (OpenDayRegistrationViewSet, OpenDayFeedbackViewSet)


@hooks.register("register_admin_viewset")
def register_open_days_menu():
    return OpenDaysMenu()


@hooks.register("construct_homepage_panels")
def add_open_days_panel(request, panels):
    if works_in_disclosure(request.user):
        panels.append(UpcomingOpenDaysPanel(request.user))


@hooks.register("disclosure_annual_report_work")
def open_days_for_annual_report(unit, year):
    return year_summary(unit, year)
