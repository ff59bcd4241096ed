"""Admin screens of the decisions column: decision meetings with their delegates' opinions, the
delegate registrations of each meeting (with their contact details: admin only) and the
dashboard panel of decision items falling due.

Unit editors see and change only the meetings and registrations of their units' decision items,
in listings, exports and choosers alike; managers see every unit's.
"""

from __future__ import annotations

import datetime

import django_filters
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core import clock
from wagtail_disclosure.core.permissions import (
    UnitScopedViewSetMixin,
    is_manager,
    unit_ids,
    unit_scope,
)
from wagtail_disclosure.core.spreadsheets import escape_formula

from .choices import FINISHED_STAGES, RegistrationStatus
from .forms import DecisionMeetingForm, DelegateRegistrationAdminForm
from .models import DecisionMeeting, DelegateRegistration
from .pages import DecisionItemPage
from .permissions import meeting_policy, registration_policy

# --- meetings ---------------------------------------------------------------------------------


class RegistrationsColumn(Column):
    """How many registered, linking to the meeting's registrations."""

    cell_template_name = "wagtail_disclosure/decisions/admin/registrations_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = (
            reverse("wagtailsnippets_wagtail_disclosure_delegateregistration:list")
            + f"?meeting={instance.pk}"
        )
        context["count"] = instance.registration_count
        return context


class DecisionMeetingViewSet(UnitScopedViewSetMixin, SnippetViewSet):
    model = DecisionMeeting
    icon = "group"
    menu_label = _("Decision meetings")
    add_to_admin_menu = False
    base_form_class = DecisionMeetingForm
    permission_policy = meeting_policy
    search_fields = ["title", "item__title"]
    search_backend_name = None
    list_display = [
        "title",
        Column("item", label=_("Decision item"), accessor="item.title"),
        "held_on",
        "registration_closes_on",
        RegistrationsColumn(
            "registration_count", label=_("Registrations"), accessor="registration_count"
        ),
        "result_published",
    ]
    ordering = ["-held_on", "-pk"]

    def get_queryset(self, request):
        return DecisionMeeting.objects.select_related("item").annotate(
            registration_count=Count("registrations")
        )


# --- registrations ----------------------------------------------------------------------------


def _meeting_choices(request):
    meetings = DecisionMeeting.objects.select_related("item").order_by("-held_on", "-pk")
    if request is None or is_manager(request.user):
        return meetings
    return meetings.filter(item__responsible_unit__in=unit_ids(request.user))


class DelegateRegistrationFilterSet(WagtailFilterSet):
    meeting = django_filters.ModelChoiceFilter(label=_("Meeting"), queryset=_meeting_choices)
    status = django_filters.ChoiceFilter(
        label=_("Selection"), choices=RegistrationStatus.choices
    )
    consent_to_publish = django_filters.BooleanFilter(label=_("Agreed to be named"))

    class Meta:
        model = DelegateRegistration
        fields = []


class RegistrationIndexView(IndexView):
    """The listing and its export; every exported cell is made formula-safe."""

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        return {field: escape_formula(value) for field, value in row.items()}


class DelegateRegistrationViewSet(UnitScopedViewSetMixin, SnippetViewSet):
    model = DelegateRegistration
    icon = "user"
    menu_label = _("Delegate registrations")
    add_to_admin_menu = False
    base_form_class = DelegateRegistrationAdminForm
    permission_policy = registration_policy
    index_view_class = RegistrationIndexView
    filterset_class = DelegateRegistrationFilterSet
    search_fields = ["name", "sector", "reason"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        "name",
        "sector",
        "contact",
        Column("meeting", label=_("Meeting"), accessor="meeting.title"),
        Column("status", label=_("Selection"), accessor="get_status_display"),
        "consent_to_publish",
        "submitted_at",
    ]
    list_export = [
        "meeting.item.title",
        "meeting.title",
        "name",
        "sector",
        "contact",
        "reason",
        "consent_to_publish_text",
        "status_text",
        "submitted_at",
        "note",
    ]
    export_headings = {
        "meeting.item.title": _("Decision item"),
        "meeting.title": _("Meeting"),
        "name": _("Name"),
        "sector": _("Sector or occupation"),
        "contact": _("Phone or email"),
        "reason": _("Reason for attending"),
        "consent_to_publish_text": _("Agreed to be named"),
        "status_text": _("Selection"),
        "submitted_at": _("Registered at"),
        "note": _("Office note"),
    }
    export_filename = "delegate-registrations"
    ordering = ["meeting", "submitted_at", "pk"]

    def get_queryset(self, request):
        return DelegateRegistration.objects.select_related("meeting__item")


# --- the dashboard ----------------------------------------------------------------------------


def items_due(user, today=None, within_days=None):
    """The unfinished decision items of ``user``'s units (every unit's for a manager) whose
    planned completion date is past or within ``within_days``: overdue ones first."""
    today = today or clock.today()
    within_days = (
        get_setting("WAGTAIL_DISCLOSURE_DECISION_DUE_SOON_DAYS")
        if within_days is None
        else within_days
    )
    items = DecisionItemPage.objects.filter(
        planned_due__isnull=False,
        planned_due__lte=today + datetime.timedelta(days=within_days),
    ).exclude(stage__in=FINISHED_STAGES)
    if not is_manager(user):
        items = items.filter(Q(responsible_unit__in=unit_ids(user)))
    return items.select_related("responsible_unit").order_by("planned_due", "path")


class DecisionItemsDuePanel(Component):
    """Decision items falling due within the next days, and overdue ones, for the editor's
    units."""

    name = "disclosure_decision_items_due"
    order = 130
    template_name = "wagtail_disclosure/decisions/admin/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def kept_for(self) -> tuple:
        """Its HTML depends only on the viewer's units and the pages (kept: ``KeptPanel``)."""
        return unit_scope(self.user)

    def get_context_data(self, parent_context):
        today = clock.today()
        rows = [
            {
                "item": item,
                "overdue": item.planned_due < today,
                "days": abs((item.planned_due - today).days),
                "url": reverse("wagtailadmin_pages:edit", args=[item.pk]),
            }
            for item in items_due(self.user, today)[:50]
        ]
        return {
            "rows": rows,
            "within_days": get_setting("WAGTAIL_DISCLOSURE_DECISION_DUE_SOON_DAYS"),
        }
