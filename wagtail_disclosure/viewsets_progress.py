"""Admin screens of progress reports and reporting panels."""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    HistoryView,
    InspectView,
    RevisionsCompareView,
    SnippetViewSet,
    UsageView,
)

from .models import ProgressReport, ReportPanel
from .permission_policies import ManagerPermissionPolicy, UnitReportPermissionPolicy
from .permissions import is_disclosure_manager, user_units

progress_report_policy = UnitReportPermissionPolicy(ProgressReport)
report_panel_policy = ManagerPermissionPolicy(ReportPanel)

try:  # Wagtail 8: policies are registered per model
    from wagtail.permissions import register_permission_policy
except ImportError:  # Wagtail 7: the viewset carries its policy
    register_permission_policy = None


def register_policies():
    if register_permission_policy is not None:
        register_permission_policy(ProgressReport, progress_report_policy, exact_class=True)
        register_permission_policy(ReportPanel, report_panel_policy, exact_class=True)


class OwnUnitObjectMixin:
    """A unit editor opening another unit's report gets 403, on every view of one report."""

    object_action = "change"

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not progress_report_policy.user_has_permission_for_instance(
            self.request.user, self.object_action, obj
        ):
            raise PermissionDenied
        return obj


class ProgressReportEditView(OwnUnitObjectMixin, EditView):
    pass


class ProgressReportHistoryView(OwnUnitObjectMixin, HistoryView):
    object_action = "view"


class ProgressReportInspectView(OwnUnitObjectMixin, InspectView):
    object_action = "view"


class ProgressReportUsageView(OwnUnitObjectMixin, UsageView):
    object_action = "view"


class ProgressReportRevisionsCompareView(OwnUnitObjectMixin, RevisionsCompareView):
    object_action = "view"


class ProgressReportCreateView(CreateView):
    """``?requirement=12&unit=3`` prefills the form (links from the dashboard and ledgers)."""

    def get_initial(self):
        initial = super().get_initial()
        for name in ("requirement", "unit"):
            value = self.request.GET.get(name, "")
            if value.isdigit():
                initial[name] = int(value)
        return initial


class ProgressReportViewSet(SnippetViewSet):
    model = ProgressReport
    icon = "tasks"
    menu_label = _("Progress reports")
    add_to_admin_menu = False
    add_view_class = ProgressReportCreateView
    edit_view_class = ProgressReportEditView
    history_view_class = ProgressReportHistoryView
    inspect_view_class = ProgressReportInspectView
    usage_view_class = ProgressReportUsageView
    revisions_compare_view_class = ProgressReportRevisionsCompareView
    list_display = [
        "requirement",
        "unit",
        Column("get_status_display", label=_("Status")),
        "percent",
        DateColumn("date", label=_("Report date"), sort_key="date"),
    ]
    list_filter = ["status", "unit"]
    search_fields = ["narrative", "requirement__text"]
    ordering = ["-date", "-pk"]

    if register_permission_policy is None:

        @cached_property
        def permission_policy(self):
            return progress_report_policy

    def get_queryset(self, request):
        reports = ProgressReport.objects.select_related("requirement__task", "unit")
        if is_disclosure_manager(request.user):
            return reports
        return reports.filter(unit__in=user_units(request.user))


class ReportPanelViewSet(SnippetViewSet):
    model = ReportPanel
    icon = "table"
    menu_label = _("Reporting panels")
    add_to_admin_menu = False
    list_display = [
        "title",
        Column("get_kind_display", label=_("Kind")),
        "plan",
        "unit",
        "group",
        "show_on_dashboard",
    ]
    list_filter = ["show_on_dashboard"]

    if register_permission_policy is None:

        @cached_property
        def permission_policy(self):
            return report_panel_policy
