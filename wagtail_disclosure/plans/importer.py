"""Turning a parsed task plan outline into pages, and importing a corrected table without loss.

``parse_plan`` (in :mod:`wagtail_disclosure.parsing`) reads a file into an outline. This module
compares that outline with the plan already on the site and says what would change
(:func:`plan_changes`), then writes exactly that (:func:`apply_changes`) in one transaction:

* tasks are matched by their title, then by section and task number;
* requirements are matched by task and by content, not by row number: the same text first
  (also when it moved to another task), then the most similar text of the same task, so an edited
  requirement is updated in place and keeps its primary key and with it its progress reports;
* requirements that are gone from the table are deleted, except those that have progress
  (any reverse relation with ``on_delete=PROTECT``, such as progress reports, or a
  ``disclosure_requirements_in_use`` hook): those are kept unless the editor confirms;
* every write goes through page revisions (who and what, in the plan's history), and a file
  that changes nothing writes nothing, not even a revision.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.documents import get_document_model
from wagtail.log_actions import log

from wagtail_disclosure.attributes.choices import DisclosureAttribute
from wagtail_disclosure.core.bulk_rows import without_cycle_collection
from wagtail_disclosure.core.spreadsheets import reading_limits
from wagtail_disclosure.core.text import normalize_name
from wagtail_disclosure.units.matching import UnitNameIndex
from wagtail_disclosure.units.models import UnitGroup, UnitPage

from .bulk import update_search_index, write_new_task_pages
from .conflicts import Conflict, Side, find_conflict, keep_admin_values
from .identity import free_slug, same_plan
from .messages import problem_message
from .models import (
    ColumnChoice,
    Requirement,
    TaskPage,
    TaskPlanIndexPage,
    TaskPlanPage,
    delete_dependents,
    requirements_in_use,
)
from .parsing import PlanOutline, outline_to_dict, parse_plan

#: Two texts this similar (difflib ratio) are one requirement edited, not two requirements.
SIMILARITY_THRESHOLD = 0.6
#: Beyond this many unmatched requirements in one task, similarity is not tried (quadratic).
MAX_SIMILARITY_CANDIDATES = 300
#: The log action recorded on the plan page for every import that changed something.
LOG_ACTION = "wagtail_disclosure.import_plan"
#: Plan imports write one at a time (``core.imports.import_lock``): the second of two imports
#: started together would otherwise compare with the plan before the first wrote it.
PLAN_IMPORT_LOCK = "task-plan"

TASK_NUMBER = re.compile(
    r"^\s*([（(]\s*(?:[一二三四五六七八九十百零〇两]+|[0-9０-９]+)\s*[）)])\s*"
)
CONTENT_FIELDS = ("text", "units_raw", "deadline_raw", "due_date", "is_ongoing", "is_recurring")
LINK_FIELDS = ("lead_units", "lead_groups", "cooperating_units", "cooperating_groups")


class PlanImportError(Exception):
    """The import cannot be applied as asked; the message is for the editor."""


# --- Values of a requirement -------------------------------------------------------------------


@dataclass
class Links:
    """A requirement's units as relations, and the names nobody matched as written."""

    lead_units: list[int] = field(default_factory=list)
    lead_groups: list[int] = field(default_factory=list)
    cooperating_units: list[int] = field(default_factory=list)
    cooperating_groups: list[int] = field(default_factory=list)
    unmatched: list[dict[str, str]] = field(default_factory=list)

    def key(self):
        return (
            tuple(sorted(self.lead_units)),
            tuple(sorted(self.lead_groups)),
            tuple(sorted(self.cooperating_units)),
            tuple(sorted(self.cooperating_groups)),
            tuple((u["name"], u["role"]) for u in self.unmatched),
        )


def links_of_outline(requirement, index: UnitNameIndex) -> Links:
    links = Links()
    for role, names in (
        ("lead", requirement.lead_units),
        ("cooperating", requirement.cooperating_units),
    ):
        for name in names:
            found = index.match(name)
            if isinstance(found, UnitPage):
                target = getattr(links, f"{role}_units")
            elif isinstance(found, UnitGroup):
                target = getattr(links, f"{role}_groups")
            else:
                entry = {"name": name, "role": role}
                if entry not in links.unmatched:
                    links.unmatched.append(entry)
                continue
            if found.pk not in target:
                target.append(found.pk)
    return links


