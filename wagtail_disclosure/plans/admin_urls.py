"""Admin URLs of task plans (under the ``wagtail_disclosure_admin`` namespace)."""

from django.urls import path

from .views import PlanImportView, export_plan

urlpatterns = [
    path("plans/import/", PlanImportView.as_view(), name="import_plan"),
    path("plans/<int:pk>/export/", export_plan, name="export_plan"),
]
