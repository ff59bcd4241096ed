"""Admin URLs of consultations (under the app's ``wagtail_disclosure_admin`` namespace)."""

from django.urls import path

from .admin_views import export_comments

urlpatterns = [
    path(
        "consultations/<int:consultation_id>/comments.xlsx",
        export_comments,
        name="consultation_comments_export",
    ),
]