def links_of_requirement(requirement: Requirement) -> Links:
    """The stored links (from prefetched relations: no query per requirement)."""
    stored = getattr(requirement, "_stored_links", None)
    if stored is not None:
        return Links(
            **{name: list(stored[name]) for name in LINK_FIELDS},
            unmatched=[
                {"name": u.get("name", ""), "role": u.get("role", "lead")}
                for u in (requirement.unmatched_units or [])
            ],
        )
    return Links(
        lead_units=[u.pk for u in requirement.lead_units.all()],
        lead_groups=[g.pk for g in requirement.lead_groups.all()],
        cooperating_units=[u.pk for u in requirement.cooperating_units.all()],
        cooperating_groups=[g.pk for g in requirement.cooperating_groups.all()],
        unmatched=[
            {"name": u.get("name", ""), "role": u.get("role", "lead")}
            for u in (requirement.unmatched_units or [])
        ],
    )


def values_of_outline(requirement) -> dict[str, Any]:
    deadline = requirement.deadline
    return {
        "text": requirement.text,
        "units_raw": requirement.units_raw or "",
        "deadline_raw": (deadline.raw or "")[:255],
        "due_date": deadline.due,
        "is_ongoing": bool(deadline.ongoing),
        "is_recurring": bool(deadline.recurring),
    }


def split_task_title(title: str | None) -> tuple[str, str]:
    """``(一) 抓好…`` → (``(一)``, ``抓好…``); a title without a number keeps it empty."""
    title = (title or "").strip()
    match = TASK_NUMBER.match(title)
    if not match:
        return "", title
    return match[1].strip(), title[match.end() :].strip()


def text_key(text: str | None) -> str:
    return normalize_name(text)


# --- The change set ----------------------------------------------------------------------------


@dataclass
class RequirementChange:
    """One requirement of the new table and what importing it does."""

    outline: Any  # parsing.Requirement
    values: dict[str, Any]
    links: Links
    source_rows: list[int]
    existing: Requirement | None = None
    changed_fields: list[str] = field(default_factory=list)
    moved_from: TaskPage | None = None
    conflict: Conflict | None = None

    @property
    def action(self) -> str:
        if self.existing is None:
            return "created"
        return "changed" if self.changed_fields else "unchanged"


@dataclass
class TaskChange:
    """One task of the new table, the page it updates (or None: a new page) and its rows."""

    section_number: int
    section_title: str
    task_number: str
    title: str
    requirements: list[RequirementChange] = field(default_factory=list)
    existing: TaskPage | None = None
    changed_fields: list[str] = field(default_factory=list)
    kept: list[Requirement] = field(default_factory=list)  # removed, in use, not confirmed
    removed: list[Requirement] = field(default_factory=list)  # deleted from this page
    needs_write: bool = False  # its content changes (fields, requirements or their order)
    rows_changed: bool = False  # only the source rows of its requirements differ
    is_new: bool = False

    @property
    def display_title(self):
        return f"{self.task_number} {self.title}".strip()


