"""A person asks for information through the public form; only they see their receipt."""

from datetime import date

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import translation

from wagtail_disclosure.requests.models import DisclosureRequest
from wagtail_disclosure.requests.pages import DisclosureRequestPage

VALID = {
    "applicant_type": "natural_person",
    "applicant_name": "王某某",
    "id_number": "11010519491231002X",
    "phone": "13800000000",
    "email": "wang@example.com",
    "description": "申请公开2022年度市政府办公室部门预算。",
    "delivery": "email",
}


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def form_page(home):
    page = DisclosureRequestPage(title="申请政府信息公开", slug="apply")
    home.add_child(instance=page)
    return page


def post(client, page, office, **changes):
    data = {**VALID, "unit": office.pk, **changes}
    return client.post(page.url, {k: v for k, v in data.items() if v is not None})


@pytest.mark.django_db
def test_a_person_submits_a_request_and_gets_a_receipt_with_the_legal_deadline(
    client, form_page, office
):
    response = post(client, form_page, office)
    assert response.status_code == 302
    thanks_url = response["Location"]
    assert thanks_url == form_page.url + "thanks/"  # nothing about the request in the URL

    request = DisclosureRequest.objects.get()
    assert request.unit == office and request.channel == "online"
    assert request.receipt_number.startswith(f"{request.received_on.year}-市政府办公室-0001-")
    page = client.get(thanks_url)
    assert request.receipt_number in page.content.decode()
    due = request.due_on
    assert f"{due.year}年{due.month}月{due.day}日" in page.content.decode()
    assert "no-store" in page["Cache-Control"] or "no-cache" in page["Cache-Control"]


@pytest.mark.django_db
def test_another_visitor_never_sees_someone_elses_receipt(client, form_page, office):
    post(client, form_page, office)
    request = DisclosureRequest.objects.get()

    stranger = Client()
    response = stranger.get(form_page.url + "thanks/")
    assert response.status_code == 302 and response["Location"] == form_page.url
    for url in (form_page.url, form_page.url + f"thanks/?id={request.pk}"):
        body = stranger.get(url, follow=True).content.decode()
        assert request.receipt_number not in body
        assert "王某某" not in body and "11010519491231002X" not in body


@pytest.mark.django_db
def test_bad_input_is_refused_with_clear_messages_tied_to_the_fields(client, form_page, office):
    with translation.override("en"):
        response = post(
            client,
            form_page,
            office,
            applicant_name="",
            id_number="110105194912310021",
            phone="",
            email="",
            description="预算",
        )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Enter your name, or your organisation&#x27;s name." in body
    assert "This is not a valid resident ID number" in body
    assert "Give a phone number or an email address" in body
    assert "at least 10 characters" in body
    assert 'aria-describedby="id_id_number_helptext id_id_number_errors"' in body
    assert 'aria-invalid="true"' in body
    assert DisclosureRequest.objects.count() == 0


@pytest.mark.django_db
def test_an_organisation_gives_a_valid_unified_social_credit_code(client, form_page, office):
    with translation.override("en"):
        bad = post(
            client,
            form_page,
            office,
            applicant_type="legal_services",
            applicant_name="山东某某律师事务所",
            contact_person="李某",
            id_number="91350100M000100Y44",
        )
    assert "not a valid unified social credit code" in bad.content.decode()
    good = post(
        client,
        form_page,
        office,
        applicant_type="legal_services",
        applicant_name="山东某某律师事务所",
        contact_person="李某",
        id_number="91350100M000100Y43",
    )
    assert good.status_code == 302
    assert DisclosureRequest.objects.get().applicant_type == "legal_services"


@pytest.mark.django_db
def test_the_form_is_protected_against_cross_site_posts(form_page, office):
    client = Client(enforce_csrf_checks=True)
    response = post(client, form_page, office)
    assert response.status_code == 403
    assert 'name="csrfmiddlewaretoken"' in client.get(form_page.url).content.decode()


@pytest.mark.django_db
@override_settings(WAGTAIL_DISCLOSURE_REQUEST_RATE_LIMIT=(2, 3600))
def test_one_address_cannot_flood_the_register(client, form_page, office):
    assert post(client, form_page, office).status_code == 302
    assert post(client, form_page, office).status_code == 302
    response = post(client, form_page, office)
    assert response.status_code == 429
    assert DisclosureRequest.objects.count() == 2
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert post(other, form_page, office).status_code == 302


@pytest.mark.django_db
def test_receipt_numbers_are_unique_and_not_a_bare_sequence(client, form_page, office):
    for _i in range(3):
        post(client, form_page, office)
    numbers = list(DisclosureRequest.objects.values_list("receipt_number", flat=True))
    assert len(set(numbers)) == 3
    assert all(len(n.rsplit("-", 1)[-1]) == 4 for n in numbers)
    assert DisclosureRequest.objects.filter(received_on__lte=date.today()).count() == 3
