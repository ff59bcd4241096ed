"""One install, many sites: site-scoped listings and search, with 1 county site and with 20.

In one run, on one throwaway database (SQLite by default; ``BENCH_DATABASE_URL`` for
PostgreSQL), county sites are added with ``disclosure_add_site``'s own function, each with a
plan of 300 requirements (30 tasks, written by the plan import's bulk writer), 500 policy
documents (pages written in bulk, then indexed) and 200 Q&A entries (``bulk_create``).

The first county's pages are measured when it is the only county (the **anchor**, "single
site"), then again after 19 more counties were added (the figure): the same pages, the same
content, twenty times as much of everything else. For each page the query count must be the
same, and the time within 2× of the anchor.

Run: ``.venv/bin/python benchmarks/bench_sites.py [counties] [--rounds N]``.
"""

from __future__ import annotations

import argparse
import random
import uuid

from common import header, interleaved, load_site_and_register, median_ms, row, setup_django

setup_django()

REQUIREMENTS, TASKS, DOCUMENTS, QUESTIONS = 300, 30, 500, 200

#: (label, path on the county's site, query parameters)
PAGES = (
    ("policy library", "/policies/", {}),
    ("policy library, keyword 营商环境", "/policies/", {"q": "营商环境"}),
    ("Q&A library", "/qa/", {}),
    ("Q&A library, keyword 住房", "/qa/", {"q": "住房"}),
    ("plan page (300 requirements)", "/plans/2022/", {}),
    ("annual reports", "/annual-reports/", {}),
    ("request form (the site's offices)", "/request/", {}),
    ("site search 营商环境", "/search/", {"query": "营商环境"}),
)

TOPICS = ("营商环境", "住房保障", "就业创业", "财政税务", "卫生健康", "乡村振兴", "教育")


def add_county(number):
    from wagtail.models import Site

    from wagtail_disclosure.management.commands.disclosure_add_site import add_site

    hostname = f"county{number}.localhost"
    add_site(f"第{number}县", hostname, unit_name=f"第{number}县人民政府")
    site = Site.objects.select_related("root_page").get(hostname=hostname)
    write_plan(site, number)
    write_documents(site, number)
    write_questions(site, number)
    return site


def write_plan(site, number):
    from wagtail_disclosure.plans.bulk import write_new_task_pages
    from wagtail_disclosure.plans.importer import Links, RequirementChange, TaskChange
    from wagtail_disclosure.plans.models import TaskPlanIndexPage, TaskPlanPage
    from wagtail_disclosure.units.models import UnitPage

    index = TaskPlanIndexPage.objects.child_of(site.root_page).get()
    plan = TaskPlanPage(title=f"第{number}县2022年政务公开工作任务分解表", slug="2022", year=2022)
    index.add_child(instance=plan)
    plan.save_revision().publish()
    unit = UnitPage.objects.get(title=f"第{number}县人民政府")
    tasks = []
    per_task = REQUIREMENTS // TASKS
    for t in range(TASKS):
        task = TaskChange(
            section_number=1 + t // 10, section_title=f"第{1 + t // 10}部分",
            task_number=f"({t + 1})", title=f"做好{TOPICS[t % len(TOPICS)]}信息公开{t + 1}",
        )  # fmt: skip
        for r in range(per_task):
            values = dict(
                text=f"围绕{TOPICS[(t + r) % len(TOPICS)]}公开第{r + 1}项工作进展。",
                units_raw=unit.title, deadline_raw="全年", due_date=None, is_ongoing=False,
                is_recurring=False,
            )  # fmt: skip
            links = Links(lead_units=[unit.pk])
            task.requirements.append(RequirementChange(None, values, links, [t * per_task + r]))
        tasks.append(task)
    write_new_task_pages(plan, tasks, [f"task-{t + 1}" for t in range(TASKS)])


