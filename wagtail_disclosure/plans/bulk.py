"""Writing new task pages of an import in bulk: a few statements per table, not three saves a page.

The page-by-page way (``add_child``, ``save_revision``, ``publish``) costs about 57 SQL statements
per requirement of a 10,000-row table: each save walks the tree, writes the page and its specific
row, serialises the page, writes a revision, logs, and updates the search and reference indexes;
modelcluster then writes every requirement and each of its four many-to-many relations row by row.
A first import only *adds* pages, so none of that per-row work is needed to reach the same result:

* tree paths are computed once from the plan's last child (treebeard's materialised path), and the
  page rows, the task rows, the requirements and each relation table are inserted in batches;
* each task page gets its own revision, written in bulk, published: its history shows the
  same "created" and "published" entries, with the revision, as a page saved by hand, so an
  editor can compare and roll back a task exactly as after a page-by-page import (one revision for
  the whole plan would leave the task pages without a history of their own);
* the search index and the reference index are updated once at the end, for all new pages;
* ``page_published`` is sent for each page, as publishing would, so front-end caches and the
  disclosure's own page cache are purged.

Only pages whose requirements are all new are written here; a new page that receives a
requirement moved from another task goes the page-by-page way (it is rare and must keep the
requirement's primary key and its progress). Re-imports that change existing pages are not bulk:
they keep their exact change semantics in :mod:`.importer`.
"""

from __future__ import annotations

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.db.models import F
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends
from wagtail.signals import page_published, published

from wagtail_disclosure.units.models import UnitGroup, UnitPage

from .models import Requirement, TaskPage

#: The four relations of a requirement and the model each points to.
RELATIONS = (
    ("lead_units", UnitPage),
    ("lead_groups", UnitGroup),
    ("cooperating_units", UnitPage),
    ("cooperating_groups", UnitGroup),
)


def child_paths(plan, count: int) -> list[str]:
    """The materialised paths of ``count`` new last children of ``plan``, computed once."""
    last = plan.get_last_child()
    first_step = 1 if last is None else Page._str2int(last.path[-Page.steplen :]) + 1
    return [
        Page._get_path(plan.path, plan.depth + 1, step)
        for step in range(first_step, first_step + count)
    ]


def insert_rows(model, objs, fields) -> None:
    """Insert ``objs`` into ``model``'s own table (``fields``), in batches the database allows.

    ``bulk_create`` refuses models with a concrete parent (a page type), so the specific rows
    of pages whose base rows already exist are inserted through the same low-level call Django's
    own ``save`` uses.
    """
    using = router.db_for_write(model)
    batch = connections[using].ops.bulk_batch_size(fields, objs) or len(objs)
    for start in range(0, len(objs), batch):
        model._base_manager._insert(objs[start : start + batch], fields=fields, using=using)


def create_pages(plan, tasks, slugs, user, now) -> list[TaskPage]:
    """The task pages, live, as published pages are (no revision yet)."""
    paths = child_paths(plan, len(tasks))
    content_type = ContentType.objects.get_for_model(TaskPage)
    pages = []
    for task, slug, path in zip(tasks, slugs, paths, strict=True):
        pages.append(
            TaskPage(
                title=task.title,
                draft_title=task.title,
                slug=slug,
                path=path,
                depth=plan.depth + 1,
                numchild=0,
                url_path=f"{plan.url_path}{slug}/",
                content_type=content_type,
                locale_id=plan.locale_id,
                translation_key=uuid.uuid4(),
                owner=user if user is not None and user.pk else None,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                latest_revision_created_at=now,
                section_number=task.section_number,
                section_title=task.section_title,
                task_number=task.task_number,
            )
        )
    Page.objects.bulk_create(pages)
    for page in pages:
        page.page_ptr_id = page.id
        page._state.adding = False
    insert_rows(TaskPage, pages, [f for f in TaskPage._meta.local_concrete_fields])
    Page.objects.filter(pk=plan.pk).update(numchild=F("numchild") + len(pages))
    plan.numchild += len(pages)
    return pages