@dataclass
class ChangeSet:
    """What importing an outline into a plan creates, changes, keeps and removes."""

    outline: PlanOutline
    plan: TaskPlanPage | None
    tasks: list[TaskChange]
    removed: list[Requirement]  # every existing requirement not in the new table
    in_use: set[int]  # primary keys of removed requirements that have progress
    removed_tasks: list[TaskPage]  # pages whose every requirement is gone
    plan_fields: dict[str, Any] = field(default_factory=dict)
    plan_changed_fields: list[str] = field(default_factory=list)
    order_changed: bool = False
    source: tuple[bytes, str] | None = None  # the file, stored as the plan's source document
    source_changed: bool = False

    def requirements(self, action=None):
        return [
            r for t in self.tasks for r in t.requirements if action is None or r.action == action
        ]

    @property
    def created(self):
        return self.requirements("created")

    @property
    def changed(self):
        return self.requirements("changed")

    @property
    def unchanged(self):
        return self.requirements("unchanged")

    @property
    def conflicts(self):
        """Requirements edited in the admin since the last import that the file would change."""
        return [r for r in self.requirements() if r.conflict is not None]

    @property
    def removed_in_use(self):
        return [r for r in self.removed if r.pk in self.in_use]

    @property
    def removed_free(self):
        return [r for r in self.removed if r.pk not in self.in_use]

    @property
    def created_tasks(self):
        return [t for t in self.tasks if t.is_new]

    @property
    def has_errors(self):
        return bool(self.outline.errors)

    @property
    def has_changes(self):
        return (
            self.plan is None
            or bool(self.plan_changed_fields)
            or bool(self.removed)
            or bool(self.removed_tasks)
            or any(t.needs_write for t in self.tasks)
            or self.order_changed
        )

    def summary(self) -> dict[str, int]:
        return {
            "tasks_created": len(self.created_tasks),
            "tasks_removed": len(self.removed_tasks),
            "created": len(self.created),
            "changed": len(self.changed),
            "unchanged": len(self.unchanged),
            "removed": len(self.removed),
            "removed_with_progress": len(self.removed_in_use),
        }

    def to_dict(self) -> dict[str, Any]:
        """The ``changes`` key of the command's JSON output."""

        def listed(action):
            return [
                {
                    "task": task.display_title,
                    "text": change.values["text"],
                    "source_rows": change.source_rows,
                    "id": change.existing.pk if change.existing else None,
                    "fields": change.changed_fields,
                }
                for task in self.tasks
                for change in task.requirements
                if change.action == action
            ]

        return {
            "plan": {
                "id": self.plan.pk if self.plan else None,
                "slug": self.plan.slug if self.plan else self.plan_fields.get("slug"),
                "exists": self.plan is not None,
                "fields": self.plan_changed_fields
                + (["source_document"] if self.source_changed and self.has_changes else []),
            },
            "summary": self.summary(),
            "created": listed("created"),
            "changed": listed("changed"),
            "removed": [
                {
                    "id": r.pk,
                    "text": r.text,
                    "task_id": r.task_id,
                    "has_progress": r.pk in self.in_use,
                }
                for r in self.removed
            ],
            "removed_tasks": [{"id": t.pk, "title": t.title} for t in self.removed_tasks],
            "conflicts": [
                {
                    "id": change.existing.pk,
                    "source_rows": change.source_rows,
                    "fields": change.conflict.groups,
                    "kept": not change.conflict.take_file,
                }
                for change in self.conflicts
            ],
        }


def existing_tasks(plan: TaskPlanPage | None) -> list[TaskPage]:
    if plan is None or plan.pk is None:
        return []
    pages = list(
        TaskPage.objects.child_of(plan)
        .order_by("path")
        .prefetch_related(
            models.Prefetch(
                "requirements", queryset=Requirement.objects.order_by("sort_order", "pk")
            )
        )
    )
    attach_stored_links([r for page in pages for r in page.requirements.all()])
    return pages


def attach_stored_links(requirements: list[Requirement]) -> None:
    """Read the requirements' four relations in one query per relation table (modelcluster's
    prefetch costs a queryset per requirement and relation: seconds for a large plan) and keep
    the primary keys on each requirement for :func:`links_of_requirement`."""
    by_pk = {r.pk: r for r in requirements}
    for requirement in requirements:
        requirement._stored_links = {name: [] for name in LINK_FIELDS}
    if not by_pk:
        return
    for name in LINK_FIELDS:
        field = Requirement._meta.get_field(name)
        through = field.remote_field.through
        rows = (
            through.objects.filter(**{f"{field.m2m_field_name()}__in": list(by_pk)})
            .order_by("pk")
            .values_list(field.m2m_column_name(), field.m2m_reverse_name())
        )
        for requirement_id, target_id in rows:
            by_pk[requirement_id]._stored_links[name].append(target_id)


def match_tasks(new_tasks: list[TaskChange], pages: list[TaskPage]) -> None:
    """Pair new tasks with existing pages: same title first, then same section and number."""
    free = list(pages)
    for task in new_tasks:
        key = text_key(task.title)
        for page in free:
            if text_key(page.title) == key:
                task.existing = page
                free.remove(page)
                break
    for task in new_tasks:
        if task.existing is not None or not task.task_number:
            continue
        for page in free:
            if (page.section_number, text_key(page.task_number)) == (
                task.section_number,
                text_key(task.task_number),
            ):
                task.existing = page
                free.remove(page)
                break


