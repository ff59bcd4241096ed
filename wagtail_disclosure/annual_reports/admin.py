"""Admin wiring for annual reports: the 年度报告 menu group and the unit page section."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from wagtail_disclosure.core.menu import DisclosureMenuGroup
from wagtail_disclosure.units.sections import UnitSection

from .admin_views import AnnualReportViewSet, reports_for_unit
from .models import AnnualReportIndexPage


class AnnualReportsMenu(DisclosureMenuGroup):
    group = "annual_reports"
    menu_label = _("Annual reports")
    menu_icon = "table"
    items = (AnnualReportViewSet,)


@hooks.register("register_admin_viewset")
def register_annual_reports_menu():
    return AnnualReportsMenu()


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
