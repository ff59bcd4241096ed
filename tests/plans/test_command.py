"""An office's table through ``disclosure_import_plan``: the outline, the pages, the exit codes."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.jining import DATA, canonical_name, expected_outline, nf

pytestmark = pytest.mark.django_db


def requirements_of(document):
    return [
        (section, task, requirement)
        for section in document["sections"]
        for task in section["tasks"]
        for requirement in task["requirements"]
    ]


@pytest.mark.parametrize("name", ["task-table.xlsx", "task-table.csv", "notice.txt"])
def test_each_jining_file_gives_exactly_the_expected_outline(name, run_import, jining_units):
    from wagtail_disclosure.plans.models import TaskPlanPage

    document = run_import(DATA / name, "--year", "2022", "--dry-run")

    got, want = requirements_of(document), requirements_of(expected_outline())
    assert len(document["sections"]) == 5
    assert sum(len(s["tasks"]) for s in document["sections"]) == 18
    assert len(got) == len(want) == 84
    for (gs, gt, gq), (ws, wt, wq) in zip(got, want, strict=True):
        assert nf(gs["title"]) == nf(ws["title"])
        assert nf(gt["title"]) == nf(wt["title"])
        assert nf(gq["text"]) == nf(wq["text"])
        units = {canonical_name(u) for u in gq["lead_units"] + gq["cooperating_units"]}
        assert units == {canonical_name(u) for u in wq["units"]}, gq["text"]
        deadline = gq["deadline"]
        assert deadline["due"] == wq["deadline"]["due"], gq["text"]
        assert deadline["ongoing"] == wq["deadline"]["ongoing"]
        assert deadline["recurring"] == wq["deadline"]["recurring"]
    assert document["errors"] == []
    assert document["plan"]["year"] == 2022
    assert document["changes"]["summary"]["created"] == 84
    assert not TaskPlanPage.objects.exists(), "a dry run writes nothing"


def test_importing_the_table_makes_a_plan_of_task_pages_at_clean_addresses(
    run_import, jining_units, table_groups
):
    from wagtail_disclosure.plans.models import Requirement, TaskPage, TaskPlanPage

    document = run_import(DATA / "task-table.xlsx")

    plan = TaskPlanPage.objects.get()
    assert plan.year == 2022 and plan.title == "2022年济宁市政务公开工作任务分解表"
    assert plan.url_path.endswith("/plans/2022/")
    assert plan.source_document.file_hash
    tasks = list(TaskPage.objects.child_of(plan).order_by("path"))
    assert [t.slug for t in tasks] == [f"task-{n}" for n in range(1, 19)]
    assert tasks[0].url == "/plans/2022/task-1/"
    assert (tasks[0].task_number, tasks[0].title) == ("(一)", "抓好新旧动能转换信息公开")
    assert tasks[0].section_title == "一、深化重点领域信息公开"
    assert Requirement.objects.count() == 84
    assert document["changes"]["plan"]["written"] is True

    first = tasks[0].requirements.get()
    assert sorted(u.title for u in first.lead_units.all()) == ["市发展改革委", "市工业和信息化局"]
    assert [g.name for g in first.lead_groups.all()] == ["各县（市、区）政府（管委会）"]
    assert first.due_date.isoformat() == "2022-12-31" and first.deadline_raw == "全年"
    assert first.source_rows == [4]
    others = table_groups["市政府有关部门、单位"]
    assert others.led_requirements.count() >= 8
    assert Requirement.objects.exclude(unmatched_units=[]).count() == 0
    # Every page the import made is published and has its revision.
    assert all(t.live and t.live_revision_id for t in tasks)


def test_names_nobody_knows_are_kept_as_written_and_reported(run_import, jining_units):
    from wagtail_disclosure.plans.models import Requirement

    document = run_import(DATA / "task-table.xlsx")

    rows = [w["row"] for w in document["warnings"] if "市政府有关部门、单位" in w["message"]]
    assert rows and all(isinstance(r, int) for r in rows)
    kept = Requirement.objects.exclude(unmatched_units=[])
    assert kept.count() >= 8
    assert {"name": "市政府有关部门、单位", "role": "lead"} in kept.first().unmatched_units


def test_without_a_year_in_name_or_title_the_csv_is_refused_with_exit_1(plans_index, jining_units):
    from wagtail_disclosure.plans.models import TaskPlanPage

    out = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("disclosure_import_plan", str(DATA / "task-table.csv"), "--json", stdout=out)
    assert failure.value.returncode == 1
    document = json.loads(out.getvalue())
    assert document["errors"] and not TaskPlanPage.objects.exists()


def test_a_missing_file_is_exit_2(plans_index):
    with pytest.raises(CommandError) as failure:
        call_command("disclosure_import_plan", "/nonexistent/plan.xlsx")
    assert failure.value.returncode == 2


def test_the_plan_option_names_the_page(run_import, jining_units):
    from wagtail_disclosure.plans.models import TaskPlanPage

    run_import(DATA / "task-table.csv", "--year", "2022", "--plan", "jining-2022")

    assert TaskPlanPage.objects.get().url_path.endswith("/plans/jining-2022/")
