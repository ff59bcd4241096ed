"""Places hold when many register at once: threads on their own database connections race
for the last places, and exactly the capacity get one (run on SQLite and PostgreSQL)."""

import datetime
import threading

import pytest
from django.db import connection, connections

from tests.builders import make_open_day
from wagtail_disclosure.open_days.models import OpenDayPlaces, OpenDayRegistration
from wagtail_disclosure.open_days.pages import FULL, REGISTERED

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_eight_people_racing_for_three_places(office, settings):
    settings.WAGTAIL_DISCLOSURE_TODAY = datetime.date(2022, 11, 10)
    event = make_open_day(office, datetime.date(2022, 11, 18), capacity=3)
    start = threading.Barrier(8)
    outcomes = []

    def register(n):
        try:
            start.wait()
            outcomes.append(event.register({"name": f"市民{n}", "phone": f"1390000{n:04d}"}))
        finally:
            connections.close_all()

    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        "file:memorydb"
    ):
        pytest.skip("threads do not share an in-memory SQLite database")
    threads = [threading.Thread(target=register, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == sorted([REGISTERED] * 3 + [FULL] * 5)
    assert OpenDayRegistration.objects.filter(event=event).count() == 3
    assert OpenDayPlaces.objects.get(event=event).taken == 3
