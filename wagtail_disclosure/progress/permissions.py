"""Who may do what with progress reports and reporting panels."""

from wagtail_disclosure.core.permissions import (
    ManagerPermissionPolicy,
    UnitScopedPermissionPolicy,
)

from .models import ProgressReport, ReportPanel

#: A unit editor adds, changes and views their units' reports, never deletes one: a wrong
#: report is corrected and its history kept.
progress_report_policy = UnitScopedPermissionPolicy(
    ProgressReport, editor_actions=("add", "change", "view")
)
report_panel_policy = ManagerPermissionPolicy(ReportPanel)

POLICIES = {ProgressReport: progress_report_policy, ReportPanel: report_panel_policy}
