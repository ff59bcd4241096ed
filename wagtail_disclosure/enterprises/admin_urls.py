"""Admin URLs of the public-enterprise column (under the ``wagtail_disclosure_admin`` namespace)."""

from django.urls import path

from .admin_views import ComplianceReportView, EnterpriseListImportView, EntryImportView

urlpatterns = [
    path(
        "enterprises/import/entities/",
        EnterpriseListImportView.as_view(),
        name="import_enterprises",
    ),
    path(
        "enterprises/import/entries/",
        EntryImportView.as_view(),
        name="import_enterprise_entries",
    ),
    path(
        "enterprises/compliance/",
        ComplianceReportView.as_view(),
        name="enterprise_compliance",
    ),
    path(
        "enterprises/compliance/results/",
        ComplianceReportView.as_view(results_only=True),
        name="enterprise_compliance_results",
    ),
]
