"""How fast ``parse_plan`` reads task plans: a generated 10,000-requirement workbook and the
84-row Jining seed workbook, best of three runs each.

Run: ``.venv/bin/python benchmarks/bench_plan_parse.py``
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from wagtail_disclosure.plans.parsing import parse_plan  # noqa: E402

SEED = REPO / "example_site" / "demo" / "data" / "jining-2022" / "task-table.xlsx"
REQUIREMENTS = 10_000
REQUIREMENTS_PER_TASK = 8
REQUIREMENTS_PER_UNITS_CELL = 3
TASKS_PER_SECTION = 25
DEADLINES = ("全年", "2022年10月底前完成，长期坚持", "定期更新", "2022 年 6 月底", "三季度末",
             "长期坚持", "２０２２年９月１５日前", "每季度")
UNITS = ("各县（市、区）政府（管委会），市发展改革委、市工业和信息化局",
         "市财政局牵头，市税务局配合", "市、县级政府办公室",
         "各县(市、区)政府(管委会), 市司法局等市政府有关部门、单位")
NUMERALS = "一二三四五六七八九十"


def write_large_workbook(path: Path, requirements: int = REQUIREMENTS) -> None:
    """Title row, header, section rows merged across, task and unit cells merged down."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "任务分解表"
    sheet.append(["2022年政务公开工作任务分解表"])
    sheet.merge_cells("A1:D1")
    sheet.append(["工作任务", "责任单位", "具体要求", "完成时限"])
    row = 2
    for number in range(requirements):
        if number % (REQUIREMENTS_PER_TASK * TASKS_PER_SECTION) == 0:
            row += 1
            sheet.append([f"{NUMERALS[(number // 200) % 10]}、第{number // 200 + 1}部分", None,
                          None, None])
            sheet.merge_cells(f"A{row}:D{row}")
        row += 1
        task = f"（{number // REQUIREMENTS_PER_TASK + 1}）任务{number // REQUIREMENTS_PER_TASK}" \
            if number % REQUIREMENTS_PER_TASK == 0 else None
        units = UNITS[number % len(UNITS)] if number % REQUIREMENTS_PER_UNITS_CELL == 0 else None
        sheet.append([task, units, f"第{number + 1}项具体要求：做好相关信息公开工作。",
                      DEADLINES[number % len(DEADLINES)]])
        if task is not None:
            sheet.merge_cells(f"A{row}:A{row + REQUIREMENTS_PER_TASK - 1}")
        if units is not None:
            sheet.merge_cells(f"B{row}:B{row + REQUIREMENTS_PER_UNITS_CELL - 1}")
    workbook.save(path)


def best_of_three(source: bytes, filename: str) -> tuple[float, int]:
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        outline = parse_plan(source, filename, 2022)
        timings.append(time.perf_counter() - started)
    return min(timings), len(outline.requirements)


def report(label: str, seconds: float, requirements: int) -> None:
    print(f"{label}: {requirements} requirements in {seconds * 1000:.0f} ms "
          f"= {requirements / seconds:,.0f} rows/second (best of 3)")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large-plan.xlsx"
        write_large_workbook(path)
        source = path.read_bytes()
        print(f"generated workbook: {len(source) / 1024:.0f} KiB")
        report("generated 10,000-row xlsx", *best_of_three(source, path.name))
    report("Jining seed xlsx", *best_of_three(SEED.read_bytes(), SEED.name))


if __name__ == "__main__":
    main()
