"""The statutory catalogue (Art. 20), the items units file under it, and its public page."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Max, Q, Window
from django.db.models.functions import Coalesce, RowNumber, TruncDate
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core import clock
from wagtail_disclosure.core.permissions import UnitPageMixin, UnitScopedInlinePanel
from wagtail_disclosure.core.publication import PublicationGateMixin
from wagtail_disclosure.units.models import UnitKind, UnitKindsField, UnitPage

from .freshness import UpdatePeriod

__all__ = ["StatutoryCategory", "StatutoryItem", "StatutoryIndexPage", "StatutoryItemsPanel"]


class StatutoryCategoryQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True).order_by("number", "pk")


class StatutoryCategory(models.Model):
    """One category of statutory proactive content (法定主动公开内容), e.g. 财政预算、决算信息.

    Seeded with the fifteen items of Art. 20 (``catalogue.py``); a site edits them, adds the
    categories its own rules require, or switches one off.
    """

    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("The order on the public page (the item of Art. 20).")
    )
    code = models.SlugField(
        _("code"),
        max_length=64,
        unique=True,
        help_text=_("The category's address on the public page, e.g. budgets."),
    )
    short_name = models.CharField(_("short name"), max_length=64)
    name = models.CharField(
        _("name"), max_length=255, help_text=_("What the category covers, as the rule words it.")
    )
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    update_period = models.CharField(
        _("update period"),
        max_length=16,
        choices=UpdatePeriod.choices,
        default=UpdatePeriod.WORKING_DAYS,
        help_text=_(
            "How often each unit must publish something new under the category; the compliance "
            "report counts it out of date once its newest item is older than this."
        ),
    )
    period_working_days = models.PositiveSmallIntegerField(
        _("working days"),
        default=20,
        help_text=_("For “every N working days”: N (Art. 26: 20 working days)."),
    )
    unit_kinds = UnitKindsField(
        _("applies to"),
        default=list,
        blank=True,
        help_text=_("The kinds of unit that must publish this category; none ticked: every unit."),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Shown publicly and counted in the report.")
    )

    objects = StatutoryCategoryQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("code")]),
        FieldPanel("short_name"),
        FieldPanel("name"),
        FieldPanel("legal_basis"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("update_period"), FieldPanel("period_working_days")]),
        FieldPanel("unit_kinds"),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["number", "pk"]
        verbose_name = _("statutory category")
        verbose_name_plural = _("statutory categories")

    def __str__(self):
        return f"{self.number}. {self.short_name}"

    def clean(self):
        super().clean()
        if self.update_period == UpdatePeriod.WORKING_DAYS and not self.period_working_days:
            raise ValidationError(
                {"period_working_days": _("Give the number of working days (at least 1).")}
            )
        unknown = set(self.unit_kinds or ()) - set(UnitKind.values)
        if unknown:
            raise ValidationError(
                {"unit_kinds": _("Unknown kinds of unit: %(kinds)s") % {
                    "kinds": "、".join(sorted(unknown))}}
            )

    def applies_to(self, unit) -> bool:
        """Must ``unit`` publish this category?"""
        return not self.unit_kinds or unit.kind in self.unit_kinds

    def period_label(self) -> str:
        if self.update_period == UpdatePeriod.WORKING_DAYS:
            return str(_("Every %(days)s working days")) % {"days": self.period_working_days}
        return self.get_update_period_display()

    def applies_label(self) -> str:
        if not self.unit_kinds:
            return str(_("Every unit"))
        labels = dict(UnitKind.choices)
        return "、".join(str(labels.get(kind, kind)) for kind in self.unit_kinds)

    period_label.short_description = _("update period")
    applies_label.short_description = _("applies to")


class StatutoryItemQuerySet(models.QuerySet):
    def with_item_date(self):
        """``item_date``: the date given, else the day the linked page first went live."""
        return self.annotate(
            item_date=Coalesce(
                "date", TruncDate("page__first_published_at", tzinfo=clock.time_zone())
            )
        )

    def public(self):
        """What the public may see: external items, and items whose page is live and public,
        under active categories of live units."""
        visible_pages = Page.objects.live().public().values("pk")
        return self.filter(
            Q(page__isnull=True) | Q(page__in=visible_pages),
            category__active=True,
            unit__live=True,
        )

    def latest_per_unit(self, per_unit: int):
        """The newest ``per_unit`` items of each unit (ties broken by the newest filing)."""
        ranked = self.with_item_date().annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("unit_id")],
                order_by=[F("item_date").desc(nulls_last=True), F("pk").desc()],
            )
        )
        return ranked.filter(rank__lte=per_unit)

    def latest_dates(self):
        """{(unit id, category id): the newest item's date}, in one query."""
        rows = (
            self.with_item_date()
            .values("unit_id", "category_id")
            .annotate(latest=Max("item_date"))
            .values_list("unit_id", "category_id", "latest")
        )
        return {(unit_id, category_id): latest for unit_id, category_id, latest in rows}


class StatutoryItem(models.Model):
    """An item of statutory content a unit filed under a category: one of the site's pages (a
    policy document, a news page, any page) or something published elsewhere (a link)."""

    category = models.ForeignKey(
        StatutoryCategory,
        verbose_name=_("category"),
        on_delete=models.CASCADE,
        related_name="items",
        limit_choices_to={"active": True},
    )
    unit = models.ForeignKey(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("unit"),
        on_delete=models.CASCADE,
        related_name="statutory_items_of_unit",
    )
    # A parental key, so that filing a page is part of the page's revision: it goes live when
    # the page is published, on every way of publishing (see docs/statutory-content.md).
    page = ParentalKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="statutory_items",
    )
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Empty: the page's title.")
    )
    url = models.URLField(_("address"), max_length=500, blank=True)
    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_("Date published. Empty for a page: the day it first went live."),
    )
    created_at = models.DateTimeField(_("filed at"), auto_now_add=True)

    objects = StatutoryItemQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("category"), FieldPanel("unit")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("url"), FieldPanel("date")]),
    ]

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("statutory content item")
        verbose_name_plural = _("statutory content items")

    def __str__(self):
        return self.shown_title()

    def shown_title(self) -> str:
        if self.title:
            return self.title
        return self.page.title if self.page_id else ""

    def shown_date(self):
        item_date = getattr(self, "item_date", None)
        if item_date is not None or self.date:
            return item_date or self.date
        if self.page_id and self.page.first_published_at:
            return timezone.localtime(self.page.first_published_at, clock.time_zone()).date()
        return None

    def href(self, request=None) -> str:
        if self.page_id:
            return self.page.get_url(request=request) or ""
        return self.url


