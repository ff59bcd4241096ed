"""Admin views of progress: the overdue and ledger reports, the progress import and the
carry-over review (回头看)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from wagtail_disclosure.core.audit import record
from wagtail_disclosure.core.import_views import SpreadsheetImportView
from wagtail_disclosure.core.permissions import is_manager, unit_ids
from wagtail_disclosure.core.spreadsheets import escape_formula
from wagtail_disclosure.plans.models import Requirement, TaskPage, TaskPlanPage
from wagtail_disclosure.plans.permissions import plan_policy
from wagtail_disclosure.units.models import UnitPage

from .imports import COLUMN_ALIASES, COLUMNS, REQUIRED_COLUMNS, ProgressReportResource
from .models import ProgressState
from .permissions import progress_report_policy
from .responsibilities import requirements_for_units
from .states import DONE, OVERDUE, STATE_ORDER, ProgressSnapshot, plan_requirements
from .templatetags import deadline_label

#: Unfinished requirements of an earlier plan copied into a plan (on the receiving plan).
CARRY_OVER_LOG_ACTION = "wagtail_disclosure.carry_over"


# -- reports -------------------------------------------------------------------------------------
def _plans(request):
    return TaskPlanPage.objects.order_by("-year", "path")


def _units(request):
    units = UnitPage.objects.order_by("path")
    if request is not None and not is_manager(request.user):
        units = units.filter(pk__in=unit_ids(request.user))
    return units


class ProgressFilterSet(WagtailFilterSet):
    plan = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Plan"), queryset=_plans, method="keep"
    )
    section = django_filters.NumberFilter(
        label=gettext_lazy("Section number"), method="keep", min_value=1
    )
    unit = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Unit"), queryset=_units, method="keep"
    )
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("State"), choices=ProgressState.choices, method="keep"
    )

    class Meta:
        model = Requirement
        fields = []

    def keep(self, queryset, name, value):
        # The rows are (requirement, unit) pairs computed in ProgressLedger.rows().
        return queryset


class OverdueFilterSet(ProgressFilterSet):
    state = None


@dataclass
class LedgerRow:
    """One unit's standing on one requirement, as the ledger and its export show it."""

    plan: str
    section: str
    task: str
    requirement: str
    units: str
    unit: str
    deadline: str
    state: str
    latest_status: str
    latest_percent: int | str
    latest_date: datetime.date | str
    latest_narrative: str
    requirement_id: int
    unit_id: int
    report_id: int | None


def ledger_rows(*, user, plan=None, section=None, unit=None, state=None, today=None):
    """The (requirement, unit) pairs in scope, worst first, for the user's units only unless
    they manage the plans."""
    requirements = plan_requirements(plan) if plan else Requirement.objects.filter(task__live=True)
    if section:
        requirements = requirements.filter(task__section_number=section)
    in_scope = None if is_manager(user) else set(unit_ids(user))
    if unit is not None:
        in_scope = {unit.pk} if in_scope is None else in_scope & {unit.pk}
    if in_scope is not None:
        requirements = requirements.filter(pk__in=requirements_for_units(in_scope).values("pk"))
    snapshot = ProgressSnapshot(requirements, today=today, unit_ids=in_scope)
    plans = {p.path: p.title for p in TaskPlanPage.objects.only("title", "path")}
    rows = []
    for row, up in snapshot.pairs():
        if state and up.state != state:
            continue
        task = row.task
        report = up.report
        names = [
            u.title
            for u in (
                snapshot.units.get(i) for i in row.named.lead_units + row.named.cooperating_units
            )
            if u
        ]
        names += [
            snapshot.members.name(g) for g in row.named.lead_groups + row.named.cooperating_groups
        ]
        rows.append(
            LedgerRow(
                plan=plans.get(task.path[: -TaskPage.steplen], ""),
                section=task.section_title,
                task=f"{task.task_number} {task.title}".strip(),
                requirement=row.requirement.text,
                units="、".join(names),
                unit=up.unit.title,
                deadline=str(deadline_label(row.requirement)),
                state=str(up.state_label),
                latest_status=report.get_status_display() if report else "",
                latest_percent=report.percent if report else "",
                latest_date=report.date if report else "",
                latest_narrative=report.narrative if report else "",
                requirement_id=row.requirement.pk,
                unit_id=up.unit.pk,
                report_id=report.pk if report else None,
            )
        )
    order = {s: i for i, s in enumerate(STATE_ORDER)}
    state_of = {str(label): value for value, label in ProgressState.choices}
    rows.sort(key=lambda r: order.get(state_of.get(r.state), 9))
    return rows