def match_requirements(
    tasks: list[TaskChange], pages: list[TaskPage], imported_texts: dict[int, str] | None = None
) -> list[Requirement]:
    """Pair requirements with stored ones; returns the stored ones left without a partner.

    ``imported_texts`` holds, for requirements edited in the admin since the last import, the
    text that import gave them: the table still has that text, and must find them by it.
    """
    imported_texts = imported_texts or {}

    def keys_of(stored):
        return {text_key(stored.text), text_key(imported_texts.get(stored.pk, stored.text))}

    pool: dict[int, list[Requirement]] = {page.pk: list(page.requirements.all()) for page in pages}
    # 1. The same text in the same task.
    for task in tasks:
        candidates = pool.get(task.existing.pk, []) if task.existing else []
        for change in task.requirements:
            key = text_key(change.values["text"])
            for stored in candidates:
                if key in keys_of(stored):
                    change.existing = stored
                    candidates.remove(stored)
                    break
    # 2. The same text in another task: the requirement moved.
    by_text: dict[str, list[Requirement]] = {}
    for page in pages:
        for stored in pool[page.pk]:
            for key in keys_of(stored):
                by_text.setdefault(key, []).append(stored)
    for task in tasks:
        for change in task.requirements:
            if change.existing is not None:
                continue
            found = [
                stored
                for stored in by_text.get(text_key(change.values["text"]), [])
                if stored in pool[stored.task_id]
            ]
            if found:
                stored = found[0]
                change.existing = stored
                pool[stored.task_id].remove(stored)
    # 3. The most similar text of the same task: the requirement was edited.
    for task in tasks:
        if task.existing is None:
            continue
        candidates = pool.get(task.existing.pk, [])
        unmatched = [c for c in task.requirements if c.existing is None]
        if not candidates or not unmatched:
            continue
        if len(candidates) * len(unmatched) > MAX_SIMILARITY_CANDIDATES**2:
            continue
        pairs = []
        for change in unmatched:
            matcher = difflib.SequenceMatcher(None, autojunk=False)
            matcher.set_seq2(change.values["text"])
            for stored in candidates:
                matcher.set_seq1(stored.text)
                if matcher.real_quick_ratio() < SIMILARITY_THRESHOLD:
                    continue
                if matcher.quick_ratio() < SIMILARITY_THRESHOLD:
                    continue
                ratio = matcher.ratio()
                if ratio >= SIMILARITY_THRESHOLD:
                    pairs.append((-ratio, id(change), change, stored))
        pairs.sort(key=lambda p: (p[0], p[1]))
        for _ratio, _id, change, stored in pairs:
            if change.existing is None and stored in candidates:
                change.existing = stored
                candidates.remove(stored)
    return [stored for page in pages for stored in pool[page.pk]]


def compare(change: RequirementChange, task: TaskChange, position: int) -> None:
    stored = change.existing
    if stored is None:
        task.needs_write = True
        return
    fields = [f for f in CONTENT_FIELDS if getattr(stored, f) != change.values[f]]
    if links_of_requirement(stored).key() != change.links.key():
        fields.append("units")
    if task.existing is None or stored.task_id != task.existing.pk:
        change.moved_from = stored.task
        fields.append("task")
    change.changed_fields = fields
    if fields or stored.sort_order != position:
        task.needs_write = True
    elif stored.source_rows != change.source_rows:
        task.rows_changed = True


