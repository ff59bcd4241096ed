"""Public enterprises and institutions (公共企事业单位信息公开专栏).

A column page (专栏) holds one page per sector (供水, 供电, 教育…). A sector names its competent
department (主管部门, a unit), its rules, its disclosure catalogue (公开事项清单: what every covered
entity must publish and how often) and its complaint channel. Each covered entity (适用主体) is a
page under its sector; what it discloses are :class:`DisclosureEntry` rows, one per catalogue item
and date, kept outside the page so an entity's own editors can add entries without being able to
change the page.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, IntegerField, Max, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from wagtail_disclosure.attributes.models import (
    DisclosureAttributeMixin,
    disclosure_attribute_panel,
)
from wagtail_disclosure.core import clock
from wagtail_disclosure.core.permissions import NarrowedPagePermissionTester, is_manager, unit_ids
from wagtail_disclosure.core.publication import PublicationGateMixin

from .freshness import Figures, Status, UpdatePeriod, fresh_entries, item_status

__all__ = [
    "UpdatePeriod",
    "SectorKind",
    "EnterpriseColumnPage",
    "SectorPage",
    "SectorRule",
    "CatalogueItem",
    "EnterprisePage",
    "EnterpriseEditor",
    "DisclosureEntry",
]


class SectorKind(models.TextChoices):
    """The sectors Art. 55 of the Regulations names; sites add others as ``other``."""

    EDUCATION = "education", _("Education")
    HEALTH = "health", _("Health")
    WATER = "water", _("Water supply")
    POWER = "power", _("Power supply")
    GAS = "gas", _("Gas supply")
    HEATING = "heating", _("Heating")
    ENVIRONMENT = "environment", _("Environmental protection")
    TRANSPORT = "transport", _("Public transport")
    OTHER = "other", _("Other")


class ComplaintChannel(models.Model):
    """监督投诉渠道: where the public complains about missing or wrong disclosure."""

    complaint_department = models.CharField(_("complaints handled by"), max_length=255, blank=True)
    complaint_phone = models.CharField(_("complaint phone"), max_length=64, blank=True)
    complaint_email = models.EmailField(_("complaint email"), blank=True)
    complaint_url = models.URLField(_("complaint web address"), blank=True)
    complaint_address = models.CharField(_("complaint postal address"), max_length=255, blank=True)

    complaint_panels = [
        MultiFieldPanel(
            [
                FieldPanel("complaint_department"),
                FieldRowPanel([FieldPanel("complaint_phone"), FieldPanel("complaint_email")]),
                FieldPanel("complaint_url"),
                FieldPanel("complaint_address"),
            ],
            heading=_("Complaint channel"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def has_complaint_channel(self):
        return any(
            (
                self.complaint_department,
                self.complaint_phone,
                self.complaint_email,
                self.complaint_url,
                self.complaint_address,
            )
        )


class ColumnPermissionsMixin:
    """Pages of the column answer Wagtail's permission questions by sector and entity
    (see ``ColumnPagePermissionTester`` below and ``enterprises.permissions``), narrowing what
    group permissions allow."""

    def permissions_for_user(self, user):
        return ColumnPagePermissionTester(user, self)


class EnterpriseColumnPage(PublicationGateMixin, ColumnPermissionsMixin, Page):
    """公共企事业单位信息公开专栏: the sectors and their covered entities."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["wagtail_disclosure.SectorPage"]
    template = "wagtail_disclosure/enterprises/enterprise_column_page.html"

    class Meta:
        verbose_name = _("public enterprise column")
        verbose_name_plural = _("public enterprise columns")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = clock.today()
        context.update(today=today, sector_rows=self.sector_rows(today))
        return context

    def sector_rows(self, today):
        """[(sector, its figures, its live entities)] for each live sector of the column."""
        sectors = SectorPage.objects.child_of(self).select_related("competent_department")
        figures = sectors.compliance_figures(on=today)
        entities = EnterprisePage.objects.live().filter(sector__in=[f.sector.pk for f in figures])
        by_sector = {}
        for entity in entities.order_by("path"):
            by_sector.setdefault(entity.sector_id, []).append(entity)
        return [(f.sector, f.figures, by_sector.get(f.sector.pk, [])) for f in figures]


