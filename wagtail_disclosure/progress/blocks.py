"""A reporting panel placed on any page through a StreamField."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class ReportPanelBlock(blocks.StructBlock):
    panel = SnippetChooserBlock("wagtail_disclosure.ReportPanel", label=_("Reporting panel"))
    heading = blocks.CharBlock(
        label=_("Heading"), required=False, help_text=_("Leave empty to use the panel's title.")
    )
    introduction = blocks.TextBlock(label=_("Introduction"), required=False)

    class Meta:
        label = _("Reporting panel")
        icon = "table"
        template = "wagtail_disclosure/progress/blocks/report_panel_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        panel = value.get("panel")
        request = (parent_context or {}).get("request")
        context["rendered_panel"] = panel.render(request) if panel is not None else ""
        return context
