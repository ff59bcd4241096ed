"""The open-data API's endpoints, on Wagtail's API v2 (their shared base: :mod:`.base`).

Each endpoint declares its fields (:class:`~.fields.Spec`: how a value is written and its
OpenAPI schema) and its filters (name → schema and description) once; the serializers, the
accepted query parameters and the OpenAPI description (:mod:`.openapi`) are all made from them.

What is served: live pages without a view restriction, in the requested site's tree (the
``site`` parameter, else the site of the request), and the rows hanging off such pages.
A model's own ``api_fields`` are ignored: only the fields named here are served, so contacts,
personal data, internal notes and registers never are.
"""

from __future__ import annotations

from django.db.models import F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Length, Substr
from wagtail.models import Page

from wagtail_disclosure.annual_reports.models import AnnualReport
from wagtail_disclosure.core import clock
from wagtail_disclosure.core.sites import unit_filter
from wagtail_disclosure.core.visibility import public_page_paths_q, public_pages
from wagtail_disclosure.enterprises.models import EnterprisePage, SectorKind, SectorPage
from wagtail_disclosure.plans.models import Requirement, TaskPage, TaskPlanPage
from wagtail_disclosure.policies.choices import CURRENT_VALIDITIES, PolicyKind, Validity
from wagtail_disclosure.policies.interpretations import (
    InterpretationForm,
    InterpretationPage,
    InterpreterRole,
)
from wagtail_disclosure.policies.models import PolicyDocumentPage, ValidityChange
from wagtail_disclosure.progress.models import ProgressState
from wagtail_disclosure.progress.states import ProgressSnapshot
from wagtail_disclosure.units.models import UnitKind, UnitPage

from .base import (
    ID_FILTER,
    YEAR_FILTER,
    PublicPagesEndpoint,
    PublicRowsEndpoint,
    choice_param,
    int_param,
)
from .fields import (
    BOOLEAN,
    DATE,
    HTML,
    INTEGER,
    NULLABLE_PAGE_REF,
    PAGE_REF,
    PAGE_REFS,
    STRING,
    Spec,
    array_of,
    choice_label,
    enum,
    obj,
    page,
    page_ref,
    pages,
    plain,
    rich_text,
)

# -- pages of every kind -------------------------------------------------------------------------


class PagesEndpoint(PublicPagesEndpoint):
    """Every live, public page of the site, by title and address (for navigation)."""

    api_name = "pages"
    model = Page
    summary = "Every public page of the site: its title, type and address."
    filters = {
        "child_of": (ID_FILTER, "Only the children of this page."),
    }

    def apply_filters(self, queryset):
        parent_id = int_param(self.request, "child_of")
        if parent_id is not None:
            parent = Page.objects.filter(pk=parent_id).first()
            queryset = queryset.child_of(parent) if parent else queryset.none()
        return queryset


# -- policies ------------------------------------------------------------------------------------


def categories(instance, context):
    return [{"id": c.pk, "name": c.name, "slug": c.slug} for c in instance.categories.all()]


def validity_history(instance, context):
    return [
        {
            "validity": change.validity,
            "changed_on": change.changed_on.isoformat(),
            "by_document": page_ref(change.by_document, context),
            "note": change.note,
        }
        for change in sorted(
            instance.validity_changes.all(), key=lambda c: (c.changed_on, c.sort_order or 0)
        )
    ]


CATEGORY = {"type": "object", "properties": {"id": INTEGER, "name": STRING, "slug": STRING}}