def plan_changes(
    outline: PlanOutline,
    plan: TaskPlanPage | None,
    *,
    index: UnitNameIndex | None = None,
    plan_fields: dict[str, Any] | None = None,
    source: tuple[bytes, str] | None = None,
    take_file: Collection[int] | None = None,
    read_as_remembered: bool = True,
) -> ChangeSet:
    """Compare ``outline`` with ``plan`` (None or unsaved: a plan to create). Reads only.

    ``read_as_remembered``: ``outline`` was read with the columns remembered for its shape (not
    columns the editor chose for this import), as the last import of the same file was.

    Requirements edited in the admin since the last import, which the file would change, are
    conflicts: the admin's values are kept unless the requirement's primary key is in
    ``take_file`` (``TAKE_ALL``: every one), and each conflict says what both sides hold.
    """
    index = index or UnitNameIndex()
    plan_fields = dict(plan_fields or {})
    if plan is not None and plan.pk is None:
        plan = None
    tasks: list[TaskChange] = []
    for section_number, section in enumerate(outline.sections, 1):
        for task in section.tasks:
            number, title = split_task_title(task.title)
            change = TaskChange(
                section_number=section_number,
                section_title=(section.title or "")[:255],
                task_number=number[:16],
                title=(title or _("Task %(number)s") % {"number": len(tasks) + 1})[:255],
            )
            for requirement in task.requirements:
                change.requirements.append(
                    RequirementChange(
                        outline=requirement,
                        values=values_of_outline(requirement),
                        links=links_of_outline(requirement, index),
                        source_rows=list(requirement.source_rows),
                    )
                )
            tasks.append(change)
    pages = existing_tasks(plan)
    match_tasks(tasks, pages)
    for task in tasks:
        task.is_new = task.existing is None
    imported = values_as_last_imported(
        plan, pages, index, outline if read_as_remembered else None, source
    )
    left = match_requirements(
        tasks, pages, {pk: side.values["text"] for pk, side in imported.items()}
    )
    mark_conflicts(tasks, imported, take_file)
    for task in tasks:
        page = task.existing
        if page is not None:
            for name in ("section_number", "section_title", "task_number", "title"):
                if getattr(page, name) != getattr(task, name):
                    task.changed_fields.append(name)
            if task.changed_fields:
                task.needs_write = True
        for position, change in enumerate(task.requirements):
            compare(change, task, position)
    in_use = requirements_in_use(left)
    page_of_task = {t.existing.pk: t for t in tasks if t.existing is not None}
    for task in tasks:
        for change in task.requirements:
            if change.moved_from is not None and change.moved_from.pk in page_of_task:
                page_of_task[change.moved_from.pk].needs_write = True
    removed_tasks = []
    for stored in left:
        owner = page_of_task.get(stored.task_id)
        if owner is not None:
            owner.removed.append(stored)
            owner.needs_write = True
    matched_pages = set(page_of_task)
    for page in pages:
        if page.pk not in matched_pages:
            removed_tasks.append(page)
    changes = ChangeSet(
        outline=outline,
        plan=plan,
        tasks=tasks,
        removed=left,
        in_use=in_use,
        removed_tasks=removed_tasks,
        plan_fields=plan_fields,
        source=source,
    )
    if source is not None:
        current = plan.source_document if plan is not None else None
        changes.source_changed = current is None or current.file_hash != sha1(source[0])
    if plan is not None:
        changes.plan_changed_fields = [
            name
            for name, value in plan_fields.items()
            if name != "slug" and getattr(plan, name) != value
        ]
        order = [t.existing.pk for t in tasks if t.existing is not None]
        current = [p.pk for p in pages if p.pk in matched_pages]
        changes.order_changed = order != current
    return changes


# --- Edits made in the admin since the last import (see conflicts.py) ------------------------


def values_as_last_imported(plan, pages, index: UnitNameIndex, outline: PlanOutline | None = None,
                            source: tuple[bytes, str] | None = None) -> dict[int, Side]:
    """What the plan's source document (the file last imported) says for each requirement,
    found by the requirement's source rows; empty when there is no readable source document.

    When the file being imported is that same file, byte for byte, and ``outline`` (just read
    from it) was read as the last import read it, it is used instead of reading the file twice.
    """
    document = plan.source_document if plan is not None else None
    if document is None:
        return {}
    try:
        with document.open_file() as stored_file:
            data = stored_file.read()
    except (OSError, ValueError):
        return {}
    if outline is not None and source is not None and source[0] == data \
            and outline.year == plan.year:
        old = outline
    else:
        name = PurePath(document.file.name).name
        old = parse_plan(data, name, plan.year, resolve=index.canonical_name,
                         limits=reading_limits(), remembered=remembered_columns)
    if old.errors:
        return {}
    by_row = {r.source_rows[0]: r for r in old.requirements if r.source_rows}
    imported = {}
    for page in pages:
        for stored in page.requirements.all():
            found = by_row.get(stored.source_rows[0]) if stored.source_rows else None
            if found is not None:
                imported[stored.pk] = Side(values_of_outline(found), links_of_outline(found, index))
    return imported


def mark_conflicts(tasks: list[TaskChange], imported: dict[int, Side], take_file) -> None:
    """Mark the rows that would undo an admin edit; keep the edit unless the file is taken."""
    for task in tasks:
        for change in task.requirements:
            stored = change.existing
            if stored is None or stored.pk not in imported:
                continue
            current = Side({name: getattr(stored, name) for name in CONTENT_FIELDS},
                           links_of_requirement(stored))
            file = Side(dict(change.values), change.links)
            change.conflict = find_conflict(stored.pk, imported[stored.pk], current, file,
                                            take_file)
            if change.conflict is not None and not change.conflict.take_file:
                keep_admin_values(change, change.conflict)


