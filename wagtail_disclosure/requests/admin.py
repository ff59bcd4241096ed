"""Admin wiring for requests and the working-day calendar: viewsets, menu items and the dashboard
panel. The logic lives in admin_views.py."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from wagtail_disclosure.core.audit import record
from wagtail_disclosure.core.menu import DisclosureMenuGroup

from .admin_views import (
    CalendarDayViewSet,
    DisclosureRequestViewSet,
    RequestsDuePanel,
)
from .models import ClockStop, DisclosureRequest
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


# -- the audit trail ----------------------------------------------------------------------------

#: A request moved on its clock: stopped or restarted, extended, replied to, its result changed.
STATE_LOG_ACTION = "wagtail_disclosure.request_state"
_BEFORE = "_wagtail_disclosure_request_state"


def request_state(request_) -> dict:
    """What an office means by a request's state: where its clock is and how it was answered."""
    return {
        "clock": request_.clock_stopped or "",
        "due_on": request_.due_on.isoformat() if request_.due_on else "",
        "replied_on": request_.replied_on.isoformat() if request_.replied_on else "",
        "outcome": request_.outcome or "",
    }


def state_label(state: dict) -> str:
    if state.get("replied_on"):
        outcome = dict(DisclosureRequest._meta.get_field("outcome").choices).get(
            state.get("outcome"), state.get("outcome") or "-"
        )
        return _("replied on %(date)s: %(outcome)s") % {
            "date": state["replied_on"],
            "outcome": outcome,
        }
    if state.get("clock"):
        return str(ClockStop(state["clock"]).label)
    return _("open, due %(date)s") % {"date": state.get("due_on") or "-"}


class RequestStateFormatter(LogFormatter):
    label = _("Request state changed")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("State: %(before)s → %(after)s") % {
            "before": state_label(data.get("before", {})),
            "after": state_label(data.get("after", {})),
        }


@hooks.register("register_log_actions")
def register_request_log_actions(actions):
    actions.register_action(STATE_LOG_ACTION)(RequestStateFormatter)


@hooks.register("before_edit_snippet")
def remember_request_state(request, instance):
    if isinstance(instance, DisclosureRequest):
        fresh = DisclosureRequest.objects.filter(pk=instance.pk).first()
        setattr(request, _BEFORE, request_state(fresh or instance))


@hooks.register("after_edit_snippet")
def record_request_state(request, instance):
    before = getattr(request, _BEFORE, None)
    if not isinstance(instance, DisclosureRequest) or before is None:
        return
    after = request_state(instance)
    if after != before:
        record(instance, STATE_LOG_ACTION, request.user, before=before, after=after)
