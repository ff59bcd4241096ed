"""In the admin a unit editor sees and changes only the decision items, meetings and delegate
registrations of their own units — listings, exports and the dashboard alike; contact details
are there, and only there."""

import io
import types

import pytest
from django.urls import reverse
from django.utils import translation

from tests.builders import (
    make_decision_item,
    make_decision_meeting,
    make_delegate_registration,
    make_office_unit_editor,
)
from wagtail_disclosure.core.panels import panel_kinds
from wagtail_disclosure.decisions.choices import DecisionStage

pytestmark = pytest.mark.django_db

REGISTRATIONS = "wagtailsnippets_wagtail_disclosure_delegateregistration"
MEETINGS = "wagtailsnippets_wagtail_disclosure_decisionmeeting"


@pytest.fixture
def transport(jining_units):
    return jining_units["市交通运输局"]


@pytest.fixture
def two_units_meetings(directory, housing, transport):
    """A housing item and a transport item, each with a meeting and registrations."""
    housing_item = make_decision_item(directory, "老旧小区改造方案", housing, slug="laojiu",
                                      planned_timing="2022年6月30日前",
                                      stage=DecisionStage.CONSULTATION)
    transport_item = make_decision_item(directory, "公交线网优化方案", transport, slug="gongjiao",
                                        planned_timing="2022年12月底前")
    housing_meeting = make_decision_meeting(housing_item, title="住建专题会议")
    transport_meeting = make_decision_meeting(transport_item, title="交通专题会议")
    make_delegate_registration(housing_meeting, "王秀英", contact="13905371234")
    make_delegate_registration(housing_meeting, "=HYPERLINK(\"http://evil\")",
                               contact="+13905370000", sector="@SUM(1)")
    make_delegate_registration(transport_meeting, "陈公交", contact="13905379999")
    return types.SimpleNamespace(housing_item=housing_item, transport_item=transport_item,
                                 housing_meeting=housing_meeting,
                                 transport_meeting=transport_meeting)


@pytest.fixture
def housing_editor(housing):
    return make_office_unit_editor("housing-editor", housing)


def test_a_unit_editor_lists_only_their_units_registrations_with_contacts(
    client, two_units_meetings, housing_editor
):
    client.force_login(housing_editor)
    html = client.get(reverse(f"{REGISTRATIONS}:list")).content.decode()
    assert "王秀英" in html and "13905371234" in html
    assert "陈公交" not in html and "13905379999" not in html

    other = two_units_meetings.transport_meeting.registrations.get()
    assert client.get(reverse(f"{REGISTRATIONS}:edit", args=[other.pk])).status_code in (302, 403)


def test_a_unit_editor_lists_and_opens_only_their_units_meetings(
    client, two_units_meetings, housing_editor
):
    client.force_login(housing_editor)
    html = client.get(reverse(f"{MEETINGS}:list")).content.decode()
    assert "住建专题会议" in html and "交通专题会议" not in html
    mine = two_units_meetings.housing_meeting
    assert client.get(reverse(f"{MEETINGS}:edit", args=[mine.pk])).status_code == 200
    other = two_units_meetings.transport_meeting
    assert client.get(reverse(f"{MEETINGS}:edit", args=[other.pk])).status_code in (302, 403)


def test_the_export_holds_only_the_editors_registrations_and_is_formula_safe(
    client, two_units_meetings, housing_editor
):
    from openpyxl import load_workbook

    client.force_login(housing_editor)
    with translation.override("zh-hans"):
        response = client.get(reverse(f"{REGISTRATIONS}:list") + "?export=xlsx",
                              HTTP_ACCEPT_LANGUAGE="zh-hans")

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("决策事项", "会议", "姓名", "界别或职业", "电话或电子邮箱")
    names = {row[2] for row in rows[1:]}
    assert names == {"王秀英", "'=HYPERLINK(\"http://evil\")"}
    assert not any(str(v).startswith(("=", "+", "@")) for row in rows[1:] for v in row if v)


def test_a_manager_sees_every_units_registrations(client, two_units_meetings, manager):
    client.force_login(manager)
    html = client.get(reverse(f"{REGISTRATIONS}:list")).content.decode()
    assert "王秀英" in html and "陈公交" in html


def test_the_meeting_form_offers_a_unit_editor_only_their_units_items(
    client, two_units_meetings, housing_editor
):
    client.force_login(housing_editor)
    html = client.get(reverse(f"{MEETINGS}:add")).content.decode()
    assert "老旧小区改造方案" in html and "公交线网优化方案" not in html


def test_the_responsible_units_editor_edits_the_item_and_another_unit_cannot(
    client, two_units_meetings, housing_editor, transport
):
    item = two_units_meetings.housing_item
    client.force_login(housing_editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[item.pk])).status_code == 200
    other = two_units_meetings.transport_item
    assert client.get(reverse("wagtailadmin_pages:edit", args=[other.pk])).status_code in (
        302, 403)


