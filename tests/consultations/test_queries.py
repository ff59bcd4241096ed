"""The public pages cost the same number of queries however many consultations and comments
there are."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders import consultation_index, make_comment, make_consultation
from wagtail_disclosure.consultations.models import CommentStatus

pytestmark = pytest.mark.django_db


def queries(client, url):
    client.get(url)  # warm the site and page caches
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_index_and_a_consultation_cost_the_same_at_two_sizes(client, office, rencheng,
                                                                 on_day):
    on_day(datetime.date(2022, 11, 10))
    first = make_consultation(office, datetime.date(2022, 11, 1))
    make_comment(first, status=CommentStatus.PUBLISHED)
    small = (queries(client, consultation_index().url), queries(client, first.url))

    for n in range(6):
        page = make_consultation(rencheng if n % 2 else office, datetime.date(2022, n + 1, 1))
        make_comment(page, status=CommentStatus.PUBLISHED)
    for n in range(30):
        make_comment(first, body=f"第{n}条意见建议。", status=CommentStatus.PUBLISHED)
    large = (queries(client, consultation_index().url), queries(client, first.url))
    assert small == large
