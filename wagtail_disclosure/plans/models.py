"""Task plans (工作任务分解表): a plan page per year, a page per task, requirements inline."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from wagtail_disclosure.attributes.models import (
    DisclosureAttributeMixin,
    disclosure_attribute_panel,
)
from wagtail_disclosure.core.permissions import UnitPageMixin
from wagtail_disclosure.core.publication import PublicationGateMixin

__all__ = [
    "TaskPlanIndexPage", "TaskPlanPage", "TaskPage", "Requirement", "UnitRole", "ColumnChoice",
]

#: Hook: ``fn(requirements_queryset) -> iterable of primary keys`` of requirements in use.
IN_USE_HOOK = "disclosure_requirements_in_use"


class UnitRole(models.TextChoices):
    LEAD = "lead", _("Lead unit")
    COOPERATING = "cooperating", _("Cooperating unit")


class TaskPlanIndexPage(PublicationGateMixin, UnitPageMixin, Page):
    """A listing of task plans, one per year."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["wagtail_disclosure.TaskPlanPage"]
    template = "wagtail_disclosure/plans/task_plan_index_page.html"

    class Meta:
        verbose_name = _("task plan index")
        verbose_name_plural = _("task plan indexes")


class TaskPlanPage(PublicationGateMixin, DisclosureAttributeMixin, UnitPageMixin, Page):
    """工作任务分解表: one year's table of work, issued as the attachment of a notice."""

    year = models.PositiveSmallIntegerField(_("year"))
    document_number = models.CharField(
        _("document number"), max_length=128, blank=True, help_text=_("e.g. 济政办字〔2022〕22号")
    )
    issuer = models.ForeignKey(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("issuing body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issue_date = models.DateField(_("issue date"), null=True, blank=True)
    notice_text = RichTextField(_("notice text"), blank=True)
    source_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("source file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    search_fields = Page.search_fields + [
        index.SearchField("notice_text"),
        index.SearchField("document_number"),
        index.FilterField("year"),
    ]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("year"), FieldPanel("document_number")]),
                FieldRowPanel([FieldPanel("issuer"), FieldPanel("issue_date")]),
                FieldPanel("source_document"),
            ],
            heading=_("Plan"),
        ),
        disclosure_attribute_panel(),
        FieldPanel("notice_text"),
    ]
    parent_page_types = ["wagtail_disclosure.TaskPlanIndexPage", "wagtailcore.Page"]
    subpage_types = ["wagtail_disclosure.TaskPage"]
    template = "wagtail_disclosure/plans/task_plan_page.html"

    class Meta:
        verbose_name = _("task plan")
        verbose_name_plural = _("task plans")


class TaskPage(PublicationGateMixin, UnitPageMixin, Page):
    """工作任务: one numbered task of a plan, in its section, with its requirements inline."""

    section_number = models.PositiveSmallIntegerField(_("section number"), default=1)
    section_title = models.CharField(
        _("section"), max_length=255, blank=True, help_text=_("e.g. 一、深化重点领域信息公开")
    )
    task_number = models.CharField(
        _("task number"), max_length=16, blank=True, help_text=_("e.g. (一)")
    )

    search_fields = Page.search_fields + [
        index.SearchField("section_title"),
        index.RelatedFields("requirements", [index.SearchField("text")]),
        index.FilterField("section_number"),
    ]
    content_panels = Page.content_panels + [
        FieldRowPanel(
            [FieldPanel("section_number"), FieldPanel("section_title"), FieldPanel("task_number")]
        ),
        InlinePanel("requirements", heading=_("Requirements"), label=_("requirement")),
    ]
    parent_page_types = ["wagtail_disclosure.TaskPlanPage"]
    subpage_types = []
    template = "wagtail_disclosure/plans/task_page.html"

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")


