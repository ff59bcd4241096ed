"""The annual report (政府信息公开工作年度报告) of a unit, in the national format.

Tables 二 (rules and normative documents) and 三 (requests) are computed from the site's own
records when the report is saved, and kept with it, so a published report keeps its numbers when
the register changes later. An editor may override any computed cell with a reason. A report
whose numbers fail a check of the format cannot be published.
"""

from datetime import date
from decimal import Decimal
from itertools import groupby

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, Orderable, Page, PreviewableMixin, RevisionMixin

from wagtail_disclosure.attributes.models import (
    DisclosureAttributeMixin,
    disclosure_attribute_panel,
)
from wagtail_disclosure.core.permissions import UnitPageMixin
from wagtail_disclosure.core.publication import PublicationGateMixin
from wagtail_disclosure.core.sites import child_sites, site_of_page, site_units, unit_filter
from wagtail_disclosure.policies.models import PolicyDocumentPage, PolicyKind, Validity
from wagtail_disclosure.requests.models import DisclosureRequest

from .format import (
    APPLICANT_COLUMNS,
    RESULT_CODES,
    T3_COLUMNS,
    T3_ROWS,
    T4_GROUPS,
    T4_RESULTS,
    cell_choices,
    check_figures,
)
from .layout import report_tables
from .panels import ComputedTablesPanel
from .work import prefilled_overview
from .workbook import XLSX_TYPE, report_workbook, workbook_file_name

__all__ = [
    "AnnualReport",
    "AnnualReportOverride",
    "AnnualReportIndexPage",
    "ReportChecksFailed",
]


class ReportChecksFailed(ValidationError):
    """Raised when publishing a report whose tables do not add up."""

    def __init__(self, failures):
        self.failures = failures
        super().__init__([str(f) for f in failures])


def _count(label):
    return models.PositiveIntegerField(label, default=0)


def compute_table2(unit, year):
    """Rules and normative documents the unit issued, repealed and had in force in ``year``."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    documents = (
        PolicyDocumentPage.objects.live()
        .filter(issuer=unit, kind__in=[PolicyKind.RULE, PolicyKind.NORMATIVE])
        .filter(Q(date_published__lte=last) | Q(date_published__isnull=True))
        .only("pk", "kind", "validity", "date_published")
        .prefetch_related("validity_changes")
    )
    rows = {PolicyKind.RULE: "rules", PolicyKind.NORMATIVE: "normative"}
    figures = {
        f"t2.{row}.{col}": 0 for row in rows.values() for col in ("issued", "repealed", "in_force")
    }
    for document in documents:
        row = rows[document.kind]
        changes = sorted(document.validity_changes.all(), key=lambda c: c.changed_on)
        if document.date_published and document.date_published.year == year:
            figures[f"t2.{row}.issued"] += 1
        if any(c.validity == Validity.REPEALED and first <= c.changed_on <= last for c in changes):
            figures[f"t2.{row}.repealed"] += 1
        if changes:
            earlier = [c for c in changes if c.changed_on <= last]
            validity = earlier[-1].validity if earlier else Validity.IN_FORCE
        else:
            validity = document.validity
        if document.date_published and validity in (Validity.IN_FORCE, Validity.AMENDED):
            figures[f"t2.{row}.in_force"] += 1
    return figures


def compute_table3(unit, year):
    """Table 三 from the request register: one query, whatever the number of requests."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    figures = {f"t3.{row}.{col}": 0 for row, _r in T3_ROWS for col, _c in T3_COLUMNS}
    requests = (
        DisclosureRequest.objects.filter(unit=unit, received_on__lte=last)
        .filter(Q(replied_on__isnull=True) | Q(replied_on__gte=first))
        .values_list("applicant_type", "received_on", "replied_on", "outcome")
    )
    for applicant, received_on, replied_on, outcome in requests:
        figures[f"t3.{'received' if received_on >= first else 'carried_over'}.{applicant}"] += 1
        if replied_on and replied_on <= last and outcome in RESULT_CODES:
            figures[f"t3.{outcome}.{applicant}"] += 1
        else:
            figures[f"t3.carried_forward.{applicant}"] += 1
    for code in RESULT_CODES:
        for col, _c in APPLICANT_COLUMNS:
            figures[f"t3.results_total.{col}"] += figures[f"t3.{code}.{col}"]
    for row, _r in T3_ROWS:
        figures[f"t3.{row}.total"] = sum(figures[f"t3.{row}.{c}"] for c, _l in APPLICANT_COLUMNS)
    return figures


