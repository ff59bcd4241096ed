"""Admin wiring for annual reports: the snippet, its menu item and the unit page section."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from wagtail_disclosure.core.permissions import works_in_disclosure
from wagtail_disclosure.units.sections import UnitSection

from .admin_views import AnnualReportViewSet, reports_for_unit
from .models import AnnualReportIndexPage

register_snippet(AnnualReportViewSet)


class UnitEditorMenuItem(MenuItem):
    def is_shown(self, request):
        return works_in_disclosure(request.user)


@hooks.register("register_disclosure_menu_item")
def annual_reports_menu_item():
    return UnitEditorMenuItem(
        _("Annual reports"),
        reverse("wagtailsnippets_wagtail_disclosure_annualreport:list"),
        icon_name="table",
        order=310,
    )


@hooks.register("disclosure_unit_page_sections")
def annual_reports_section(unit, request):
    index = AnnualReportIndexPage.objects.live().first()
    if index is None:
        return None
    reports = reports_for_unit(unit)
    if not reports:
        return None
    return UnitSection(
        title=_("Annual reports on government information disclosure"),
        template="wagtail_disclosure/annual_reports/unit_section.html",
        context={"reports": [(r, index.report_url(r)) for r in reports]},
        order=400,
    )
