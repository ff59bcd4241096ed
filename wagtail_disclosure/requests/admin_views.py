"""Admin screens for the request register and the working-day calendar.

Unit editors see and change only their units' requests (a request holds the
applicant's personal data); managers see every unit's.
"""

import django_filters
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from wagtail_disclosure.core import clock
from wagtail_disclosure.core.permissions import (
    UnitScopedFormMixin,
    UnitScopedViewSetMixin,
    is_manager,
    unit_ids,
    unit_scope,
)
from wagtail_disclosure.core.versions import submissions_version
from wagtail_disclosure.units.models import UnitPage

from .calendar import CalendarDay
from .models import (
    CORRECTION_WORKING_DAYS,
    MAX_EXTENSION_WORKING_DAYS,
    ApplicantType,
    DisclosureRequest,
    RequestChannel,
)
from .permissions import calendar_policy, request_policy
from .workdays import official_years, site_calendar

# --- requests ---------------------------------------------------------------------------------


class DisclosureRequestForm(UnitScopedFormMixin, WagtailAdminModelForm):
    def clean(self):
        data = super().clean()
        received_on = data.get("received_on")
        replied_on = data.get("replied_on")
        if replied_on and not data.get("outcome"):
            self.add_error("outcome", _("Choose the result of the reply."))
        if data.get("outcome") and not replied_on:
            self.add_error("replied_on", _("Give the date of the reply."))
        if received_on and replied_on and replied_on < received_on:
            self.add_error("replied_on", _("The reply cannot come before the request."))
        return data

    def _rows(self, name):
        formset = self.formsets.get(name)
        if formset is None:
            return []
        return [
            f
            for f in formset.forms
            if getattr(f, "cleaned_data", None) and not f.cleaned_data.get("DELETE")
        ]

    def check_events(self, received_on):
        calendar = site_calendar()
        for form in self._rows("corrections"):
            asked_on, corrected_on = (
                form.cleaned_data.get("asked_on"),
                form.cleaned_data.get("corrected_on"),
            )
            if asked_on and asked_on < received_on:
                form.add_error("asked_on", _("A correction is asked after the request arrives."))
            elif asked_on and calendar.working_days_between(received_on, asked_on) > (
                CORRECTION_WORKING_DAYS
            ):
                form.add_error(
                    "asked_on",
                    _(
                        "A correction must be asked within %(days)s working days of receipt "
                        "(Art. 30)."
                    )
                    % {"days": CORRECTION_WORKING_DAYS},
                )
            if asked_on and corrected_on and corrected_on < asked_on:
                form.add_error("corrected_on", _("The correction arrives after it is asked."))
        for form in self._rows("consultations"):
            started_on, ended_on = (
                form.cleaned_data.get("started_on"),
                form.cleaned_data.get("ended_on"),
            )
            if started_on and started_on < received_on:
                form.add_error("started_on", _("A consultation starts after the request arrives."))
            if started_on and ended_on and ended_on < started_on:
                form.add_error("ended_on", _("The answer arrives after the consultation starts."))
        extensions = self._rows("extensions")
        if len(extensions) > 1:
            self.add_error(None, _("The time to reply may be extended only once (Art. 33)."))
        for form in extensions:
            if (form.cleaned_data.get("days") or 0) > MAX_EXTENSION_WORKING_DAYS:
                form.add_error(
                    "days",
                    _("An extension adds at most %(days)s working days.")
                    % {"days": MAX_EXTENSION_WORKING_DAYS},
                )

    def is_valid(self):
        # Event rows are validated by their formsets after clean(); check them against the
        # request once both are clean.
        valid = super().is_valid()
        received_on = getattr(self, "cleaned_data", {}).get("received_on")
        if received_on:
            self.check_events(received_on)
            valid = valid and not self.errors
            valid = valid and not any(f.errors for fs in self.formsets.values() for f in fs.forms)
        return valid


class CalendarColumn(Column):
    """A column that reads the site calendar once for the whole listing."""

    @cached_property
    def calendar(self):
        return site_calendar()

    @cached_property
    def today(self):
        return clock.today()


class DaysLeftColumn(CalendarColumn):
    def get_value(self, instance):
        if instance.replied_on:
            return _("Replied")
        if instance.clock_stopped:
            return instance.get_clock_stopped_display()
        days = instance.working_days_left(self.calendar, self.today)
        if days is None:
            return ""
        if days < 0:
            return _("%(days)s working days late") % {"days": -days}
        return _("%(days)s working days") % {"days": days}


class LateColumn(CalendarColumn):
    def get_value(self, instance):
        return _("Late") if instance.is_late(self.today) else ""


class RequestStatus:
    OPEN = "open"
    OVERDUE = "overdue"
    REPLIED = "replied"
    CHOICES = [(OPEN, _("Open")), (OVERDUE, _("Late")), (REPLIED, _("Replied"))]


