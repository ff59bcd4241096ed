"""Importing the Jining 2022 task table, as published in three forms, gives its true outline."""

from __future__ import annotations

import pytest

from tests.jining import canonical_name, nf
from wagtail_disclosure.plans.parsing import outline_to_dict, parse_plan

SEED_FILES = ("task-table.xlsx", "task-table.csv", "notice.txt")


def flatten(document: dict) -> list[tuple[dict, dict, dict]]:
    return [
        (section, task, requirement)
        for section in document["sections"]
        for task in section["tasks"]
        for requirement in task["requirements"]
    ]


@pytest.fixture(scope="module", params=SEED_FILES)
def imported(request, jining_dir, jining_resolver):
    name = request.param
    outline = parse_plan((jining_dir / name).read_bytes(), name, 2022, resolve=jining_resolver)
    return name, outline


def mismatches(got: dict, want: dict) -> list[str]:
    found = []
    pairs = zip(flatten(got), flatten(want), strict=False)
    for number, ((gs, gt, gq), (ws, wt, wq)) in enumerate(pairs, 1):
        units = sorted({canonical_name(u) for u in gq["lead_units"] + gq["cooperating_units"]})
        checks = {
            "section": nf(gs["title"]) == nf(ws["title"]),
            "task": nf(gt["title"]) == nf(wt["title"]),
            "text": nf(gq["text"]) == nf(wq["text"]),
            "units": units == sorted({canonical_name(u) for u in wq["units"]}),
            "due": gq["deadline"]["due"] == wq["deadline"]["due"],
            "ongoing": gq["deadline"]["ongoing"] == wq["deadline"]["ongoing"],
            "recurring": gq["deadline"]["recurring"] == wq["deadline"]["recurring"],
        }
        wrong = [name for name, ok in checks.items() if not ok]
        if wrong:
            found.append(f"requirement {number} ({wt['title']}): wrong {wrong}")
    return found


def test_importing_each_jining_file_gives_5_sections_18_tasks_and_84_requirements(imported):
    name, outline = imported
    assert [len(outline.sections), len(outline.tasks), len(outline.requirements)] == [5, 18, 84]


def test_every_jining_requirement_matches_the_true_outline(imported, jining_expected):
    name, outline = imported
    assert mismatches(outline_to_dict(outline), jining_expected) == []


def test_the_jining_files_import_without_errors(imported):
    name, outline = imported
    assert outline.errors == []


def test_importing_the_jining_xlsx_gives_84_requirements_from_sheet_rows(jining_dir):
    outline = parse_plan((jining_dir / "task-table.xlsx").read_bytes(), "task-table.xlsx", 2022)
    assert len(outline.requirements) == 84
    assert outline.title == "2022年济宁市政务公开工作任务分解表"
    assert (outline.sheet_name, outline.header_row) == ("任务分解表", 2)
    assert outline.requirements[0].source_rows == [4]
    assert outline.requirements[-1].source_rows == [91]
    assert outline.sections[0].title == "一、深化重点领域信息公开"
    assert outline.tasks[0].number == "一"


def test_the_xlsx_task_merged_down_is_one_task_with_all_its_rows(jining_dir):
    outline = parse_plan((jining_dir / "task-table.xlsx").read_bytes(), "task-table.xlsx", 2022)
    task = outline.tasks[5]
    assert task.title == "(六) 加强优化营商环境信息公开"
    assert [r.source_rows for r in task.requirements] == [[n] for n in range(9, 17)]


def test_the_csv_empty_unit_cell_means_as_above(jining_dir):
    outline = parse_plan((jining_dir / "task-table.csv").read_bytes(), "task-table.csv", 2022)
    first, second = outline.tasks[6].requirements[2:4]
    assert first.source_rows == [18]
    assert first.lead_units == second.lead_units
    assert "市卫生健康委" in first.lead_units


def test_the_notice_requirement_cut_by_a_page_break_is_joined(jining_dir):
    outline = parse_plan((jining_dir / "notice.txt").read_bytes(), "notice.txt", 2022)
    requirement = next(r for r in outline.requirements if r.text.startswith("规范解读程序"))
    assert requirement.text.endswith("必须同步报送解读材料，对缺项的原则上予以退文。")
    assert len(requirement.source_rows) == 2
    codes = {problem.code for problem in outline.warnings}
    assert {"requirement_joined", "units_joined"} <= codes


def test_the_notice_unit_cell_cut_by_a_page_break_is_one_cell(jining_dir):
    outline = parse_plan((jining_dir / "notice.txt").read_bytes(), "notice.txt", 2022)
    last_task = outline.tasks[-1]
    for requirement in last_task.requirements:
        assert requirement.lead_units == ["各县（市、区）政府（管委会）", "市政府各部门、单位"]
        assert requirement.units_raw.endswith("市政府各部门、单位")


def test_the_notice_takes_its_title_and_year_from_the_attachment(jining_dir):
    outline = parse_plan((jining_dir / "notice.txt").read_bytes(), "notice.txt", None)
    assert outline.title == "2022年济宁市政务公开工作任务分解表"
    assert outline.year == 2022
    assert outline.header_row == 33


def test_units_the_register_does_not_know_are_kept_and_reported(jining_dir, jining_resolver):
    outline = parse_plan(
        (jining_dir / "task-table.xlsx").read_bytes(),
        "task-table.xlsx",
        2022,
        resolve=jining_resolver,
    )
    requirement = outline.tasks[5].requirements[0]
    assert requirement.unmatched_units == ["市政府有关部门、单位"]
    assert "市政府有关部门、单位" in requirement.lead_units
    warnings = [p for p in outline.warnings if p.code == "unit_not_found"]
    assert warnings and all(p.row for p in warnings)


def test_the_resolver_gives_canonical_names(jining_dir):
    outline = parse_plan(
        (jining_dir / "task-table.xlsx").read_bytes(),
        "task-table.xlsx",
        2022,
        resolve=lambda name: f"<{name}>",
    )
    assert outline.requirements[0].lead_units[1] == "<市发展改革委>"
    assert outline.requirements[0].unmatched_units == []