class Requirement(Orderable, ClusterableModel):
    """具体要求: one row of work under a task, the unit of responsibility and progress.

    Units are stored as relations (so a unit's page can list its work and a group fans out to its
    members) and the names nobody could match are kept as written in ``unmatched_units``.
    """

    task = ParentalKey(TaskPage, on_delete=models.CASCADE, related_name="requirements")
    text = models.TextField(_("specific requirement"))
    lead_units = ParentalManyToManyField(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("lead units"),
        blank=True,
        related_name="led_requirements",
    )
    lead_groups = ParentalManyToManyField(
        "wagtail_disclosure.UnitGroup",
        verbose_name=_("lead unit groups"),
        blank=True,
        related_name="led_requirements",
    )
    cooperating_units = ParentalManyToManyField(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("cooperating units"),
        blank=True,
        related_name="cooperating_requirements",
    )
    cooperating_groups = ParentalManyToManyField(
        "wagtail_disclosure.UnitGroup",
        verbose_name=_("cooperating unit groups"),
        blank=True,
        related_name="cooperating_requirements",
    )
    unmatched_units = models.JSONField(
        _("unmatched unit names"),
        default=list,
        blank=True,
        help_text=_("Names from the table no unit matched, kept as written: [{name, role}]."),
    )
    units_raw = models.TextField(_("responsible units as written"), blank=True)
    deadline_raw = models.CharField(_("deadline as written"), max_length=255, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    is_ongoing = models.BooleanField(_("ongoing"), default=False)
    is_recurring = models.BooleanField(_("recurring"), default=False)
    source_rows = models.JSONField(_("source rows"), default=list, blank=True)
    carried_over_from = models.ForeignKey(
        "self",
        verbose_name=_("carried over from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carried_over_to",
        help_text=_("The requirement of an earlier plan this one continues (回头看)."),
    )

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("lead_units"), FieldPanel("lead_groups")]),
        FieldRowPanel([FieldPanel("cooperating_units"), FieldPanel("cooperating_groups")]),
        FieldRowPanel(
            [
                FieldPanel("deadline_raw"),
                FieldPanel("due_date"),
                FieldPanel("is_ongoing"),
                FieldPanel("is_recurring"),
            ]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")

    def __str__(self):
        return self.text[:60]

    def has_progress(self) -> bool:
        """Whether progress hangs on this requirement, so a re-import must not silently delete it.

        Any reverse relation with ``on_delete=PROTECT`` counts (progress reports plug in by
        declaring one), as do the ``disclosure_requirements_in_use`` hooks.
        """
        return self.pk is not None and self.pk in requirements_in_use([self.pk])


# --- Requirements in use ----------------------------------------------------------------------
# Next to the model rather than in the importer: a requirement answers "do I have progress?"
# itself, and the importer asks the same of many at once.


def protected_relations(model=Requirement):
    """Reverse relations that forbid deleting a requirement (progress reports and the like)."""
    return [
        rel
        for rel in model._meta.related_objects
        if getattr(rel, "on_delete", None) in (models.PROTECT, models.RESTRICT)
    ]


def requirements_in_use(requirements) -> set[int]:
    """Primary keys of the given requirements that have progress (or anything else protecting
    them); one query per protecting relation, whatever the number of requirements."""
    pks = [r.pk if isinstance(r, Requirement) else r for r in requirements]
    pks = [pk for pk in pks if pk is not None]
    if not pks:
        return set()
    in_use: set[int] = set()
    for rel in protected_relations():
        in_use.update(
            rel.related_model._base_manager.filter(**{f"{rel.field.name}__in": pks})
            .values_list(rel.field.attname, flat=True)
            .distinct()
        )
    queryset = Requirement.objects.filter(pk__in=pks)
    for fn in hooks.get_hooks(IN_USE_HOOK):
        in_use.update(fn(queryset) or ())
    return in_use & set(pks)


def delete_dependents(pks) -> int:
    """Delete what protects these requirements (confirmed by the editor); the number deleted."""
    deleted = 0
    for rel in protected_relations():
        count, _detail = rel.related_model._base_manager.filter(
            **{f"{rel.field.name}__in": list(pks)}
        ).delete()
        deleted += count
    return deleted


class ColumnChoice(models.Model):
    """The columns an editor assigned for tables of one shape (the same header texts), so the
    next table of that shape is read the same way without asking again."""

    shape = models.CharField(_("header of the table"), max_length=1000, unique=True)
    columns = models.JSONField(_("columns by role"), default=dict)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("column choice")
        verbose_name_plural = _("column choices")

    def __str__(self):
        return self.shape