class PolicyDocumentsEndpoint(PublicPagesEndpoint):
    api_name = "policies"
    model = PolicyDocumentPage
    summary = "Policy documents (政策文件) with their validity and interpretations."
    specs = [
        plain("kind", enum(PolicyKind.choices)),
        Spec("kind_label", STRING, choice_label("kind")),
        plain("index_number", STRING),
        plain("document_number", STRING),
        Spec("issuer", NULLABLE_PAGE_REF, page("issuer")),
        plain("date_written", DATE),
        plain("date_published", DATE),
        plain("validity", enum(Validity.choices)),
        Spec("validity_label", STRING, choice_label("validity")),
        Spec("categories", {"type": "array", "items": CATEGORY}, categories),
        Spec("interpretations", PAGE_REFS, pages("interpretations")),
        Spec(
            "validity_history",
            array_of({
                "validity": enum(Validity.choices),
                "changed_on": {"type": "string", "format": "date"},
                "by_document": NULLABLE_PAGE_REF,
                "note": STRING,
            }),
            validity_history,
        ),
        Spec("body", HTML, rich_text("body"), detail=True),
    ]
    filters = {
        "unit": (ID_FILTER, "Issued by this unit (its id in /units/)."),
        "year": (YEAR_FILTER, "Published in this year."),
        "kind": (enum(PolicyKind.choices), "Of this kind."),
        "validity": (enum(Validity.choices), "With this validity."),
        "current": (BOOLEAN, "true: only documents in force (in force or amended)."),
        "category": (STRING, "Filed under this subject category (its slug or id)."),
    }
    default_order = ("-date_published", "-id")
    select_related = ("issuer",)

    def get_queryset(self):
        return super().get_queryset().prefetch_related(
            "categories",
            "interpretations",
            Prefetch(
                "validity_changes",
                queryset=ValidityChange.objects.select_related("by_document"),
            ),
        )

    def apply_filters(self, queryset):
        request = self.request
        if (unit := int_param(request, "unit")) is not None:
            queryset = queryset.filter(issuer_id=unit)
        if (year := int_param(request, "year")) is not None:
            queryset = queryset.filter(date_published__year=year)
        if kind := choice_param(request, "kind", PolicyKind.choices):
            queryset = queryset.filter(kind=kind)
        if validity := choice_param(request, "validity", Validity.choices):
            queryset = queryset.filter(validity=validity)
        current = choice_param(request, "current", [("true", ""), ("false", "")])
        if current == "true":
            queryset = queryset.filter(validity__in=CURRENT_VALIDITIES)
        elif current == "false":
            queryset = queryset.exclude(validity__in=CURRENT_VALIDITIES)
        if category := request.GET.get("category"):
            key = Q(categories__pk=int(category)) if category.isdigit() else Q(
                categories__slug=category
            )
            queryset = queryset.filter(key).distinct()
        return queryset


def questions(instance, context):
    return [
        {"question": qa["question"], "answer": expand_html(qa["answer"])}
        for qa in instance.question_answers()
    ]


def expand_html(value):
    return str(getattr(value, "__html__", lambda: value)())


class InterpretationsEndpoint(PublicPagesEndpoint):
    api_name = "interpretations"
    model = InterpretationPage
    summary = "Interpretations (政策解读) of policy documents."
    specs = [
        plain("form", enum(InterpretationForm.choices)),
        Spec("form_label", STRING, choice_label("form")),
        Spec("interpreter", NULLABLE_PAGE_REF, page("interpreter")),
        plain("interpreter_role", enum(InterpreterRole.choices)),
        plain("date_published", DATE),
        plain("last_reviewed", DATE),
        plain("summary", STRING),
        Spec("interpreted_documents", PAGE_REFS, pages("interpreted_documents")),
        Spec(
            "questions", array_of({"question": STRING, "answer": HTML}), questions, detail=True
        ),
    ]
    filters = {
        "unit": (ID_FILTER, "Interpreted by this unit."),
        "year": (YEAR_FILTER, "Published in this year."),
        "form": (enum(InterpretationForm.choices), "In this form."),
        "document": (ID_FILTER, "Interpreting this policy document."),
    }
    default_order = ("-date_published", "-id")
    select_related = ("interpreter",)
    prefetch_related = ("interpreted_documents",)

    def apply_filters(self, queryset):
        request = self.request
        if (unit := int_param(request, "unit")) is not None:
            queryset = queryset.filter(interpreter_id=unit)
        if (year := int_param(request, "year")) is not None:
            queryset = queryset.filter(date_published__year=year)
        if form := choice_param(request, "form", InterpretationForm.choices):
            queryset = queryset.filter(form=form)
        if (document := int_param(request, "document")) is not None:
            queryset = queryset.filter(interpreted_documents__pk=document).distinct()
        return queryset


# -- units ---------------------------------------------------------------------------------------


