"""An open day: people register until the places are gone, give their opinions after the
event, and the page then shows what they said and how it was taken into account."""

import datetime

import pytest
from django.urls import reverse

from tests.builders import make_open_day, make_unit_editor
from tests.core.test_unit_boundaries import refused
from wagtail_disclosure.open_days.models import (
    OpenDayFeedback,
    OpenDayPlaces,
    OpenDayRegistration,
)

pytestmark = pytest.mark.django_db

EVENT = datetime.date(2022, 11, 18)


def person(n, **changes):
    data = {"name": f"市民{n}", "phone": f"1380000{n:04d}", "organisation": "居民",
            "consent": "on"}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def open_day(office, settings):
    settings.WAGTAIL_DISCLOSURE_TODAY = datetime.date(2022, 11, 10)
    return make_open_day(office, EVENT, capacity=2,
                         registration_opens_on=datetime.date(2022, 11, 1))


def test_registration_stops_when_the_places_are_gone(client, open_day):
    register = open_day.url + "register/"
    assert client.post(register, person(1)).status_code == 302
    again = client.post(register, person(1, name="市民1再次"))
    assert again.status_code == 409 and "已报名" in again.content.decode()
    assert client.post(register, person(2)).status_code == 302
    full = client.post(register, person(3))
    assert full.status_code == 409
    assert "名额已满" in full.content.decode()
    assert OpenDayRegistration.objects.count() == 2
    assert OpenDayPlaces.objects.get(event=open_day).taken == 2
    page = client.get(open_day.url).content.decode()
    assert "共2个，剩余0个" in page
    assert "13800000001" not in page  # registrations are never public


def test_a_cancelled_registration_gives_its_place_back(client, open_day):
    for n in (1, 2):
        client.post(open_day.url + "register/", person(n))
    OpenDayRegistration.objects.filter(phone="13800000001").delete()
    assert open_day.places_left() == 1
    assert client.post(open_day.url + "register/", person(3)).status_code == 302


def test_registration_closes_the_day_before_the_event(client, open_day, settings):
    settings.WAGTAIL_DISCLOSURE_TODAY = EVENT
    assert client.post(open_day.url + "register/", person(1)).status_code == 410
    assert OpenDayRegistration.objects.count() == 0


def test_feedback_after_the_event_and_the_published_summary(client, open_day, settings):
    feedback = open_day.url + "feedback/"
    assert client.post(feedback, {"body": "活动前就想提意见。"}).status_code == 410
    settings.WAGTAIL_DISCLOSURE_TODAY = EVENT + datetime.timedelta(days=1)
    opinion = {"body": "建议增加周末场次，方便上班族参加。", "contact": "a@b.cn"}
    response = client.post(feedback, opinion)
    assert response.status_code == 302
    assert client.post(feedback, {"body": "建议增加周末场次，方便上班族参加。"}).status_code == 409
    assert OpenDayFeedback.objects.count() == 1

    open_day.opinions_summary = "<p>参加者建议增加周末场次。</p>"
    open_day.adoption_summary = "<p>已采纳：自2023年起每季度安排一次周末开放日。</p>"
    open_day.save_revision().publish()
    page = client.get(open_day.url).content.decode()
    assert "每季度安排一次周末开放日" in page and "a@b.cn" not in page
    assert client.post(feedback, {"body": "还有一条意见。"}).status_code == 410


def test_a_unit_sees_only_its_own_events_registrations(client, open_day, rencheng):
    client.post(open_day.url + "register/", person(1))
    registration = OpenDayRegistration.objects.get()
    client.force_login(make_unit_editor("rencheng", rencheng))
    listing = reverse("wagtailsnippets_wagtail_disclosure_opendayregistration:list")
    assert "市民1" not in client.get(listing).content.decode()
    inspect = reverse(
        "wagtailsnippets_wagtail_disclosure_opendayregistration:inspect", args=[registration.pk]
    )
    assert refused(client.get(inspect), client)
