"""StreamField blocks a site can place on its own pages (reporting panels, listings).

``DisclosureStreamBlock`` gathers them so a site adds one StreamField to get them all.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from wagtail_disclosure.enterprises.blocks import EnterpriseComplianceBlock
from wagtail_disclosure.progress.blocks import ReportPanelBlock


class DisclosureStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("Paragraph"))
    enterprise_compliance = EnterpriseComplianceBlock()
    report_panel = ReportPanelBlock()

    class Meta:
        label = _("Disclosure content")
