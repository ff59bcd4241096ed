from django.utils.translation import gettext_lazy as _

from ..imports.units import COLUMNS, REQUIRED_COLUMNS, UnitRegisterResource
from ..permissions import is_disclosure_manager
from .admin_imports import SpreadsheetImportView


class UnitRegisterImportView(SpreadsheetImportView):
    page_title = _("Import units register")
    resource_class = UnitRegisterResource
    columns = COLUMNS
    required_columns = REQUIRED_COLUMNS
    success_url_name = "wagtailadmin_explore_root"

    def has_permission(self, user):
        return is_disclosure_manager(user)