# --- Applying it -------------------------------------------------------------------------------


@dataclass
class ApplyResult:
    plan: TaskPlanPage
    changes: ChangeSet
    deleted: int = 0
    kept: int = 0
    wrote: bool = False


def next_task_slugs(plan: TaskPlanPage, count: int) -> list[str]:
    taken = set(plan.get_children().values_list("slug", flat=True)) if plan.pk else set()
    slugs, number = [], 1
    while len(slugs) < count:
        slug = f"task-{number}"
        if slug not in taken:
            slugs.append(slug)
        number += 1
    return slugs


def set_links(requirements_with_links) -> None:
    """Assign the M2M relations (in memory, committed when the page is saved) in few queries."""
    unit_ids, group_ids = set(), set()
    for _req, links in requirements_with_links:
        unit_ids.update(links.lead_units, links.cooperating_units)
        group_ids.update(links.lead_groups, links.cooperating_groups)
    units = UnitPage.objects.in_bulk(unit_ids) if unit_ids else {}
    groups = UnitGroup.objects.in_bulk(group_ids) if group_ids else {}
    for requirement, links in requirements_with_links:
        requirement.lead_units = [units[pk] for pk in links.lead_units if pk in units]
        requirement.cooperating_units = [units[pk] for pk in links.cooperating_units if pk in units]
        requirement.lead_groups = [groups[pk] for pk in links.lead_groups if pk in groups]
        requirement.cooperating_groups = [
            groups[pk] for pk in links.cooperating_groups if pk in groups
        ]


@without_cycle_collection
def apply_changes(
    changes: ChangeSet,
    *,
    parent: TaskPlanIndexPage | None = None,
    user=None,
    delete_in_use: bool = False,
    file_name: str = "",
    bulk: bool = True,
) -> ApplyResult:
    """Write ``changes`` in one transaction. Nothing at all is written when nothing changed.

    ``parent`` receives a new plan. Removed requirements with progress are kept on their page
    unless ``delete_in_use`` (the editor confirmed), which deletes their progress too.
    New task pages are written in bulk (:mod:`.bulk`) unless ``bulk`` is False: the page-by-page
    way, kept as the reference the bulk way is tested against.
    """
    if changes.has_errors:
        raise PlanImportError(_("The file has errors; nothing was imported."))
    if changes.plan is not None and not changes.has_changes:
        return ApplyResult(plan=changes.plan, changes=changes)
    with transaction.atomic():
        return _apply(changes, parent, user, delete_in_use, file_name, bulk)


