from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.core.import_views import SpreadsheetImportView
from wagtail_disclosure.core.permissions import is_manager

from .imports import COLUMNS, REQUIRED_COLUMNS, UnitRegisterResource


class UnitRegisterImportView(SpreadsheetImportView):
    page_title = _("Import units register")
    resource_class = UnitRegisterResource
    columns = COLUMNS
    required_columns = REQUIRED_COLUMNS
    success_url_name = "wagtailadmin_explore_root"

    def has_permission(self, user):
        return is_manager(user)
