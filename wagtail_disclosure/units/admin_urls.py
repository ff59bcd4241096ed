"""Admin URLs of the units domain (included under the ``wagtail_disclosure_admin`` namespace)."""

from django.urls import path

from .views import UnitRegisterImportView

urlpatterns = [
    path("units/import/", UnitRegisterImportView.as_view(), name="import_units"),
]
