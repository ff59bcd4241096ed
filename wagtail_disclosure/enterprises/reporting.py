"""Compliance of the enterprise column as a chart and a table: one rendering for the reporting
panel kind, the dashboard panel and the StreamField block.

The chart is server-rendered SVG (no JavaScript) that says what it shows in its title and
description; the table beside it carries the same figures for screen readers and printing.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail_disclosure.core import clock
from wagtail_disclosure.core.panels import PanelKind
from wagtail_disclosure.enterprises import compliance

from .models import SectorPage

CODE = "enterprise_compliance"
LABEL = gettext_lazy("Public enterprise disclosure compliance")

BAR_WIDTH = 300
ROW_HEIGHT = 28
LABEL_WIDTH = 190

_ids = itertools.count(1)


@dataclass
class ChartRow:
    label: str
    url: str | None
    figures: compliance.Figures
    y: int = 0

    @property
    def current_width(self):
        return round(BAR_WIDTH * (self.figures.current_share or 0))

    @property
    def stale_width(self):
        return round(BAR_WIDTH * (self.figures.disclosed_share or 0)) - self.current_width

    @property
    def stale_x(self):
        return LABEL_WIDTH + self.current_width

    @property
    def text_y(self):
        return self.y + 19

    @property
    def bar_y(self):
        return self.y + 5


def sectors_for_unit(unit):
    """Live sectors a competent department supervises (every sector when ``unit`` is None)."""
    sectors = SectorPage.objects.all()
    if unit is not None:
        sectors = sectors.filter(competent_department_id=getattr(unit, "pk", unit))
    return sectors


def sector_rows(sectors, on=None, request=None):
    rows = []
    for sf in compliance.sector_figures(sectors, on=on):
        url = sf.sector.get_url(request=request)
        rows.append(ChartRow(sf.sector.title, url, sf.figures))
    return rows


def render_compliance(rows, *, title=None, on=None) -> str:
    """Safe HTML: an SVG bar chart of the shares and a table of the counts."""
    on = on or clock.today()
    for index, row in enumerate(rows):
        row.y = index * ROW_HEIGHT
    chart_id = f"enterprise-compliance-{next(_ids)}"
    title = title or str(LABEL)
    summary = "；".join(
        _("%(name)s: %(current)s%% up to date, %(disclosed)s%% disclosed")
        % {
            "name": row.label,
            "current": row.figures.current_percent or 0,
            "disclosed": row.figures.disclosed_percent or 0,
        }
        for row in rows
    )
    return mark_safe(
        render_to_string(
            "wagtail_disclosure/enterprises/includes/compliance_chart.html",
            {
                "rows": rows,
                "title": title,
                "summary": summary,
                "chart_id": chart_id,
                "today": on,
                "bar_width": BAR_WIDTH,
                "label_width": LABEL_WIDTH,
                "row_height": ROW_HEIGHT,
                "chart_width": LABEL_WIDTH + BAR_WIDTH + 60,
                "chart_height": max(len(rows), 1) * ROW_HEIGHT,
            },
        )
    )


def render_panel(panel, request=None) -> str:
    """The ``enterprise_compliance`` reporting panel: the sectors of ``panel.unit`` (or all)."""
    unit = getattr(panel, "unit", None)
    rows = sector_rows(sectors_for_unit(unit), request=request)
    return render_compliance(rows, title=getattr(panel, "title", None) or None)


def visible_to(panel, user) -> bool:
    """The figures count only live pages: public information, so any admin user may see them."""
    return user.is_active


def panel_kind():
    return PanelKind(
        code=CODE,
        label=LABEL,
        render=render_panel,
        scope_fields=("unit",),
        visible_to=visible_to,
    )
