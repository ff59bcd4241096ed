"""A first import written in bulk leaves the site exactly as the page-by-page import does.

The same table is imported twice under the plan index, once each way, and everything a reader or
an editor can see of the two plans is compared: the task pages (tree, slugs, URLs, live state),
their revisions and history, the requirements with their units and groups, the reference index
and the search hits.
"""

import pytest
from wagtail.models import PageLogEntry, ReferenceIndex, Revision
from wagtail.search import index

from tests.builders import write_plan_workbook
from tests.jining import DATA
from tests.plans.conftest import make_table_groups

pytestmark = pytest.mark.django_db

SEARCHES = ("公开", "营商环境", "政务公开", "乡村振兴", "信息", "第7项", "双随机")


def import_table(path, slug, parent, *, bulk):
    from wagtail_disclosure.plans.importer import apply_changes, prepare_import

    changes = prepare_import(path.read_bytes(), path.name, year=2022, slug=slug, parent=parent)
    return apply_changes(changes, parent=parent, file_name=path.name, bulk=bulk).plan


def names(related):
    return sorted(str(item) for item in related.all())


def describe(plan):
    """What readers and editors see of a plan's tasks, with nothing that names the plan."""
    from wagtail_disclosure.plans.models import TaskPage

    plan.refresh_from_db()
    prefix = plan.url_path
    pages = []
    for page in TaskPage.objects.child_of(plan).order_by("path"):
        revisions = Revision.page_revisions.filter(object_id=str(page.pk))
        latest = page.latest_revision.as_object()
        pages.append(
            {
                "path": page.path[len(plan.path) :],
                "depth": page.depth - plan.depth,
                "url": page.url_path.removeprefix(prefix),
                "fields": (
                    page.title,
                    page.draft_title,
                    page.slug,
                    page.section_number,
                    page.section_title,
                    page.task_number,
                ),
                "state": (
                    page.live,
                    page.has_unpublished_changes,
                    page.expired,
                    page.locked,
                    page.live_revision_id == page.latest_revision_id,
                    page.first_published_at is not None,
                    page.locale_id,
                    page.content_type_id,
                ),
                "revisions": revisions.count(),
                "history": sorted(
                    PageLogEntry.objects.filter(page=page).values_list("action", flat=True)
                ),
                "logged_revisions": sorted(
                    (action, revision == page.latest_revision_id)
                    for action, revision in PageLogEntry.objects.filter(page=page).values_list(
                        "action", "revision_id"
                    )
                ),
                "in_revision": [
                    (
                        r.text,
                        sorted(u.pk for u in r.lead_units.all()),
                        sorted(g.pk for g in r.lead_groups.all()),
                    )
                    for r in latest.requirements.all()
                ],
                "requirements": [
                    (
                        r.sort_order,
                        r.text,
                        r.units_raw,
                        r.deadline_raw,
                        r.due_date,
                        r.is_ongoing,
                        r.is_recurring,
                        r.unmatched_units,
                        r.source_rows,
                        names(r.lead_units),
                        names(r.lead_groups),
                        names(r.cooperating_units),
                        names(r.cooperating_groups),
                    )
                    for r in page.requirements.order_by("sort_order")
                ],
                "references": sorted(
                    ReferenceIndex.objects.filter(object_id=str(page.pk)).values_list(
                        "to_object_id", "model_path", "content_path"
                    )
                ),
            }
        )
    hits = {
        query: sorted(
            page.url_path.removeprefix(prefix)
            for page in TaskPage.objects.live().descendant_of(plan).search(query)
        )
        for query in SEARCHES
    }
    return {"numchild": plan.numchild, "pages": pages, "hits": hits}


def assert_same_result(path, plans_index):
    make_table_groups()
    by_page = import_table(path, "one-by-one", plans_index, bulk=False)
    in_bulk = import_table(path, "in-bulk", plans_index, bulk=True)
    expected, found = describe(by_page), describe(in_bulk)
    for page in in_bulk.get_children().specific():
        index.insert_or_update_object(page)
    assert describe(in_bulk)["hits"] == found["hits"], "indexed as a full reindex would"
    assert found["numchild"] == expected["numchild"] > 0
    assert len(found["pages"]) == len(expected["pages"])
    for one, other in zip(found["pages"], expected["pages"], strict=True):
        assert one == other
    assert found["hits"] == expected["hits"]
    assert any(found["hits"].values())
    return in_bulk


def test_the_seed_table_in_bulk_gives_the_pages_of_the_page_by_page_import(plans_index):
    plan = assert_same_result(DATA / "task-table.xlsx", plans_index)

    assert plan.get_children().count() == 18
    assert plan.get_children().first().specific.requirements.count() > 0


def test_a_generated_500_row_table_in_bulk_gives_the_same_pages(plans_index, tmp_path):
    path = write_plan_workbook(tmp_path / "plan-500.xlsx", 500)

    plan = assert_same_result(path, plans_index)

    from wagtail_disclosure.plans.models import Requirement

    assert Requirement.objects.filter(task__path__startswith=plan.path).count() == 500


def test_importing_the_bulk_written_plan_again_changes_nothing(plans_index):
    make_table_groups()
    path = DATA / "task-table.xlsx"
    import_table(path, "2022", plans_index, bulk=True)
    before = Revision.objects.count(), PageLogEntry.objects.count()

    from wagtail_disclosure.plans.importer import prepare_import

    changes = prepare_import(
        path.read_bytes(), path.name, year=2022, slug="2022", parent=plans_index
    )

    assert not changes.has_changes
    assert (Revision.objects.count(), PageLogEntry.objects.count()) == before


def test_a_bulk_first_import_costs_a_few_statements_per_table(plans_index, tmp_path):
    """Statements do not grow with the rows: 500 rows cost about what 100 rows cost."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_table_groups()
    counts = []
    for size in (100, 500):
        path = write_plan_workbook(tmp_path / f"plan-{size}.xlsx", size)
        with CaptureQueriesContext(connection) as queries:
            import_table(path, f"g{size}", plans_index, bulk=True)
        counts.append(len(queries))

    assert counts[1] < counts[0] * 1.5, counts
