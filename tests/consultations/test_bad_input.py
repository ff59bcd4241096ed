"""What the public comment form refuses, each with a clear message and nothing written: text
over the limit (a 100 KB paste too), the same comment twice, comments after the close, bursts
from one address, posts without the CSRF token; and HTML in a comment is shown as text."""

import datetime

import pytest
from django.test import Client
from django.utils import translation

from tests.builders import make_comment
from tests.consultations.conftest import comment_data
from wagtail_disclosure.consultations.models import CommentStatus, ConsultationComment

pytestmark = pytest.mark.django_db


def test_a_comment_over_the_limit_is_refused_naming_the_limit(client, consultation, settings):
    settings.WAGTAIL_DISCLOSURE_COMMENT_MAX_LENGTH = 500
    with translation.override("zh-hans"):
        response = client.post(consultation.url, comment_data(body="长" * 501))
    assert response.status_code == 200
    assert "“您的意见建议”最多 500 个字，现有 501 个字。" in response.content.decode()
    assert ConsultationComment.objects.count() == 0
    assert 'maxlength="500"' in response.content.decode()


def test_a_100_kb_paste_is_refused_with_a_clear_message_and_nothing_written(
    client, consultation
):
    body = "意" * (100 * 1024 // 3) + "x" * 10  # about 100 KB of UTF-8
    response = client.post(consultation.url, comment_data(body=body))
    assert response.status_code == 200
    html = response.content.decode()
    assert "最多 2000 个字" in html
    assert ConsultationComment.objects.count() == 0


def test_the_same_comment_from_the_same_address_is_taken_once(client, consultation):
    assert client.post(consultation.url, comment_data()).status_code == 302
    spaced = "  建议公园夜间开放到22点，方便下班后的市民锻炼。 "
    again = client.post(consultation.url, comment_data(body=spaced))
    assert again.status_code == 409
    assert "无需重复提交" in again.content.decode()
    other_address = client.post(consultation.url, comment_data(), REMOTE_ADDR="10.9.9.9")
    assert other_address.status_code == 302
    assert ConsultationComment.objects.count() == 2


def test_comments_are_refused_before_the_opening_and_after_the_close(
    client, consultation, on_day
):
    on_day(datetime.date(2022, 10, 31))
    assert client.post(consultation.url, comment_data()).status_code == 403
    on_day(datetime.date(2022, 12, 1))  # the last day still counts
    assert client.post(consultation.url, comment_data()).status_code == 302
    on_day(datetime.date(2022, 12, 2))
    response = client.post(consultation.url, comment_data(body="截止后的意见。"))
    assert response.status_code == 410
    assert "不在征集期内" in response.content.decode()
    assert ConsultationComment.objects.count() == 1


def test_a_burst_from_one_address_is_rate_limited(client, consultation, settings):
    settings.WAGTAIL_DISCLOSURE_PARTICIPATION_RATE_LIMIT = (3, 3600)
    codes = [
        client.post(consultation.url, comment_data(body=f"第{n}条不同的意见建议。")).status_code
        for n in range(5)
    ]
    assert codes == [302, 302, 302, 429, 429]
    assert ConsultationComment.objects.count() == 3


def test_a_post_without_the_csrf_token_is_refused(consultation):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(consultation.url, comment_data()).status_code == 403
    assert ConsultationComment.objects.count() == 0


def test_html_and_scripts_in_a_comment_are_shown_as_text(client, consultation):
    make_comment(
        consultation,
        body='<script>alert("x")</script><b>加粗</b>',
        name="<img src=x onerror=alert(1)>",
        status=CommentStatus.PUBLISHED,
    )
    html = client.get(consultation.url).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;加粗&lt;/b&gt;" in html


def test_consent_is_required(client, consultation):
    response = client.post(consultation.url, comment_data(consent=None))
    assert response.status_code == 200
    assert "请勾选同意" in response.content.decode()
    assert ConsultationComment.objects.count() == 0


def test_a_clause_must_be_one_of_the_consultations(client, consultation):
    response = client.post(consultation.url, comment_data(clause="第九十九条"))
    assert response.status_code == 200
    assert ConsultationComment.objects.count() == 0
