"""The compliance of statutory content as a table per unit: one rendering for the reporting panel
kind and the dashboard panel (the admin report lists the rows themselves)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from wagtail_disclosure.core import clock
from wagtail_disclosure.core.panels import PanelKind
from wagtail_disclosure.core.permissions import acts_for_unit, is_manager

from .compliance import compliance_rows, figures_by_unit, units_for
from .freshness import Status

CODE = "statutory_compliance"
LABEL = gettext_lazy("Statutory proactive content compliance")


def render_compliance(units, *, title=None, on=None, limit=None) -> str:
    """Safe HTML: per unit, how many categories are missing, out of date and up to date, naming
    those out of date. With ``limit``, only that many units, those with most to do first."""
    on = on or clock.today()
    rows = compliance_rows(units, on=on)
    figures = figures_by_unit(rows)
    total = len(figures)
    if limit is not None:
        figures = sorted(figures, key=lambda f: (-(f.missing + f.stale), -f.stale))[:limit]
    stale: dict[int, list] = {}
    for row in rows:
        if row.status == Status.STALE:
            stale.setdefault(row.unit.pk, []).append(row)
    return mark_safe(
        render_to_string(
            "wagtail_disclosure/statutory/includes/compliance_table.html",
            {
                "title": title or str(LABEL),
                "figures": [(f, stale.get(f.unit.pk, [])) for f in figures],
                "today": on,
                "shown": len(figures),
                "total": total,
            },
        )
    )


def render_panel(panel, request=None) -> str:
    """The ``statutory_compliance`` reporting panel: ``panel.unit`` (or every unit the viewer may
    see)."""
    unit = getattr(panel, "unit", None)
    user = getattr(request, "user", None)
    units = units_for(user)
    if unit is not None:
        units = units.filter(pk=unit.pk)
    return render_compliance(units, title=getattr(panel, "title", None) or None)


def visible_to(panel, user) -> bool:
    """Managers see every panel; a unit editor a panel of one of their units."""
    if is_manager(user):
        return True
    unit_id = getattr(panel, "unit_id", None)
    return unit_id is not None and acts_for_unit(user, unit_id)


def panel_kind():
    return PanelKind(
        code=CODE,
        label=LABEL,
        render=render_panel,
        scope_fields=("unit",),
        visible_to=visible_to,
    )
