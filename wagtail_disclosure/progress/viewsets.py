"""Admin screens of progress reports and reporting panels."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from wagtail_disclosure.core.permissions import UnitScopedViewSetMixin

from .models import ProgressReport, ReportPanel
from .permissions import progress_report_policy, report_panel_policy


class ProgressReportCreateView(CreateView):
    """``?requirement=12&unit=3`` prefills the form (links from the dashboard and ledgers)."""

    def get_initial(self):
        initial = super().get_initial()
        for name in ("requirement", "unit"):
            value = self.request.GET.get(name, "")
            if value.isdigit():
                initial[name] = int(value)
        return initial


class ProgressReportViewSet(UnitScopedViewSetMixin, SnippetViewSet):
    model = ProgressReport
    icon = "tasks"
    menu_label = _("Progress reports")
    add_to_admin_menu = False
    permission_policy = progress_report_policy
    add_view_class = ProgressReportCreateView
    list_display = [
        "requirement",
        "unit",
        Column("get_status_display", label=_("Status")),
        "percent",
        DateColumn("date", label=_("Report date"), sort_key="date"),
    ]
    list_filter = ["status", "unit"]
    # None: search every indexed field (the narrative and the requirement's text).
    search_fields = None
    ordering = ["-date", "-pk"]

    def get_queryset(self, request):
        return ProgressReport.objects.select_related("requirement__task", "unit")


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
    permission_policy = report_panel_policy
