"""Which units keep which statutory categories: missing, out of date or up to date.

One row per (unit, category) the category applies to, counted over what the public sees (items
of live, public pages and external items). A fixed number of queries whatever the number of
units, categories and items: the units, the categories, the newest date per pair (one grouped
query) and the site's working-day calendar.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from wagtail_disclosure.core import clock
from wagtail_disclosure.core.permissions import is_manager, unit_ids
from wagtail_disclosure.requests.workdays import site_calendar
from wagtail_disclosure.units.models import UnitPage

from .freshness import Cutoffs, Status
from .models import StatutoryCategory, StatutoryItem


@dataclass
class ComplianceRow:
    unit: UnitPage
    category: StatutoryCategory
    latest: datetime.date | None
    status: str
    due_by: datetime.date | None = None

    @property
    def status_label(self) -> str:
        return str(Status.LABELS[self.status])

    # Plain values for the report's columns and its export.
    @property
    def unit_title(self) -> str:
        return self.unit.title

    @property
    def category_name(self) -> str:
        return f"{self.category.number}. {self.category.short_name}"

    @property
    def period(self) -> str:
        return self.category.period_label()


@dataclass
class UnitFigures:
    unit: UnitPage
    counts: Counter = field(default_factory=Counter)

    @property
    def categories(self) -> int:
        return sum(self.counts.values())

    @property
    def missing(self) -> int:
        return self.counts[Status.MISSING]

    @property
    def stale(self) -> int:
        return self.counts[Status.STALE]

    @property
    def current(self) -> int:
        return self.counts[Status.CURRENT]


def units_for(user=None):
    """Live units ``user`` may see in the report: every one for managers (and for ``None``,
    the public figures), their own for unit editors."""
    units = UnitPage.objects.live().order_by("path")
    if user is not None and not is_manager(user):
        units = units.filter(pk__in=unit_ids(user))
    return units


def compliance_rows(units, categories=None, on: datetime.date | None = None) -> list[ComplianceRow]:
    """Rows for every (unit, category) pair the category applies to, units in order."""
    on = on or clock.today()
    units = list(units)
    if categories is None:
        categories = StatutoryCategory.objects.active()
    categories = list(categories)
    latest = (
        StatutoryItem.objects.public()
        .filter(unit__in=[u.pk for u in units], category__in=[c.pk for c in categories])
        .latest_dates()
        if units and categories
        else {}
    )
    cutoffs = Cutoffs(on, site_calendar())
    rows = []
    for unit in units:
        for category in categories:
            if not category.applies_to(unit):
                continue
            newest = latest.get((unit.pk, category.pk))
            rows.append(
                ComplianceRow(
                    unit=unit,
                    category=category,
                    latest=newest,
                    status=cutoffs.status(category, newest),
                    due_by=cutoffs.due_by(category, newest),
                )
            )
    return rows


def figures_by_unit(rows) -> list[UnitFigures]:
    """Per unit (in the rows' order): how many categories are missing, stale, up to date."""
    figures: dict[int, UnitFigures] = {}
    for row in rows:
        figures.setdefault(row.unit.pk, UnitFigures(row.unit)).counts[row.status] += 1
    return list(figures.values())
