"""The units register import in the admin (upload, preview, confirm)."""

from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.core.import_views import SpreadsheetImportView

from .imports import COLUMNS, REQUIRED_COLUMNS, UnitRegisterResource
from .permissions import unit_register_policy


class UnitRegisterImportView(SpreadsheetImportView):
    page_title = _("Import units register")
    resource_class = UnitRegisterResource
    columns = COLUMNS
    required_columns = REQUIRED_COLUMNS
    success_url_name = "wagtailadmin_explore_root"

    def has_permission(self, user):
        return unit_register_policy.user_has_permission(user, "add")
