"""A member of the public registers to attend a decision meeting while registration is open;
the office selects delegates; the public reads who was selected (only those who agreed to be
named, never a contact) and how the delegates' opinions were handled."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from tests.builders import make_decision_item, make_decision_meeting, make_delegate_registration
from wagtail_disclosure.decisions.choices import Handling, RegistrationStatus
from wagtail_disclosure.decisions.forms import REGISTRATION_LIMITS
from wagtail_disclosure.decisions.models import DelegateOpinion, DelegateRegistration

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(directory, housing):
    return make_decision_item(directory, "济宁市老旧小区改造三年行动方案", housing, slug="laojiu")


@pytest.fixture
def meeting(item):
    return make_decision_meeting(item)


def register_url(item, meeting):
    return item.url + item.reverse_subpage("register", args=[meeting.pk])


def register(client, item, meeting, **changes):
    data = {
        "name": "王秀英",
        "sector": "社区居民",
        "contact": "13905371234",
        "reason": "居住在改造片区，希望就加装电梯发表意见。",
        "consent_to_publish": "on",
        **changes,
    }
    with translation.override("zh-hans"):
        return client.post(register_url(item, meeting), data, HTTP_ACCEPT_LANGUAGE="zh-hans")


def test_a_resident_registers_while_registration_is_open(client, item, meeting):
    page = client.get(item.url).content.decode()
    assert f'href="{register_url(item, meeting)}"' in page

    response = register(client, item, meeting)

    assert response.status_code == 302
    assert response["Location"].endswith("/register/done/")
    registration = DelegateRegistration.objects.get()
    assert (registration.name, registration.sector, registration.contact) == (
        "王秀英", "社区居民", "13905371234")
    assert registration.consent_to_publish
    assert registration.status == RegistrationStatus.APPLIED
    with translation.override("zh-hans"):
        done = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "报名已收到" in done.content.decode()


def test_the_form_is_protected_against_cross_site_posts(item, meeting):
    client = Client(enforce_csrf_checks=True)
    html = client.get(register_url(item, meeting)).content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    response = register(client, item, meeting)
    assert response.status_code == 403
    assert not DelegateRegistration.objects.exists()


def test_registering_twice_is_refused_with_a_clear_message(client, item, meeting):
    register(client, item, meeting)
    # The same person, typing their name with a space and the number with hyphens.
    response = register(client, item, meeting, name="王 秀英", contact="139-0537-1234")

    assert response.status_code == 200
    assert "您已用该姓名和联系方式报名参加本次会议，无需重复报名" in response.content.decode()
    assert DelegateRegistration.objects.count() == 1


def test_after_the_closing_date_registration_is_refused(client, item, meeting, settings):
    settings.WAGTAIL_DISCLOSURE_TODAY = "2022-07-01"

    with translation.override("zh-hans"):
        page = client.get(register_url(item, meeting), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "报名已于2022年6月30日截止，不再接受报名。" in page.content.decode()
    assert "<form" not in page.content.decode()

    response = register(client, item, meeting)
    assert response.status_code == 403
    assert "报名已于2022年6月30日截止" in response.content.decode()
    assert not DelegateRegistration.objects.exists()
    assert "报名已截止。" in client.get(item.url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()


def test_before_the_opening_date_registration_is_refused(client, item, meeting, settings):
    settings.WAGTAIL_DISCLOSURE_TODAY = "2022-05-31"
    response = register(client, item, meeting)
    assert response.status_code == 403
    assert "报名将于2022年6月1日开始。" in response.content.decode()
    assert not DelegateRegistration.objects.exists()


@pytest.mark.parametrize("field", ["name", "sector", "contact", "reason"])
def test_text_longer_than_its_limit_is_refused_naming_the_field_and_the_limit(
    client, item, meeting, field
):
    limit = REGISTRATION_LIMITS[field]
    too_long = ("1" if field == "contact" else "长") * (limit + 1)
    response = register(client, item, meeting, **{field: too_long})

    assert response.status_code == 200
    assert f"最多 {limit} 个字，现有 {limit + 1} 个字" in response.content.decode()
    assert not DelegateRegistration.objects.exists()


def test_a_100_kb_reason_is_refused_and_nothing_is_stored(client, item, meeting):
    response = register(client, item, meeting, reason="长" * 100_000)
    assert response.status_code == 200
    assert "最多 1000 个字" in response.content.decode()
    assert not DelegateRegistration.objects.exists()


def test_html_typed_into_the_form_is_shown_as_text(client, item, meeting):
    script = '<script>alert("x")</script>'
    response = register(client, item, meeting, name=f"王{script}", sector="x" * 101)
    html = response.content.decode()
    assert script not in html
    assert "&lt;script&gt;" in html

    register(client, item, meeting, name=f"王{script}")
    registration = DelegateRegistration.objects.get()
    registration.status = RegistrationStatus.SELECTED
    registration.save()
    meeting.result_published = True
    meeting.save()
    public = client.get(item.url).content.decode()
    assert script not in public
    assert "王&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in public


def test_a_burst_of_registrations_is_rate_limited(client, item, meeting, settings):
    settings.WAGTAIL_DISCLOSURE_DELEGATE_RATE_LIMIT = (2, 3600)
    for n in range(2):
        assert register(client, item, meeting, contact=f"1390537000{n}").status_code == 302

    response = register(client, item, meeting, contact="13905370009")

    assert response.status_code == 429
    assert "过去一小时内从您所在网络提交的报名过多" in response.content.decode()
    assert DelegateRegistration.objects.count() == 2


def test_the_selection_result_names_only_consenting_delegates_and_never_a_contact(
    client, item, meeting
):
    make_delegate_registration(meeting, "王秀英", contact="13905371234", sector="社区居民",
                               consent_to_publish=True, status=RegistrationStatus.SELECTED)
    make_delegate_registration(meeting, "李建国", contact="lijg@example.com", sector="个体工商户",
                               consent_to_publish=False, status=RegistrationStatus.SELECTED)
    make_delegate_registration(meeting, "赵敏", contact="13905375678", sector="律师",
                               consent_to_publish=True, status=RegistrationStatus.NOT_SELECTED)

    assert "王秀英" not in client.get(item.url).content.decode(), "not published yet"

    meeting.result_published = True
    meeting.save()
    with translation.override("zh-hans"):
        html = client.get(item.url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()

    assert "王秀英（社区居民）" in html
    assert "李建国" not in html and "个体工商户" not in html, "did not agree to be named"
    assert "赵敏" not in html, "not selected"
    for contact in ("13905371234", "lijg@example.com", "13905375678"):
        assert contact not in html


def test_the_delegates_opinions_are_published_with_their_handling(client, item, meeting):
    DelegateOpinion.objects.create(meeting=meeting, delegate="王秀英（社区居民）",
                                   opinion="加装电梯费用分摊应明确。", handling=Handling.ADOPTED,
                                   sort_order=0)
    DelegateOpinion.objects.create(meeting=meeting, delegate="个体工商户代表",
                                   opinion="施工期间临街商铺应减免租金。",
                                   handling=Handling.NOT_ADOPTED,
                                   reason="租金减免不属于本方案调整范围，已转市商务局研究。",
                                   sort_order=1)
    assert "加装电梯" not in client.get(item.url).content.decode()

    meeting.opinions_published = True
    meeting.save()
    with translation.override("zh-hans"):
        html = client.get(item.url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()

    assert "列席代表意见及采纳情况" in html
    assert "加装电梯费用分摊应明确。" in html and "采纳" in html
    assert "不予采纳" in html and "租金减免不属于本方案调整范围" in html


def test_an_opinion_not_adopted_needs_a_reason(meeting):
    opinion = DelegateOpinion(meeting=meeting, opinion="意见", handling=Handling.PARTLY)
    with pytest.raises(ValidationError) as error:
        opinion.full_clean()
    assert "reason" in error.value.message_dict


def test_registration_dates_must_make_sense(item):
    meeting = make_decision_meeting(item, registration_closes_on=datetime.date(2022, 5, 1))
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "registration_closes_on" in error.value.message_dict