class UnitsEndpoint(PublicPagesEndpoint):
    api_name = "units"
    model = UnitPage
    summary = "Responsible units (责任单位): government bodies, county governments, institutions."
    specs = [
        plain("full_name", STRING),
        plain("kind", enum(UnitKind.choices)),
        Spec("kind_label", STRING, choice_label("kind")),
        Spec("parent_unit", NULLABLE_PAGE_REF, page("parent_unit")),
        plain("website", STRING),
    ]
    filters = {"kind": (enum(UnitKind.choices), "Of this kind.")}
    select_related = ("parent_unit",)

    def get_queryset(self):
        """The units the site administers: one register serves every site (its pages live in
        the city's tree), so a county's units are those its site settings list."""
        if self.site is None:
            return UnitPage.objects.none()
        return (
            public_pages(UnitPage)
            .filter(unit_filter(self.site, "pk"))
            .select_related(*self.select_related)
            .order_by("path")
        )

    def apply_filters(self, queryset):
        if kind := choice_param(self.request, "kind", UnitKind.choices):
            queryset = queryset.filter(kind=kind)
        return queryset


# -- plans, tasks, requirements --------------------------------------------------------------------

STATE = enum(ProgressState.choices)
TALLY = obj({
    "done": INTEGER, "ongoing": INTEGER, "in_progress": INTEGER, "not_started": INTEGER,
    "overdue": INTEGER, "total": INTEGER, "percent_done": INTEGER,
})


def tally_dict(tally):
    return {
        "done": tally.done, "ongoing": tally.ongoing, "in_progress": tally.in_progress,
        "not_started": tally.not_started, "overdue": tally.overdue, "total": tally.total,
        "percent_done": tally.percent_done,
    }


def plan_progress(instance, context):
    snapshot = context["endpoint"].snapshots.get(instance.pk)
    return tally_dict(snapshot.requirement_tally()) if snapshot else None


def parent_path_subquery(queryset, field="pk"):
    """The ``field`` of the parent page (the path without its last step), as a subquery."""
    return Subquery(
        queryset.filter(
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
        ).values(field)[:1]
    )


class PlansEndpoint(PublicPagesEndpoint):
    api_name = "plans"
    model = TaskPlanPage
    summary = "Task plans (工作任务分解表), one per year, with the progress of their requirements."
    specs = [
        plain("year", INTEGER),
        plain("document_number", STRING),
        Spec("issuer", NULLABLE_PAGE_REF, page("issuer")),
        plain("issue_date", DATE),
        Spec("progress", {**TALLY, "nullable": True}, plan_progress, detail=True),
    ]
    filters = {
        "year": (YEAR_FILTER, "The plan of this year."),
        "unit": (ID_FILTER, "Issued by this unit."),
    }
    default_order = ("-year", "path")
    select_related = ("issuer",)

    def apply_filters(self, queryset):
        if (year := int_param(self.request, "year")) is not None:
            queryset = queryset.filter(year=year)
        if (unit := int_param(self.request, "unit")) is not None:
            queryset = queryset.filter(issuer_id=unit)
        return queryset

    def prepare(self, items):
        self.snapshots = {}
        if self.action == "detail_view":
            plan = items[0]
            self.snapshots[plan.pk] = ProgressSnapshot(
                Requirement.objects.filter(
                    public_page_paths_q("task__", self.site), task__path__startswith=plan.path,
                    task__depth=plan.depth + 1,
                )
            )


def plan_of_task(instance, context):
    if instance.plan_id is None:
        return None
    return {"id": instance.plan_id, "title": instance.plan_title}


class TasksEndpoint(PublicPagesEndpoint):
    api_name = "tasks"
    model = TaskPage
    summary = "Tasks (工作任务) of the task plans, in their sections."
    specs = [
        Spec("plan", NULLABLE_PAGE_REF, plan_of_task),
        plain("section_number", INTEGER),
        plain("section_title", STRING),
        plain("task_number", STRING),
    ]
    filters = {
        "plan": (ID_FILTER, "The tasks of this plan."),
        "year": (YEAR_FILTER, "The tasks of the plans of this year."),
        "section": (INTEGER, "The tasks of this section (1 for 一、)."),
    }

    def get_queryset(self):
        live_plans = TaskPlanPage.objects.live()
        return super().get_queryset().annotate(
            plan_id=parent_path_subquery(live_plans),
            plan_title=parent_path_subquery(live_plans, "title"),
            plan_year=parent_path_subquery(live_plans, "year"),
        ).filter(plan_id__isnull=False)

    def apply_filters(self, queryset):
        if (plan := int_param(self.request, "plan")) is not None:
            queryset = queryset.filter(plan_id=plan)
        if (year := int_param(self.request, "year")) is not None:
            queryset = queryset.filter(plan_year=year)
        if (section := int_param(self.request, "section")) is not None:
            queryset = queryset.filter(section_number=section)
        return queryset


