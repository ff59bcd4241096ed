"""The compliance of the enterprise column as a block editors place on public pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from wagtail_disclosure.core.sites import current_site, pages_in_site

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
        request = (context or {}).get("request")
        # The sectors of the site showing the block, not every county's.
        site = current_site(request) if request is not None else None
        sectors = pages_in_site(SectorPage.objects.all(), site)
        if value.get("sector"):
            sectors = sectors.filter(pk=value["sector"].pk)
        return render_compliance(sector_rows(sectors, request=request), title=value.get("title"))