def _apply(changes, parent, user, delete_in_use, file_name, bulk=True) -> ApplyResult:
    plan = changes.plan
    fields = dict(changes.plan_fields)
    if plan is None:
        if parent is None:
            raise PlanImportError(_("Choose where the new plan goes (a task plan index)."))
        year = fields.get("year") or changes.outline.year
        slug = fields.pop("slug", None) or str(year)
        plan = TaskPlanPage(
            title=fields.pop("title", None)
            or changes.outline.title
            or _("%(year)s task plan") % {"year": year},
            slug=slugify(slug, allow_unicode=True) or str(year),
            # The table is the attachment of an issued notice: disclosed proactively.
            disclosure_attribute=DisclosureAttribute.PROACTIVE,
            **fields,
        )
        parent.add_child(instance=plan)
        plan.save_revision(user=user, log_action=True).publish(user=user)
        fields = {}
    else:
        fields.pop("slug", None)
        fields.pop("title", None)
    result = ApplyResult(plan=plan, changes=changes, wrote=True)

    # Removed requirements: with progress they stay on their page unless confirmed.
    kept_ids = set() if delete_in_use else set(changes.in_use)
    confirmed = [r.pk for r in changes.removed if r.pk in changes.in_use and delete_in_use]
    if confirmed:
        delete_dependents(confirmed)
    result.kept = len(kept_ids)
    result.deleted = len(changes.removed) - len(kept_ids)

    # New pages first (empty), so moved requirements have somewhere to go. Pages whose every
    # requirement is new are written in bulk (plans.bulk); the others page by page.
    new_tasks = changes.created_tasks
    slugs = dict(zip(map(id, new_tasks), next_task_slugs(plan, len(new_tasks)), strict=True))
    in_bulk = [t for t in new_tasks if bulk and all(c.existing is None for c in t.requirements)]
    write_new_task_pages(plan, in_bulk, [slugs[id(t)] for t in in_bulk], user)
    written = set(map(id, in_bulk))
    new_tasks = [t for t in new_tasks if id(t) not in written]
    for task, slug in zip(new_tasks, [slugs[id(t)] for t in new_tasks], strict=True):
        page = TaskPage(
            title=task.title,
            slug=slug,
            section_number=task.section_number,
            section_title=task.section_title,
            task_number=task.task_number,
        )
        plan.add_child(instance=page)
        task.existing = page
        task.needs_write = True
    moved = {}
    for task in changes.tasks:
        for change in task.requirements:
            if change.existing is not None and change.existing.task_id != task.existing.pk:
                moved.setdefault(task.existing.pk, []).append(change.existing.pk)
    for page_pk, pks in moved.items():
        Requirement.objects.filter(pk__in=pks).update(task_id=page_pk)

    # Every page that gains, loses or changes a requirement gets a new revision, published.
    rewritten = []
    for task in changes.tasks:
        # Source rows refer to the stored source file: when it is replaced, all are renumbered.
        if not (task.needs_write or (task.rows_changed and changes.source_changed)):
            continue
        if id(task) in written:
            continue
        page = task.existing
        for name in ("section_number", "section_title", "task_number", "title"):
            setattr(page, name, getattr(task, name))
        built = []
        for position, change in enumerate(task.requirements):
            requirement = change.existing or Requirement()
            for name, value in change.values.items():
                setattr(requirement, name, value)
            requirement.unmatched_units = list(change.links.unmatched)
            requirement.source_rows = list(change.source_rows)
            requirement.sort_order = position
            built.append((requirement, change.links))
        set_links(built)
        kept = [r for r in task.removed if r.pk in kept_ids]
        for offset, requirement in enumerate(kept, len(built)):
            requirement.sort_order = offset
        page.requirements = [r for r, _links in built] + kept
        revision = page.save_revision(user=user, log_action=True)
        revision.publish(user=user)
        rewritten.append(page.pk)

    # Pages whose every requirement is gone: deleted, or kept with what has progress.
    for page in changes.removed_tasks:
        keep = [r for r in page.requirements.all() if r.pk in kept_ids]
        if keep:
            page.requirements = keep
            page.save_revision(user=user, log_action=True).publish(user=user)
            rewritten.append(page.pk)
        else:
            DeletePageAction(page.specific, user=user).execute(skip_permission_checks=True)

    reorder(plan, [t.existing for t in changes.tasks])
    update_search_index(rewritten)

    # The plan's own revision, with the import's log entry saying what changed.
    plan.refresh_from_db()
    for name, value in fields.items():
        setattr(plan, name, value)
    if changes.source_changed and changes.source is not None:
        data, source_name = changes.source
        plan.source_document, _stored = store_source_document(plan, data, source_name, user)
    revision = plan.save_revision(user=user, log_action=False, changed=bool(fields))
    revision.publish(user=user, log_action=False)
    log(
        instance=plan,
        action=LOG_ACTION,
        user=user,
        revision=revision,
        data={
            "file": file_name,
            **changes.summary(),
            "deleted": result.deleted,
            "kept": result.kept,
        },
    )
    return result


def reorder(plan: TaskPlanPage, pages: list[TaskPage]) -> None:
    """Put the task pages in the table's order (only the pages out of place move)."""
    wanted = [p.pk for p in pages]
    current = list(
        TaskPage.objects.child_of(plan)
        .filter(pk__in=wanted)
        .order_by("path")
        .values_list("pk", flat=True)
    )
    if current == wanted:
        return
    for position, pk in enumerate(wanted):
        if current[position] == pk:
            continue
        page = TaskPage.objects.get(pk=pk)
        target = TaskPage.objects.get(pk=current[position])
        page.move(target, pos="left")
        current.remove(pk)
        current.insert(position, pk)


# --- From a file -------------------------------------------------------------------------------


