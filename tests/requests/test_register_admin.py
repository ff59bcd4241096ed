"""Unit editors keep their unit's register; applicants' data stays with the receiving unit."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from tests.builders import make_request, make_unit_editor
from wagtail_disclosure.core import clock
from wagtail_disclosure.requests.workdays import site_calendar

LIST = "wagtailsnippets_wagtail_disclosure_disclosurerequest:list"
EDIT = "wagtailsnippets_wagtail_disclosure_disclosurerequest:edit"


@pytest.mark.django_db
def test_a_county_editor_sees_only_the_countys_requests(client, office, rencheng):
    ours = make_request(rencheng, date(2022, 9, 23), applicant_name="任城申请人")
    theirs = make_request(office, date(2022, 9, 23), applicant_name="市办申请人")
    client.force_login(make_unit_editor("rencheng", rencheng))

    listing = client.get(reverse(LIST)).content.decode()
    assert ours.receipt_number in listing
    assert theirs.receipt_number not in listing
    assert client.get(reverse(EDIT, args=[ours.pk])).status_code == 200
    response = client.get(reverse(EDIT, args=[theirs.pk]))
    assert response.status_code in (302, 403, 404)
    assert "市办申请人" not in response.content.decode()


@pytest.mark.django_db
def test_the_list_shows_due_date_days_left_and_late(client, office, manager):
    late = make_request(office, date(2022, 9, 23))
    client.force_login(manager)
    with translation.override("en"):
        listing = client.get(reverse(LIST)).content.decode()
        overdue = client.get(reverse(LIST), {"status": "overdue"}).content.decode()
    assert "Working days left" in listing and "working days late" in listing
    assert "Late" in listing
    assert late.receipt_number in overdue


@pytest.mark.django_db
def test_the_dashboard_lists_requests_due_soon_and_late_for_the_editors_unit(
    client, office, rencheng
):
    today = clock.today()
    calendar = site_calendar()
    received = today - timedelta(days=25)  # due within a few working days of today or past
    soon = make_request(rencheng, received)
    later = make_request(rencheng, today)
    other_unit = make_request(office, received)
    late = make_request(rencheng, date(2022, 1, 4))
    client.force_login(make_unit_editor("rencheng", rencheng))
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert late.receipt_number in body
    if calendar.working_days_between(today, soon.due_on) <= 5:
        assert soon.receipt_number in body
    assert later.receipt_number not in body
    assert other_unit.receipt_number not in body


@pytest.mark.django_db
def test_an_extension_longer_than_twenty_working_days_is_refused(client, office, manager):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(manager)
    data = {
        "unit": office.pk,
        "received_on": "2022-09-23",
        "channel": "letter",
        "applicant_type": "natural_person",
        "applicant_name": "王某某",
        "id_number": "11010519491231002X",
        "delivery": "post",
        "description": "申请公开某文件",
        "outcome": "",
        "corrections-TOTAL_FORMS": "1",
        "corrections-INITIAL_FORMS": "0",
        "corrections-MIN_NUM_FORMS": "0",
        "corrections-MAX_NUM_FORMS": "1000",
        "corrections-0-asked_on": "2022-10-20",
        "corrections-0-corrected_on": "",
        "corrections-0-note": "",
        "corrections-0-ORDER": "1",
        "consultations-TOTAL_FORMS": "0",
        "consultations-INITIAL_FORMS": "0",
        "consultations-MIN_NUM_FORMS": "0",
        "consultations-MAX_NUM_FORMS": "1000",
        "extensions-TOTAL_FORMS": "1",
        "extensions-INITIAL_FORMS": "0",
        "extensions-MIN_NUM_FORMS": "0",
        "extensions-MAX_NUM_FORMS": "1",
        "extensions-0-decided_on": "2022-10-20",
        "extensions-0-days": "25",
        "extensions-0-approved_by": "主任",
        "extensions-0-note": "",
        "extensions-0-ORDER": "1",
    }
    response = client.post(
        reverse("wagtailsnippets_wagtail_disclosure_disclosurerequest:add"), data
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "less than or equal to 20" in body
    assert "within 7 working days of receipt" in body