def _user_unit_choices(request):
    if request is None or is_manager(request.user):
        return UnitPage.objects.filter(disclosure_requests__isnull=False).distinct()
    return UnitPage.objects.filter(pk__in=unit_ids(request.user))


class DisclosureRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=RequestStatus.CHOICES, method="filter_status"
    )
    unit = django_filters.ModelChoiceFilter(label=_("Receiving unit"), queryset=_user_unit_choices)
    applicant_type = django_filters.ChoiceFilter(
        label=_("Applicant type"), choices=ApplicantType.choices
    )
    channel = django_filters.ChoiceFilter(label=_("Channel"), choices=RequestChannel.choices)
    received_on = django_filters.DateFromToRangeFilter(
        label=_("Date received"),
        widget=django_filters.widgets.DateRangeWidget(attrs={"type": "date"}),
    )

    class Meta:
        model = DisclosureRequest
        fields = []

    def filter_status(self, queryset, name, value):
        if value == RequestStatus.OPEN:
            return queryset.open()
        if value == RequestStatus.REPLIED:
            return queryset.replied()
        if value == RequestStatus.OVERDUE:
            return queryset.overdue()
        return queryset


class DisclosureRequestViewSet(UnitScopedViewSetMixin, SnippetViewSet):
    model = DisclosureRequest
    icon = "mail"
    menu_label = _("Disclosure requests")
    add_to_admin_menu = False
    base_form_class = DisclosureRequestForm
    filterset_class = DisclosureRequestFilterSet
    search_fields = ["receipt_number", "applicant_name", "description"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        "receipt_number",
        "unit",
        "received_on",
        "due_on",
        DaysLeftColumn("days_left", label=_("Working days left")),
        LateColumn("late", label=_("Late")),
        Column("outcome", label=_("Result"), accessor="get_outcome_display"),
    ]
    ordering = ["-received_on", "-pk"]

    permission_policy = request_policy

    def get_queryset(self, request):
        return DisclosureRequest.objects.for_user(request.user).select_related("unit")


class CalendarIndexView(IndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["calendar_warning"] = calendar_coverage_warning()
        return context


def calendar_coverage_warning(today=None, calendar=None):
    """A warning when deadlines will soon run into a year the official calendar lacks.

    ``calendar``: the site's calendar when the caller has read it already (its entered days
    answer without another query)."""
    today = today or clock.today()
    last = official_years()[1]
    year = today.year + 1 if today.month >= 11 else today.year
    if year <= last or _site_enters_year(year, calendar):
        return ""
    return _(
        "The official working-day calendar installed covers the years up to %(last)s. For "
        "%(year)s deadlines count weekends only, until you add the holidays and make-up working "
        "days of the State Council's notice here (or upgrade the chinese-calendar package)."
    ) % {"last": last, "year": year}


def _site_enters_year(year, calendar=None) -> bool:
    if calendar is not None:
        return any(day.year == year for day in calendar.overrides)
    return CalendarDay.objects.filter(date__year=year).exists()


class CalendarDayViewSet(SnippetViewSet):
    model = CalendarDay
    permission_policy = calendar_policy
    icon = "date"
    menu_label = _("Working-day calendar")
    add_to_admin_menu = False
    list_display = ["date", "is_working_day", "note"]
    list_filter = ["is_working_day"]
    search_fields = ["note"]
    search_backend_name = None
    index_view_class = CalendarIndexView
    index_template_name = "wagtail_disclosure/requests/calendar_index.html"


# --- dashboard --------------------------------------------------------------------------------

DUE_SOON_WORKING_DAYS = 5


class RequestsDuePanel(Component):
    """Requests due within five working days, and late ones, for the editor's units."""

    name = "disclosure_requests_due"
    order = 120
    template_name = "wagtail_disclosure/requests/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def kept_for(self) -> tuple:
        """Its HTML depends on the viewer's units, the day, the calendar and the requests: kept
        (``KeptPanel``) until a request or its clock changes (the submissions token)."""
        return (submissions_version(), *unit_scope(self.user))

    def get_context_data(self, parent_context):
        calendar, today = site_calendar(), clock.today()
        horizon = calendar.add_working_days(today, DUE_SOON_WORKING_DAYS)
        requests = (
            DisclosureRequest.objects.for_user(self.user)
            .open()
            .filter(due_on__lte=horizon)
            .select_related("unit")
            .order_by("due_on", "pk")[:50]
        )
        rows = [
            {
                "request": r,
                "days_left": r.working_days_left(calendar, today),
                "url": reverse(
                    "wagtailsnippets_wagtail_disclosure_disclosurerequest:edit", args=[r.pk]
                ),
            }
            for r in requests
        ]
        return {
            "rows": rows,
            "due_soon_days": DUE_SOON_WORKING_DAYS,
            "calendar_warning": calendar_coverage_warning(today, calendar),
            "list_url": reverse("wagtailsnippets_wagtail_disclosure_disclosurerequest:list"),
        }
