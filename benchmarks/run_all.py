"""Run the benchmarks one after the other: the quick set (``make bench``: 2,000-row tables,
2,000 search pages, a short load test) or, with ``--full`` (``make bench-full``), the 10,000-row
ones and the 200-reader load test. Set ``BENCH_DATABASE_URL`` to run them on PostgreSQL."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUICK = [
    ["bench_plan_parse.py", "2000"],
    ["bench_plan_import.py", "2000"],
    ["bench_pages.py", "--rounds", "9"],
    ["bench_search.py"],
    ["bench_search_scale.py", "2000"],
    ["load.py", "--readers", "50", "--seconds", "10"],
]
FULL = [
    ["bench_plan_parse.py", "10000"],
    ["bench_plan_import.py", "--full"],
    ["bench_pages.py", "--rounds", "15"],
    ["bench_search.py"],
    ["bench_search_scale.py", "10000"],
    ["bench_sites.py", "20", "--rounds", "9"],
    ["load.py", "--readers", "200", "--seconds", "30"],
]

failed = 0
for script, *args in FULL if "--full" in sys.argv else QUICK:
    print(f"\n# {script} {' '.join(args)}", flush=True)
    failed |= subprocess.call([sys.executable, str(HERE / script), *args], cwd=HERE) != 0
sys.exit(failed)
