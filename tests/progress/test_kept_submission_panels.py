"""The dashboard's consultations, open days and requests panels are kept, under the submissions
token: a comment, a registration, a request or a change of its clock shows at the next request,
a unit editor never reads a manager's panel, and a submission does not forget the plan tables."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.builders import (
    make_comment,
    make_consultation,
    make_enterprise_column,
    make_open_day,
    make_request,
    make_sector,
    make_unit_editor,
)
from wagtail_disclosure.consultations.models import CommentStatus
from wagtail_disclosure.core.versions import submissions_version
from wagtail_disclosure.open_days.models import OpenDayRegistration
from wagtail_disclosure.progress.cache import version
from wagtail_disclosure.requests.calendar import CalendarDay
from wagtail_disclosure.requests.models import DisclosureRequest
from wagtail_disclosure.requests.signals import recompute_due_dates

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2022, 11, 10)
HOME = "wagtailadmin_home"


@pytest.fixture(autouse=True)
def today(settings):
    settings.WAGTAIL_DISCLOSURE_TODAY = TODAY


def panel(client, heading_id):
    """The HTML of one dashboard panel, found by its heading."""
    html = client.get(reverse(HOME)).content.decode()
    start = html.index(f'id="{heading_id}"')
    return html[start:html.index("</section>", start)]


def consultations_panel(client):
    return panel(client, "disclosure-consultations-heading")


def open_days_panel(client):
    return panel(client, "disclosure-open-days-heading")


def requests_panel(client):
    return panel(client, "disclosure-requests-due-heading")


def queries_on(client, table):
    with CaptureQueriesContext(connection) as captured:
        client.get(reverse(HOME))
    return [q for q in captured if table in q["sql"]]


def test_a_new_comment_and_its_moderation_show_at_the_next_request(client, office):
    consultation = make_consultation(office, datetime.date(2022, 11, 1), title="公园管理办法")
    client.force_login(make_unit_editor("office", office))
    assert re.search(r">\s*0\s*</td>", consultations_panel(client))
    assert not queries_on(client, "wagtail_disclosure_consultationcomment")  # kept

    comment = make_comment(consultation)
    assert "?consultation=" in consultations_panel(client)  # one awaiting moderation, linked

    comment.status = CommentStatus.PUBLISHED
    comment.save()
    assert "?consultation=" not in consultations_panel(client)


def test_a_registration_and_a_cancellation_show_at_the_next_request(client, office):
    event = make_open_day(office, datetime.date(2022, 11, 18), capacity=30, title="走进办公室",
                          registration_opens_on=datetime.date(2022, 11, 1))
    client.force_login(make_unit_editor("office", office))
    assert "0 / 30" in open_days_panel(client)
    assert not queries_on(client, "wagtail_disclosure_opendayplaces")  # kept

    data = {"name": "市民1", "phone": "13800000001", "organisation": "居民", "consent": "on"}
    assert client.post(event.url + "register/", data).status_code == 302
    assert "1 / 30" in open_days_panel(client)

    OpenDayRegistration.objects.get().delete()  # a cancellation gives the place back
    assert "0 / 30" in open_days_panel(client)


def test_a_new_request_and_its_reply_show_at_the_next_request(client, rencheng):
    client.force_login(make_unit_editor("rencheng", rencheng))
    requests_panel(client)
    assert not queries_on(client, "wagtail_disclosure_disclosurerequest")  # kept

    late = make_request(rencheng, datetime.date(2022, 10, 10))
    assert late.receipt_number in requests_panel(client)

    late.replied_on = TODAY
    late.save()
    assert late.receipt_number not in requests_panel(client)


def test_due_dates_rewritten_in_bulk_replace_the_submissions_token(client, rencheng):
    request = make_request(rencheng, datetime.date(2022, 10, 10))
    client.force_login(make_unit_editor("rencheng", rencheng))
    assert request.receipt_number in requests_panel(client)
    # What a calendar change does: due dates rewritten by bulk_update, which sends no signal.
    DisclosureRequest.objects.filter(pk=request.pk).update(due_on=datetime.date(2022, 12, 30))
    before = submissions_version()
    assert recompute_due_dates() == 1
    assert submissions_version() != before


def test_a_calendar_day_moves_the_panels_working_days(client, rencheng):
    request = make_request(rencheng, datetime.date(2022, 10, 20))
    client.force_login(make_unit_editor("rencheng", rencheng))
    before = requests_panel(client)
    assert request.receipt_number in before

    CalendarDay.objects.create(date=TODAY, is_working_day=False, note="临时休息")

    assert requests_panel(client) != before


def test_a_unit_editor_never_reads_the_panels_kept_for_a_manager(client, office, rencheng,
                                                                  manager):
    make_consultation(office, datetime.date(2022, 11, 1), title="办公室的征求意见")
    make_open_day(office, datetime.date(2022, 11, 18), title="走进办公室")
    theirs = make_request(office, datetime.date(2022, 10, 10))
    client.force_login(manager)
    assert "办公室的征求意见" in consultations_panel(client)
    assert "走进办公室" in open_days_panel(client)
    assert theirs.receipt_number in requests_panel(client)

    client.force_login(make_unit_editor("rencheng", rencheng))
    assert "办公室的征求意见" not in consultations_panel(client)
    assert "走进办公室" not in open_days_panel(client)
    assert theirs.receipt_number not in requests_panel(client)


def test_a_public_submission_keeps_the_plan_tables(client, office):
    consultation = make_consultation(office, datetime.date(2022, 11, 1))
    kept_under = version()
    make_comment(consultation)
    make_request(office, datetime.date(2022, 11, 1))
    assert version() == kept_under


def test_the_dashboard_takes_as_many_queries_however_many_submissions(client, office, manager):
    client.force_login(manager)

    def grow(n):
        for i in range(n):
            consultation = make_consultation(office, datetime.date(2022, 11, 1), title=f"意见{i}")
            make_comment(consultation)
            make_open_day(office, datetime.date(2022, 11, 18), title=f"开放日{i}")
            make_request(office, datetime.date(2022, 10, 10))

    def count():
        client.get(reverse(HOME))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(HOME)).status_code == 200
        return len(captured)

    grow(2)
    small = count()
    grow(6)
    assert count() == small


def test_a_managers_first_sector_shows_its_panel_at_the_next_request(client, office, manager):
    """Whether a manager sees the enterprise compliance panel (any sector exists?) is kept
    under the main token: adding a sector page replaces it."""
    client.force_login(manager)
    assert "enterprise-compliance-heading" not in client.get(reverse(HOME)).content.decode()
    assert not queries_on(client, "wagtail_disclosure_sectorpage")  # kept

    make_sector(make_enterprise_column(), "供水", "water", office, [("水质信息", "monthly")])

    assert "enterprise-compliance-heading" in client.get(reverse(HOME)).content.decode()
