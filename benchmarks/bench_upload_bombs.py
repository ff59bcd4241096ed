"""Peak memory and time of each refused upload bomb, against reading the Jining seed workbook.

Each case runs in a fresh Python process (its peak resident memory is then its own): the anchor
reads the 84-row seed table through the bounded reader; each bomb (the dimension bomb, the merge
bomb, the 2 GiB zip bomb, a 1,000,000-row CSV) goes through ``parse_plan`` as an upload would and
must come back refused. Times are the median of five runs inside the process; the ratios compare
them with the anchor measured in the same run, so they hold on a slower machine.

Run: ``.venv/bin/python benchmarks/bench_upload_bombs.py``
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SEED = REPO / "example_site" / "demo" / "data" / "jining-2022" / "task-table.xlsx"
HEADER = ["工作任务", "具体要求", "责任单位", "完成时限"]
CASES = ["anchor: seed workbook", "dimension bomb", "merge bomb", "zip bomb (2 GiB)",
         "1,000,000-row CSV"]
MEMORY_LIMIT_MB = 200


def source_of(case: str) -> tuple[bytes, str]:
    from tests import bombs

    if case.startswith("anchor"):
        return SEED.read_bytes(), "task-table.xlsx"
    if case.startswith("dimension"):
        return bombs.dimension_bomb(HEADER), "bomb.xlsx"
    if case.startswith("merge"):
        return bombs.merge_bomb(HEADER), "bomb.xlsx"
    if case.startswith("zip"):
        return bombs.zip_bomb(HEADER), "bomb.xlsx"
    return bombs.long_csv(HEADER), "bomb.csv"


def measure(case: str) -> dict:
    """In the child process: build the file, then time reading it (and the memory it took)."""
    from wagtail_disclosure.plans.parsing import parse_plan

    source, name = source_of(case)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times, codes = [], []
    for _ in range(5):
        started = time.perf_counter()
        outline = parse_plan(source, name, 2022)
        times.append(time.perf_counter() - started)
        codes = sorted({problem.code for problem in outline.errors})
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"case": case, "bytes": len(source), "seconds": statistics.median(times),
            "peak_mb": peak / 1024, "growth_mb": (peak - before) / 1024, "errors": codes}


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--case":
        print(json.dumps(measure(sys.argv[2])))
        return 0
    results = []
    for case in CASES:
        output = subprocess.run([sys.executable, __file__, "--case", case], check=True,
                                capture_output=True, text=True).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))
    anchor = results[0]["seconds"]
    print(f"{'case':<22} {'file':>10} {'time':>9} {'× anchor':>9} {'peak RSS':>9} "
          f"{'growth':>8}  refused as")
    failed = False
    for result in results:
        refused = ", ".join(result["errors"]) or "(read)"
        print(f"{result['case']:<22} {result['bytes']:>10,} {result['seconds'] * 1000:>7.1f}ms "
              f"{result['seconds'] / anchor:>9.2f} {result['peak_mb']:>7.0f}MB "
              f"{result['growth_mb']:>6.0f}MB  {refused}")
        if not result["case"].startswith("anchor"):
            failed |= result["errors"] != ["over_limit"] or result["peak_mb"] > MEMORY_LIMIT_MB
    print(f"every bomb refused as over_limit, peak under {MEMORY_LIMIT_MB} MB: "
          f"{'no' if failed else 'yes'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
