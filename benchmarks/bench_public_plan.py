"""Render time of the public plan page and of the admin dashboard at 84 and 2,000
requirements.

A plain script on a throwaway SQLite database (migrated, units loaded, the Jining 2022 plan
built from expected.json, a generated 2,000-row plan, reports for a third of the pairs, five
dashboard panels per plan). Run: ``.venv/bin/python benchmarks/bench_public_plan.py``.
"""

from __future__ import annotations

import datetime
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "example_site"), str(REPO)]
TMP = tempfile.mkdtemp(prefix="bench-public-plan-")
os.environ["DATABASE_URL"] = f"sqlite:///{TMP}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]
RUNS = 7


def setup():
    call_command("migrate", verbosity=0)
    from demo import site, units

    site.load(io.StringIO())
    units.load(io.StringIO())
    from tests.builders import build_generated_plan, build_jining_2022_plan

    small = build_jining_2022_plan()
    big = build_generated_plan(2000, year=2023)
    from wagtail_disclosure.progress.models import ProgressReport, ProgressStatus, ReportPanel
    from wagtail_disclosure.progress.states import ProgressSnapshot, plan_requirements

    statuses = [ProgressStatus.DONE, ProgressStatus.IN_PROGRESS, ProgressStatus.ONGOING]
    reports = []
    for plan in (small, big):
        for i, (row, up) in enumerate(ProgressSnapshot(plan_requirements(plan)).pairs()):
            if i % 3 == 0:
                reports.append(
                    ProgressReport(
                        requirement=row.requirement,
                        unit=up.unit,
                        status=statuses[i % 9 // 3],
                        percent=60,
                        date=row.requirement.due_date or datetime.date(plan.year, 6, 30),
                    )
                )
    ProgressReport.objects.bulk_create(reports, batch_size=2000)
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("bench", "bench@example.com", "pw")
    return small, big, user, ReportPanel


def panels_for(ReportPanel, plan):
    ReportPanel.objects.all().delete()
    for kind in ("completion_by_unit", "completion_by_section", "overdue", "upcoming_deadlines"):
        ReportPanel.objects.create(title=kind, kind=kind, plan=plan, show_on_dashboard=True)
    from wagtail_disclosure.units.models import UnitPage

    ReportPanel.objects.create(
        title="ledger",
        kind="unit_ledger",
        plan=plan,
        unit=UnitPage.objects.get(title="任城区人民政府"),
        show_on_dashboard=True,
    )


def measure(client, url):
    client.get(url)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times) * 1000, len(queries), len(response.content)


def main():
    small, big, user, ReportPanel = setup()
    from wagtail_disclosure.plans.models import Requirement

    public = Client()
    admin = Client()
    admin.force_login(user)
    print(f"{'page':<24}{'requirements':>13}{'median ms':>11}{'queries':>9}{'KiB':>8}")
    for plan in (small, big):
        n = Requirement.objects.filter(task__path__startswith=plan.path).count()
        ms, q, size = measure(public, plan.url)
        print(f"{'public plan page':<24}{n:>13}{ms:>11.0f}{q:>9}{size / 1024:>8.0f}")
        panels_for(ReportPanel, plan)
        ms, q, size = measure(admin, "/admin/")
        print(f"{'dashboard (5 panels)':<24}{n:>13}{ms:>11.0f}{q:>9}{size / 1024:>8.0f}")


if __name__ == "__main__":
    main()