def find_plan(slug: str, parent: TaskPlanIndexPage | None = None) -> TaskPlanPage | None:
    plans = TaskPlanPage.objects.filter(slug=slug)
    if parent is not None:
        plans = plans.child_of(parent)
    return plans.order_by("path").first()


def default_parent() -> TaskPlanIndexPage | None:
    return TaskPlanIndexPage.objects.order_by("path").first()


def read_outline(data: bytes, file_name: str, year: int | None, index: UnitNameIndex | None = None,
                 columns: dict[str, list[int]] | None = None):
    """The outline of the file, its columns as the editor chose them (``columns``) or as they
    were chosen for the last table of the same shape (see ``ColumnChoice``)."""
    index = index or UnitNameIndex()
    outline = parse_plan(data, file_name, year, resolve=index.canonical_name, columns=columns,
                         limits=reading_limits(), remembered=remembered_columns)
    if not columns and outline.shape:
        remembered = ColumnChoice.objects.filter(shape=outline.shape[:1000]).first()
        if remembered is not None and remembered.columns != outline.columns:
            outline = parse_plan(data, file_name, year, resolve=index.canonical_name,
                                 columns=remembered.columns, limits=reading_limits())
            outline.columns_remembered = True
    return outline, index


def remembered_columns(shape: str) -> dict[str, list[int]] | None:
    """The columns an editor assigned for a table of this header, if any."""
    choice = ColumnChoice.objects.filter(shape=shape[:1000]).first()
    return choice.columns if choice is not None else None


def remember_columns(outline, columns) -> None:
    """Keep the editor's column choice for the next table of the same shape."""
    if columns and outline.shape:
        ColumnChoice.objects.update_or_create(shape=outline.shape[:1000],
                                              defaults={"columns": outline.columns})


def outline_json(outline: PlanOutline) -> dict[str, Any]:
    return outline_to_dict(outline, message=problem_message)


def sha1(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def store_source_document(plan: TaskPlanPage, data: bytes, file_name: str, user=None):
    """The uploaded file as a Wagtail document on the plan; the same bytes are not stored twice."""
    digest = sha1(data)
    current = plan.source_document
    if current is not None and current.file_hash == digest:
        return current, False
    Document = get_document_model()
    existing = Document.objects.filter(file_hash=digest).order_by("pk").first()
    if existing is not None:
        return existing, True
    document = Document(title=file_name, uploaded_by_user=user)
    document.file.save(file_name, ContentFile(data), save=False)
    document.file_size = len(data)
    document.file_hash = digest
    document.save()
    return document, True


#: Problems meaning the file could not be read as a table at all (the command exits with 2).
UNREADABLE_CODES = frozenset({"file_empty", "file_corrupt", "file_unsupported", "over_limit"})


def is_unreadable(outline: PlanOutline) -> bool:
    return any(problem.code in UNREADABLE_CODES for problem in outline.errors)


@without_cycle_collection
def prepare_import(
    data: bytes,
    file_name: str,
    *,
    year: int | None = None,
    plan: TaskPlanPage | None = None,
    slug: str | None = None,
    parent: TaskPlanIndexPage | None = None,
    plan_fields: dict[str, Any] | None = None,
    index: UnitNameIndex | None = None,
    take_file: Collection[int] | None = None,
    columns: dict[str, list[int]] | None = None,
) -> ChangeSet:
    """Read ``data`` and compare it with ``plan`` (or the plan ``slug``; by default the plan of
    the same year, title and issuer under ``parent``, see ``identity``). Writes nothing.
    ``take_file``: see :func:`plan_changes`; ``columns``: see :func:`read_outline`."""
    outline, index = read_outline(data, file_name, year, index, columns)
    fields = dict(plan_fields or {})
    if outline.year is not None:
        fields.setdefault("year", outline.year)
        if plan is None and slug:
            # Named by the editor: that plan, or a new one at that address; never another
            # plan that merely shares the year and title.
            plan = find_plan(slug, parent)
        elif plan is None:
            title = fields.get("title") or outline.title
            plan = same_plan(outline.year, title, fields.get("issuer"), parent)
        slug = slug or (plan.slug if plan is not None else free_slug(outline.year, parent))
    if slug:
        fields["slug"] = slug
    return plan_changes(
        outline, plan, index=index, plan_fields=fields, source=(data, file_name),
        take_file=take_file, read_as_remembered=not columns,
    )