def test_the_dashboard_shows_a_unit_its_items_due_and_overdue(
    client, two_units_meetings, housing_editor, settings
):
    settings.WAGTAIL_DISCLOSURE_TODAY = "2022-07-05"
    client.force_login(housing_editor)
    with translation.override("zh-hans"):
        html = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="zh-hans").content
    html = html.decode()
    panel = html[html.index("disclosure-decisions-due-heading"):]
    panel = panel[: panel.index("</section>")]
    assert "老旧小区改造方案" in panel and "已逾期5天" in panel
    assert "公交线网优化方案" not in panel


def test_the_by_stage_panel_kind_counts_items_as_a_chart_and_a_table(
    two_units_meetings, housing, settings
):
    settings.WAGTAIL_DISCLOSURE_TODAY = "2022-07-05"
    kind = panel_kinds()["decisions_by_stage"]
    assert kind.scope_fields == ("unit",)
    with translation.override("zh-hans"):
        everything = str(kind.render(types.SimpleNamespace(unit=None, title="决策事项"), None))
        housing_only = str(kind.render(types.SimpleNamespace(unit=housing, title=""), None))

    assert 'role="img"' in everything and '<th scope="row">' in everything
    assert '<th scope="row">公开征求意见</th><td>1</td><td>1</td>' in everything
    assert '<th scope="row">未启动</th><td>1</td><td>0</td>' in everything
    assert '<th scope="row">未启动</th><td>0</td>' in housing_only


def test_a_unit_editor_publishes_directories_only_for_their_own_government(
    client, directory, city, housing
):
    from wagtail_disclosure.decisions.pages import DecisionDirectoryPage

    editor = make_office_unit_editor("city-editor", city)
    client.force_login(editor)
    index = directory.get_parent()
    url = reverse("wagtailadmin_pages:add",
                  args=["wagtail_disclosure", "decisiondirectorypage", index.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, {"title": "2023年目录", "slug": "2023", "unit": housing.pk,
                                 "year": 2023})
    assert response.status_code == 200
    assert not DecisionDirectoryPage.objects.filter(slug="2023").exists()

    response = client.post(url, {"title": "2023年目录", "slug": "2023", "unit": city.pk,
                                 "year": 2023})
    assert response.status_code == 302
    assert DecisionDirectoryPage.objects.get(slug="2023").unit == city


def test_changing_the_planned_timing_in_the_editor_reads_the_date_again(
    client, directory, housing, manager
):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    item = make_decision_item(directory, "老旧小区改造方案", housing, slug="laojiu",
                              planned_timing="2022年6月底前")
    assert item.planned_due.isoformat() == "2022-06-30"
    client.force_login(manager)
    data = nested_form_data({
        "title": item.title, "slug": item.slug, "responsible_unit": housing.pk,
        "summary": "", "planned_timing": "9月底前", "planned_due": "2022-06-30",
        "stage": DecisionStage.DRAFTING, "materials": inline_formset([]),
        "disclosure_attribute": "proactive", "action-publish": "publish",
    })
    response = client.post(reverse("wagtailadmin_pages:edit", args=[item.pk]), data)

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.planned_timing, item.planned_due.isoformat()) == ("9月底前", "2022-09-30")


def test_a_unit_editor_records_a_meeting_and_an_opinion_not_adopted_needs_its_reason(
    client, two_units_meetings, housing_editor
):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from wagtail_disclosure.decisions.models import DecisionMeeting

    client.force_login(housing_editor)
    opinion = {"delegate": "个体工商户代表", "opinion": "减免租金。", "handling": "not_adopted",
               "reason": ""}

    def post(**changes):
        data = nested_form_data({
            "item": two_units_meetings.housing_item.pk, "title": "第二次专题会议",
            "held_on": "2022-07-20", "place": "", "seats": 3, "registration_opens_on": "",
            "registration_closes_on": "", "requirements": "",
            "opinions": inline_formset([{**opinion, **changes}]),
        })
        return client.post(reverse(f"{MEETINGS}:add"), data)

    with translation.override("zh-hans"):
        refused = post()
    assert refused.status_code == 200
    assert "请说明未采纳或部分采纳的理由。" in refused.content.decode()
    assert not DecisionMeeting.objects.filter(title="第二次专题会议").exists()

    assert post(reason="不属于本方案调整范围。").status_code == 302
    meeting = DecisionMeeting.objects.get(title="第二次专题会议")
    assert meeting.opinions.get().reason == "不属于本方案调整范围。"


def test_another_units_item_cannot_be_given_a_meeting(client, two_units_meetings, housing_editor):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    client.force_login(housing_editor)
    data = nested_form_data({
        "item": two_units_meetings.transport_item.pk, "title": "越权会议", "seats": 3,
        "opinions": inline_formset([]),
    })
    assert client.post(reverse(f"{MEETINGS}:add"), data).status_code == 200
    assert not two_units_meetings.transport_item.meetings.filter(title="越权会议").exists()
