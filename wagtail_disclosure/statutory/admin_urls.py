"""Admin URLs of statutory content (under the ``wagtail_disclosure_admin`` namespace)."""

from django.urls import path

from .admin_views import StatutoryComplianceReportView

urlpatterns = [
    path(
        "statutory/compliance/",
        StatutoryComplianceReportView.as_view(),
        name="statutory_compliance",
    ),
    path(
        "statutory/compliance/results/",
        StatutoryComplianceReportView.as_view(results_only=True),
        name="statutory_compliance_results",
    ),
]
