"""How fast a task plan is read and written as pages: the 84-row Jining seed and generated
tables of 1,000, 5,000 and 10,000 requirements (xlsx).

For each: parsing (``parse_plan``), the first import (computing the change set and writing the
plan, its task pages with revisions and the requirements), and importing the same file again
(matching every requirement, writing nothing). Runs on a throwaway SQLite database in a
temporary folder, so the example site's data is left alone.

Run: ``.venv/bin/python benchmarks/bench_plan_import.py [sizes…]``
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "example_site")]
TMP = Path(tempfile.mkdtemp(prefix="bench-plan-import-"))
os.environ["DATABASE_URL"] = f"sqlite:///{TMP / 'bench.sqlite3'}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")
os.environ["DJANGO_DEBUG"] = "0"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

settings.MEDIA_ROOT = str(TMP / "media")

SEED = REPO / "example_site" / "demo" / "data" / "jining-2022" / "task-table.xlsx"
SIZES = [1_000, 5_000, 10_000]
PER_TASK, PER_UNITS_CELL, TASKS_PER_SECTION = 8, 3, 25
DEADLINES = (
    "全年",
    "2022年10月底前完成，长期坚持",
    "定期更新",
    "2022 年 6 月底",
    "三季度末",
    "长期坚持",
    "２０２２年９月１５日前",
    "每季度",
)
UNITS = (
    "各县（市、区）政府（管委会），市发展改革委、市工业和信息化局",
    "市财政局牵头，市税务局配合",
    "市、县级政府办公室",
    "各县(市、区)政府(管委会), 市司法局等市政府有关部门、单位",
)


def write_workbook(path: Path, requirements: int) -> None:
    """Title row, header, section rows merged across, task and unit cells merged down (the
    generator of bench_plan_parse.py)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["2022年政务公开工作任务分解表"])
    sheet.merge_cells("A1:D1")
    sheet.append(["工作任务", "责任单位", "具体要求", "完成时限"])
    row = 2
    per_section = PER_TASK * TASKS_PER_SECTION
    for number in range(requirements):
        if number % per_section == 0:
            row += 1
            sheet.append(
                [
                    f"{'一二三四五六七八九十'[(number // per_section) % 10]}、"
                    f"第{number // per_section + 1}部分",
                    None,
                    None,
                    None,
                ]
            )
            sheet.merge_cells(f"A{row}:D{row}")
        row += 1
        task = (
            f"（{number // PER_TASK + 1}）任务{number // PER_TASK}"
            if number % PER_TASK == 0
            else None
        )
        units = UNITS[number % len(UNITS)] if number % PER_UNITS_CELL == 0 else None
        sheet.append(
            [
                task,
                units,
                f"第{number + 1}项具体要求：做好相关信息公开工作。",
                DEADLINES[number % len(DEADLINES)],
            ]
        )
        if task is not None:
            sheet.merge_cells(f"A{row}:A{row + PER_TASK - 1}")
        if units is not None:
            sheet.merge_cells(f"B{row}:B{row + PER_UNITS_CELL - 1}")
    workbook.save(path)


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def run(label: str, data: bytes, name: str, slug: str, parent) -> dict:
    from wagtail_disclosure.plans.importer import apply_changes, prepare_import
    from wagtail_disclosure.plans.parsing import parse_plan
    from wagtail_disclosure.units.matching import UnitNameIndex

    index = UnitNameIndex()
    parse, outline = timed(lambda: parse_plan(data, name, 2022, resolve=index.canonical_name))
    rows = len(outline.requirements)

    def first():
        changes = prepare_import(data, name, year=2022, slug=slug, parent=parent)
        return apply_changes(changes, parent=parent, file_name=name)

    apply, result = timed(first)
    assert result.wrote

    def again():
        changes = prepare_import(data, name, year=2022, slug=slug, parent=parent)
        return apply_changes(changes, parent=parent, file_name=name)

    reimport, result = timed(again)
    assert not result.wrote, "the same file again must write nothing"
    print(
        f"{label:>22}: {rows:>6} requirements | parse {parse:7.2f} s ({rows / parse:8.0f} rows/s)"
        f" | first import {apply:7.2f} s ({1000 * apply / rows:5.2f} ms/row)"
        f" | same file again {reimport:6.2f} s ({1000 * reimport / rows:5.2f} ms/row)",
        flush=True,
    )
    return {"rows": rows, "parse": parse, "apply": apply, "reimport": reimport}


def main(sizes) -> None:
    call_command("migrate", verbosity=0)
    from demo import site, units

    from wagtail_disclosure.plans.models import TaskPlanIndexPage

    site.load(io.StringIO())
    units.load(io.StringIO())
    parent = TaskPlanIndexPage.objects.get(slug="plans")
    print(f"database: {settings.DATABASES['default']['ENGINE']} in {TMP}")
    results = [run("Jining seed", SEED.read_bytes(), SEED.name, "seed", parent)]
    for size in sizes:
        path = TMP / f"plan-{size}.xlsx"
        write_workbook(path, size)
        results.append(run(f"generated {size:,}", path.read_bytes(), path.name, f"g{size}", parent))
    generated = results[1:]
    if len(generated) > 1:
        small, large = generated[0], generated[-1]
        growth = (large["apply"] / large["rows"]) / (small["apply"] / small["rows"])
        print(
            f"per-row cost of the first import, largest vs smallest table: x{growth:.2f} "
            "(1.0 = linear)"
        )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or SIZES)
