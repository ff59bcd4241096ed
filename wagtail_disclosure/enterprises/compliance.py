"""How well covered entities keep their disclosure catalogue: missing, stale, up to date.

The entry point of the admin, the reporting panels and sites. The rules (update periods, when an
entry is stale) are in :mod:`.freshness`; the counting is done by the models' querysets, which the
public pages use too: every figure is counted by the database, in a fixed number of queries
however many entities there are.
"""

from __future__ import annotations

import datetime

from .freshness import (
    MAX_AGE_MONTHS,
    Figures,
    Status,
    UpdatePeriod,
    cutoffs,
    item_status,
    months_before,
)
from .models import DisclosureEntry, EnterprisePage, SectorFigures, SectorPage

__all__ = [
    "MAX_AGE_MONTHS",
    "Figures",
    "SectorFigures",
    "Status",
    "UpdatePeriod",
    "annotate_enterprises",
    "cutoffs",
    "enterprise_figures",
    "item_status",
    "latest_entries",
    "months_before",
    "sector_figures",
]


def annotate_enterprises(queryset, on: datetime.date | None = None):
    """Add ``item_count``, ``disclosed_count`` and ``current_count`` to entity pages."""
    return queryset.with_catalogue_counts(on)


def enterprise_figures(enterprise: EnterprisePage, on: datetime.date | None = None) -> Figures:
    row = (
        EnterprisePage.objects.filter(pk=enterprise.pk)
        .with_catalogue_counts(on)
        .values("item_count", "disclosed_count", "current_count")[0]
    )
    return Figures(row["item_count"], row["disclosed_count"], row["current_count"])


def sector_figures(sectors=None, on: datetime.date | None = None) -> list[SectorFigures]:
    """Figures per live sector (all of them, or those of ``sectors``), over live entities."""
    if sectors is None:
        sectors = SectorPage.objects.all()
    return sectors.compliance_figures(on)


def latest_entries(enterprises):
    """{(enterprise id, item id): latest entry date} for the given entities, in one query."""
    return DisclosureEntry.objects.filter(enterprise__in=enterprises).latest_dates()
