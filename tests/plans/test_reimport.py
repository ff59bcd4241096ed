"""A corrected table imported again updates the plan in place and loses nobody's progress."""

import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from wagtail import hooks
from wagtail.models import PageLogEntry, Revision

from tests.builders import remove_plans
from tests.jining import DATA
from tests.plans.conftest import import_plan, make_table_groups

pytestmark = pytest.mark.django_db

EDITED = "加大重点民生领域的部门联合“双随机、一公开”监管信息公开力度。"
REMOVED = "主动公开实施传统消费升级行动相关政策"


@pytest.fixture(scope="module")
def imported_plan(module_transaction, django_db_blocker):
    """The table imported once for the module's tests, each of which imports it again."""
    from wagtail_disclosure.plans.models import TaskPlanPage

    with django_db_blocker.unblock():
        remove_plans()
        make_table_groups()
        import_plan(DATA / "task-table.xlsx")
        return TaskPlanPage.objects.get().pk


@pytest.fixture
def plan(imported_plan, db):
    from wagtail_disclosure.plans.models import TaskPlanPage

    return TaskPlanPage.objects.get(pk=imported_plan)


def history():
    return Revision.objects.count(), PageLogEntry.objects.count()


def requirement(startswith):
    from wagtail_disclosure.plans.models import Requirement

    return Requirement.objects.get(text__startswith=startswith)


def csv_copy(tmp_path, edit):
    lines = (DATA / "task-table.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "task-table-2022.csv"
    path.write_text("".join(edit(lines)), encoding="utf-8")
    return path


def test_importing_the_same_file_again_changes_nothing(plan):
    before = history()

    document = import_plan(DATA / "task-table.xlsx")

    assert document["changes"]["summary"]["unchanged"] == 84
    assert document["changes"]["plan"]["written"] is False
    assert history() == before, "no new revision, no log entry"


def test_the_same_table_as_csv_or_pdf_text_changes_nothing_either(plan):
    before = history()

    for name in ("task-table.csv", "notice.txt"):
        # The CSV has no title row: the operator names the plan it belongs to.
        document = import_plan(DATA / name, "--year", "2022", "--plan", "2022")
        assert document["changes"]["summary"]["changed"] == 0

    assert history() == before


def test_editing_one_requirement_updates_it_in_place(plan, tmp_path, manager):
    stored = requirement(EDITED)
    workbook = load_workbook(DATA / "task-table.xlsx")
    cells = [c for row in workbook.active.iter_rows() for c in row if c.value == EDITED]
    cells[0].value = EDITED.replace("力度。", "力度，每季度通报一次。")
    path = tmp_path / "task-table-2022.xlsx"
    workbook.save(path)

    document = import_plan(path, "--user", manager.username)

    summary = document["changes"]["summary"]
    assert (summary["changed"], summary["created"], summary["removed"]) == (1, 0, 0)
    assert document["changes"]["changed"][0]["fields"] == ["text"]
    edited = requirement(EDITED[:20])
    assert edited.pk == stored.pk, "same row, so its progress stays attached"
    assert edited.text.endswith("每季度通报一次。")
    assert edited.task.get_latest_revision().user == manager
    entry = PageLogEntry.objects.filter(page=plan, action="wagtail_disclosure.import_plan").latest(
        "pk"
    )
    assert entry.user == manager and entry.data["changed"] == 1
    assert "task-table-2022.xlsx" in entry.message


def test_a_removed_requirement_is_listed_and_deleted(plan, tmp_path):
    from wagtail_disclosure.plans.models import Requirement

    gone = requirement(REMOVED)
    path = csv_copy(tmp_path, lambda lines: [line for line in lines if REMOVED not in line])

    document = import_plan(path, "--plan", "2022")

    assert document["changes"]["summary"]["removed"] == 1
    assert document["changes"]["removed"][0]["id"] == gone.pk
    assert document["changes"]["summary"]["changed"] == 0
    assert not Requirement.objects.filter(pk=gone.pk).exists()
    assert Requirement.objects.count() == 83


def test_an_added_requirement_is_created_in_its_task(plan, tmp_path):
    def add(lines):
        index = next(i for i, line in enumerate(lines) if REMOVED in line)
        return lines[: index + 1] + [",市教育局,做好教育收费信息公开。,全年\n"] + lines[index + 1 :]

    document = import_plan(csv_copy(tmp_path, add), "--plan", "2022")

    assert document["changes"]["summary"]["created"] == 1
    assert document["changes"]["summary"]["changed"] == 0
    new = requirement("做好教育收费信息公开")
    assert new.task.title == "加强优化营商环境信息公开"
    assert [r.text for r in new.task.requirements.all()].index(new.text) == 3


def test_a_removed_requirement_with_progress_is_kept_until_confirmed(plan, tmp_path):
    from wagtail_disclosure.plans.models import Requirement

    with_progress = requirement(REMOVED)

    def progress_reported(requirements):
        return requirements.filter(text__startswith=REMOVED).values_list("pk", flat=True)

    path = csv_copy(tmp_path, lambda lines: [line for line in lines if REMOVED not in line])
    with hooks.register_temporarily("disclosure_requirements_in_use", progress_reported):
        assert with_progress.has_progress()
        assert not requirement(EDITED).has_progress()

        document = import_plan(path, "--plan", "2022")
        assert document["changes"]["removed"][0]["has_progress"] is True
        assert document["changes"]["plan"]["kept"] == 1
        assert Requirement.objects.filter(pk=with_progress.pk).exists()

        out = io.StringIO()
        call_command(
            "disclosure_import_plan", str(path), "--plan", "2022", "--delete-removed-with-progress",
            stdout=out,
        )
        assert not Requirement.objects.filter(pk=with_progress.pk).exists()


def test_a_requirement_moved_to_another_task_keeps_its_identity(plan, tmp_path):
    moved = requirement(REMOVED)

    def move(lines):
        line = next(line for line in lines if REMOVED in line)
        lines = [x for x in lines if x is not line]
        index = next(
            i for i, x in enumerate(lines) if x.startswith('"(七)') or x.startswith("(七)")
        )
        return lines[: index + 1] + [line] + lines[index + 1 :]

    document = import_plan(csv_copy(tmp_path, move), "--plan", "2022")

    assert document["changes"]["summary"]["removed"] == 0
    assert requirement(REMOVED).pk == moved.pk
    assert requirement(REMOVED).task.title == "精细化做好疫情防控信息公开"


def test_the_export_imports_back_without_any_change(plan, tmp_path):
    from wagtail_disclosure.plans.export import export_plan_xlsx

    path = tmp_path / "exported.xlsx"
    path.write_bytes(export_plan_xlsx(plan))
    before = history()

    document = import_plan(path, "--year", "2022")

    assert document["errors"] == []
    summary = document["changes"]["summary"]
    assert (summary["created"], summary["changed"], summary["removed"]) == (0, 0, 0)
    assert history() == before