def groups(name):
    return lambda instance, context: [
        {"id": g.pk, "name": g.name} for g in getattr(instance, name).all()
    ]


def deadline(instance, context):
    return {
        "as_written": instance.deadline_raw,
        "due_date": instance.due_date.isoformat() if instance.due_date else None,
        "ongoing": instance.is_ongoing,
        "recurring": instance.is_recurring,
    }


def requirement_task(instance, context):
    return {"id": instance.task_id, "title": instance.task_title}


def requirement_plan(instance, context):
    return {"id": instance.plan_id, "title": instance.plan_title, "year": instance.plan_year}


def requirement_row(instance, context):
    return context["endpoint"].rows.get(instance.pk)


def requirement_state(instance, context):
    row = requirement_row(instance, context)
    return row.state if row else None


def requirement_state_label(instance, context):
    row = requirement_row(instance, context)
    return str(row.state_label) if row else None


def unit_states(instance, context):
    row = requirement_row(instance, context)
    if row is None:
        return []
    return [
        {
            "unit": page_ref(up.unit, context),
            "role": up.role,
            "state": up.state,
            "percent": up.report.percent if up.report else None,
            "reported_on": up.report.date.isoformat() if up.report else None,
        }
        for up in row.units
        if page_ref(up.unit, context) is not None
    ]


GROUP = {"type": "object", "properties": {"id": INTEGER, "name": STRING}}


class RequirementsEndpoint(PublicRowsEndpoint):
    api_name = "requirements"
    model = Requirement
    summary = (
        "Requirements (具体要求) of the tasks: responsible units, deadlines and where each "
        "stands (progress states)."
    )
    specs = [
        plain("text", STRING),
        Spec("task", PAGE_REF, requirement_task),
        Spec("plan", obj({"id": INTEGER, "title": STRING, "year": INTEGER}), requirement_plan),
        Spec("lead_units", PAGE_REFS, pages("lead_units")),
        Spec("cooperating_units", PAGE_REFS, pages("cooperating_units")),
        Spec("lead_groups", {"type": "array", "items": GROUP}, groups("lead_groups")),
        Spec(
            "cooperating_groups", {"type": "array", "items": GROUP}, groups("cooperating_groups")
        ),
        plain("units_raw", STRING),
        Spec(
            "deadline",
            obj({"as_written": STRING, "due_date": DATE, "ongoing": BOOLEAN, "recurring": BOOLEAN}),
            deadline,
        ),
        Spec("state", STATE, requirement_state),
        Spec("state_label", STRING, requirement_state_label),
        Spec(
            "unit_states",
            array_of({
                "unit": PAGE_REF,
                "role": enum([("lead", ""), ("cooperating", "")]),
                "state": STATE,
                "percent": {"type": "integer", "nullable": True},
                "reported_on": DATE,
            }),
            unit_states,
        ),
    ]
    filters = {
        "plan": (ID_FILTER, "The requirements of this plan."),
        "task": (ID_FILTER, "The requirements of this task."),
        "year": (YEAR_FILTER, "The requirements of the plans of this year."),
        "unit": (ID_FILTER, "Those this unit answers for (directly or through a unit group)."),
        "state": (STATE, "Those in this state today (a unit's own state with unit=)."),
    }

    def plans(self):
        """The site's live, public plans by path (plans are few: one a year)."""
        if not hasattr(self, "_plans"):
            plans = public_pages(TaskPlanPage, self.site).only(
                "id", "title", "year", "path", "depth"
            )
            self._plans = {plan.path: plan for plan in plans}
        return self._plans

    def under_plans(self, plans) -> Q:
        """Requirements of tasks directly under one of ``plans``."""
        condition = Q(pk__in=[])
        for plan in plans:
            condition |= Q(task__path__startswith=plan.path, task__depth=plan.depth + 1)
        return condition

    def get_queryset(self):
        if self.site is None:
            return Requirement.objects.none()
        return (
            Requirement.objects.filter(public_page_paths_q("task__", self.site))
            .filter(self.under_plans(self.plans().values()))
            .annotate(task_title=F("task__title"), task_path=F("task__path"))
            .prefetch_related(
                "lead_units", "cooperating_units", "lead_groups", "cooperating_groups"
            )
            .order_by("task__path", "sort_order", "pk")
        )

    def apply_filters(self, queryset):
        request = self.request
        if (plan := int_param(request, "plan")) is not None:
            queryset = queryset.filter(
                self.under_plans([p for p in self.plans().values() if p.pk == plan])
            )
        if (task := int_param(request, "task")) is not None:
            queryset = queryset.filter(task_id=task)
        if (year := int_param(request, "year")) is not None:
            queryset = queryset.filter(
                self.under_plans([p for p in self.plans().values() if p.year == year])
            )
        unit = int_param(request, "unit")
        if unit is not None:
            unit_page = UnitPage.objects.filter(pk=unit).first()
            group_ids = [g.pk for g in unit_page.groups()] if unit_page else []
            queryset = queryset.filter(
                pk__in=Requirement.objects.filter(
                    Q(lead_units=unit) | Q(cooperating_units=unit)
                    | Q(lead_groups__in=group_ids) | Q(cooperating_groups__in=group_ids)
                ).values("pk")
            )
        if state := choice_param(request, "state", ProgressState.choices):
            # The states of the filtered requirements, once, from their keys.
            pks = list(queryset.values_list("pk", flat=True))
            snapshot = ProgressSnapshot(
                Requirement.objects.filter(pk__in=pks),
                unit_ids=[unit] if unit is not None else None,
            )
            rows = snapshot.filter_rows(unit_id=unit, state=state)
            queryset = queryset.filter(pk__in=[row.requirement.pk for row in rows])
            if unit is None:  # the same rows serve the page of results
                self._state_rows = {row.requirement.pk: row for row in rows}
        return queryset

    def prepare(self, items):
        self.rows = {}
        plans = self.plans()
        for requirement in items:
            plan = plans.get(requirement.task_path[: -Page.steplen])
            requirement.plan_id = plan.pk if plan else None
            requirement.plan_title = plan.title if plan else None
            requirement.plan_year = plan.year if plan else None
        progress_fields = {"state", "state_label", "unit_states"}
        if not progress_fields & set(self.get_serializer_class().Meta.fields):
            return  # not asked for: no progress to compute
        known = getattr(self, "_state_rows", None)
        if known is not None:
            self.rows = {r.pk: known[r.pk] for r in items if r.pk in known}
        elif items:
            snapshot = ProgressSnapshot(Requirement.objects.filter(pk__in=[r.pk for r in items]))
            self.rows = {row.requirement.pk: row for row in snapshot.rows}