def write_documents(site, number):
    """500 live documents under the county's library, written the way the bulk plan writer
    writes task pages (base rows in bulk, then the specific rows), then indexed in bulk."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backends

    from wagtail_disclosure.plans.bulk import child_paths, insert_rows
    from wagtail_disclosure.policies.models import PolicyDocumentPage, PolicyIndexPage, PolicyKind
    from wagtail_disclosure.units.models import UnitPage

    library = PolicyIndexPage.objects.child_of(site.root_page).get()
    issuer = UnitPage.objects.get(title=f"第{number}县人民政府")
    content_type = ContentType.objects.get_for_model(PolicyDocumentPage)
    now = timezone.now()
    rng = random.Random(number)
    pages = []
    for n, path in enumerate(child_paths(library, DOCUMENTS)):
        topic = rng.choice(TOPICS)
        title = f"第{number}县关于{topic}的通知（第{n + 1}号）"
        pages.append(PolicyDocumentPage(
            title=title, draft_title=title, slug=f"doc-{n + 1}", path=path,
            depth=library.depth + 1, numchild=0, url_path=f"{library.url_path}doc-{n + 1}/",
            content_type=content_type, locale_id=library.locale_id,
            translation_key=uuid.uuid4(), live=True, has_unpublished_changes=False,
            first_published_at=now, last_published_at=now, kind=PolicyKind.OTHER,
            issuer=issuer, document_number=f"第{number}县发〔2022〕{n + 1}号",
            date_published=now.date(), requires_interpretation=False,
            interpretation_exemption="工作通知", body=f"<p>现就做好{topic}工作通知如下。</p>",
        ))  # fmt: skip
    Page.objects.bulk_create(pages)
    for page in pages:
        page.page_ptr_id = page.id
        page._state.adding = False
    insert_rows(PolicyDocumentPage, pages, list(PolicyDocumentPage._meta.local_concrete_fields))
    Page.objects.filter(pk=library.pk).update(numchild=F("numchild") + len(pages))
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(PolicyDocumentPage, pages)


def write_questions(site, number):
    from wagtail.search.backends import get_search_backends

    from wagtail_disclosure.policies.interpretations import PolicyQuestion

    questions = PolicyQuestion.objects.bulk_create([
        PolicyQuestion(
            question=f"第{number}县{TOPICS[n % len(TOPICS)]}问题{n + 1}：怎么办理？",
            answer="<p>请向县政务服务中心咨询。</p>", live=True, site=site, sort_order=n,
        )
        for n in range(QUESTIONS)
    ])  # fmt: skip
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(PolicyQuestion, questions)


def measure(hostname, rounds):
    """{label: (median ms, queries)} of the county's pages, warm (each fetched once first)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=hostname)
    calls, queries = {}, {}
    for label, path, params in PAGES:
        response = client.get(path, params)
        assert response.status_code == 200, (label, response.status_code)
        with CaptureQueriesContext(connection) as captured:
            client.get(path, params)
        queries[label] = len(captured)
        calls[label] = lambda p=path, q=params: client.get(p, q)
    times = interleaved(calls, rounds)
    return {label: (median_ms(times[label]), queries[label]) for label, _p, _q in PAGES}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("counties", nargs="?", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()

    import time

    from tests.builders import annual_report_index

    load_site_and_register()
    annual_report_index()
    started = time.perf_counter()
    first = add_county(1)
    single = measure(first.hostname, args.rounds)
    for number in range(2, args.counties + 1):
        add_county(number)
    built = time.perf_counter() - started
    many = measure(first.hostname, args.rounds)

    header(
        f"Site-scoped pages of one county: alone, and among {args.counties} counties "
        f"({REQUIREMENTS} requirements, {DOCUMENTS} documents, {QUESTIONS} Q&A each; "
        f"built in {built:.0f} s)"
    )
    failures = []
    for label, _path, _params in PAGES:
        (ms, queries), (ms1, queries1) = many[label], single[label]
        ratio = ms / ms1 if ms1 else None
        row(f"{label}", f"{ms:.1f} ms, {queries} q", "one county", f"{ms1:.1f} ms, {queries1} q",
            ratio, "same queries, ≤ 2x")  # fmt: skip
        if queries != queries1 or (ratio is not None and ratio > 2):
            failures.append(label)
    if failures:
        raise SystemExit(f"over target: {', '.join(failures)}")


if __name__ == "__main__":
    main()
