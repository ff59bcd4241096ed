"""Admin URLs of the policies domain (included under the ``wagtail_disclosure_admin`` namespace)."""

from django.urls import path

from .admin_views import NewInterpretationView

urlpatterns = [
    path("policies/<int:document_id>/new-interpretation/", NewInterpretationView.as_view(),
         name="new_interpretation"),
]
