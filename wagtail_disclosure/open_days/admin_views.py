"""Admin screens of open days: registrations and feedback (unit-scoped), and the dashboard
panel of upcoming events."""

from __future__ import annotations

import datetime

import django_filters
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.snippets.views.snippets import SnippetViewSet

from wagtail_disclosure.core import clock
from wagtail_disclosure.core.permissions import (
    UnitScopedViewSetMixin,
    is_manager,
    unit_ids,
    unit_scope,
)
from wagtail_disclosure.core.versions import submissions_version

from .models import OpenDayFeedback, OpenDayPlaces, OpenDayRegistration
from .pages import OpenDayPage
from .permissions import feedback_policy, registration_policy

#: The dashboard shows the open days of the next this many days.
UPCOMING_DAYS = 60


def _user_events(request):
    events = OpenDayPage.objects.order_by("-event_date", "pk")
    if request is None or is_manager(request.user):
        return events
    return events.filter(unit__in=unit_ids(request.user))


class EventFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(label=_("Open day"), queryset=_user_events)

    class Meta:
        model = OpenDayRegistration
        fields = []


class FeedbackFilterSet(EventFilterSet):
    class Meta:
        model = OpenDayFeedback
        fields = []


class OpenDayRegistrationViewSet(UnitScopedViewSetMixin, SnippetViewSet):
    model = OpenDayRegistration
    icon = "user"
    menu_label = _("Open day registrations")
    add_to_admin_menu = False
    filterset_class = EventFilterSet
    list_display = ["name", "organisation", "phone", "event", "registered_at"]
    list_per_page = 100
    search_fields = ["name", "phone", "organisation"]
    search_backend_name = None
    inspect_view_enabled = True
    permission_policy = registration_policy

    def get_queryset(self, request):
        return OpenDayRegistration.objects.for_user(request.user).select_related("event")


class OpenDayFeedbackViewSet(UnitScopedViewSetMixin, SnippetViewSet):
    model = OpenDayFeedback
    icon = "comment"
    menu_label = _("Open day feedback")
    add_to_admin_menu = False
    filterset_class = FeedbackFilterSet
    list_display = ["__str__", "event", "name", "submitted_at"]
    list_per_page = 100
    search_fields = ["body", "name"]
    search_backend_name = None
    inspect_view_enabled = True
    permission_policy = feedback_policy

    def get_queryset(self, request):
        return OpenDayFeedback.objects.for_user(request.user).select_related("event")


class UpcomingOpenDaysPanel(Component):
    """On a unit's dashboard: its open days of the coming weeks, with places taken."""

    name = "disclosure_open_days"
    order = 150
    template_name = "wagtail_disclosure/open_days/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def kept_for(self) -> tuple:
        """Its HTML depends on the viewer's units, the pages, the day and the submissions: kept
        (``KeptPanel``) until the next registration replaces the submissions token."""
        return (submissions_version(), *unit_scope(self.user))

    def get_context_data(self, parent_context):
        today = clock.today()
        horizon = today + datetime.timedelta(days=UPCOMING_DAYS)
        events = OpenDayPage.objects.filter(event_date__gte=today, event_date__lte=horizon)
        if not is_manager(self.user):
            events = events.filter(unit__in=unit_ids(self.user))
        events = list(events.select_related("unit").order_by("event_date", "pk")[:20])
        taken = dict(
            OpenDayPlaces.objects.filter(event__in=events).values_list("event_id", "taken")
        )
        rows = [
            {
                "event": event,
                "taken": taken.get(event.pk, 0),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[event.pk]),
                "registrations_url": reverse(
                    "wagtailsnippets_wagtail_disclosure_opendayregistration:list"
                )
                + f"?event={event.pk}",
            }
            for event in events
        ]
        return {"rows": rows, "days": UPCOMING_DAYS}
