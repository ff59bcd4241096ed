"""What every benchmark shares: a throwaway database, the demo's site and register, timing in
interleaved rounds, and a table of figures with their ratio to an anchor measured in the same run.

Each figure is the median of rounds in which the measured thing and its anchor take turns, so a
machine that is busy with something else slows both alike and the ratio stays meaningful.

``setup_django()`` must run before anything imports Django models. The database is a fresh
SQLite file in a temporary folder unless ``BENCH_DATABASE_URL`` names another (PostgreSQL:
``postgres://postgres@127.0.0.1:5432/<name>``; the database is created and dropped).
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TMP = Path(tempfile.mkdtemp(prefix="disclosure-bench-"))
SEED = REPO / "example_site" / "demo" / "data" / "jining-2022" / "task-table.xlsx"


def setup_django(database_url: str | None = None):
    """Configure the example site on a throwaway database (migrated) and return its URL."""
    sys.path[:0] = [str(REPO), str(REPO / "example_site")]
    default = f"sqlite:///{TMP / 'bench.sqlite3'}"
    url = database_url or os.environ.get("BENCH_DATABASE_URL") or default
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")
    os.environ["DJANGO_DEBUG"] = "0"
    if url.startswith("postgres"):
        create_postgres_database(url)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.MEDIA_ROOT = str(TMP / "media")
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    return url


def create_postgres_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def load_site_and_register():
    """The demo's columns (/units/, /plans/, /policies/) and the units register."""
    from demo import site, units

    site.load(io.StringIO())
    units.load(io.StringIO())
    from demo.plans import GROUPS

    from tests.builders import make_unit_group

    for name in GROUPS:
        make_unit_group(name)


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def interleaved(functions: dict, rounds: int) -> dict[str, list[float]]:
    """Run each function once per round, in turn; seconds per call, by name."""
    times: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(rounds):
        for name, fn in functions.items():
            seconds, _value = timed(fn)
            times[name].append(seconds)
    return times


def median_ms(values) -> float:
    return statistics.median(values) * 1000


def percentile(values, fraction) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def row(label: str, figure: str, anchor_label: str = "", anchor: str = "", ratio=None, target=""):
    """One line of a benchmark's table."""
    ratio_text = f"{ratio:6.2f}x" if ratio is not None else "       "
    print(
        f"| {label:<44} | {figure:>20} | {anchor_label:<34} | {anchor:>18} | {ratio_text} | "
        f"{target}",
        flush=True,
    )


def header(title: str):
    from django.db import connection

    print(f"\n## {title} ({connection.vendor}, {os.cpu_count()} CPUs)", flush=True)
    print(
        f"| {'what':<44} | {'figure':>20} | {'anchor':<34} | {'anchor figure':>18} | ratio   | "
        "target",
        flush=True,
    )
