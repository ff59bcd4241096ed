"""Admin URLs of progress (under the ``wagtail_disclosure_admin`` namespace)."""

from django.urls import path

from .views import CarryOverView, LedgerReportView, OverdueReportView, ProgressImportView

urlpatterns = [
    path("progress/overdue/", OverdueReportView.as_view(), name="overdue"),
    path(
        "progress/overdue/results/",
        OverdueReportView.as_view(results_only=True),
        name="overdue_results",
    ),
    path("progress/ledger/", LedgerReportView.as_view(), name="ledger"),
    path(
        "progress/ledger/results/",
        LedgerReportView.as_view(results_only=True),
        name="ledger_results",
    ),
    path("progress/import/", ProgressImportView.as_view(), name="import_progress"),
    path("plans/carry-over/", CarryOverView.as_view(), name="carry_over"),
]