#: What an editor gives when filing a page (its title and address are the page's).
PAGE_FILING_PANELS = [
    FieldRowPanel([FieldPanel("category"), FieldPanel("unit")]),
    FieldPanel("date"),
]


class StatutoryItemsPanel(UnitScopedInlinePanel):
    """Lets a page's editors file it under statutory categories: add ``StatutoryItemsPanel()``
    to a page type's panels (the policy documents have it). Filing goes live with the page."""

    def __init__(self, relation_name="statutory_items", *args, **kwargs):
        kwargs.setdefault("heading", _("Statutory proactive content"))
        kwargs.setdefault("label", _("category"))
        kwargs.setdefault(
            "help_text",
            _("File this page under the categories of Art. 20 it belongs to, for a unit. It is "
              "listed publicly while the page is live and public."),
        )
        kwargs.setdefault("panels", PAGE_FILING_PANELS)
        super().__init__(relation_name, *args, **kwargs)


def _chosen_unit(request, units):
    """The unit id of ``?unit=`` if it is one of ``units``, else None (every unit)."""
    try:
        wanted = int(request.GET.get("unit", ""))
    except ValueError:
        return None
    return wanted if any(unit.pk == wanted for unit in units) else None


class StatutoryIndexPage(PublicationGateMixin, UnitPageMixin, RoutablePageMixin, Page):
    """法定主动公开内容: the catalogue, and for each category a page of each unit's latest items
    (``<category code>/``)."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = []
    template = "wagtail_disclosure/statutory/index_page.html"

    class Meta:
        verbose_name = _("statutory content index")
        verbose_name_plural = _("statutory content indexes")

    @path("")
    def catalogue(self, request):
        categories = list(StatutoryCategory.objects.active())
        figures = {
            row["category_id"]: row
            for row in StatutoryItem.objects.public()
            .with_item_date()
            .values("category_id")
            .annotate(count=models.Count("pk"), latest=Max("item_date"))
        }
        rows = [(c, figures.get(c.pk, {}).get("count", 0), figures.get(c.pk, {}).get("latest"))
                for c in categories]
        return self.render(request, context_overrides={"rows": rows, "today": clock.today()})

    @path("<slug:code>/", name="category")
    def category(self, request, code):
        found = StatutoryCategory.objects.active().filter(code=code).first()
        if found is None:
            raise Http404
        per_unit = get_setting("WAGTAIL_DISCLOSURE_STATUTORY_ITEMS_PER_UNIT")
        items = list(
            StatutoryItem.objects.public()
            .filter(category=found)
            .latest_per_unit(per_unit)
            .select_related("page")
            .order_by("unit_id", "rank")
        )
        by_unit: dict[int, list] = {}
        for item in items:
            by_unit.setdefault(item.unit_id, []).append(item)
        units = [
            unit for unit in UnitPage.objects.live().public().order_by("path")
            if found.applies_to(unit) or unit.pk in by_unit
        ]
        chosen = _chosen_unit(request, units)
        shown = [unit for unit in units if chosen is None or unit.pk == chosen]
        sections = [(unit, by_unit.get(unit.pk, [])) for unit in shown]
        return self.render(
            request,
            context_overrides={
                "category": found,
                "sections": sections,
                "unit_choices": units,
                "chosen_unit": chosen,
                "per_unit": per_unit,
                "today": clock.today(),
            },
            template="wagtail_disclosure/statutory/category_page.html",
        )
