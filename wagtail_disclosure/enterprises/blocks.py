"""The compliance of the enterprise column as a block editors place on public pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .models import SectorPage
from .reporting import render_compliance, sector_rows


class EnterpriseComplianceBlock(blocks.StructBlock):
    """Shares of catalogue items disclosed and up to date, for one sector or for all."""

    title = blocks.CharBlock(label=_("Title"), required=False)
    sector = blocks.PageChooserBlock(
        label=_("Sector"),
        page_type="wagtail_disclosure.SectorPage",
        required=False,
        help_text=_("Leave empty to show every sector."),
    )

    class Meta:
        label = _("Public enterprise compliance")
        icon = "doc-full"

    def render_basic(self, value, context=None):
        sectors = SectorPage.objects.all()
        if value.get("sector"):
            sectors = sectors.filter(pk=value["sector"].pk)
        request = (context or {}).get("request")
        return render_compliance(sector_rows(sectors, request=request), title=value.get("title"))