class AnnualReport(
    PublicationGateMixin,
    DisclosureAttributeMixin,
    PreviewableMixin,
    DraftStateMixin,
    RevisionMixin,
    ClusterableModel,
):
    unit = models.ForeignKey(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="annual_reports",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    overview = RichTextField(_("I. Overview"), blank=True)
    problems = RichTextField(_("V. Main problems and improvements"), blank=True)
    other_matters = RichTextField(
        _("VI. Other matters to report"),
        blank=True,
        help_text=_("Including any information-processing fees charged (Art. 42)."),
    )

    licensing_decisions = _count(_("Administrative licensing: decisions this year"))
    penalty_decisions = _count(_("Administrative penalties: decisions this year"))
    compulsion_decisions = _count(_("Administrative compulsion: decisions this year"))
    fees_amount = models.DecimalField(
        _("Administrative fees charged this year (10,000 yuan)"),
        max_digits=14,
        decimal_places=4,
        default=Decimal("0"),
    )

    review_upheld = _count(_("Upheld"))
    review_corrected = _count(_("Corrected"))
    review_other = _count(_("Other result"))
    review_pending = _count(_("Not yet concluded"))
    review_total = _count(_("Total"))
    direct_upheld = _count(_("Upheld"))
    direct_corrected = _count(_("Corrected"))
    direct_other = _count(_("Other result"))
    direct_pending = _count(_("Not yet concluded"))
    direct_total = _count(_("Total"))
    after_review_upheld = _count(_("Upheld"))
    after_review_corrected = _count(_("Corrected"))
    after_review_other = _count(_("Other result"))
    after_review_pending = _count(_("Not yet concluded"))
    after_review_total = _count(_("Total"))

    disclosure_unit_field = "unit"

    computed_figures = models.JSONField(
        _("computed figures"), default=dict, blank=True, editable=False
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("unit"), FieldPanel("year")]),
                    disclosure_attribute_panel(),
                    FieldPanel("overview"),
                ],
                heading=_("I. Overview"),
            ),
            ObjectList(
                [
                    FieldPanel("licensing_decisions"),
                    FieldRowPanel(
                        [FieldPanel("penalty_decisions"), FieldPanel("compulsion_decisions")]
                    ),
                    FieldPanel("fees_amount"),
                    ComputedTablesPanel(parts=(0,), heading=_("Table 2 as computed")),
                ],
                heading=_("II. Proactive disclosure"),
                help_text=_(
                    "Rules and normative documents are counted from the policy library when the "
                    "report is saved."
                ),
            ),
            ObjectList(
                [
                    ComputedTablesPanel(parts=(1,), heading=_("Table 3 as computed")),
                    InlinePanel(
                        "overrides",
                        heading=_("Corrections to computed figures"),
                        label=_("correction"),
                        help_text=_(
                            "Tables 2 (documents) and 3 (requests) are computed from the site's "
                            "records. Where a figure must differ, give the cell, the number and "
                            "the reason."
                        ),
                    ),
                ],
                heading=_("III. Requests"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldRowPanel(
                                [FieldPanel(f"{group}_{result}") for result, _r in T4_RESULTS]
                            )
                        ],
                        heading=label,
                    )
                    for group, label in T4_GROUPS
                ],
                heading=_("IV. Review and litigation"),
            ),
            ObjectList(
                [FieldPanel("problems"), FieldPanel("other_matters")],
                heading=_("V–VI. Problems and other matters"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-year", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="unique_annual_report_unit_year")
        ]

    def __str__(self):
        unit = self.unit.title if self.unit_id else ""
        return _("%(unit)s annual report on government information disclosure, %(year)s") % {
            "unit": unit,
            "year": self.year,
        }

    # --- figures --------------------------------------------------------------------------

    def refresh_computed_figures(self):
        """Recount tables 二 and 三 from the policy library and the request register."""
        if self.unit_id and self.year:
            self.computed_figures = {
                **compute_table2(self.unit, self.year),
                **compute_table3(self.unit, self.year),
            }

    def entered_figures(self):
        figures = {
            "t2.licensing.decisions": self.licensing_decisions,
            "t2.penalties.decisions": self.penalty_decisions,
            "t2.compulsion.decisions": self.compulsion_decisions,
            "t2.fees.amount": self.fees_amount,
        }
        for group, _g in T4_GROUPS:
            for result, _r in T4_RESULTS:
                figures[f"t4.{group}.{result}"] = getattr(self, f"{group}_{result}")
        return figures

    def figures(self, overrides=None):
        """Every cell: computed, entered, and the editor's overrides on top."""
        if overrides is None:
            overrides = self.overrides.all()
        figures = {**self.computed_figures, **self.entered_figures()}
        for override in overrides:
            figures[override.cell] = override.value
        return {k: _as_number(v) for k, v in figures.items()}

    def override_count(self):
        return len(self.overrides.all())

    def check_failures(self, overrides=None):
        return check_figures(self.figures(overrides))

    # --- saving and publishing ------------------------------------------------------------

    def save(self, *args, **kwargs):
        if self._state.adding and not self.has_unpublished_changes:
            # A new report is a draft until it is published through a revision, which checks it.
            self.live, self.has_unpublished_changes = False, True
        self.refresh_computed_figures()
        if self.live and (failures := self.check_failures()):
            raise ReportChecksFailed(failures)
        super().save(*args, **kwargs)

    def full_clean(self, *args, **kwargs):
        # Revisions are serialised from the instance: count before a draft is saved too.
        self.refresh_computed_figures()
        self.prefill_year_work()
        super().full_clean(*args, **kwargs)

    def prefill_year_work(self):
        """A new report's empty overview starts with the year's work as other columns know it
        (the task plan's progress); the editor edits it from there."""
        if self.pk is None and not (self.overview or "").strip() and self.unit_id and self.year:
            self.overview = prefilled_overview(self.unit, self.year)

    # --- preview --------------------------------------------------------------------------

    def get_preview_template(self, request, mode_name):
        return "wagtail_disclosure/annual_reports/report_page.html"

    def get_preview_context(self, request, mode_name):
        """The public page as it will read, with the figures as they stand in the editor."""
        self.refresh_computed_figures()
        return {
            "report": self,
            "tables": report_tables(self.figures()),
            "xlsx_url": "",
            "page": AnnualReportIndexPage.objects.live().order_by("path").first(),
            "request": request,
        }

    def publish(self, revision, *args, **kwargs):
        report = revision.as_object()
        failures = report.check_failures()
        if failures:
            raise ReportChecksFailed(failures)
        return super().publish(revision, *args, **kwargs)


def _as_number(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else value
    if isinstance(value, str):
        return _as_number(Decimal(value))
    return value


class AnnualReportOverride(Orderable):
    """An editor's number for a computed cell, with the reason (shown in the admin)."""

    report = ParentalKey(AnnualReport, on_delete=models.CASCADE, related_name="overrides")
    cell = models.CharField(_("cell"), max_length=64, choices=cell_choices)
    value = models.DecimalField(_("figure"), max_digits=14, decimal_places=4)
    reason = models.CharField(_("reason"), max_length=255)

    panels = [FieldRowPanel([FieldPanel("cell"), FieldPanel("value")]), FieldPanel("reason")]

    class Meta(Orderable.Meta):
        verbose_name = _("correction to a computed figure")
        verbose_name_plural = _("corrections to computed figures")


class AnnualReportIndexPage(PublicationGateMixin, UnitPageMixin, RoutablePageMixin, Page):
    """政府信息公开年报: every published annual report, by year and unit, each laid out as the
    national format, with an XLSX download."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = []
    template = "wagtail_disclosure/annual_reports/index_page.html"

    class Meta:
        verbose_name = _("annual report index")
        verbose_name_plural = _("annual report indexes")

    def published_reports(self, *, city_wide=False):
        """The live reports of the units this page's site administers (and, ``city_wide``,
        those of the sites naming it as their city)."""
        return AnnualReport.objects.filter(
            unit_filter(site_of_page(self), city_wide=city_wide), live=True
        ).select_related("unit")

    def report_url(self, report, suffix=""):
        return self.url + self.reverse_subpage(
            "annual_report" + suffix, kwargs={"unit_id": report.unit_id, "year": report.year}
        )

    def reports_by_year(self):
        """[(year, [(report, its url)])], the latest year first."""
        reports = self.published_reports().order_by("-year", "unit__path")
        return [
            (year, [(report, self.report_url(report)) for report in group])
            for year, group in groupby(reports, key=lambda r: r.year)
        ]

    def county_reports(self):
        """The city-wide view: [(county site, [(report, its url)])] for every site naming this
        page's site as its city, the latest year first (empty on a county's own site)."""
        site = site_of_page(self)
        if site is None:
            return []
        counties = list(child_sites(site))
        if not counties:
            return []
        reports = list(
            AnnualReport.objects.filter(unit_filter(site, city_wide=True), live=True)
            .exclude(unit__in=site_units(site).values("pk"))
            .select_related("unit")
            .order_by("-year", "unit__path")
        )
        by_county = []
        for county in counties:
            own = set(site_units(county).values_list("pk", flat=True))
            rows = [(r, self.report_url(r)) for r in reports if r.unit_id in own]
            if rows:
                by_county.append((county, rows))
        return by_county

    def published_report(self, unit_id, year):
        """The published report of a unit and year (of this site, or of one of its counties on
        a city's site), or 404."""
        return get_object_or_404(
            self.published_reports(city_wide=True).prefetch_related("overrides"),
            unit_id=unit_id,
            year=year,
        )

    @path("")
    def index_view(self, request):
        return self.render(
            request,
            context_overrides={
                "reports_by_year": self.reports_by_year(),
                "county_reports": self.county_reports(),
            },
        )

    @path("<int:unit_id>/<int:year>/", name="annual_report")
    def report_view(self, request, unit_id, year):
        report = self.published_report(unit_id, year)
        return self.render(
            request,
            template="wagtail_disclosure/annual_reports/report_page.html",
            context_overrides={
                "report": report,
                "tables": report_tables(report.figures()),
                "xlsx_url": self.report_url(report, "_xlsx"),
            },
        )

    @path("<int:unit_id>/<int:year>/xlsx/", name="annual_report_xlsx")
    def report_xlsx_view(self, request, unit_id, year):
        report = self.published_report(unit_id, year)
        response = HttpResponse(report_workbook(report), content_type=XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{workbook_file_name(report)}"'
        return response
