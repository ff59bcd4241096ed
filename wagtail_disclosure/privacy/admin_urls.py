"""Admin URLs of the privacy check (under the ``wagtail_disclosure_admin`` namespace)."""

from django.urls import path

from .views import MaskView, OverrideView, PrivacyReportView, ReviewView

urlpatterns = [
    path("privacy/", PrivacyReportView.as_view(), name="privacy_report"),
    path("privacy/results/", PrivacyReportView.as_view(results_only=True),
         name="privacy_report_results"),
    path("privacy/<int:content_type_id>/<str:object_id>/", ReviewView.as_view(),
         name="privacy_review"),
    path("privacy/<int:content_type_id>/<str:object_id>/mask/", MaskView.as_view(),
         name="privacy_mask"),
    path("privacy/<int:content_type_id>/<str:object_id>/override/", OverrideView.as_view(),
         name="privacy_override"),
]
