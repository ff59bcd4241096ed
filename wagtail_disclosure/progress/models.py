"""Progress reports (落实情况) on requirements, and the reporting panels editors configure."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import RevisionMixin
from wagtail.search import index

from wagtail_disclosure.core import clock
from wagtail_disclosure.core.panels import panel_kinds
from wagtail_disclosure.core.permissions import is_manager

from .forms import ProgressReportForm, ReportPanelForm
from .responsibilities import is_responsible

__all__ = ["ProgressStatus", "ProgressState", "ProgressReport", "ReportPanel", "EvidenceBlock"]


class ProgressStatus(models.TextChoices):
    """What a unit reports about its work on a requirement."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Completed")
    ONGOING = "ongoing", _("Ongoing (long-term)")


class ProgressState(models.TextChoices):
    """The computed state of a requirement for a unit (see ``wagtail_disclosure.progress``)."""

    DONE = "done", _("Done")
    ONGOING = "ongoing", _("Ongoing")
    IN_PROGRESS = "in_progress", _("In progress")
    NOT_STARTED = "not_started", _("Not started")
    OVERDUE = "overdue", _("Overdue")


class EvidenceLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    url = blocks.URLBlock(label=_("URL"))

    class Meta:
        label = _("Link")
        icon = "link"


class EvidenceBlock(blocks.StreamBlock):
    """Evidence of the work: pages of this site (published documents, columns) or other URLs."""

    page = blocks.PageChooserBlock(label=_("Page of this site"))
    link = EvidenceLinkBlock()

    class Meta:
        label = _("Evidence")


class ProgressReport(RevisionMixin, index.Indexed, models.Model):
    """落实情况: what one unit reports it has done on one requirement, on one date.

    The latest report of a unit on a requirement gives that unit's state; earlier ones are its
    history. Edits are kept as revisions.
    """

    requirement = models.ForeignKey(
        "wagtail_disclosure.Requirement",
        verbose_name=_("requirement"),
        related_name="progress_reports",
        on_delete=models.PROTECT,
    )
    unit = models.ForeignKey(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("reporting unit"),
        related_name="progress_reports",
        on_delete=models.PROTECT,
        help_text=_(
            "When the requirement is assigned to a group, each member unit reports for itself."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ProgressStatus.choices,
        default=ProgressStatus.IN_PROGRESS,
    )
    percent = models.PositiveSmallIntegerField(
        _("percent complete"), default=0, validators=[MaxValueValidator(100)]
    )
    narrative = models.TextField(_("progress narrative"), blank=True)
    evidence = StreamField(EvidenceBlock(), verbose_name=_("evidence"), blank=True)
    date = models.DateField(_("report date"), default=clock.today)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    base_form_class = ProgressReportForm
    panels = [
        FieldPanel("requirement"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("date")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("percent")]),
        FieldPanel("narrative"),
        FieldPanel("evidence"),
    ]
    search_fields = [
        index.SearchField("narrative"),
        index.AutocompleteField("narrative"),
        index.RelatedFields("requirement", [index.SearchField("text")]),
        index.FilterField("id"),
        index.FilterField("status"),
        index.FilterField("unit"),
        index.FilterField("unit_id"),
        index.FilterField("requirement"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-date", "-pk"]
        indexes = [
            models.Index(fields=["requirement", "unit", "date"], name="wd_progress_pair_date"),
        ]

    def __str__(self):
        return f"{self.unit} · {self.requirement} · {self.date}"

    def clean(self):
        super().clean()
        if self.status == ProgressStatus.DONE and self.percent < 100:
            self.percent = 100
        if self.requirement_id and self.unit_id:
            if not is_responsible(self.requirement, self.unit):
                raise ValidationError(
                    {
                        "unit": _(
                            "This unit is not responsible for the requirement, neither "
                            "directly nor through a group."
                        )
                    }
                )


class ReportPanel(models.Model):
    """A reporting panel an editor configures: what it shows (its kind) over what (its scope).

    Kinds are registered by domains with ``register_disclosure_report_panel_kind``, so the
    ``kind`` column holds a code rather than model choices.
    """

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=64)
    plan = models.ForeignKey(
        "wagtail_disclosure.TaskPlanPage",
        verbose_name=_("plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    section_number = models.PositiveSmallIntegerField(
        _("section number"),
        null=True,
        blank=True,
        help_text=_("Only this section of the plan (1 for 一、, 2 for 二、…); empty for all."),
    )
    unit = models.ForeignKey(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    group = models.ForeignKey(
        "wagtail_disclosure.UnitGroup",
        verbose_name=_("unit group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    days = models.PositiveSmallIntegerField(
        _("days ahead"),
        default=30,
        help_text=_("For “deadlines in the next N days”: how many days to look ahead."),
    )
    show_on_dashboard = models.BooleanField(
        _("show on the admin dashboard"),
        default=False,
        help_text=_("Editors see the panel on their dashboard when it is in their scope."),
    )
    sort_order = models.IntegerField(_("order"), default=0)

    base_form_class = ReportPanelForm
    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldPanel("plan"),
                FieldPanel("section_number"),
                FieldRowPanel([FieldPanel("unit"), FieldPanel("group")]),
                FieldPanel("days"),
            ],
            heading=_("Scope"),
        ),
        FieldRowPanel([FieldPanel("show_on_dashboard"), FieldPanel("sort_order")]),
    ]

    class Meta:
        verbose_name = _("reporting panel")
        verbose_name_plural = _("reporting panels")
        ordering = ["sort_order", "title"]

    def __str__(self):
        return self.title

    def get_kind(self):
        return panel_kinds().get(self.kind)

    def get_kind_display(self):
        kind = self.get_kind()
        return kind.label if kind else self.kind

    def render(self, request=None):
        """The panel's body (chart and data table) as safe HTML."""
        kind = self.get_kind()
        if kind is None:
            return ""
        return kind.render(self, request)

    def is_visible_to(self, user):
        kind = self.get_kind()
        if kind is None:
            return False
        if kind.visible_to is None:
            return is_manager(user)
        return kind.visible_to(self, user)
