"""Admin URLs of disclosure attributes (under the ``wagtail_disclosure_admin`` namespace)."""

from django.urls import path

from .views import (
    BulkAttributeView,
    ConvertView,
    ReviewReportView,
    UndecidedReportView,
    WithheldLookupView,
)

urlpatterns = [
    path("attributes/undecided/", UndecidedReportView.as_view(), name="attributes_undecided"),
    path(
        "attributes/undecided/results/",
        UndecidedReportView.as_view(results_only=True),
        name="attributes_undecided_results",
    ),
    path("attributes/review/", ReviewReportView.as_view(), name="attributes_review"),
    path(
        "attributes/review/results/",
        ReviewReportView.as_view(results_only=True),
        name="attributes_review_results",
    ),
    path("attributes/withheld/", WithheldLookupView.as_view(), name="attributes_withheld"),
    path(
        "attributes/withheld/results/",
        WithheldLookupView.as_view(results_only=True),
        name="attributes_withheld_results",
    ),
    path("attributes/set/", BulkAttributeView.as_view(), name="attributes_bulk_set"),
    path("attributes/convert/<str:key>/", ConvertView.as_view(), name="attributes_convert"),
]
