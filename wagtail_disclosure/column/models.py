"""The column (政府信息公开专栏) and its sections.

The national model column has a fixed set of sections. Each is a :class:`ColumnSectionPage`
that says which one it is (``role``), may hold pages of its own (the policy library, the task
plans, the request form…) and may list pages elsewhere on the site (its catalogue), so an office
can build the frame around columns it already publishes without moving them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from wagtail_disclosure.core.publication import PublicationGateMixin
from wagtail_disclosure.core.sites import site_of_page, site_units
from wagtail_disclosure.units.models import UnitPage

__all__ = ["ColumnRole", "DisclosureColumnPage", "ColumnSectionPage", "ColumnLink"]


class ColumnRole(models.TextChoices):
    GUIDE = "guide", _("Disclosure guide (信息公开指南)")
    RULES = "rules", _("Disclosure rules (信息公开制度)")
    STATUTORY = "statutory", _("Statutory proactive content (法定主动公开内容)")
    ANNUAL_REPORTS = "annual_reports", _("Annual reports (信息公开年报)")
    REQUESTS = "requests", _("Disclosure on request (依申请公开)")
    WORK_PLAN = "work_plan", _("Annual work plan (年度工作方案)")
    OTHER = "other", _("Other")


#: Pages a section may hold; the column's own frame and the domains' listings.
SECTION_SUBPAGE_TYPES = [
    "wagtail_disclosure.ColumnSectionPage",
    "wagtail_disclosure.PolicyIndexPage",
    "wagtail_disclosure.InterpretationIndexPage",
    "wagtail_disclosure.QALibraryPage",
    "wagtail_disclosure.TaskPlanIndexPage",
    "wagtail_disclosure.AnnualReportIndexPage",
    "wagtail_disclosure.DisclosureRequestPage",
    "wagtail_disclosure.UnitIndexPage",
    "wagtail_disclosure.EnterpriseColumnPage",
    "wagtail_disclosure.ConsultationIndexPage",
    "wagtail_disclosure.OpenDayIndexPage",
    "wagtail_disclosure.DecisionIndexPage",
    "wagtail_disclosure.StatutoryIndexPage",
]


class DisclosureColumnPage(PublicationGateMixin, Page):
    """政府信息公开专栏: the column's front page, leading to its sections."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["wagtail_disclosure.ColumnSectionPage"]
    template = "wagtail_disclosure/column/column_page.html"

    class Meta:
        verbose_name = _("disclosure column")
        verbose_name_plural = _("disclosure columns")

    def sections(self):
        return ColumnSectionPage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.sections()
        return context


class ColumnSectionPage(PublicationGateMixin, Page):
    """One section of the column: its text, its own pages and the pages it lists."""

    role = models.CharField(
        _("section"), max_length=32, choices=ColumnRole.choices, default=ColumnRole.OTHER
    )
    summary = models.CharField(
        _("summary"), max_length=255, blank=True,
        help_text=_("One line shown with the section on the column's front page."),
    )
    body = RichTextField(_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("role"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("links", heading=_("Pages listed in this section"), label=_("page")),
    ]
    parent_page_types = ["wagtail_disclosure.DisclosureColumnPage",
                         "wagtail_disclosure.ColumnSectionPage"]
    subpage_types = SECTION_SUBPAGE_TYPES
    template = "wagtail_disclosure/column/section_page.html"

    class Meta:
        verbose_name = _("column section")
        verbose_name_plural = _("column sections")

    def entries(self):
        """The section's own live pages, then the pages it lists (live and public only)."""
        own = list(self.get_children().live().public().specific().order_by("path"))
        listed = [link for link in self.links.select_related("page") if link.is_visible()]
        return own, listed

    def unit_guides(self):
        """For the guide section: every unit with a guide, in the directory's order."""
        if self.role != ColumnRole.GUIDE:
            return []
        site = site_of_page(self)
        units = site_units(site) if site is not None else UnitPage.objects.all()
        return list(units.live().public().order_by("path"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["own_pages"], context["listed"] = self.entries()
        context["unit_guides"] = self.unit_guides()
        return context


class ColumnLink(Orderable):
    """A page elsewhere on the site that belongs in a section (its catalogue)."""

    section = ParentalKey(ColumnSectionPage, on_delete=models.CASCADE, related_name="links")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [FieldPanel("page"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("listed page")
        verbose_name_plural = _("listed pages")

    def is_visible(self):
        return self.page.live and not self.page.get_view_restrictions().exists()
