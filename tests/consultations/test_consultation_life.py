"""A consultation's life: it opens, comments come in and are moderated, it closes, and its
feedback report goes public only once every group of comments has its decision and reasons."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from tests.builders import make_comment, make_manager
from tests.consultations.conftest import comment_data
from wagtail_disclosure.consultations.models import (
    CommentStatus,
    ConsultationComment,
    FeedbackReportPublication,
)
from wagtail_disclosure.consultations.pages import FeedbackGroup
from wagtail_disclosure.core.publication import PUBLICATION_REFUSED, publication_problems

pytestmark = pytest.mark.django_db


def moderate(client, comment, **data):
    url = reverse("wagtailsnippets_wagtail_disclosure_consultationcomment:edit", args=[comment.pk])
    form = {"status": comment.status, "hidden_reason": "", "public_body": "", "topic": "",
            "clause": comment.clause}
    form.update(data)
    return client.post(url, {k: v for k, v in form.items() if v is not None})


def test_a_consultation_from_opening_to_its_published_feedback_report(
    client, consultation, on_day
):
    # Open: the page shows the days left and takes a comment into the moderation queue.
    response = client.get(consultation.url)
    assert response.status_code == 200
    assert response.context["days_left"] == 21  # 10 November to 1 December
    assert consultation.closes_on == datetime.date(2022, 12, 1)

    response = client.post(consultation.url, comment_data())
    assert response.status_code == 302
    assert response["Location"] == consultation.url + "thanks/"
    comment = ConsultationComment.objects.get()
    assert comment.status == CommentStatus.PENDING and comment.clause == "第三条"
    assert "张先生" not in client.get(consultation.url).content.decode()  # not yet moderated

    # Moderation: publish one, hide another with the reason (logged).
    manager = make_manager()
    client.force_login(manager)
    advert = make_comment(consultation, body="本店出售健身器材，欢迎选购。")
    assert moderate(client, comment, status="published").status_code == 302
    assert moderate(client, advert, status="hidden").status_code == 200  # the reason is missing
    assert moderate(client, advert, status="hidden", hidden_reason="广告").status_code == 302
    entry = ModelLogEntry.objects.filter(
        action="wagtail_disclosure.comment_moderated", object_id=str(advert.pk)
    ).get()
    assert entry.data == {"status": "hidden", "reason": "广告"}
    client.logout()

    page = client.get(consultation.url).content.decode()
    assert "建议公园夜间开放到22点" in page and "张先生" in page
    assert "13800000000" not in page  # the contact details never show
    assert "本店出售健身器材" not in page

    # Closed: no more comments, and nothing written.
    on_day(datetime.date(2022, 12, 2))
    response = client.post(consultation.url, comment_data(body="逾期提交的意见。"))
    assert response.status_code == 410
    assert ConsultationComment.objects.count() == 2

    # The editor groups the comments; the report is refused until it is complete.
    consultation.feedback_groups = [FeedbackGroup(topic="开放时间（第三条）")]
    consultation.save_revision().publish()
    group = FeedbackGroup.objects.get(page=consultation)
    comment.refresh_from_db()
    comment.topic = group.topic
    comment.save()

    consultation.publish_feedback_report = True
    revision = consultation.save_revision()
    problems = publication_problems(revision.as_object(), revision=revision)
    assert [p.message for p in problems] == [
        "第1组（“开放时间（第三条）”）尚未作出处理决定：采纳、部分采纳或不予采纳。"
    ]
    revision.publish()
    consultation.refresh_from_db()
    assert not consultation.publish_feedback_report
    assert PageLogEntry.objects.filter(page=consultation, action=PUBLICATION_REFUSED).exists()

    consultation = consultation.get_latest_revision_as_object()
    consultation.feedback_groups = [
        FeedbackGroup(pk=group.pk, topic=group.topic, decision="not_adopted",
                      opinions="建议延长夜间开放时间。")
    ]
    revision = consultation.save_revision()
    problems = publication_problems(revision.as_object(), revision=revision)
    assert len(problems) == 1 and "不予采纳" in problems[0].message  # a reason is asked for

    consultation.feedback_groups = [
        FeedbackGroup(pk=group.pk, topic=group.topic, decision="not_adopted",
                      opinions="建议延长夜间开放时间。",
                      reason="夜间照明和安保设施尚不具备条件，待改造完成后再行研究。")
    ]
    consultation.save_revision().publish()
    consultation.refresh_from_db()
    assert consultation.publish_feedback_report
    assert FeedbackReportPublication.objects.get(consultation=consultation).published_on == (
        datetime.date(2022, 12, 2)
    )
    page = client.get(consultation.url).content.decode()
    assert "夜间照明和安保设施尚不具备条件" in page
    assert "不予采纳" in page


def test_the_report_waits_for_the_moderation_queue_and_the_close(consultation, on_day):
    make_comment(consultation)
    consultation.feedback_groups = [
        FeedbackGroup(topic="总体意见", decision="adopted")
    ]
    consultation.publish_feedback_report = True
    revision = consultation.save_revision()
    messages = [p.message for p in publication_problems(revision.as_object(), revision=revision)]
    assert messages == ["意见征集结束后才能公布意见采纳情况。"]

    on_day(datetime.date(2022, 12, 5))
    messages = [p.message for p in publication_problems(revision.as_object(), revision=revision)]
    assert "1条意见尚未审核：请逐条发布或隐藏。" in messages


def test_days_left_count_calendar_days_and_the_last_day_is_zero(consultation):
    assert consultation.days_left(datetime.date(2022, 11, 1)) == 30
    assert consultation.days_left(datetime.date(2022, 11, 30)) == 1
    assert consultation.days_left(datetime.date(2022, 12, 1)) == 0  # the last day to comment
    assert consultation.days_left(datetime.date(2022, 12, 2)) is None  # closed
    assert consultation.is_open(datetime.date(2022, 12, 1))
    assert not consultation.is_open(datetime.date(2022, 10, 31))
    # National Day week counts like any other: the rule says days, not working days.
    assert consultation.days_left(datetime.date(2022, 11, 10)) == 21