# -- the public-enterprise column ------------------------------------------------------------------

FIGURES = obj({"entities": INTEGER, "items": INTEGER, "disclosed": INTEGER, "current": INTEGER})


def sector_catalogue(instance, context):
    return [
        {
            "id": item.pk, "name": item.name, "description": item.description,
            "update_period": item.update_period,
        }
        for item in instance.catalogue_items.all()
    ]


def sector_rules(instance, context):
    return [
        {"title": rule.title, "document_number": rule.document_number, "url": rule.url}
        for rule in instance.rules.all()
    ]


def sector_compliance(instance, context):
    figures = context["endpoint"].figures.get(instance.pk)
    if figures is None:
        return None
    return {
        "entities": figures.entities, "items": figures.items,
        "disclosed": figures.disclosed, "current": figures.current,
    }


class SectorsEndpoint(PublicPagesEndpoint):
    api_name = "sectors"
    model = SectorPage
    summary = (
        "Sectors of public enterprises (公共企事业单位): the disclosure catalogue each covered "
        "entity must publish, and how far they do."
    )
    specs = [
        plain("sector_kind", enum(SectorKind.choices)),
        Spec("competent_department", NULLABLE_PAGE_REF, page("competent_department")),
        Spec(
            "catalogue",
            array_of({
                "id": INTEGER, "name": STRING, "description": STRING, "update_period": STRING,
            }),
            sector_catalogue,
        ),
        Spec("rules", array_of({"title": STRING, "document_number": STRING, "url": STRING}),
             sector_rules),
        Spec("compliance", {**FIGURES, "nullable": True}, sector_compliance),
        Spec("intro", HTML, rich_text("intro"), detail=True),
    ]
    filters = {
        "unit": (ID_FILTER, "Supervised by this competent department."),
        "kind": (enum(SectorKind.choices), "Of this sector."),
    }
    select_related = ("competent_department",)
    prefetch_related = ("catalogue_items", "rules")

    def apply_filters(self, queryset):
        if (unit := int_param(self.request, "unit")) is not None:
            queryset = queryset.filter(competent_department_id=unit)
        if kind := choice_param(self.request, "kind", SectorKind.choices):
            queryset = queryset.filter(sector_kind=kind)
        return queryset

    def prepare(self, items):
        figures = SectorPage.objects.filter(pk__in=[s.pk for s in items]).compliance_figures(
            on=clock.today()
        )
        self.figures = {f.sector.pk: f.figures for f in figures}


