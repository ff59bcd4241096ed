"""The editor's read-only view of tables 二 and 三 as the report's records compute them."""

from wagtail.admin.panels import Panel

from .layout import report_tables


class ComputedTablesPanel(Panel):
    """Tables of the national format (``parts`` index :func:`layout.report_tables`), computed
    from the policy library and the request register as the report stands, corrections
    included, so the editor sees the figures before correcting or publishing them."""

    def __init__(self, parts=(0, 1), **kwargs):
        super().__init__(**kwargs)
        self.parts = parts

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "parts": self.parts}

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_disclosure/annual_reports/computed_tables.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            report = self.instance
            tables = []
            if report.unit_id and report.year:
                report.refresh_computed_figures()
                overrides = report.overrides.all() if report.pk else []
                every = report_tables(report.figures(overrides))
                tables = [every[part] for part in self.panel.parts]
            context["tables"] = tables
            return context
