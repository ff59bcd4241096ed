"""The ``decisions_by_stage`` reporting panel kind: how many decision items are at each stage,
and how many are overdue, as an accessible chart with the same figures in a table."""

from __future__ import annotations

import itertools

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail_disclosure.core import clock
from wagtail_disclosure.core.charts import Bar, bar_chart
from wagtail_disclosure.core.panels import PanelKind

from .choices import FINISHED_STAGES, DecisionStage
from .pages import DecisionDirectoryPage, DecisionItemPage

CODE = "decisions_by_stage"
LABEL = gettext_lazy("Major decision items by stage")

_ids = itertools.count(1)


def items_in_scope(unit=None):
    """Live decision items; with ``unit``, those it is responsible for or whose directory it
    issued."""
    items = DecisionItemPage.objects.live()
    if unit is not None:
        unit_id = getattr(unit, "pk", unit)
        directory_paths = list(
            DecisionDirectoryPage.objects.filter(unit_id=unit_id).values_list("path", flat=True)
        )
        scope = Q(responsible_unit_id=unit_id)
        for path in directory_paths:
            scope |= Q(path__startswith=path)
        items = items.filter(scope)
    return items


def stage_rows(unit=None, today=None):
    """[(stage label, count, overdue count)] for every stage, in the order of the process."""
    today = today or clock.today()
    counts = {
        row["stage"]: row
        for row in items_in_scope(unit)
        .values("stage")
        .annotate(
            total=Count("pk"),
            overdue=Count(
                "pk",
                filter=Q(planned_due__lt=today) & ~Q(stage__in=FINISHED_STAGES),
            ),
        )
    }
    return [
        (label, counts.get(value, {}).get("total", 0), counts.get(value, {}).get("overdue", 0))
        for value, label in DecisionStage.choices
    ]


def render_panel(panel, request=None) -> str:
    unit = getattr(panel, "unit", None)
    rows = stage_rows(unit)
    total = sum(count for _label, count, _overdue in rows) or 1
    title = getattr(panel, "title", None) or str(LABEL)
    chart = bar_chart(
        chart_id=f"decisions-by-stage-{next(_ids)}",
        title=title,
        description=_(
            "Share of decision items at each stage (%(scope)s); the table below gives the "
            "figures."
        )
        % {"scope": unit.title if unit else _("every directory")},
        bars=[
            Bar(str(label), round(100 * count / total), str(count))
            for label, count, _overdue in rows
        ],
    )
    return mark_safe(
        render_to_string(
            "wagtail_disclosure/decisions/panels/by_stage.html",
            {"title": title, "chart": chart, "rows": rows, "today": clock.today()},
            request=request,
        )
    )


def visible_to(panel, user) -> bool:
    """The figures count only live pages: public information."""
    return user.is_active


def panel_kind():
    return PanelKind(
        code=CODE,
        label=LABEL,
        render=render_panel,
        scope_fields=("unit",),
        visible_to=visible_to,
    )
