"""First import and re-import of a task table, against django-import-export and ``bulk_create``.

For each size (default 2,000 requirements; ``--full``: 10,000) a table is generated as an office
writes it (merged task and unit cells, section rows) and, with the same rows, a flat table. In
one run, on one throwaway database:

- **ours**: ``manage.py disclosure_import_plan`` on the table (parse, match units, write the
  plan, its task pages with revisions, requirements and their relations, search index);
- **anchor**: django-import-export's own ``import`` command loading the flat table into a flat
  model with the same columns, its resource set to ``use_bulk`` (``flat_anchor.py``): the
  usual way to load rows, end to end from the command line as ours is; and the same resource
  with ``skip_diff`` too, import-export at its fastest, for reference;
- **floor**: ``bulk_create`` of those flat rows alone (nothing read, nothing checked);
- **the same file again**: the command on the unchanged table (matches everything, writes
  nothing), and parsing alone, so the re-import's own cost is visible.

Run: ``.venv/bin/python benchmarks/bench_plan_import.py [--full] [sizes…]``.
"""

from __future__ import annotations

import io
import sys

from common import SEED, TMP, header, load_site_and_register, row, setup_django, timed

setup_django()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from flat_anchor import FlatRequirement  # noqa: E402


def flat_rows(size):
    """The rows of the generated table, with merged cells filled in."""
    from tests.builders import GENERATED_DEADLINES, GENERATED_UNITS

    rows = []
    for number in range(size):
        rows.append(
            [
                f"第{number // 200 + 1}部分",
                f"（{number // 8 + 1}）任务{number // 8}",
                GENERATED_UNITS[(number - number % 3) % len(GENERATED_UNITS)],
                f"第{number + 1}项具体要求：做好营商环境、乡村振兴等相关信息公开工作。",
                GENERATED_DEADLINES[number % len(GENERATED_DEADLINES)],
            ]
        )
    return rows


def write_flat_workbook(path, size):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["section", "task", "units", "text", "deadline"])
    for values in flat_rows(size):
        sheet.append(values)
    workbook.save(path)


def import_command(path, slug):
    out = io.StringIO()
    call_command("disclosure_import_plan", str(path), "--plan", slug, "--year", "2022", stdout=out)


def anchor_import(path, resource="flat_anchor.FlatResource"):
    """import-export's own command: its reader (tablib, openpyxl), then ``import_data``."""
    call_command(
        "import", resource, str(path), "--no-input", "--raise-errors",
        stdout=io.StringIO(), stderr=io.StringIO(),
    )


def floor_insert(size):
    FlatRequirement.objects.bulk_create(
        [
            FlatRequirement(section=s, task=t, units=u, text=x, deadline=d)
            for s, t, u, x, d in flat_rows(size)
        ],
        batch_size=1000,
    )


def admin_import(path, slug):
    """Preview and confirm in the admin, as an editor does: two requests, timed together.

    Returns (seconds, seconds of the slower request)."""
    import html
    import re

    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.urls import reverse

    from wagtail_disclosure.plans.models import Requirement, TaskPlanIndexPage

    user = get_user_model().objects.filter(username="bench").first()
    user = user or get_user_model().objects.create_superuser("bench", "bench@example.com", "pw")
    client = Client()
    client.force_login(user)
    url = reverse("wagtail_disclosure_admin:import_plan")
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    # A plan index of its own, so the table is a new plan (not the same plan as the command's).
    parent = TaskPlanIndexPage(title=slug, slug=slug)
    TaskPlanIndexPage.objects.order_by("path").first().get_parent().add_child(instance=parent)
    first, shown = timed(lambda: client.post(url, {"file": upload, "parent": parent.pk}))
    assert shown.status_code == 200, shown.status_code
    page = shown.content.decode()
    form = page.split('class="disclosure-plan-confirm"')[1].split("</form>")[0]
    fields = {name: html.unescape(value) for name, value in
              re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)}
    second, done = timed(lambda: client.post(url, fields))
    assert done.status_code == 302, done.status_code
    written = Requirement.objects.filter(task__path__startswith=parent.path).count()
    assert written == 2_000, written
    return first + second, max(first, second)


def timed_admin(path):
    from django.test import override_settings

    with override_settings(ALLOWED_HOSTS=["*"]):
        return admin_import(path, "admin-2000")


def measure(size):
    from tests.builders import write_plan_workbook
    from wagtail_disclosure.plans.models import Requirement
    from wagtail_disclosure.plans.parsing import parse_plan

    table = write_plan_workbook(TMP / f"plan-{size}.xlsx", size)
    flat = TMP / f"flat-{size}.xlsx"
    write_flat_workbook(flat, size)
    FlatRequirement.objects.all().delete()

    anchor, _ = timed(lambda: anchor_import(flat))
    FlatRequirement.objects.all().delete()
    fastest, _ = timed(lambda: anchor_import(flat, "flat_anchor.FastestFlatResource"))
    ours, _ = timed(lambda: import_command(table, f"g{size}"))
    assert Requirement.objects.filter(task__slug__startswith="task-").count() >= size
    floor, _ = timed(lambda: floor_insert(size))
    again, _ = timed(lambda: import_command(table, f"g{size}"))
    parse, _ = timed(lambda: parse_plan(table.read_bytes(), table.name, 2022))
    admin_table = write_plan_workbook(TMP / "plan-2000.xlsx", 2_000)
    admin, slowest = timed_admin(admin_table)

    n = f"{size:,} rows"
    row(
        f"first import, {n} (command)",
        f"{size / ours:,.0f} rows/s",
        "import-export use_bulk, flat",
        f"{size / anchor:,.0f} rows/s",
        anchor / ours,
        "≥ 1.5x the anchor (10,000 rows)",
    )
    row(
        f"first import, {n} (command)",
        f"{size / ours:,.0f} rows/s",
        "import-export use_bulk + skip_diff",
        f"{size / fastest:,.0f} rows/s",
        fastest / ours,
        "(import-export at its fastest)",
    )
    row(
        f"first import, {n} vs the floor",
        f"{1000 * ours / size:.2f} ms/row",
        "bulk_create floor",
        f"{size / floor:,.0f} rows/s",
        ours / floor,
        "(times the floor)",
    )
    row(
        f"same file again, {n}",
        f"{size / again:,.0f} rows/s",
        "parsing alone (share)",
        f"{parse:.2f} s",
        again / parse,
        f"{size / again / 279:.1f}x the issue's 279 rows/s (≥ 5x)",
    )
    row(
        "admin import, 2,000 rows (preview + confirm)",
        f"{admin:.2f} s",
        "slower of the two requests",
        f"{slowest:.2f} s",
        None,
        "inside one request each, no background task",
    )


def main(args):
    full = "--full" in args
    sizes = [int(a) for a in args if a.isdigit()] or ([10_000] if full else [2_000])
    with connection.schema_editor() as editor:
        editor.create_model(FlatRequirement)
    load_site_and_register()
    header("Plan import")
    seed_time, _ = timed(lambda: import_command(SEED, "seed"))
    row("first import, Jining seed (84 rows)", f"{seed_time:.2f} s")
    for size in sizes:
        measure(size)


if __name__ == "__main__":
    main(sys.argv[1:])