def _report_url(row):
    if row.report_id:
        return reverse(
            "wagtailsnippets_wagtail_disclosure_progressreport:edit", args=[row.report_id]
        )
    return (
        reverse("wagtailsnippets_wagtail_disclosure_progressreport:add")
        + f"?requirement={row.requirement_id}&unit={row.unit_id}"
    )


class ProgressReportView(ReportView):
    """Rows are (requirement, unit) pairs, not a queryset: filters are read from the form."""

    header_icon = "tasks"
    filterset_class = ProgressFilterSet
    forced_state = None
    list_export = [
        "plan",
        "section",
        "task",
        "requirement",
        "units",
        "unit",
        "deadline",
        "state",
        "latest_status",
        "latest_percent",
        "latest_date",
        "latest_narrative",
    ]
    export_headings = {
        "plan": gettext_lazy("Plan"),
        "section": gettext_lazy("Section"),
        "task": gettext_lazy("Task"),
        "requirement": gettext_lazy("Specific requirement"),
        "units": gettext_lazy("Responsible units"),
        "unit": gettext_lazy("Unit"),
        "deadline": gettext_lazy("Deadline"),
        "state": gettext_lazy("State"),
        "latest_status": gettext_lazy("Latest reported status"),
        "latest_percent": gettext_lazy("Percent complete"),
        "latest_date": gettext_lazy("Latest report date"),
        "latest_narrative": gettext_lazy("Latest progress narrative"),
    }
    columns = [
        TitleColumn("requirement", label=gettext_lazy("Specific requirement"), get_url=_report_url),
        Column("unit", label=gettext_lazy("Unit")),
        Column("deadline", label=gettext_lazy("Deadline")),
        Column("state", label=gettext_lazy("State")),
        Column("latest_status", label=gettext_lazy("Latest reported status")),
        Column("latest_percent", label=gettext_lazy("Percent complete")),
        Column("latest_date", label=gettext_lazy("Latest report date")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not progress_report_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filtered_queryset(self):
        data = {}
        if self.filters is not None and self.filters.is_valid():
            data = self.filters.form.cleaned_data
        return ledger_rows(
            user=self.request.user,
            plan=data.get("plan"),
            section=data.get("section"),
            unit=data.get("unit"),
            state=self.forced_state or data.get("state") or None,
        )

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        return {field: escape_formula(value) for field, value in row.items()}

    def get_heading(self, queryset, field):
        return str(self.export_headings.get(field, field))


class OverdueReportView(ProgressReportView):
    page_title = gettext_lazy("Overdue requirements")
    index_url_name = "wagtail_disclosure_admin:overdue"
    index_results_url_name = "wagtail_disclosure_admin:overdue_results"
    filterset_class = OverdueFilterSet
    forced_state = OVERDUE
    export_filename = "overdue-requirements"


class LedgerReportView(ProgressReportView):
    page_title = gettext_lazy("Progress ledger")
    index_url_name = "wagtail_disclosure_admin:ledger"
    index_results_url_name = "wagtail_disclosure_admin:ledger_results"
    export_filename = "progress-ledger"


# -- import --------------------------------------------------------------------------------------
class ProgressImportView(SpreadsheetImportView):
    page_title = gettext_lazy("Import progress reports")
    resource_class = ProgressReportResource
    columns = COLUMNS
    required_columns = REQUIRED_COLUMNS
    column_aliases = COLUMN_ALIASES
    success_url_name = "wagtail_disclosure_admin:ledger"

    def has_permission(self, user):
        return progress_report_policy.user_has_permission(user, "view")


# -- carry-over (回头看) ---------------------------------------------------------------------------
class CarryOverForm(forms.Form):
    requirements = forms.TypedMultipleChoiceField(coerce=int, widget=forms.CheckboxSelectMultiple)


def previous_plan(plan):
    return (
        TaskPlanPage.objects.filter(year__lt=plan.year)
        .exclude(pk=plan.pk)
        .order_by("-year", "path")
        .first()
    )


def unfinished_requirements(source, target, today=None):
    """Rows of ``source`` whose requirement is not done and not already carried into
    ``target``."""
    snapshot = ProgressSnapshot(plan_requirements(source, live_only=False), today=today)
    carried = set(
        plan_requirements(target, live_only=False)
        .exclude(carried_over_from=None)
        .values_list("carried_over_from_id", flat=True)
    )
    return [row for row in snapshot.rows if row.state != DONE and row.requirement.pk not in carried]


@transaction.atomic
def carry_over(requirement_ids, target, user=None):
    """Copy requirements into ``target``, each into the task of the same section and number
    (created when missing), linked back by ``carried_over_from``; the tasks are published as
    new revisions so editors see the rows in the page editor."""
    copied = []
    tasks = {
        (t.section_number, t.task_number, t.title): t
        for t in TaskPage.objects.child_of(target).specific()
    }
    sources = (
        Requirement.objects.filter(pk__in=requirement_ids)
        .select_related("task")
        .prefetch_related("lead_units", "lead_groups", "cooperating_units", "cooperating_groups")
        .order_by("task__path", "sort_order")
    )
    by_task: dict[int, tuple[TaskPage, list[Requirement]]] = {}
    for source in sources:
        old = source.task
        key = (old.section_number, old.task_number, old.title)
        task = tasks.get(key)
        if task is None:
            task = TaskPage(
                title=old.title,
                section_number=old.section_number,
                section_title=old.section_title,
                task_number=old.task_number,
            )
            target.add_child(instance=task)
            tasks[key] = task
        if task.pk not in by_task:
            by_task[task.pk] = (task.get_latest_revision_as_object(), [])
        task = by_task[task.pk][0]
        copy = Requirement(
            text=source.text,
            units_raw=source.units_raw,
            unmatched_units=source.unmatched_units,
            deadline_raw=_("by year end (carried over from %(year)s)")
            % {"year": old.get_parent().specific.year},
            due_date=datetime.date(target.year, 12, 31) if not source.is_recurring else None,
            is_ongoing=source.is_ongoing,
            is_recurring=source.is_recurring,
            carried_over_from=source,
        )
        copy.lead_units = list(source.lead_units.all())
        copy.lead_groups = list(source.lead_groups.all())
        copy.cooperating_units = list(source.cooperating_units.all())
        copy.cooperating_groups = list(source.cooperating_groups.all())
        task.requirements.add(copy)
        by_task[task.pk][1].append(copy)
    for task, rows in by_task.values():
        revision = task.save_revision(user=user, log_action=True)
        revision.publish(user=user)
        copied.extend(rows)
    if copied:
        source_plan = copied[0].carried_over_from.task.get_parent()
        record(target, CARRY_OVER_LOG_ACTION, user, count=len(copied), source=source_plan.title)
    return copied


class CarryOverView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtail_disclosure/progress/admin/carry_over.html"
    page_title = gettext_lazy("Carry-over review")
    header_icon = "history"

    def dispatch(self, request, *args, **kwargs):
        if not plan_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        self.plans = list(TaskPlanPage.objects.order_by("-year", "path"))
        self.target = None
        plan_id = request.GET.get("plan") or request.POST.get("plan")
        if plan_id and str(plan_id).isdigit():
            self.target = get_object_or_404(TaskPlanPage, pk=int(plan_id))
        self.source = previous_plan(self.target) if self.target else None
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = unfinished_requirements(self.source, self.target) if self.source else []
        context.update(plans=self.plans, target=self.target, source=self.source, rows=rows)
        return context

    def post(self, request, *args, **kwargs):
        if self.target is None or self.source is None:
            return redirect(request.path)
        allowed = {r.requirement.pk for r in unfinished_requirements(self.source, self.target)}
        form = CarryOverForm(request.POST)
        form.fields["requirements"].choices = [(pk, pk) for pk in allowed]
        if not form.is_valid():
            messages.error(request, _("Choose at least one requirement to carry over."))
            return redirect(f"{request.path}?plan={self.target.pk}")
        copied = carry_over(form.cleaned_data["requirements"], self.target, user=request.user)
        messages.success(
            request,
            _("Carried %(count)s requirement(s) over from %(source)s into %(target)s.")
            % {"count": len(copied), "source": self.source.title, "target": self.target.title},
        )
        return redirect(f"{request.path}?plan={self.target.pk}")
