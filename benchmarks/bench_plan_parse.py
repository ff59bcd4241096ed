"""Reading a task table: ``parse_plan`` (the reader the app uses, then the outline) against
loading the same workbook in full with openpyxl (merged ranges included) and, when installed,
python-calamine, in one run; best of three each.

Run: ``.venv/bin/python benchmarks/bench_plan_parse.py [requirements]`` (default 10,000).
"""

from __future__ import annotations

import io
import sys
import time

from common import REPO, SEED, TMP, row

sys.path.insert(0, str(REPO))

from tests.builders import write_plan_workbook  # noqa: E402
from wagtail_disclosure.plans.parsing import parse_plan  # noqa: E402


def best_of_three(fn):
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        fn()
        timings.append(time.perf_counter() - started)
    return min(timings)


def openpyxl_full(data):
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data))  # not read-only: merged ranges known
    sheet = workbook.active
    sheet.merged_cells.ranges  # noqa: B018
    list(sheet.iter_rows(values_only=True))


def calamine_full(data):
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    sheet = workbook.get_sheet_by_index(0)
    sheet.to_python()
    getattr(sheet, "merged_cell_ranges", None)


def main(args):
    size = int(args[0]) if args else 10_000
    path = write_plan_workbook(TMP / f"plan-{size}.xlsx", size)
    data = path.read_bytes()
    print(f"\n## Parsing a {size:,}-row table ({len(data) // 1024} KiB)", flush=True)
    ours = best_of_three(lambda: parse_plan(data, path.name, 2022))
    full = best_of_three(lambda: openpyxl_full(data))
    row(f"parse_plan, {size:,} rows", f"{ours:.2f} s", "openpyxl full load with merges",
        f"{full:.2f} s", ours / full, "≥ 5x faster than 14 s (10,000 rows)")  # fmt: skip
    try:
        calamine = best_of_three(lambda: calamine_full(data))
        row("", "", "python-calamine full load", f"{calamine:.3f} s", ours / calamine)
    except ImportError:
        row("", "", "python-calamine", "not installed")
    seed = SEED.read_bytes()
    row(
        "parse_plan, Jining seed (84 rows)",
        f"{best_of_three(lambda: parse_plan(seed, SEED.name, 2022)):.3f} s",
    )


if __name__ == "__main__":
    main(sys.argv[1:])
