"""Importing a task plan in the Wagtail admin: upload → preview → confirm, and the Excel export.

The upload is kept between the steps in django-import-export's temporary storage; the confirm
step reads those same bytes again, applies the editor's choices for unknown unit names (an alias
on a unit or group, a new unit, or the name kept as text) and writes the plan, all in one
transaction. A bad file never raises: it comes back as errors with their rows.
"""

from __future__ import annotations

import difflib
import json
import logging
from pathlib import PurePath
from types import SimpleNamespace

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.validators import FileExtensionValidator
from django.db import transaction
from django.http import HttpResponse, QueryDict
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from import_export.tmp_storages import MediaStorage
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core.audit import record
from wagtail_disclosure.core.bounded_reader import reads_remembered
from wagtail_disclosure.core.forms import ConfirmImportForm, SpreadsheetUploadForm
from wagtail_disclosure.core.import_tasks import TMP_FOLDER, enqueue_import
from wagtail_disclosure.core.import_views import BackgroundImportMixin
from wagtail_disclosure.core.imports import ImportBusy, import_lock
from wagtail_disclosure.core.spreadsheets import reading_limits
from wagtail_disclosure.core.text import normalize_name
from wagtail_disclosure.units.matching import UnitNameIndex
from wagtail_disclosure.units.models import UnitGroup, UnitIndexPage, UnitKind, UnitPage

from .conflicts import link_names
from .export import XLSX_CONTENT_TYPE, export_file_name, export_plan_xlsx
from .identity import plans_of_year
from .importer import (
    PLAN_IMPORT_LOCK,
    PlanImportError,
    apply_changes,
    prepare_import,
    remember_columns,
)
from .messages import problem_message
from .models import TaskPlanIndexPage, TaskPlanPage
from .parsing.column_choice import HEADER_ROW, ROLES, column_letter, column_number
from .parsing.problems import TableReadError as PlanTableReadError
from .parsing.tables import read_tables
from .permissions import plan_policy
from .preview import differences

#: A unit name of a plan mapped to a unit or group of the register (``data``: the name).
MAP_LOG_ACTION = "wagtail_disclosure.map_unit_name"
#: A unit created for a name of a plan that the register did not know.
CREATE_UNIT_LOG_ACTION = "wagtail_disclosure.create_unit_for_name"

logger = logging.getLogger(__name__)

EXTENSIONS = ["xlsx", "xls", "csv", "docx", "txt"]
KEEP, CREATE, TAKE, KIND = "keep", "create", "take", "kind"

COLUMN_ROLE_LABELS = {
    "section": gettext_lazy("Section column"),
    "task": gettext_lazy("Task column"),
    "requirement": gettext_lazy("Requirement column"),
    "units": gettext_lazy("Responsible units column"),
    "lead": gettext_lazy("Lead units column"),
    "cooperating": gettext_lazy("Cooperating units column"),
    "deadline": gettext_lazy("Deadline column"),
}


