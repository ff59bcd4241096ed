"""Admin screens for the annual reports: the editor with its checks, and the listing.

Unit editors see and change only their units' reports; managers see every unit's.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from wagtail_disclosure.core.permissions import UnitScopedFormMixin, UnitScopedViewSetMixin

from .models import AnnualReport
from .permissions import annual_report_policy


class AnnualReportForm(UnitScopedFormMixin, WagtailAdminModelForm):
    """Refuses to publish a report whose tables fail a check, naming each failing cell."""

    def is_valid(self):
        valid = super().is_valid()
        if valid and "action-publish" in self.data:
            report = self.instance
            report.refresh_computed_figures()
            overrides = [
                f.instance
                for f in self.formsets["overrides"].forms
                if getattr(f, "cleaned_data", None) and not f.cleaned_data.get("DELETE")
            ]
            failures = report.check_failures(overrides)
            for failure in failures:
                self.add_error(None, str(failure))
            valid = not failures
        return valid


class ChecksColumn(Column):
    def get_value(self, instance):
        failures = instance.check_failures()
        if failures:
            return _("%(count)s checks fail") % {"count": len(failures)}
        return _("All checks hold")


class AnnualReportViewSet(UnitScopedViewSetMixin, SnippetViewSet):
    model = AnnualReport
    icon = "table"
    menu_label = _("Annual reports")
    add_to_admin_menu = False
    base_form_class = AnnualReportForm
    list_display = [
        "__str__",
        "year",
        ChecksColumn("checks", label=_("Checks")),
        Column("overrides", label=_("Corrected figures"), accessor="override_count"),
    ]
    list_filter = ["year", "unit"]
    ordering = ["-year", "unit__path"]

    permission_policy = annual_report_policy

    def get_queryset(self, request):
        return AnnualReport.objects.select_related("unit").prefetch_related("overrides")


def reports_for_unit(unit) -> list:
    return list(
        AnnualReport.objects.filter(unit=unit, live=True).order_by("-year").select_related("unit")
    )
