"""Who may do what with annual reports: a unit editor prepares their units' reports."""

from wagtail_disclosure.core.permissions import UnitScopedPermissionPolicy

from .models import AnnualReport

annual_report_policy = UnitScopedPermissionPolicy(
    AnnualReport, editor_actions=("add", "change", "view", "publish", "lock", "unlock")
)

POLICIES = {AnnualReport: annual_report_policy}
