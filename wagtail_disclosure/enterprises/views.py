"""What the public pages of the enterprise column show: a fixed number of queries per page."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from wagtail_disclosure.core import clock
from wagtail_disclosure.enterprises import compliance

from .models import CatalogueItem, DisclosureEntry, EnterprisePage, SectorPage, SectorRule


@dataclass
class ItemCell:
    """One catalogue item for one entity: its latest date and status."""

    item: CatalogueItem
    latest: object
    status: str
    entry: DisclosureEntry | None = None

    @property
    def status_label(self):
        return compliance.Status.LABELS[self.status]


def column_context(column):
    today = clock.today()
    sectors = SectorPage.objects.child_of(column).select_related("competent_department")
    figures = compliance.sector_figures(sectors, on=today)
    entities = EnterprisePage.objects.live().filter(sector__in=[f.sector.pk for f in figures])
    by_sector = {}
    for entity in entities.order_by("path"):
        by_sector.setdefault(entity.sector_id, []).append(entity)
    return {
        "today": today,
        "sector_rows": [(f.sector, f.figures, by_sector.get(f.sector.pk, [])) for f in figures],
    }


def sector_context(sector):
    today = clock.today()
    items = list(sector.catalogue_items.order_by("sort_order", "pk"))
    entities = list(
        compliance.annotate_enterprises(
            EnterprisePage.objects.live().filter(sector=sector), on=today
        ).order_by("path")
    )
    latest = compliance.latest_entries(entities)
    rows = []
    for entity in entities:
        cells = []
        for item in items:
            date = latest.get((entity.pk, item.pk))
            status = compliance.item_status(item.update_period, date, today)
            cells.append(ItemCell(item, date, status))
        figures = compliance.Figures(
            entity.item_count, entity.disclosed_count, entity.current_count
        )
        rows.append((entity, figures, cells))
    total = compliance.Figures(
        items=sum(f.items for _e, f, _c in rows),
        disclosed=sum(f.disclosed for _e, f, _c in rows),
        current=sum(f.current for _e, f, _c in rows),
        entities=len(rows),
    )
    return {
        "today": today,
        "catalogue": items,
        "rules": SectorRule.objects.filter(sector=sector).select_related("document"),
        "department": sector.competent_department,
        "entity_rows": rows,
        "sector_total": total,
    }


def enterprise_context(enterprise):
    today = clock.today()
    sector = (
        SectorPage.objects.select_related("competent_department")
        .filter(pk=enterprise.sector_id)
        .first()
    )
    latest_entry = DisclosureEntry.objects.filter(
        enterprise=enterprise, item=OuterRef("pk")
    ).order_by("-date", "-pk")
    items = list(
        CatalogueItem.objects.filter(sector_id=enterprise.sector_id)
        .annotate(latest_id=Subquery(latest_entry.values("pk")[:1]))
        .order_by("sort_order", "pk")
    )
    entries = DisclosureEntry.objects.select_related("document").in_bulk(
        [i.latest_id for i in items if i.latest_id]
    )
    cells = []
    for item in items:
        entry = entries.get(item.latest_id)
        date = entry.date if entry else None
        cells.append(
            ItemCell(item, date, compliance.item_status(item.update_period, date, today), entry)
        )
    figures = compliance.Figures(
        items=len(cells),
        disclosed=sum(1 for c in cells if c.status != compliance.Status.MISSING),
        current=sum(1 for c in cells if c.status == compliance.Status.CURRENT),
    )
    return {
        "today": today,
        "sector": sector,
        "department": sector.competent_department if sector else None,
        "item_cells": cells,
        "entity_figures": figures,
    }

