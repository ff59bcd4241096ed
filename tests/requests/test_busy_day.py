"""A busy day: many people submit at once, from several server processes.

Receipt numbers must stay distinct when submissions race (they came from ``count() + 1`` and
200 concurrent submissions produced 34 duplicates), and the rate limit must count in the cache
every process shares, not in each process's memory.
"""

import threading

import pytest
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client, override_settings

from tests import builders
from wagtail_disclosure.core.ratelimit import allow
from wagtail_disclosure.requests.models import DisclosureRequest, ReceiptCounter
from wagtail_disclosure.requests.pages import DisclosureRequestPage

SUBMISSIONS = 50
VALID = {
    "applicant_type": "natural_person",
    "applicant_name": "王某某",
    "id_number": "11010519491231002X",
    "phone": "13800000000",
    "description": "申请公开2022年度市政府办公室部门预算。",
    "delivery": "email",
    "email": "wang@example.com",
}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(
    WAGTAIL_DISCLOSURE_REQUEST_RATE_LIMIT=(1000, 3600),
    WAGTAIL_DISCLOSURE_REQUEST_POST_LIMIT=(1000, 3600),
)
def test_fifty_people_submitting_at_once_get_fifty_distinct_receipt_numbers():
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("an in-memory SQLite database cannot be shared by concurrent writers")
    office = builders.units_by_title()["市政府办公室"]
    page = DisclosureRequestPage(title="申请政府信息公开", slug="apply-busy")
    builders.home_page().add_child(instance=page)
    start = threading.Barrier(SUBMISSIONS)
    statuses, failures = [], []

    def submit(number):
        try:
            start.wait()
            response = Client(REMOTE_ADDR=f"10.0.0.{number}").post(
                page.url, {**VALID, "unit": office.pk}
            )
            statuses.append(response.status_code)
        except Exception as exc:  # reported below: a traceback is a failure of the test
            failures.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(SUBMISSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert statuses == [302] * SUBMISSIONS
    numbers = list(DisclosureRequest.objects.values_list("receipt_number", flat=True))
    sequences = sorted(int(number.split("-")[2]) for number in numbers)
    assert sequences == list(range(1, SUBMISSIONS + 1))
    assert ReceiptCounter.objects.get().last == SUBMISSIONS


@pytest.mark.django_db
def test_numbering_continues_after_requests_registered_before_the_counter_existed(office):
    import datetime

    old = builders.make_request(office, datetime.date(2022, 3, 1))
    ReceiptCounter.objects.all().delete()
    DisclosureRequest.objects.filter(pk=old.pk).update(
        receipt_number=old.receipt_number.replace("-0001-", "-0007-")
    )

    new = builders.make_request(office, datetime.date(2022, 3, 2))

    assert "-0008-" in new.receipt_number


@pytest.mark.django_db
@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "wagtail_disclosure_test_cache",
        }
    }
)
def test_the_rate_limit_holds_across_server_processes_sharing_the_database_cache():
    call_command("createcachetable", verbosity=0)
    # Two "workers": each its own cache object, as each gunicorn process has.
    first = caches.create_connection("default")
    second = caches.create_connection("default")
    assert isinstance(first, DatabaseCache) and first is not second

    allowed = [allow("request-submit", "203.0.113.9", 5, 3600, cache=worker)
               for worker in (first, second) * 5]

    assert allowed == [True] * 5 + [False] * 5
