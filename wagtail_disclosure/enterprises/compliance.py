"""How well covered entities keep their disclosure catalogue: missing, stale, up to date.

An item is *disclosed* when the entity has at least one entry for it, and *up to date* when its
latest entry is no older than the item's update period allows on "today" in the disclosure time
zone. Items updated in real time or as needed have no period to miss: once disclosed they count
as up to date. Every figure is counted by the database, in a fixed number of queries however
many entities there are.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django.db.models import Count, IntegerField, Max, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.core import clock

from .models import CatalogueItem, DisclosureEntry, EnterprisePage, SectorPage, UpdatePeriod

#: How many months back the latest entry may be dated for each period (None: never stale).
MAX_AGE_MONTHS = {
    UpdatePeriod.REAL_TIME: None,
    UpdatePeriod.AS_NEEDED: None,
    UpdatePeriod.MONTHLY: 1,
    UpdatePeriod.QUARTERLY: 3,
    UpdatePeriod.HALF_YEARLY: 6,
    UpdatePeriod.YEARLY: 12,
}


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` months earlier (the month's last day when it has fewer days)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day.day, last))


def cutoffs(on: datetime.date) -> dict[str, datetime.date | None]:
    """Per update period, the oldest entry date still up to date ``on`` that day."""
    return {
        period: (months_before(on, months) if months else None)
        for period, months in MAX_AGE_MONTHS.items()
    }


class Status:
    MISSING = "missing"
    STALE = "stale"
    CURRENT = "current"

    LABELS = {
        MISSING: _("Not disclosed"),
        STALE: _("Out of date"),
        CURRENT: _("Up to date"),
    }


def item_status(update_period: str, latest: datetime.date | None, on: datetime.date) -> str:
    if latest is None:
        return Status.MISSING
    cutoff = cutoffs(on).get(update_period)
    if cutoff is not None and latest < cutoff:
        return Status.STALE
    return Status.CURRENT


def _fresh_entries(on, prefix=""):
    """Q for entries that keep their item up to date ``on`` that day."""
    q = Q()
    for period, cutoff in cutoffs(on).items():
        condition = Q(**{f"{prefix}item__update_period": period})
        if cutoff is not None:
            condition &= Q(**{f"{prefix}date__gte": cutoff})
        q |= condition
    return q


def _count(items):
    """A subquery counting the distinct catalogue items of ``items`` (all of one sector)."""
    return Coalesce(
        Subquery(
            items.order_by()
            .values("sector_id")
            .annotate(n=Count("pk", distinct=True))
            .values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


def annotate_enterprises(queryset, on: datetime.date | None = None):
    """Add ``item_count``, ``disclosed_count`` and ``current_count`` to entity pages."""
    on = on or clock.today()
    items = CatalogueItem.objects.filter(sector_id=OuterRef("sector_id"))
    disclosed = items.filter(entries__enterprise_id=OuterRef("pk"))
    current = CatalogueItem.objects.filter(
        Q(sector_id=OuterRef("sector_id"), entries__enterprise_id=OuterRef("pk"))
        & _fresh_entries(on, prefix="entries__")
    )
    return queryset.annotate(
        item_count=_count(items),
        disclosed_count=_count(disclosed),
        current_count=_count(current),
    )


@dataclass
class Figures:
    """Counts of catalogue items (per entity, or summed over a sector's entities)."""

    items: int
    disclosed: int
    current: int
    entities: int = 1

    @property
    def missing(self):
        return self.items - self.disclosed

    @property
    def stale(self):
        return self.disclosed - self.current

    @property
    def disclosed_share(self):
        return self.disclosed / self.items if self.items else None

    @property
    def current_share(self):
        return self.current / self.items if self.items else None

    @property
    def disclosed_percent(self):
        return _percent(self.disclosed_share)

    @property
    def current_percent(self):
        return _percent(self.current_share)


def _percent(share):
    return None if share is None else round(share * 100)


@dataclass
class SectorFigures:
    sector: SectorPage
    figures: Figures


def enterprise_figures(enterprise: EnterprisePage, on=None) -> Figures:
    row = annotate_enterprises(EnterprisePage.objects.filter(pk=enterprise.pk), on).values(
        "item_count", "disclosed_count", "current_count"
    )[0]
    return Figures(row["item_count"], row["disclosed_count"], row["current_count"])


def sector_figures(sectors=None, on=None) -> list[SectorFigures]:
    """Figures per live sector (all of them, or those of ``sectors``), over live entities.

    Two queries: the sectors with their item counts, then the entities' counts summed per sector.
    """
    on = on or clock.today()
    if sectors is None:
        sectors = SectorPage.objects.all()
    sectors = list(
        sectors.live()
        .annotate(catalogue_size=Count("catalogue_items", distinct=True))
        .order_by("path")
    )
    sums = {
        row["sector_id"]: row
        for row in annotate_enterprises(
            EnterprisePage.objects.live().filter(sector__in=[s.pk for s in sectors]), on
        )
        .order_by()
        .values("sector_id")
        .annotate(
            entities=Count("pk"),
            disclosed=Sum("disclosed_count"),
            current=Sum("current_count"),
        )
    }
    result = []
    for sector in sectors:
        row = sums.get(sector.pk, {})
        entities = row.get("entities", 0)
        result.append(
            SectorFigures(
                sector,
                Figures(
                    items=sector.catalogue_size * entities,
                    disclosed=row.get("disclosed") or 0,
                    current=row.get("current") or 0,
                    entities=entities,
                ),
            )
        )
    return result


def latest_entries(enterprises):
    """{(enterprise id, item id): latest entry date} for the given entities, in one query."""
    return {
        (row["enterprise_id"], row["item_id"]): row["latest"]
        for row in DisclosureEntry.objects.filter(enterprise__in=enterprises)
        .order_by()
        .values("enterprise_id", "item_id")
        .annotate(latest=Max("date"))
    }
