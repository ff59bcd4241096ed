"""Chinese search on 10,000 pages: p50/p95 of ten queries, ours against Wagtail's own backend.

In one run, on one throwaway database (SQLite by default; ``BENCH_DATABASE_URL`` for
PostgreSQL), 10,000 task pages are written (with the bulk import writer) whose requirement
texts are sentences of the Jining 2022 table, so common bigrams such as 公开 match most pages.
Each query is run as the search page runs it (the count for the pager, then the first page of
ten results), in interleaved rounds:

- **ours**: ``wagtail_disclosure.search.backend`` (bigram segmentation; on SQLite, one-pass
  FTS5 ``bm25`` ranking);
- **anchor**: Wagtail's default database backend on the same pages (indexed without
  segmentation: fast, but it finds almost nothing in Chinese — its hit counts are printed).

Run: ``.venv/bin/python benchmarks/bench_search_scale.py [pages]``.
"""

from __future__ import annotations

import random
import sys

from common import (
    header,
    load_site_and_register,
    median_ms,
    percentile,
    row,
    setup_django,
    timed,
)

setup_django()

QUERIES = (
    "营商环境", "减税降费", "住建局", "政策解读", "乡村振兴",
    "公共企事业单位", "依申请公开", "双随机一公开", "疫情防控", "信息公开年报",
)  # fmt: skip


def sentences():
    from tests.jining import expected_outline

    outline = expected_outline()
    texts = [r["text"] for s in outline["sections"] for t in s["tasks"] for r in t["requirements"]]
    titles = [t["title"] for s in outline["sections"] for t in s["tasks"]]
    return texts, titles


def write_pages(count):
    from wagtail_disclosure.plans.bulk import write_new_task_pages
    from wagtail_disclosure.plans.importer import Links, RequirementChange, TaskChange
    from wagtail_disclosure.plans.models import TaskPlanIndexPage, TaskPlanPage

    texts, titles = sentences()
    extra = ["市住建局", "政策解读", "公共企事业单位信息公开", "依申请公开", "信息公开年报"]
    rng = random.Random(13)
    parent = TaskPlanIndexPage.objects.get(slug="plans")
    plan = TaskPlanPage(title="检索测试", slug="search-bench", year=2022)
    parent.add_child(instance=plan)
    tasks = []
    for number in range(count):
        text = "".join(rng.sample(texts, 2))
        if rng.random() < 0.05:
            text += f"做好{rng.choice(extra)}工作。"
        task = TaskChange(
            section_number=1 + number // 500,
            section_title=f"第{1 + number // 500}部分",
            task_number=f"({number + 1})",
            title=f"{rng.choice(titles)}{number + 1}",
        )
        values = dict(
            text=text, units_raw="", deadline_raw="全年", due_date=None, is_ongoing=False,
            is_recurring=False,
        )  # fmt: skip
        task.requirements.append(RequirementChange(None, values, Links(), [number + 3]))
        tasks.append(task)
    slugs = [f"task-{n + 1}" for n in range(count)]
    for start in range(0, count, 2000):
        write_new_task_pages(plan, tasks[start : start + 2000], slugs[start : start + 2000])


def reindex(backend):
    from wagtail.models import Page
    from wagtail.search.index import get_indexed_models

    index = backend.get_index_for_model(Page)
    if hasattr(index, "reset"):
        index.reset()
    for model in get_indexed_models():
        objects = list(model.get_indexed_objects())
        if objects:
            backend.add_bulk(model, objects)


def as_the_search_page_does(backend, query):
    from django.core.paginator import Paginator
    from wagtail.models import Page

    paginator = Paginator(backend.search(query, Page.objects.live()), 10)
    return paginator.count, list(paginator.page(1))


def measure(backend, rounds):
    times = {q: [] for q in QUERIES}
    hits = {}
    for _ in range(rounds):
        for query in QUERIES:
            seconds, (count, _page) = timed(lambda q=query: as_the_search_page_does(backend, q))
            times[query].append(seconds)
            hits[query] = count
    return times, hits


def main(args):
    from wagtail.models import Page
    from wagtail.search.backends.database import SearchBackend as DefaultBackend

    from wagtail_disclosure.search.backend import SearchBackend

    count = int(args[0]) if args else 10_000
    load_site_and_register()
    written, _ = timed(lambda: write_pages(count))
    pages = Page.objects.live().count()
    header(f"Search on {pages:,} live pages (written in {written:.1f} s)")
    ours, default = SearchBackend({"SEGMENTER": "bigram"}), DefaultBackend({})
    indexed, _ = timed(lambda: reindex(ours))
    our_times, our_hits = measure(ours, 5)
    reindex(default)
    default_times, default_hits = measure(default, 5)
    every_ours = [t for q in QUERIES for t in our_times[q]]
    every_default = [t for q in QUERIES for t in default_times[q]]
    for query in QUERIES:
        row(
            f"{query} ({our_hits[query]:,} hits)",
            f"p50 {median_ms(our_times[query]):.0f} ms",
            f"default backend ({default_hits[query]:,} hits)",
            f"{median_ms(default_times[query]):.0f} ms",
            median_ms(our_times[query]) / max(median_ms(default_times[query]), 0.001),
        )
    row(
        "all ten queries, p50 / p95",
        f"{median_ms(every_ours):.0f} / {1000 * percentile(every_ours, 0.95):.0f} ms",
        "default backend p50 / p95",
        f"{median_ms(every_default):.0f} / {1000 * percentile(every_default, 0.95):.0f} ms",
        percentile(every_ours, 0.95) / max(percentile(every_default, 0.95), 1e-6),
        "p95 < 150 ms",
    )
    row("index build, ours", f"{indexed:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