class PlanUploadForm(SpreadsheetUploadForm):
    file = forms.FileField(
        label=gettext_lazy("Task table"),
        help_text=gettext_lazy(
            "Excel (.xlsx, .xls), CSV, Word (.docx) or text copied from the PDF notice (.txt)."
        ),
        validators=[FileExtensionValidator(EXTENSIONS)],
        required=False,
    )
    #: The table of the last preview, kept so that it is read again (with other columns, say)
    #: without choosing the file again.
    kept_file = forms.CharField(
        label=_("Uploaded table"), required=False, max_length=64, widget=forms.HiddenInput
    )
    kept_file_name = forms.CharField(
        label=_("Uploaded table's name"), required=False, max_length=255,
        widget=forms.HiddenInput,
    )
    plan = forms.ModelChoiceField(
        label=gettext_lazy("Plan"),
        queryset=TaskPlanPage.objects.order_by("-year", "path"),
        required=False,
        empty_label=gettext_lazy("A new plan (or the plan of the table’s year)"),
        help_text=gettext_lazy("Choose a plan to import a corrected table into it."),
    )
    parent = forms.ModelChoiceField(
        label=gettext_lazy("Publish a new plan under"),
        queryset=TaskPlanIndexPage.objects.order_by("path"),
        required=False,
        empty_label=None,
    )
    year = forms.IntegerField(
        label=gettext_lazy("Year"),
        required=False,
        min_value=1949,
        max_value=2200,
        help_text=gettext_lazy("Leave empty to take the year from the table’s title."),
    )
    title = forms.CharField(
        label=gettext_lazy("Title of the plan"),
        required=False,
        max_length=255,
        help_text=gettext_lazy(
            "Needed when the table has no title row; otherwise the table’s title is used."
        ),
    )
    issuer = forms.ModelChoiceField(
        label=gettext_lazy("Issuing body"),
        queryset=UnitPage.objects.order_by("path"),
        required=False,
        help_text=gettext_lazy(
            "The office that issued the plan. A table is imported into an existing plan only "
            "if it has the same year, title and issuing body, or if you choose the plan above."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for role in ROLES:
            self.fields[f"column_{role}"] = forms.CharField(
                label=COLUMN_ROLE_LABELS[role], required=False, max_length=20,
                help_text=gettext_lazy("Column letter(s), e.g. C or C,D; empty: as read."),
            )
        self.fields["column_header_row"] = forms.IntegerField(
            label=gettext_lazy("Header row"), required=False, min_value=1, max_value=100_000,
            help_text=gettext_lazy(
                "Only for a table whose header the reader does not recognise: the number of the "
                "row holding the column names, as the spreadsheet shows it. Empty: the first row "
                "with different texts in the columns you gave."
            ),
        )

    def clean_file(self):
        return super().clean_file() if self.cleaned_data.get("file") else None

    def keeping(self, name, file_name):
        """Say in the form that the table ``file_name`` is kept under ``name``."""
        self.initial.update(kept_file=name, kept_file_name=file_name)
        self.fields["file"].help_text = _(
            "Leave empty to read “%(name)s” again, for instance with the columns below."
        ) % {"name": file_name}

    def plan_fields(self):
        """The plan's fields given in the form (a title or issuer left empty is not given)."""
        return {name: self.cleaned_data[name] for name in ("title", "issuer")
                if self.cleaned_data.get(name)}

    def clean(self):
        cleaned_data = super().clean()
        kept = cleaned_data.get("kept_file") or ""
        if kept and not kept.isalnum():  # a uuid hex made by the preview, never a path
            self.add_error("kept_file", _("Unknown upload."))
        if not cleaned_data.get("file") and not kept and "file" not in self.errors:
            self.add_error("file", _("Choose the table to import."))
        for role in ROLES:
            letters = cleaned_data.get(f"column_{role}") or ""
            numbers = [column_number(part) for part in letters.replace("，", ",").split(",")
                       if part.strip()]
            if None in numbers:
                self.add_error(f"column_{role}", _("Write the column’s letter as the spreadsheet "
                                                   "shows it, such as C."))
        return cleaned_data

    def column_choice(self):
        """Role → column numbers the editor assigned (roles left empty are read as usual)."""
        choice = {}
        for role in ROLES:
            letters = self.cleaned_data.get(f"column_{role}") or ""
            numbers = [column_number(part) for part in letters.replace("，", ",").split(",")
                       if part.strip()]
            if numbers and None not in numbers:
                choice[role] = numbers
        if choice and self.cleaned_data.get("column_header_row"):
            choice[HEADER_ROW] = [self.cleaned_data["column_header_row"]]
        return choice

class PlanConfirmForm(ConfirmImportForm):
    """The choices made on the preview: hidden upload state, unit name mappings, removals."""

    plan = forms.ModelChoiceField(
        queryset=TaskPlanPage.objects.all(), required=False, widget=forms.HiddenInput
    )
    parent = forms.ModelChoiceField(
        queryset=TaskPlanIndexPage.objects.all(), required=False, widget=forms.HiddenInput
    )
    year = forms.IntegerField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(required=False, max_length=255, widget=forms.HiddenInput)
    issuer = forms.ModelChoiceField(
        queryset=UnitPage.objects.all(), required=False, widget=forms.HiddenInput
    )
    names = forms.CharField(required=False, widget=forms.HiddenInput)
    conflicts = forms.CharField(required=False, widget=forms.HiddenInput)
    columns = forms.CharField(required=False, widget=forms.HiddenInput)
    delete_in_use = forms.BooleanField(
        label=gettext_lazy(
            "Also delete the removed requirements that have progress reports, with their reports"
        ),
        required=False,
    )

    def __init__(self, *args, names=(), conflicts=(), **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            names = self.bound_names()
            conflicts = self.bound_conflicts()
        self.conflict_ids = list(conflicts)
        self.initial.setdefault("conflicts", json.dumps(self.conflict_ids))
        for pk in self.conflict_ids:
            self.fields[f"conflict_{pk}"] = forms.ChoiceField(
                label=_("Which to import"),
                choices=[(KEEP, _("Keep the edit made in the admin")),
                         (TAKE, _("Take the file’s value"))],
                initial=KEEP,
                required=False,
                widget=forms.RadioSelect,
            )
        self.unmatched_names = list(names)
        self.initial.setdefault("names", json.dumps(self.unmatched_names, ensure_ascii=False))
        choices = mapping_choices()
        suggestions = Suggestions()
        index = UnitNameIndex()
        for number, name in enumerate(self.unmatched_names):
            initial, help_text, field_choices = KEEP, suggestions.help_text(name), choices
            suggestion = index.suggest(name)
            if suggestion is not None:
                initial, help_text, field_choices = suggested_mapping(suggestion, choices)
            self.fields[f"map_{number}"] = forms.ChoiceField(
                label=name,
                choices=field_choices,
                initial=initial,
                required=False,
                help_text=help_text,
            )

    def bound_names(self):
        try:
            names = json.loads(self.data.get(self.add_prefix("names")) or "[]")
        except ValueError:
            return []
        if not isinstance(names, list):
            return []
        return [n for n in names if isinstance(n, str) and n.strip()][:500]

    def bound_conflicts(self):
        try:
            ids = json.loads(self.data.get(self.add_prefix("conflicts")) or "[]")
        except ValueError:
            return []
        if not isinstance(ids, list):
            return []
        return [pk for pk in ids if isinstance(pk, int)][:5000]

    def taken_from_file(self) -> set[int]:
        """The requirements whose conflict the editor resolved by taking the file's values."""
        return {pk for pk in self.conflict_ids if self.cleaned_data.get(f"conflict_{pk}") == TAKE}
    def plan_fields(self):
        return {name: self.cleaned_data[name] for name in ("title", "issuer")
                if self.cleaned_data.get(name)}

    def column_choice(self):
        try:
            choice = json.loads(self.cleaned_data.get("columns") or "{}")
        except ValueError:
            return {}
        if not isinstance(choice, dict):
            return {}
        return {role: [n for n in numbers
                       if isinstance(n, int) and 0 <= n < (100_001 if role == HEADER_ROW else 1000)]
                for role, numbers in choice.items()
                if role in (*ROLES, HEADER_ROW) and isinstance(numbers, list)}

    def mapping_fields(self):
        return [self[f"map_{n}"] for n in range(len(self.unmatched_names))]

    def mappings(self) -> list[tuple[str, str]]:
        return [
            (name, self.cleaned_data.get(f"map_{n}") or KEEP)
            for n, name in enumerate(self.unmatched_names)
        ]


def suggested_mapping(suggestion, choices):
    """The choice preselected for a name the register probably knows under another spelling
    (the editor confirms it by importing, or picks another), its explanation and the choices."""
    percent = round(suggestion.confidence * 100)
    if suggestion.kind is not None:
        value = f"{KIND}:{suggestion.kind}"
        label = _("A new unit group of every unit of the kind “%(kind)s”, under this name") % {
            "kind": suggestion.label}
        choices = [*choices[:2], (value, label), *choices[2:]]
        help_text = _("Probably every unit of the kind “%(kind)s” (confidence %(percent)s%%).") % {
            "kind": suggestion.label, "percent": percent}
        return value, help_text, choices
    kind = "unit" if isinstance(suggestion.target, UnitPage) else "group"
    value = f"{kind}:{suggestion.target.pk}"
    help_text = _(
        "Probably “%(name)s” (read as: %(steps)s; confidence %(percent)s%%). Confirm or choose "
        "another."
    ) % {"name": suggestion.label, "steps": "，".join(suggestion.steps), "percent": percent}
    return (value if suggestion.is_likely else KEEP), help_text, choices


def mapping_choices():
    units = [(f"unit:{u.pk}", u.title) for u in UnitPage.objects.order_by("path")]
    groups = [(f"group:{g.pk}", g.name) for g in UnitGroup.objects.order_by("name")]
    return [
        (KEEP, _("Keep the name as written")),
        (CREATE, _("Create a new unit with this name")),
        (_("Map to a unit (saved as an alias)"), units),
        (_("Map to a unit group (saved as an alias)"), groups),
    ]


class Suggestions:
    """The known unit or group name closest to an unknown one, to help the editor choose."""

    def __init__(self):
        self.names = list(UnitPage.objects.values_list("title", flat=True))
        self.names += list(UnitGroup.objects.values_list("name", flat=True))

    def help_text(self, name):
        found = difflib.get_close_matches(name, self.names, n=1, cutoff=0.5)
        return _("Closest known name: %(name)s") % {"name": found[0]} if found else ""


def add_alias(target, name, user=None):
    """Save ``name`` as another spelling of a unit or group, so later imports match it."""
    key = normalize_name(name)
    if key in target.match_keys():
        return
    target.other_names = "\n".join([*target.alias_list(), name])
    if isinstance(target, UnitPage):
        if target.has_unpublished_changes:
            target.save(update_fields=["other_names"])
        else:
            target.save_revision(user=user, log_action=True).publish(user=user)
    else:
        target.save(update_fields=["other_names"])
    record(target, MAP_LOG_ACTION, user, name=name)


def create_unit(name, user=None) -> UnitPage:
    directory = UnitIndexPage.objects.order_by("path").first()
    if directory is None:
        raise PlanImportError(
            _("There is no unit directory to create the unit “%(name)s” in.") % {"name": name}
        )
    unit = UnitPage(title=name, kind=UnitKind.OTHER)
    directory.add_child(instance=unit)
    unit.save_revision(user=user, log_action=True).publish(user=user)
    record(unit, CREATE_UNIT_LOG_ACTION, user, name=name)
    return unit


def apply_mappings(mappings, user=None) -> int:
    """Carry out the editor's choice for every unknown name; the number of names now known."""
    units = UnitPage.objects.in_bulk()
    groups = UnitGroup.objects.in_bulk()
    done = 0
    for name, choice in mappings:
        if choice == KEEP:
            continue
        if choice == CREATE:
            if UnitNameIndex().match(name) is None:
                create_unit(name, user)
            done += 1
            continue
        kind, _sep, pk = choice.partition(":")
        if kind == KIND:
            done += group_of_kind(name, pk)
            continue
        target = (units if kind == "unit" else groups).get(int(pk)) if pk.isdigit() else None
        if target is None:
            raise PlanImportError(
                _("The unit chosen for “%(name)s” no longer exists.") % {"name": name}
            )
        add_alias(target, name, user)
        done += 1
    return done


def group_of_kind(name, kind) -> int:
    """A unit group named ``name`` holding every unit of ``kind`` (功能区管委会); 1 if made."""
    if kind not in UnitKind.values:
        raise PlanImportError(_("“%(name)s”: unknown kind of unit.") % {"name": name})
    if UnitNameIndex().match(name) is not None:
        return 1
    UnitGroup.objects.create(name=name, member_kinds=[kind])
    return 1


def unmatched_names(outline) -> list[str]:
    seen = []
    for requirement in outline.requirements:
        for name in requirement.unmatched_units:
            if name not in seen:
                seen.append(name)
    return seen


def conflict_rows(changes, confirm_form):
    """[(conflict, its keep/take field, [(what, admin value, file value), …]), …]."""
    conflicts = changes.conflicts
    if not conflicts:
        return []
    names = link_names([change.conflict for change in conflicts])
    rows = []
    for change in conflicts:
        conflict = change.conflict
        conflict.rows_label = "、".join(str(row) for row in change.source_rows) or "—"
        name = f"conflict_{conflict.requirement_id}"
        field = confirm_form[name] if name in confirm_form.fields else None
        rows.append((conflict, field, conflict.rows(names)))
    return rows


def preview_sections(changes):
    """[(section title, [task change, …]), …] in the table's order; each changed requirement
    carries its ``differences`` (old and new values) for the preview."""
    sections = []
    for task in changes.tasks:
        for change in task.requirements:
            change.differences = differences(change, task)
        if not sections or sections[-1][0] != (task.section_number, task.section_title):
            sections.append(((task.section_number, task.section_title), []))
        sections[-1][1].append(task)
    return [(title, tasks) for (_number, title), tasks in sections]


def columns_read(changes):
    """[(role label, "C 具体要求"), …]: the columns the reader used for each role."""
    if changes is None or not changes.outline.columns:
        return []
    names = changes.outline.header_names
    rows = []
    for role in ROLES:
        columns = changes.outline.columns.get(role) or []
        shown = "、".join(f"{column_letter(c)}（{names.get(c, '')}）" if names.get(c)
                         else column_letter(c) for c in columns)
        rows.append((COLUMN_ROLE_LABELS[role], shown or "—"))
    return rows


def plan_identity_context(changes, parent, plan_fields):
    """Which plan the table goes to, the other plans of its year (never chosen for the editor),
    and whether a new plan lacks a title (the table had none and the form gave none)."""
    if changes is None or changes.outline.year is None:
        return {}
    others = plans_of_year(changes.outline.year, parent)
    if changes.plan is not None:
        others = others.exclude(pk=changes.plan.pk)
    title_missing = (
        changes.plan is None and not changes.has_errors
        and not (plan_fields.get("title") or changes.outline.title)
    )
    return {"other_plans_of_year": list(others), "title_missing": title_missing}


#: Stands for the CSRF token in a preview the worker renders; the screen puts the editor's in.
CSRF_PLACEHOLDER = "wagtail-disclosure-csrf-token"


def preview_extras(changes):
    """What the preview shows of a change set besides the change set itself."""
    if changes is None:
        return {}
    return {
        "sections": preview_sections(changes),
        "errors": [(p.row, problem_message(p)) for p in changes.outline.errors],
        "warnings": [(p.row, problem_message(p)) for p in changes.outline.warnings],
    }


def form_options(plan, parent, year, plan_fields, columns) -> dict:
    """The upload form's choices as a background task carries them (JSON)."""
    issuer = plan_fields.get("issuer")
    return {"plan": plan.pk if plan else None, "parent": parent.pk if parent else None,
            "year": year, "title": plan_fields.get("title", ""),
            "issuer": issuer.pk if issuer else None, "columns": columns}


def form_values(options: dict):
    """The upload form's choices again, from :func:`form_options` (objects since deleted: None)."""
    def get(model, pk):
        return model.objects.filter(pk=pk).first() if pk else None

    plan_fields = {"title": options.get("title"), "issuer": get(UnitPage, options.get("issuer"))}
    return {
        "plan": get(TaskPlanPage, options.get("plan")),
        "parent": get(TaskPlanIndexPage, options.get("parent")),
        "year": options.get("year"),
        "plan_fields": {name: value for name, value in plan_fields.items() if value},
        "columns": {role: numbers for role, numbers in (options.get("columns") or {}).items()
                    if role in (*ROLES, HEADER_ROW)},
    }


class PlanImportView(BackgroundImportMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtail_disclosure/plans/import.html"
    page_title = gettext_lazy("Import task plan")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not plan_policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "upload_form" not in context:
            initial = {"parent": TaskPlanIndexPage.objects.order_by("path").first()}
            plan_id = self.request.GET.get("plan", "")
            if plan_id.isdigit():
                initial["plan"] = TaskPlanPage.objects.filter(pk=plan_id).first()
            context["upload_form"] = PlanUploadForm(initial=initial)
        context["extensions"] = EXTENSIONS
        context.update(preview_extras(context.get("changes")))
        return context

    def post(self, request, *args, **kwargs):
        if "restart_task" in request.POST:
            return self.restart(request, request.POST["restart_task"])
        if "import_file_name" in request.POST:
            return self.confirm(request)
        return self.preview(request)

    def runs_in_background(self, data, file_name) -> bool:
        """Whether the table has more rows than an import reads inside a request."""
        try:
            grids, _problems = read_tables(data, file_name, reading_limits())
        except PlanTableReadError:
            return False
        rows = sum(len(grid.rows) for grid in grids)
        return rows > get_setting("WAGTAIL_DISCLOSURE_PLAN_IMPORT_BACKGROUND_ROWS")

    # --- Step 2: the preview ---------------------------------------------------------------

    def preview(self, request):
        form = PlanUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(upload_form=form))
        upload = form.cleaned_data["file"]
        if upload is not None:
            data, file_name = upload.read(), PurePath(upload.name).name
            kept = MediaStorage(MEDIA_FOLDER=TMP_FOLDER)
            kept.save(data)
        else:
            kept = MediaStorage(name=form.cleaned_data["kept_file"], MEDIA_FOLDER=TMP_FOLDER)
            try:
                data = kept.read()
            except OSError:
                form.add_error("file", _("The table of the last preview is no longer kept; "
                                         "choose the file again."))
                return self.render_to_response(self.get_context_data(upload_form=form))
            file_name = form.cleaned_data["kept_file_name"] or "table"
        values = {"plan": form.cleaned_data["plan"], "parent": form.cleaned_data["parent"],
                  "year": form.cleaned_data["year"], "plan_fields": form.plan_fields(),
                  "columns": form.column_choice()}
        if self.runs_in_background(data, file_name):
            result = enqueue_import(self.view_path(), kept.name, file_name, request.user.pk,
                                    True, {"form": form_options(**values)})
            return redirect(f"{request.path}?task={result.id}")
        context = self.preview_context(data, file_name, **values)
        again = PlanUploadForm(initial={name: value for name, value in form.cleaned_data.items()
                                        if name != "file"})
        again.keeping(kept.name, file_name)
        return self.render_to_response(self.get_context_data(upload_form=again, **context))

    def preview_context(self, data, file_name, *, plan, parent, year, plan_fields, columns):
        """The preview of the table: what it changes, and the confirm form when it may."""
        changes = self.read(data, file_name, plan=plan, parent=parent, year=year,
                            plan_fields=plan_fields, columns=columns)
        context = {
            "changes": changes, "file_name": file_name, "parent": parent,
            **plan_identity_context(changes, parent, plan_fields),
            "columns_read": columns_read(changes),
        }
        if context.get("title_missing"):
            return context
        if changes is not None and not changes.has_errors:
            storage = MediaStorage(MEDIA_FOLDER=TMP_FOLDER)
            storage.save(data)
            context["confirm_form"] = PlanConfirmForm(
                names=unmatched_names(changes.outline),
                conflicts=[change.existing.pk for change in changes.conflicts],
                initial={
                    "import_file_name": storage.name,
                    "original_file_name": file_name,
                    "plan": changes.plan.pk if changes.plan else None,
                    "parent": parent.pk if parent else None,
                    "year": changes.outline.year,
                    "title": plan_fields.get("title", ""),
                    "columns": json.dumps(columns),
                    "issuer": plan_fields["issuer"].pk if plan_fields.get("issuer") else None,
                },
            )
            context["conflicts"] = conflict_rows(changes, context["confirm_form"])
        return context

    def read(self, data, file_name, *, plan=None, parent=None, year=None, index=None,
             take_file=None, plan_fields=None, columns=None):
        """The change set of the file, or None when reading it failed unexpectedly (logged)."""
        try:
            return prepare_import(data, file_name, year=year, plan=plan, parent=parent,
                                  index=index, take_file=take_file, plan_fields=plan_fields,
                                  columns=columns)
        except Exception:  # the parser reports bad files as problems; this is the last guard
            logger.exception("Reading the task plan %s failed", file_name)
            return None

    # --- Step 3: confirm -------------------------------------------------------------------

    def confirm(self, request):
        form = PlanConfirmForm(request.POST)
        if not form.is_valid():
            messages.error(
                request, _("The upload to confirm was not found; upload the file again.")
            )
            return redirect(request.path)
        storage = MediaStorage(name=form.cleaned_data["import_file_name"], MEDIA_FOLDER=TMP_FOLDER)
        try:
            data = storage.read()
        except OSError:
            messages.error(request, _("The upload to confirm has expired; upload the file again."))
            return redirect(request.path)
        file_name = form.cleaned_data["original_file_name"]
        if self.runs_in_background(data, file_name):
            posted = {key: request.POST.getlist(key) for key in request.POST
                      if key != "csrfmiddlewaretoken"}
            result = enqueue_import(self.view_path(), storage.name, file_name, request.user.pk,
                                    False, {"post": posted})
            return redirect(f"{request.path}?task={result.id}")
        try:
            result, changes = self.apply_confirmed(form, data, file_name, request.user)
        except (PlanImportError, ImportBusy) as exc:
            context = self.get_context_data(
                file_name=file_name, import_error=str(exc), changes=exc.changes
            )
            return self.render_to_response(context)
        storage.remove()
        return self.imported(request, *imported_message(result, changes, file_name))

    def apply_confirmed(self, form, data, file_name, user, progress=None):
        """Write the plan as the editor confirmed it: (the result, the change set written).
        A refusal raises PlanImportError or ImportBusy, with the change set read (if any) as
        the exception's ``changes``."""
        parent = form.cleaned_data["parent"]
        changes = None
        try:
            with (import_lock(PLAN_IMPORT_LOCK, _("a task plan")), transaction.atomic(),
                  reads_remembered()):
                apply_mappings(form.mappings(), user)
                changes = self.read(
                    data,
                    file_name,
                    plan=form.cleaned_data["plan"],
                    parent=parent,
                    year=form.cleaned_data["year"],
                    index=UnitNameIndex(),
                    take_file=form.taken_from_file(),
                    plan_fields=form.plan_fields(),
                    columns=form.column_choice(),
                )
                if changes is None or changes.has_errors:
                    raise PlanImportError(_("The file has errors; nothing was imported."))
                identity = plan_identity_context(changes, parent, form.plan_fields())
                if identity.get("title_missing"):
                    raise PlanImportError(
                        _("Give the title of the new plan; nothing was imported.")
                    )
                if progress is not None:
                    progress.report(1, 2, stage=_("Writing the plan"))
                remember_columns(changes.outline, form.column_choice())
                result = apply_changes(
                    changes,
                    parent=parent,
                    user=user,
                    delete_in_use=form.cleaned_data["delete_in_use"],
                    file_name=file_name,
                )
        except (PlanImportError, ImportBusy) as exc:
            exc.changes = changes
            raise
        return result, changes

    def imported(self, request, level, text, plan_id):
        messages.add_message(request, level, text)
        return redirect("wagtailadmin_explore", plan_id)

    # --- The same steps in a background task (large tables) --------------------------------

    def background_import(self, data, file_name, *, dry_run, options, progress) -> dict:
        if dry_run:
            progress.report(0, 1, stage=_("Reading the table and comparing it with the plan"))
            context = self.preview_context(data, file_name, **form_values(options.get("form", {})))
            progress.report(1, 1, force=True)
            return {"ok": True, "html": self.render_preview(context)}
        form = PlanConfirmForm(querydict(options.get("post") or {}))
        if not form.is_valid():
            return {"ok": False, "html": self.render_preview({
                "file_name": file_name,
                "import_error": _("The upload to confirm was not found; upload the file again."),
            })}
        progress.report(0, 2, stage=_("Reading the table and comparing it with the plan"))
        try:
            result, changes = self.apply_confirmed(form, data, file_name, self.request.user,
                                                   progress)
        except (PlanImportError, ImportBusy) as exc:
            return {"ok": False, "html": self.render_preview({
                "file_name": file_name, "import_error": str(exc), "changes": exc.changes,
                **preview_extras(exc.changes)})}
        progress.report(2, 2, force=True)
        level, text, plan_id = imported_message(result, changes, file_name)
        return {"ok": True, "level": level, "message": str(text), "plan_id": plan_id}

    def render_preview(self, context) -> str:
        """The preview as the worker renders it; the screen puts in the CSRF token."""
        path = reverse("wagtail_disclosure_admin:import_plan")
        context = {**context, **preview_extras(context.get("changes")),
                   "csrf_token": CSRF_PLACEHOLDER, "request": SimpleNamespace(path=path)}
        return render_to_string("wagtail_disclosure/plans/import_preview.html", context)

    def task_done(self, request, outcome):
        if outcome.get("dry_run") or not outcome.get("ok"):
            html = outcome["html"].replace(CSRF_PLACEHOLDER, get_token(request))
            return self.render_to_response(self.get_context_data(
                preview_html=mark_safe(html)  # noqa: S308 - rendered by our template
            ))
        return self.imported(request, outcome["level"], outcome["message"], outcome["plan_id"])


def querydict(posted: dict) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, values in posted.items():
        data.setlist(key, [str(value) for value in values])
    return data


def imported_message(result, changes, file_name):
    """(message level, text, the plan's id) an applied import tells the editor."""
    summary = changes.summary()
    if not result.wrote:
        text = _("“%(file)s” changes nothing in the plan.") % {"file": file_name}
        return messages.INFO, text, result.plan.pk
    text = _(
        "Imported “%(file)s” into “%(plan)s”: %(created)s requirements added, "
        "%(changed)s changed, %(deleted)s removed, %(kept)s kept for their progress."
    ) % {
        "file": file_name,
        "plan": result.plan.title,
        "created": summary["created"],
        "changed": summary["changed"],
        "deleted": result.deleted,
        "kept": result.kept,
    }
    return messages.SUCCESS, text, result.plan.pk


def export_plan(request, pk):
    """The plan as an .xlsx in the shape it was imported from."""
    if not plan_policy.user_has_permission(request.user, "view"):
        raise PermissionDenied
    plan = get_object_or_404(TaskPlanPage, pk=pk)
    response = HttpResponse(export_plan_xlsx(plan), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, export_file_name(plan))
    return response
