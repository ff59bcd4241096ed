import datetime

import pytest
from django.core.cache import cache

from tests.builders import make_consultation

OPENS = datetime.date(2022, 11, 1)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()  # the forms' rate limits count in the cache
    yield
    cache.clear()


@pytest.fixture
def on_day(settings):
    """Set today: ``on_day(date)``."""

    def set_day(day):
        settings.WAGTAIL_DISCLOSURE_TODAY = day

    return set_day


@pytest.fixture
def consultation(office, on_day):
    """The office's draft park rules, open from 1 November 2022 for the default 30 days."""
    on_day(datetime.date(2022, 11, 10))
    return make_consultation(office, OPENS)


def comment_data(**changes):
    data = {"body": "建议公园夜间开放到22点，方便下班后的市民锻炼。", "clause": "第三条",
            "name": "张先生", "contact": "13800000000", "consent": "on"}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}
