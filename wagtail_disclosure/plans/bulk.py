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
from django.db import connections, models, router
from django.db.models import F
from django.utils import timezone
from modelcluster.models import (
    get_all_child_m2m_relations,
    get_all_child_relations,
    get_field_value,
)
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends
from wagtail.signals import page_published, published

from wagtail_disclosure.core.bulk_rows import (
    PLAIN_FIELD_CLASSES,
    execute_many,
    insert_rows,
    insert_tuples,
)
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
    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    insert_rows(Page, pages, page_fields)
    # The new pages are the plan's last children: their keys are read back by path at once.
    keys = dict(
        Page.objects.filter(depth=plan.depth + 1, path__range=(paths[0], paths[-1]))
        .values_list("path", "pk")
    )
    for page in pages:
        page.id = page.page_ptr_id = keys[page.path]
        page._state.adding = False
    insert_rows(TaskPage, pages, list(TaskPage._meta.local_concrete_fields))
    Page.objects.filter(pk=plan.pk).update(numchild=F("numchild") + len(pages))
    plan.numchild += len(pages)
    return pages


def create_requirements(pages, tasks) -> dict[int, list[dict]]:
    """Every requirement of the new pages in one batch, then each relation table in one batch.

    Returns each page's requirements as its revision stores them (see :func:`revision_content`):
    the relations are known from the table, so nothing is read back from the database. Each
    page also holds its requirements in memory, for the search index.
    """
    built = []
    for page, task in zip(pages, tasks, strict=True):
        for position, change in enumerate(task.requirements):
            requirement = new_requirement(task_id=page.pk, sort_order=position, **change.values)
            requirement.unmatched_units = list(change.links.unmatched)
            requirement.source_rows = list(change.source_rows)
            built.append((requirement, change.links))
    insert_rows(Requirement, [r for r, _links in built])
    # Each new page's requirements are new: a page and a position name one of them.
    keys = {
        (task_id, position): pk
        for task_id, position, pk in Requirement.objects.filter(
            task__depth=pages[0].depth, task__path__range=(pages[0].path, pages[-1].path)
        ).values_list("task_id", "sort_order", "pk")
    }
    for requirement, _links in built:
        requirement.pk = keys[requirement.task_id, requirement.sort_order]
        requirement._state.adding = False
    related = write_relations(built)
    by_page: dict[int, list[Requirement]] = {page.pk: [] for page in pages}
    for requirement, _links in built:
        by_page[requirement.task_id].append(requirement)
    serialiser = Serialiser(Requirement)
    serialised = {}
    other_relations = [
        relation.get_accessor_name()
        for relation in get_all_child_relations(TaskPage)
        if relation.get_accessor_name() != "requirements"
    ]
    for page in pages:
        page.requirements = by_page[page.pk]
        # A new page has no children of any other relation (a ParentalKey another package or
        # the site adds to pages: comments, statutory filings); said in memory, the reference
        # index asks the database nothing per page.
        for name in other_relations:
            setattr(page, name, [])
        serialised[page.pk] = [
            serialiser.data(requirement, many_to_many=related[requirement.pk])
            for requirement in by_page[page.pk]
        ]
    return serialised


def new_requirement(**values) -> Requirement:
    """A ``Requirement`` built by Django's model constructor alone: modelcluster's looks for
    child relations among the arguments, scanning the model's fields for every instance, and
    none are passed here (their relations are written by :func:`write_relations`)."""
    requirement = Requirement.__new__(Requirement)
    models.Model.__init__(requirement, **values)
    return requirement


def write_relations(built) -> dict[int, dict[str, list[int]]]:
    """Each relation table of the new requirements in one batch; the related pks per requirement.

    Links to a unit or group deleted since the table was matched are dropped, as the form would.
    """
    targets = {model: set() for _name, model in RELATIONS}
    for _requirement, links in built:
        for name, model in RELATIONS:
            targets[model].update(getattr(links, name))
    existing = {
        model: set(model.objects.filter(pk__in=pks).values_list("pk", flat=True)) if pks else set()
        for model, pks in targets.items()
    }
    related = {requirement.pk: {} for requirement, _links in built}
    for name, model in RELATIONS:
        pairs = []
        for requirement, links in built:
            pks = [pk for pk in dict.fromkeys(getattr(links, name)) if pk in existing[model]]
            related[requirement.pk][name] = pks
            pairs.extend((requirement.pk, pk) for pk in pks)
        insert_relation_rows(Requirement._meta.get_field(name), pairs)
    return related


