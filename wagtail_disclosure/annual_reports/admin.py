"""Admin wiring for annual reports: the 年度报告 menu group and the unit page section."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from wagtail_disclosure.core.audit import record
from wagtail_disclosure.core.menu import DisclosureMenuGroup
from wagtail_disclosure.units.sections import UnitSection

from .admin_views import AnnualReportViewSet, reports_for_unit
from .format import cell_choices
from .models import AnnualReport, AnnualReportIndexPage


class AnnualReportsMenu(DisclosureMenuGroup):
    group = "annual_reports"
    menu_label = _("Annual reports")
    menu_icon = "table"
    items = (AnnualReportViewSet,)


@hooks.register("register_admin_viewset")
def register_annual_reports_menu():
    return AnnualReportsMenu()


@hooks.register("disclosure_unit_page_sections")
def annual_reports_section(unit, request):
    index = AnnualReportIndexPage.objects.live().first()
    if index is None:
        return None
    reports = reports_for_unit(unit)
    if not reports:
        return None
    return UnitSection(
        title=_("Annual reports on government information disclosure"),
        template="wagtail_disclosure/annual_reports/unit_section.html",
        context={"reports": [(r, index.report_url(r)) for r in reports]},
        order=400,
    )


# -- the audit trail ----------------------------------------------------------------------------

#: An editor set, changed or removed their own number for a computed cell of a report.
OVERRIDE_LOG_ACTION = "wagtail_disclosure.override_figure"
_BEFORE = "_wagtail_disclosure_overrides"


def overrides_of(report) -> dict[str, dict]:
    """The report's corrected figures by cell, as the log keeps them."""
    return {
        o.cell: {"value": str(o.value), "reason": o.reason} for o in report.overrides.all()
    }


def override_changes(before: dict, after: dict) -> list[dict]:
    """One change per cell whose corrected figure was added, changed or removed."""
    changes = []
    for cell in sorted(set(before) | set(after)):
        old, new = before.get(cell), after.get(cell)
        if old != new:
            changes.append(
                {
                    "cell": cell,
                    "before": old["value"] if old else None,
                    "after": new["value"] if new else None,
                    "reason": (new or old)["reason"],
                }
            )
    return changes


class OverrideFormatter(LogFormatter):
    label = _("Figure corrected")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        cell = dict(cell_choices()).get(data.get("cell"), data.get("cell"))
        values = {
            "cell": cell,
            "before": data.get("before") or _("computed"),
            "after": data.get("after") or _("computed"),
            "reason": data.get("reason", ""),
        }
        return _("%(cell)s: %(before)s → %(after)s (%(reason)s)") % values


@hooks.register("register_log_actions")
def register_annual_report_log_actions(actions):
    actions.register_action(OVERRIDE_LOG_ACTION)(OverrideFormatter)


@hooks.register("before_edit_snippet")
def remember_overrides(request, instance):
    if isinstance(instance, AnnualReport):
        setattr(request, _BEFORE, overrides_of(instance))


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def record_overrides(request, instance):
    if not isinstance(instance, AnnualReport):
        return
    for change in override_changes(getattr(request, _BEFORE, {}), overrides_of(instance)):
        record(instance, OVERRIDE_LOG_ACTION, request.user, **change)
