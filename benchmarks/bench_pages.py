"""Public plan, task and unit pages and the admin dashboard, against a static page of the same HTML.

In one run, on one throwaway database (the register, the Jining 2022 plan of 84 requirements, a
generated plan of 2,000, reports for a third of the requirement/unit pairs, five dashboard
panels), each page is measured against its **anchor**: a static Wagtail page (a plan index page,
whose introduction is a RichText field) holding exactly the HTML that page shows, served by the
same site. Figures are medians of interleaved rounds (page, anchor, page, anchor, …) through
Django's test client, as a reader's request is served (cached tables included: the first
request after a change is reported separately as "cold").

The dashboard has a second reference line: the same admin home with the app's
``construct_homepage_panels`` hooks off, i.e. Wagtail's own dashboard (its summary, workflow,
recent edits and locked pages panels) with the app's menu. Its ratio to the static page is what
Wagtail costs before the app adds anything; the difference to it is the app's share.

Run: ``.venv/bin/python benchmarks/bench_pages.py [--rounds N]``.
"""

from __future__ import annotations

import contextlib
import datetime
import re
import sys

from common import header, interleaved, load_site_and_register, median_ms, row, setup_django

setup_django()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

STATIC = []
APP = "wagtail_disclosure"
CONTENT = re.compile(r'<div class="disclosure">(.*)</div>', re.S)


def build():
    from django.contrib.auth import get_user_model

    from tests.builders import build_generated_plan, build_jining_2022_plan
    from wagtail_disclosure.progress.models import ProgressReport, ProgressStatus
    from wagtail_disclosure.progress.states import ProgressSnapshot, plan_requirements

    load_site_and_register()
    small = build_jining_2022_plan()
    big = build_generated_plan(2000, year=2023)
    statuses = [ProgressStatus.DONE, ProgressStatus.IN_PROGRESS, ProgressStatus.ONGOING]
    reports = []
    for plan in (small, big):
        for i, (line, up) in enumerate(ProgressSnapshot(plan_requirements(plan)).pairs()):
            if i % 3 == 0:
                reports.append(
                    ProgressReport(
                        requirement=line.requirement,
                        unit=up.unit,
                        status=statuses[i % 9 // 3],
                        percent=60,
                        date=line.requirement.due_date or datetime.date(plan.year, 6, 30),
                    )
                )
    ProgressReport.objects.bulk_create(reports, batch_size=2000)
    for task in big.get_children().specific():
        task.save_revision().publish()
    user = get_user_model().objects.create_superuser("bench", "bench@example.com", "pw")
    return small, big, user


def static_copy(client, url, slug):
    """A static page holding the HTML ``url`` shows in its content area."""
    from tests.builders import home_page
    from wagtail_disclosure.plans.models import TaskPlanIndexPage

    html = client.get(url).content.decode()
    body = CONTENT.search(html)
    page = TaskPlanIndexPage(title="static copy", slug=slug, intro=body.group(1) if body else html)
    home_page().add_child(instance=page)
    page.save_revision().publish()
    STATIC.append(page)
    return page.url


def dashboard_panels(plan):
    from wagtail_disclosure.progress.models import ReportPanel
    from wagtail_disclosure.units.models import UnitPage

    ReportPanel.objects.all().delete()
    for kind in ("completion_by_unit", "completion_by_section", "overdue", "upcoming_deadlines"):
        ReportPanel.objects.create(title=kind, kind=kind, plan=plan, show_on_dashboard=True)
    ReportPanel.objects.create(
        title="ledger",
        kind="unit_ledger",
        plan=plan,
        unit=UnitPage.objects.get(title="任城区人民政府"),
        show_on_dashboard=True,
    )


@contextlib.contextmanager
def wagtail_panels_only():
    """The admin home as Wagtail alone makes it: the app's homepage panel hooks unregistered for
    the duration (Wagtail has no public way to remove a hook, so its registry is edited)."""
    from wagtail import hooks

    name = "construct_homepage_panels"
    registered = list(hooks._hooks.get(name, []))
    hooks._hooks[name] = [
        (fn, order) for fn, order in registered if not fn.__module__.startswith(APP)
    ]
    try:
        yield
    finally:
        hooks._hooks[name] = registered


class Within:
    """Calls ``fn`` inside ``context()`` each time: a timed function with a setting switched."""

    def __init__(self, fn, context):
        self.fn, self.context = fn, context

    def __call__(self):
        with self.context():
            return self.fn()


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def cold_ms(client, url, rounds=3):
    times = []
    for _ in range(rounds):
        cache.clear()
        times.extend(interleaved({"page": lambda: client.get(url)}, 1)["page"])
    return median_ms(times)


def compare(label, client, url, static_url, rounds, target, context=None):
    """One table line: ``url`` against the static page, both through ``client``; ``context``
    (a context manager factory) is entered around each request for ``url``."""
    get = Within(lambda: client.get(url), context or contextlib.nullcontext)
    get(), client.get(static_url)
    times = interleaved({"page": get, "static": lambda: client.get(static_url)}, rounds)
    page, static = median_ms(times["page"]), median_ms(times["static"])
    with (context or contextlib.nullcontext)():
        n_page = queries(client, url)
    n_static = queries(client, static_url)
    row(
        label,
        f"{page:.1f} ms, {n_page} q",
        "static RichText page, same HTML",
        f"{static:.1f} ms, {n_static} q",
        page / static,
        target,
    )
    return page


def main(args):
    rounds = int(args[args.index("--rounds") + 1]) if "--rounds" in args else 15
    small, big, user = build()
    public, admin = Client(), Client()
    admin.force_login(user)
    header("Public pages and the dashboard")
    for plan, size in ((small, "84"), (big, "2,000")):
        task = plan.get_children().live().first()
        from wagtail_disclosure.units.models import UnitPage

        unit = UnitPage.objects.get(title="任城区人民政府")
        pages = [
            (f"plan page, {size} requirements", plan.url),
            (f"task page ({size}-row plan)", task.url),
        ]
        if plan is big:
            pages.append(("unit page (both plans)", unit.url))
        for label, url in pages:
            static = static_copy(public, url, f"static-{len(STATIC)}")
            compare(label, public, url, static, rounds, "≤ 1.5x")
            row(f"  {label}, first request after a change", f"{cold_ms(public, url):.1f} ms")
        dashboard_panels(plan)
        static = static_copy(admin, "/admin/", f"static-{len(STATIC)}")
        compare(
            f"dashboard, 5 panels, {size} requirements", admin, "/admin/", static, rounds, "≤ 2x"
        )
        row("  dashboard, first request after a change", f"{cold_ms(admin, '/admin/'):.1f} ms")
        compare(
            "  Wagtail's own dashboard (the app's panels off)",
            admin,
            "/admin/",
            static,
            rounds,
            "reference",
            context=wagtail_panels_only,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
