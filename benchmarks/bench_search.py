"""Chinese search on the demo content, for each segmenter: recall@10, precision@10, timings.

    .venv/bin/python benchmarks/bench_search.py            # the configured database
    BENCH_DATABASE_URL=postgres://... .venv/bin/python benchmarks/bench_search.py

Works in a throwaway test database: loads the demo (units, policies) and the 2022 plan from
expected.json, then for each segmenter rebuilds the index and runs the query set of
``wagtail_disclosure.search.evaluation``.
"""

import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "example_site"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")
if os.environ.get("BENCH_DATABASE_URL"):  # as the other benchmarks take it
    os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]


def main():
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import get_runner, setup_test_environment

    setup_test_environment()
    runner = get_runner(settings)(verbosity=0, interactive=False)
    old_config = runner.setup_databases()
    try:
        run(connection)
    finally:
        runner.teardown_databases(old_config)


def run(connection):
    from demo import policies, site, units
    from wagtail.models import Page
    from wagtail.search.index import get_indexed_models

    from tests.builders import build_jining_2022_plan
    from tests.search.evaluation import QUERIES, evaluate
    from wagtail_disclosure.search.backend import SearchBackend

    out = io.StringIO()
    site.load(out)
    units.load(out)
    build_jining_2022_plan()
    policies.load(out)
    pages = list(Page.objects.live().exclude(depth=1).specific())
    print(f"database: {connection.vendor}; pages: {len(pages)}; queries: {len(QUERIES)}")
    print(f"{'segmenter':<14}{'recall@10':>10}{'prec@10':>10}{'index s':>10}{'query ms':>10}")
    for name in ["none", "bigram", "jieba", "jieba-search"]:
        backend = SearchBackend({"SEGMENTER": name})
        started = time.perf_counter()
        index = backend.get_index_for_model(Page)
        index.reset() if hasattr(index, "reset") else None
        for model in get_indexed_models():
            objects = list(model.get_indexed_objects())
            if objects:
                backend.add_bulk(model, objects)
        indexed = time.perf_counter() - started
        timings = []

        def search(query, backend=backend, timings=timings):
            t = time.perf_counter()
            results = list(backend.search(query, Page.objects.live())[:10])
            timings.append(time.perf_counter() - t)
            return results

        figures = evaluate(search, pages)
        print(
            f"{name:<14}{figures.recall:>10.3f}{figures.precision:>10.3f}"
            f"{indexed:>10.2f}{statistics.median(timings) * 1000:>10.1f}"
        )
        for query, missing in figures.misses[:8]:
            print(f"    missed {query}: {', '.join(missing)}")


if __name__ == "__main__":
    main()