def create_requirements(pages, tasks) -> list[tuple[TaskPage, list[Requirement]]]:
    """Every requirement of the new pages in one batch, then each relation table in one batch."""
    built = []
    for page, task in zip(pages, tasks, strict=True):
        for position, change in enumerate(task.requirements):
            requirement = Requirement(task_id=page.pk, sort_order=position, **change.values)
            requirement.unmatched_units = list(change.links.unmatched)
            requirement.source_rows = list(change.source_rows)
            built.append((requirement, change.links))
    Requirement.objects.bulk_create([r for r, _links in built])
    targets = {model: set() for _name, model in RELATIONS}
    for _requirement, links in built:
        for name, model in RELATIONS:
            targets[model].update(getattr(links, name))
    loaded = {model: model.objects.in_bulk(pks) if pks else {} for model, pks in targets.items()}
    for name, model in RELATIONS:
        through = getattr(Requirement, name).through
        field = Requirement._meta.get_field(name)
        own, other = field.m2m_column_name(), field.m2m_reverse_name()
        rows = [
            through(**{own: requirement.pk, other: pk})
            for requirement, links in built
            for pk in dict.fromkeys(getattr(links, name))
            if pk in loaded[model]
        ]
        through.objects.bulk_create(rows)
        # The same relations in memory, so the revisions and the indexes see them.
        for requirement, links in built:
            setattr(
                requirement,
                name,
                [
                    loaded[model][pk]
                    for pk in dict.fromkeys(getattr(links, name))
                    if pk in loaded[model]
                ],
            )
    by_page: dict[int, list[Requirement]] = {page.pk: [] for page in pages}
    for requirement, _links in built:
        by_page[requirement.task_id].append(requirement)
    out = []
    other_relations = [
        relation.get_accessor_name()
        for relation in get_all_child_relations(TaskPage)
        if relation.get_accessor_name() != "requirements"
    ]
    for page in pages:
        page.requirements = by_page[page.pk]
        # A new page has no children of any other relation (a ParentalKey another package or
        # the site adds to pages, e.g. statutory filings): said in memory, serialising the
        # revision asks the database nothing per page.
        for name in other_relations:
            setattr(page, name, [])
        out.append((page, by_page[page.pk]))
    return out


def create_revisions(pages, user, now) -> list[Revision]:
    """One published revision per page, written together; the pages point at them."""
    content_type = ContentType.objects.get_for_model(TaskPage)
    base_content_type = ContentType.objects.get_for_model(Page)
    user = user if user is not None and user.pk else None
    revisions = [
        Revision(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=str(page.pk),
            created_at=now,
            user=user,
            content=page.serializable_data(),
            object_str=str(page),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = revision
        page.live_revision = revision
    Page.objects.bulk_update(pages, ["latest_revision", "live_revision"], batch_size=500)
    return revisions


def log_created(pages, revisions, user, now) -> None:
    """The history a page created, saved and published by hand has: "created" (no revision),
    then "edited" and "published" with its revision."""
    content_type = ContentType.objects.get_for_model(TaskPage, for_concrete_model=False)
    context = get_active_log_context()
    user = user or context.user
    user = user if user is not None and user.pk else None
    entries = [
        PageLogEntry(
            content_type=content_type,
            label=page.get_admin_display_title(),
            action=action,
            timestamp=now,
            data={},
            uuid=context.uuid,
            user=user,
            revision=revision if action != "wagtail.create" else None,
            content_changed=True,
            page_id=page.pk,
        )
        for page, revision in zip(pages, revisions, strict=True)
        for action in ("wagtail.create", "wagtail.edit", "wagtail.publish")
    ]
    PageLogEntry.objects.bulk_create(entries)


def index_pages(pages) -> None:
    """The search index and the reference index, once for all the new pages."""
    pks = [page.pk for page in pages]
    if ReferenceIndex.is_indexed(TaskPage):
        content_type = ContentType.objects.get_for_model(TaskPage)
        base_content_type = ContentType.objects.get_for_model(Page)
        ReferenceIndex.objects.bulk_create(
            [
                ReferenceIndex(
                    content_type=content_type,
                    base_content_type=base_content_type,
                    object_id=page.pk,
                    to_content_type_id=to_content_type_id,
                    to_object_id=to_object_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
                for page in pages
                for to_content_type_id, to_object_id, model_path, content_path in set(
                    ReferenceIndex._extract_references_from_object(page)
                )
            ],
            batch_size=1000,
        )
    update_search_index(pks)


def update_search_index(pks) -> None:
    """Index these task pages as they are now in the database, with their requirements.

    Also called for pages an import wrote page by page: Wagtail indexes a page when the page row
    is saved, and modelcluster writes the requirements just after, so without this the index
    would hold each task page as it was before the import (a new page without its requirements).
    """
    backends = list(get_search_backends(with_auto_update=True))
    if backends and pks:
        indexed = list(TaskPage.get_indexed_objects().filter(pk__in=list(pks)).order_by("path"))
        for backend in backends:
            backend.add_bulk(TaskPage, indexed)


def write_new_task_pages(plan, tasks, slugs, user=None) -> list[TaskPage]:
    """Create the pages of ``tasks`` (all of whose requirements are new) under ``plan``, live,
    each with one published revision, in a few statements per table. Run inside the import's
    transaction."""
    if not tasks:
        return []
    now = timezone.now()
    pages = create_pages(plan, tasks, slugs, user, now)
    create_requirements(pages, tasks)
    revisions = create_revisions(pages, user, now)
    log_created(pages, revisions, user, now)
    index_pages(pages)
    for page, revision in zip(pages, revisions, strict=True):
        page_published.send(sender=TaskPage, instance=page, revision=revision)
        published.send(sender=TaskPage, instance=page, revision=revision)
    for page, task in zip(pages, tasks, strict=True):
        task.existing = page
    return pages
