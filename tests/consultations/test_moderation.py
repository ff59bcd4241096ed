"""The moderation queue: unit editors see and moderate their units' comments only; contact
details stay in the admin; a comment that looks as if it holds personal data is published only
after the moderator confirms or writes a version without it; the export is a formula-safe
spreadsheet of the consultation's comments for its own unit."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.builders import make_comment, make_consultation, make_unit_editor
from tests.consultations.conftest import OPENS
from tests.core.test_unit_boundaries import refused
from wagtail_disclosure.consultations.models import CommentStatus
from wagtail_disclosure.core.personal_data import personal_data_found

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_wagtail_disclosure_consultationcomment:list"
EDIT = "wagtailsnippets_wagtail_disclosure_consultationcomment:edit"


@pytest.fixture
def two_units(consultation, rencheng):
    """The office's consultation and one of 任城区's, each with a comment."""
    theirs = make_consultation(rencheng, OPENS, title="《任城区农贸市场管理办法（征求意见稿）》")
    return (
        make_comment(consultation, body="办公室的意见：公园应增加无障碍设施。"),
        make_comment(theirs, body="任城区的意见：市场应延长营业时间。"),
    )


def test_a_unit_editor_moderates_only_their_units_comments(client, two_units, rencheng):
    ours, theirs = two_units
    client.force_login(make_unit_editor("rencheng", rencheng))
    listing = client.get(reverse(LIST)).content.decode()
    assert "任城区的意见" in listing and "办公室的意见" not in listing
    assert client.get(reverse(EDIT, args=[theirs.pk])).status_code == 200
    assert refused(client.get(reverse(EDIT, args=[ours.pk])), client)
    assert refused(client.post(reverse(EDIT, args=[ours.pk]), {"status": "published"}), client)
    ours.refresh_from_db()
    assert ours.status == CommentStatus.PENDING


def test_nobody_adds_comments_in_the_admin(client, manager):
    client.force_login(manager)
    add = reverse("wagtailsnippets_wagtail_disclosure_consultationcomment:add")
    assert client.get(add).status_code in (302, 403)


def test_the_export_is_formula_safe_and_for_the_consultations_unit_only(
    client, two_units, consultation, office, rencheng
):
    make_comment(consultation, body="=HYPERLINK(\"http://evil\",\"点我\")", contact="13900000000")
    url = reverse("wagtail_disclosure_admin:consultation_comments_export", args=[consultation.pk])
    client.force_login(make_unit_editor("rencheng", rencheng))
    assert refused(client.get(url), client)

    client.force_login(make_unit_editor("office", office))
    response = client.get(url)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
    bodies = [row[2] for row in rows]
    assert "办公室的意见：公园应增加无障碍设施。" in bodies
    assert "'=HYPERLINK(\"http://evil\",\"点我\")" in bodies  # shown as text, never run
    assert all("任城区" not in (body or "") for body in bodies)
    assert "13900000000" in [row[4] for row in rows]  # the office's working copy


def test_personal_data_in_a_comment_stops_publication_until_the_moderator_confirms(
    client, consultation, manager
):
    comment = make_comment(consultation, body="我的身份证号是11010519491231002X，电话13812345678。")
    assert personal_data_found(comment.body)
    client.force_login(manager)
    url = reverse(EDIT, args=[comment.pk])
    page = client.get(url).content.decode()
    assert "该内容似乎包含个人信息（居民身份证号码、手机号码）。" in page

    refused = client.post(url, {"status": "published", "topic": "", "clause": ""})
    assert refused.status_code == 200
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING

    redacted = client.post(url, {"status": "published", "topic": "", "clause": "",
                                 "public_body": "我的身份证号是***，电话***。"})
    assert redacted.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED and comment.moderated_by == manager
    html = client.get(consultation.url).content.decode()
    assert "11010519491231002X" not in html and "13812345678" not in html
    assert "我的身份证号是***" in html


def test_plain_comments_are_not_flagged():
    assert personal_data_found("建议第三条增加节假日延长开放的规定，2022年11月起实施。") == []
    assert personal_data_found("联系 0537-2967001") and personal_data_found("a@b.cn")
    assert not personal_data_found("编号110105194912310021")  # a wrong check digit