def entity_compliance(instance, context):
    return {
        "items": instance.item_count,
        "disclosed": instance.disclosed_count,
        "current": instance.current_count,
    }


def entity_items(instance, context):
    return [
        {
            "item": {"id": cell.item.pk, "name": cell.item.name},
            "latest": cell.latest.isoformat() if cell.latest else None,
            "status": cell.status,
        }
        for cell in instance.item_cells(clock.today())
    ]


class EntitiesEndpoint(PublicPagesEndpoint):
    api_name = "entities"
    model = EnterprisePage
    summary = "Covered entities (适用主体) of each sector and how they meet the catalogue."
    specs = [
        plain("full_name", STRING),
        Spec("sector", NULLABLE_PAGE_REF, page("sector")),
        Spec("unit", NULLABLE_PAGE_REF, page("unit")),
        plain("website", STRING),
        Spec("compliance", obj({"items": INTEGER, "disclosed": INTEGER, "current": INTEGER}),
             entity_compliance),
        Spec(
            "items",
            array_of({
                "item": obj({"id": INTEGER, "name": STRING}),
                "latest": DATE,
                "status": enum([("missing", ""), ("stale", ""), ("current", "")]),
            }),
            entity_items,
            detail=True,
        ),
        Spec("description", HTML, rich_text("description"), detail=True),
    ]
    filters = {
        "sector": (ID_FILTER, "Entities of this sector."),
        "unit": (ID_FILTER, "The entity that is this unit."),
    }
    select_related = ("sector", "unit")

    def get_queryset(self):
        return super().get_queryset().with_catalogue_counts(on=clock.today())

    def apply_filters(self, queryset):
        if (sector := int_param(self.request, "sector")) is not None:
            queryset = queryset.filter(sector_id=sector)
        if (unit := int_param(self.request, "unit")) is not None:
            queryset = queryset.filter(unit_id=unit)
        return queryset


# -- annual reports --------------------------------------------------------------------------------


def report_figures(instance, context):
    return {key: float(value) if not isinstance(value, int) else value
            for key, value in sorted(instance.figures().items())}


class AnnualReportsEndpoint(PublicRowsEndpoint):
    api_name = "annual-reports"
    model = AnnualReport
    summary = (
        "Published annual reports (政府信息公开工作年度报告): every figure of the national "
        "format, by cell (t2.*, t3.*, t4.*)."
    )
    specs = [
        Spec("unit", PAGE_REF, page("unit")),
        plain("year", INTEGER),
        Spec(
            "figures",
            {"type": "object", "additionalProperties": {"type": "number"}},
            report_figures,
        ),
        Spec("last_published_at", {"type": "string", "format": "date-time", "nullable": True},
             lambda instance, context: instance.last_published_at.isoformat()
             if instance.last_published_at else None),
    ]
    filters = {
        "unit": (ID_FILTER, "Reports of this unit."),
        "year": (YEAR_FILTER, "Reports of this year."),
    }

    def get_queryset(self):
        if self.site is None:
            return AnnualReport.objects.none()
        return (
            AnnualReport.objects.filter(live=True)
            # The unit's page is public (wherever the register keeps it) and the site
            # administers the unit.
            .filter(public_page_paths_q("unit__"))
            .filter(unit_filter(self.site, "unit"))
            .select_related("unit")
            .prefetch_related("overrides")
            .order_by("-year", "unit__path")
        )

    def apply_filters(self, queryset):
        if (unit := int_param(self.request, "unit")) is not None:
            queryset = queryset.filter(unit_id=unit)
        if (year := int_param(self.request, "year")) is not None:
            queryset = queryset.filter(year=year)
        return queryset


#: Every endpoint, in the order of the router and of the OpenAPI description. Specific page
#: types come before ``pages``: the router finds a model's endpoint by the first match.
ENDPOINTS = [
    PolicyDocumentsEndpoint,
    InterpretationsEndpoint,
    PlansEndpoint,
    TasksEndpoint,
    RequirementsEndpoint,
    UnitsEndpoint,
    SectorsEndpoint,
    EntitiesEndpoint,
    AnnualReportsEndpoint,
    PagesEndpoint,
]
