"""The public form takes text of a sensible length: longer input is refused with a message
naming the field and its limit, and nothing is stored."""

import pytest
from django.core.cache import cache
from django.utils import translation

from tests.requests.test_public_form import post
from wagtail_disclosure.requests.forms import PUBLIC_FIELD_LIMITS
from wagtail_disclosure.requests.models import DisclosureRequest
from wagtail_disclosure.requests.pages import DisclosureRequestPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def form_page(home):
    cache.clear()  # the form's rate limit counts in the cache
    page = DisclosureRequestPage(title="申请政府信息公开", slug="apply")
    home.add_child(instance=page)
    yield page
    cache.clear()


@pytest.mark.parametrize("field", ["applicant_name", "address", "description"])
def test_text_longer_than_its_limit_is_refused_naming_the_field_and_the_limit(
    client, form_page, office, field
):
    limit = PUBLIC_FIELD_LIMITS[field]
    changes = {"delivery": "post", "address": "山东省济宁市任城区", field: "长" * (limit + 1)}
    with translation.override("zh-hans"):
        response = post(client, form_page, office, **changes)
    assert response.status_code == 200
    body = response.content.decode()
    assert f"最多 {limit} 个字，现有 {limit + 1} 个字" in body
    assert DisclosureRequest.objects.count() == 0


def test_the_browser_is_told_the_limits_too(client, form_page):
    html = client.get(form_page.url).content.decode()
    assert 'maxlength="2000"' in html
    assert 'maxlength="100"' in html


def test_text_at_its_limit_is_taken(client, form_page, office):
    description = "申" * PUBLIC_FIELD_LIMITS["description"]
    response = post(client, form_page, office, description=description)
    assert response.status_code == 302
    assert DisclosureRequest.objects.get().description == description