def insert_relation_rows(field, pairs) -> None:
    """The rows of a many-to-many table, as one prepared statement run for every pair.

    ``bulk_create`` of the through model builds a model instance and compiles every row's
    values for each of the tens of thousands of pairs a large table has; the pairs are plain
    integers, so they go straight to the database driver.
    """
    if pairs:
        insert_tuples(
            field.remote_field.through, [field.m2m_column_name(), field.m2m_reverse_name()], pairs
        )


class Serialiser:
    """modelcluster's ``serializable_data`` for many new objects of one model.

    modelcluster looks up the model's fields and relations again for every object and prepares
    every value through the field; here they are looked up once, and the text, number and
    yes/no values it would return unchanged are read directly. The result is the same
    dictionary (the bulk import test compares the revisions with a page-by-page import's).
    A new object has no children of its own: its child relations serialise as empty lists.
    """

    def __init__(self, model):
        pk_field = model._meta.pk
        while pk_field.remote_field and pk_field.remote_field.parent_link:
            pk_field = pk_field.remote_field.model._meta.pk
        self.readers = [("pk", value_reader(pk_field))] + [
            (field.name, value_reader(field)) for field in model._meta.fields if field.serialize
        ]
        self.child_relations = [
            relation.get_accessor_name() for relation in get_all_child_relations(model)
        ]
        self.many_to_many = [
            field.name for field in get_all_child_m2m_relations(model) if field.serialize
        ]

    def data(self, obj, children=None, many_to_many=None) -> dict:
        """``obj`` as its revision stores it; ``children`` and ``many_to_many`` by name."""
        children, many_to_many = children or {}, many_to_many or {}
        data = {name: read(obj) for name, read in self.readers}
        for name in self.child_relations:
            data[name] = children.get(name, [])
        for name in self.many_to_many:
            data[name] = list(many_to_many.get(name, []))
        return data


def value_reader(field):
    """How modelcluster's ``get_field_value`` reads ``field``, without its per-value work when
    the answer is the attribute itself: keys, and text, number and yes/no fields (whose
    serialised value is the attribute: a string, a number, a boolean or None)."""
    attname = field.attname
    if field.remote_field is not None or type(field) in PLAIN_FIELD_CLASSES:
        return lambda obj: getattr(obj, attname)
    return lambda obj: get_field_value(field, obj)


def create_revisions(pages, serialised, user, now) -> list[Revision]:
    """One published revision per page, written together; the pages point at them."""
    content_type = ContentType.objects.get_for_model(TaskPage)
    base_content_type = ContentType.objects.get_for_model(Page)
    user = user if user is not None and user.pk else None
    serialiser = Serialiser(TaskPage)
    revisions = [
        Revision(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=str(page.pk),
            created_at=now,
            user=user,
            # page.serializable_data() of a page whose only children are its requirements
            content=serialiser.data(page, children={"requirements": serialised[page.pk]}),
            object_str=str(page),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = revision
        page.live_revision = revision
    point_at_revisions(pages)
    return revisions


def point_at_revisions(pages) -> None:
    """Set each page's latest and live revision, one prepared statement run for every page
    (``bulk_update`` compiles a ``CASE`` over all of them, slower than the insert itself)."""
    connection = connections[router.db_for_write(Page)]
    quote = connection.ops.quote_name
    latest = Page._meta.get_field("latest_revision").column
    live = Page._meta.get_field("live_revision").column
    sql = (
        f"UPDATE {quote(Page._meta.db_table)} SET {quote(latest)} = %s, {quote(live)} = %s "
        f"WHERE {quote(Page._meta.pk.column)} = %s"
    )
    rows = [(page.latest_revision_id, page.live_revision_id, page.pk) for page in pages]
    execute_many(connection, sql, rows)


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
    insert_rows(PageLogEntry, entries)


def index_pages(pages) -> None:
    """The search index and the reference index, once for all the new pages.

    The pages are indexed as they are in memory, with their requirements: exactly what was
    just written, so reading it back (a page query and a prefetch of every requirement) would
    only cost time.
    """
    if ReferenceIndex.is_indexed(TaskPage):
        content_type = ContentType.objects.get_for_model(TaskPage)
        base_content_type = ContentType.objects.get_for_model(Page)
        insert_rows(
            ReferenceIndex,
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
        )
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(TaskPage, pages)


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
    serialised = create_requirements(pages, tasks)
    revisions = create_revisions(pages, serialised, user, now)
    log_created(pages, revisions, user, now)
    index_pages(pages)
    for page, revision in zip(pages, revisions, strict=True):
        page_published.send(sender=TaskPage, instance=page, revision=revision)
        published.send(sender=TaskPage, instance=page, revision=revision)
    for page, task in zip(pages, tasks, strict=True):
        task.existing = page
    return pages