class SectorPageQuerySet(PageQuerySet):
    def compliance_figures(self, on=None) -> list[SectorFigures]:
        """Figures per live sector of this queryset, over live entities.

        Two queries: the sectors with their item counts, then the entities' counts summed per
        sector.
        """
        on = on or clock.today()
        sectors = list(
            self.live()
            .annotate(catalogue_size=Count("catalogue_items", distinct=True))
            .order_by("path")
        )
        sums = {
            row["sector_id"]: row
            for row in EnterprisePage.objects.live()
            .filter(sector__in=[s.pk for s in sectors])
            .with_catalogue_counts(on)
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
            figures = Figures(
                items=sector.catalogue_size * entities,
                disclosed=row.get("disclosed") or 0,
                current=row.get("current") or 0,
                entities=entities,
            )
            result.append(SectorFigures(sector, figures))
        return result


class SectorPage(PublicationGateMixin, ColumnPermissionsMixin, Page, ComplaintChannel):  # noqa: DJ008 (Page has __str__)
    """A sector (领域): its competent department, rules, catalogue and complaint channel."""

    sector_kind = models.CharField(
        _("sector"), max_length=32, choices=SectorKind.choices, default=SectorKind.OTHER
    )
    competent_department = models.ForeignKey(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("competent department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supervised_sectors",
        help_text=_("Its editors manage this sector's pages, catalogue and entities."),
    )
    intro = RichTextField(_("introduction"), blank=True)

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = (
        Page.content_panels
        + [
            FieldRowPanel([FieldPanel("sector_kind"), FieldPanel("competent_department")]),
            FieldPanel("intro"),
            InlinePanel("rules", label=_("Rules"), heading=_("Rules of the sector")),
            InlinePanel(
                "catalogue_items",
                label=_("Catalogue item"),
                heading=_("Disclosure catalogue"),
            ),
        ]
        + ComplaintChannel.complaint_panels
    )
    parent_page_types = ["wagtail_disclosure.EnterpriseColumnPage"]
    subpage_types = ["wagtail_disclosure.EnterprisePage"]
    template = "wagtail_disclosure/enterprises/sector_page.html"

    objects = PageManager.from_queryset(SectorPageQuerySet)()

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = clock.today()
        items = list(self.catalogue_items.order_by("sort_order", "pk"))
        rows = self.entity_rows(items, today)
        context.update(
            today=today,
            catalogue=items,
            rules=SectorRule.objects.filter(sector=self).select_related("document"),
            department=self.competent_department,
            entity_rows=rows,
            sector_total=Figures(
                items=sum(f.items for _e, f, _c in rows),
                disclosed=sum(f.disclosed for _e, f, _c in rows),
                current=sum(f.current for _e, f, _c in rows),
                entities=len(rows),
            ),
        )
        return context

    def entity_rows(self, items, today):
        """[(entity, its figures, an :class:`ItemCell` per item)] for each live entity."""
        entities = list(
            EnterprisePage.objects.live()
            .filter(sector=self)
            .with_catalogue_counts(on=today)
            .order_by("path")
        )
        latest = DisclosureEntry.objects.filter(enterprise__in=entities).latest_dates()
        rows = []
        for entity in entities:
            cells = []
            for item in items:
                date = latest.get((entity.pk, item.pk))
                cells.append(ItemCell(item, date, item_status(item.update_period, date, today)))
            figures = Figures(entity.item_count, entity.disclosed_count, entity.current_count)
            rows.append((entity, figures, cells))
        return rows


class SectorRule(Orderable):
    """A rule the sector follows (e.g. 建城规〔2021〕4号), as a link or a document."""

    sector = ParentalKey(SectorPage, on_delete=models.CASCADE, related_name="rules")
    title = models.CharField(_("title"), max_length=255)
    document_number = models.CharField(_("document number"), max_length=128, blank=True)
    url = models.URLField(_("link"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("document_number")]),
        FieldRowPanel([FieldPanel("url"), FieldPanel("document")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("rule")
        verbose_name_plural = _("rules")

    def __str__(self):
        return self.title

    def clean(self):
        if not self.url and not self.document_id:
            raise ValidationError(_("Give a link or a document."))

    def href(self):
        return self.document.url if self.document_id else self.url


class CatalogueItem(Orderable):
    """公开事项: one thing every covered entity of the sector must publish, and how often."""

    sector = ParentalKey(SectorPage, on_delete=models.CASCADE, related_name="catalogue_items")
    name = models.CharField(_("item"), max_length=255)
    description = models.TextField(
        _("what to publish"), blank=True, help_text=_("Content and basis of the item.")
    )
    update_period = models.CharField(
        _("update period"), max_length=16, choices=UpdatePeriod.choices
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("update_period")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("catalogue item")
        verbose_name_plural = _("catalogue items")

    def __str__(self):
        return self.name


class EnterprisePageQuerySet(PageQuerySet):
    def with_catalogue_counts(self, on=None):
        """Add ``item_count``, ``disclosed_count`` and ``current_count`` to each entity."""
        on = on or clock.today()
        items = CatalogueItem.objects.filter(sector_id=OuterRef("sector_id"))
        disclosed = items.filter(entries__enterprise_id=OuterRef("pk"))
        current = CatalogueItem.objects.filter(
            Q(sector_id=OuterRef("sector_id"), entries__enterprise_id=OuterRef("pk"))
            & fresh_entries(on, prefix="entries__")
        )
        return self.annotate(
            item_count=_count_items(items),
            disclosed_count=_count_items(disclosed),
            current_count=_count_items(current),
        )


def _count_items(items):
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


class EnterprisePage(  # noqa: DJ008 (Page has __str__)
    PublicationGateMixin, DisclosureAttributeMixin, ColumnPermissionsMixin, Page, ComplaintChannel
):
    """A covered entity (适用主体): an enterprise or institution the sector's rules cover."""

    sector = models.ForeignKey(
        SectorPage,
        verbose_name=_("sector"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="enterprises",
        help_text=_("The parent sector page, kept here so figures are computed in one query."),
    )
    unit = models.ForeignKey(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enterprise_pages",
        help_text=_("The unit in the register, if any: its editors add this entity's entries."),
    )
    full_name = models.CharField(_("full name"), max_length=255, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = RichTextField(_("basic facts"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("full_name"),
        index.FilterField("sector"),
    ]
    content_panels = (
        Page.content_panels
        + [
            MultiFieldPanel(
                [
                    FieldPanel("full_name"),
                    FieldPanel("unit"),
                    FieldRowPanel([FieldPanel("phone"), FieldPanel("website")]),
                    FieldPanel("address"),
                    FieldPanel("description"),
                ],
                heading=_("Basic facts"),
            ),
            disclosure_attribute_panel(),
        ]
        + ComplaintChannel.complaint_panels
    )
    parent_page_types = ["wagtail_disclosure.SectorPage"]
    subpage_types = []
    template = "wagtail_disclosure/enterprises/enterprise_page.html"
    #: The sector's competent department answers for its entities (as for their page permissions).
    disclosure_unit_field = "sector__competent_department"

    objects = PageManager.from_queryset(EnterprisePageQuerySet)()

    class Meta:
        verbose_name = _("covered entity")
        verbose_name_plural = _("covered entities")

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.path else None
        if parent is not None:
            self.sector_id = parent.id
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = clock.today()
        sector = (
            SectorPage.objects.select_related("competent_department")
            .filter(pk=self.sector_id)
            .first()
        )
        cells = self.item_cells(today)
        context.update(
            today=today,
            sector=sector,
            department=sector.competent_department if sector else None,
            item_cells=cells,
            entity_figures=Figures(
                items=len(cells),
                disclosed=sum(1 for c in cells if c.status != Status.MISSING),
                current=sum(1 for c in cells if c.status == Status.CURRENT),
            ),
        )
        return context

    def item_cells(self, today):
        """An :class:`ItemCell` per item of the sector's catalogue, with the latest entry."""
        latest_entry = DisclosureEntry.objects.filter(
            enterprise=self, item=OuterRef("pk")
        ).order_by("-date", "-pk")
        items = list(
            CatalogueItem.objects.filter(sector_id=self.sector_id)
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
            cells.append(ItemCell(item, date, item_status(item.update_period, date, today), entry))
        return cells


class EnterpriseEditor(models.Model):
    """A user who adds an entity's disclosure entries (besides the editors of its unit)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="disclosure_enterprise_editors",
    )
    enterprise = models.ForeignKey(
        EnterprisePage,
        verbose_name=_("covered entity"),
        on_delete=models.CASCADE,
        related_name="editors",
    )

    class Meta:
        verbose_name = _("covered entity editor")
        verbose_name_plural = _("covered entity editors")
        constraints = [
            models.UniqueConstraint(fields=["user", "enterprise"], name="unique_enterprise_editor")
        ]

    def __str__(self):
        return f"{self.user} → {self.enterprise}"


class DisclosureEntryQuerySet(models.QuerySet):
    def latest_dates(self):
        """{(enterprise id, item id): latest entry date} over these entries, in one query."""
        return {
            (row["enterprise_id"], row["item_id"]): row["latest"]
            for row in self.order_by()
            .values("enterprise_id", "item_id")
            .annotate(latest=Max("date"))
        }


class DisclosureEntry(models.Model):
    """What an entity disclosed for one catalogue item on one date.

    One entry per entity, item and date: the key imports update in place.
    """

    enterprise = models.ForeignKey(
        EnterprisePage,
        verbose_name=_("covered entity"),
        on_delete=models.CASCADE,
        related_name="disclosure_entries",
    )
    item = models.ForeignKey(
        CatalogueItem,
        verbose_name=_("catalogue item"),
        on_delete=models.CASCADE,
        related_name="entries",
    )
    date = models.DateField(_("date"))
    content = models.TextField(_("content"))
    url = models.URLField(_("link"), blank=True, max_length=500)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = DisclosureEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("disclosure entry")
        verbose_name_plural = _("disclosure entries")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "item", "date"], name="unique_disclosure_entry"
            )
        ]
        indexes = [models.Index(fields=["item", "enterprise", "date"])]

    def __str__(self):
        return f"{self.enterprise} · {self.item} · {self.date}"

    def clean(self):
        if self.enterprise_id and self.item_id:
            if self.item.sector_id != self.enterprise.sector_id:
                raise ValidationError(
                    {"item": _("This item is not in the catalogue of the entity's sector.")}
                )

    def href(self):
        return self.document.url if self.document_id else self.url


# --- what the public pages show ----------------------------------------------------------------


@dataclass
class SectorFigures:
    sector: SectorPage
    figures: Figures


@dataclass
class ItemCell:
    """One catalogue item for one entity: its latest date and status."""

    item: CatalogueItem
    latest: datetime.date | None
    status: str
    entry: DisclosureEntry | None = None

    @property
    def status_label(self):
        return Status.LABELS[self.status]


# --- page permissions ----------------------------------------------------------------------


def _sector_of(page):
    if isinstance(page, SectorPage):
        return page
    if isinstance(page, EnterprisePage):
        return page.sector if page.sector_id else page.get_parent().specific
    return None


def may_manage_page(user, page) -> bool:
    """May ``user`` change ``page`` (a column, sector or entity page), whatever Wagtail grants?"""
    if is_manager(user):
        return True
    sector = _sector_of(page)
    return sector is not None and sector.competent_department_id in unit_ids(user)


class ColumnPagePermissionTester(NarrowedPagePermissionTester):
    """Wagtail's tester, narrowed to the sectors a user's units supervise."""

    def may_act(self) -> bool:
        return may_manage_page(self.user, self.page)
