"""The yearly directory lists its decision items with their stage; each item shows its stages
as a timeline linking the materials where they are published."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.documents import get_document_model

from tests.builders import (
    child_page,
    home_page,
    make_decision_item,
    make_decision_meeting,
    make_delegate_registration,
    make_interpretation,
    make_policy_document,
    publish_with_interpretation,
)
from wagtail_disclosure.decisions.choices import DecisionStage, Handling, MaterialKind
from wagtail_disclosure.decisions.models import DelegateOpinion

pytestmark = pytest.mark.django_db


def zh_get(client, url):
    with translation.override("zh-hans"):
        return client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans")


def test_a_decision_item_shows_its_timeline_with_the_linked_materials(
    client, directory, housing
):
    decision_document = publish_with_interpretation(
        make_policy_document(
            "济宁市城市更新实施办法",
            slug="chengshi-gengxin",
            document_number="济政发〔2022〕9号",
            issuer=directory.unit,
        )
    )
    draft_page = child_page(home_page(), type(home_page()), "draft-text", "实施办法（征求意见稿）")
    consultation = child_page(home_page(), type(home_page()), "consultation", "公开征求意见")
    explanation = get_document_model().objects.create(title="起草说明", file="documents/sm.pdf")
    not_yet_public = make_policy_document("尚未发布的解读材料", slug="not-yet")
    item = make_decision_item(
        directory,
        "济宁市城市更新实施办法",
        housing,
        stage=DecisionStage.DECIDED,
        planned_timing="2022年6月底前",
        materials=[
            {"kind": MaterialKind.DECISION, "date": datetime.date(2022, 7, 20),
             "page": decision_document},
            {"kind": MaterialKind.DRAFT, "date": datetime.date(2022, 4, 1), "page": draft_page},
            {"kind": MaterialKind.EXPLANATION, "document": explanation},
            {"kind": MaterialKind.BACKGROUND,
             "summary": "全市2000年前建成的老旧小区共计1200个。"},
            {"kind": MaterialKind.CONSULTATION, "date": datetime.date(2022, 4, 1),
             "page": consultation,
             "summary": "收到意见56条，采纳31条，部分采纳9条。"},
            {"kind": MaterialKind.RISK_ASSESSMENT, "url": "https://example.org/risk.pdf",
             "title": "社会稳定风险评估报告"},
            {"kind": MaterialKind.INTERPRETATION, "page": not_yet_public},
        ],
    )
    meeting = make_decision_meeting(item, result_published=True, opinions_published=True)
    make_delegate_registration(meeting, "王秀英", sector="社区居民", consent_to_publish=True,
                               status="selected")
    DelegateOpinion.objects.create(
        meeting=meeting, delegate="王秀英（社区居民）", opinion="加装电梯费用分摊应明确。",
        handling=Handling.ADOPTED,
    )

    html = zh_get(client, item.url).content.decode()

    timeline = html[html.index('class="decision-timeline"'):]
    order = ["决策背景", "决策草案全文", "草案说明", "公开征求意见", "风险评估", "集体讨论决定",
             "决策结果"]
    positions = [timeline.index(f"<h3>{label}</h3>") for label in order]
    assert positions == sorted(positions), "the timeline follows the decision process"
    assert f'href="{draft_page.url}"' in timeline
    assert "2022年4月1日" in timeline
    assert f'href="{explanation.url}"' in timeline and "（PDF）" in timeline
    assert "收到意见56条，采纳31条，部分采纳9条。" in timeline
    assert f'href="{consultation.url}"' in timeline
    assert 'href="https://example.org/risk.pdf">社会稳定风险评估报告' in timeline
    decision_link = f'href="{decision_document.url}">济宁市城市更新实施办法</a>'
    assert decision_link + "（济政发〔2022〕9号）" in timeline
    assert "王秀英（社区居民）" in timeline and "加装电梯费用分摊应明确。" in timeline
    assert "尚未发布的解读材料" not in html, "a draft page is not linked"
    assert "2022年6月底前" in html and "2022年6月30日" in html
    assert 'aria-current="step"' in html


def test_the_planned_timing_is_understood_in_the_directorys_year(directory, housing):
    item = make_decision_item(directory, "老旧小区改造", housing, planned_timing="9月底前")
    assert item.planned_due == datetime.date(2022, 9, 30)
    vague = make_decision_item(directory, "城市更新", housing, planned_timing="适时")
    assert vague.planned_due is None


def test_the_directory_lists_each_item_with_its_unit_timing_and_stage(
    client, directory, housing, jining_units
):
    first = make_decision_item(directory, "济宁市老旧小区改造三年行动方案", housing,
                               planned_timing="2022年5月底前", stage=DecisionStage.CONSULTATION)
    make_decision_item(directory, "济宁市城区供热专项规划", jining_units["市城市管理局"],
                       planned_timing="2022年10月底前", stage=DecisionStage.DRAFTING)
    make_decision_item(directory, "尚在起草的草稿事项", housing, publish=False)

    html = zh_get(client, directory.url).content.decode()

    assert "共2项决策事项" in html
    assert "尚在起草的草稿事项" not in html
    row = html[html.index("济宁市老旧小区改造三年行动方案"):]
    row = row[: row.index("</tr>")]
    assert "市住房城乡建设局" in row and "2022年5月底前" in row
    assert f'href="{first.url}#decision-timeline"' in row and "公开征求意见" in row
    assert "已过计划时间" in row, "due 31 May, still in consultation on 15 June"
    assert "济宁市城区供热专项规划" in html


def build_items(directory, unit, count, start):
    for n in range(start, start + count):
        make_decision_item(directory, f"决策事项{n}", unit, slug=f"decision-{n}",
                           planned_timing="2022年12月底前")


def test_the_directory_costs_the_same_queries_at_two_sizes(
    directory, housing, django_assert_num_queries
):
    client = Client()
    build_items(directory, housing, 3, 0)
    client.get(directory.url)  # warm the site's caches
    with CaptureQueriesContext(connection) as small:
        assert client.get(directory.url).status_code == 200
    build_items(directory, housing, 27, 3)
    with django_assert_num_queries(len(small)):
        response = client.get(directory.url)
    assert response.content.decode().count('<th scope="row">') == 30


def test_the_item_page_costs_the_same_queries_whatever_its_materials(
    directory, housing, django_assert_num_queries
):
    client = Client()
    pages = [child_page(home_page(), type(home_page()), f"m{n}", f"材料{n}") for n in range(12)]
    small_item = make_decision_item(
        directory, "少", housing, slug="few",
        materials=[{"kind": MaterialKind.DRAFT, "page": page} for page in pages[:2]],
    )
    large_item = make_decision_item(
        directory, "多", housing, slug="many",
        materials=[{"kind": MaterialKind.DRAFT, "page": page} for page in pages],
    )
    for item in (small_item, large_item):
        meeting = make_decision_meeting(item, result_published=True, opinions_published=True)
        make_delegate_registration(meeting, "甲", consent_to_publish=True, status="selected")
    client.get(small_item.url)
    with CaptureQueriesContext(connection) as small:
        client.get(small_item.url)
    with django_assert_num_queries(len(small)):
        client.get(large_item.url)


def test_an_interpretation_can_be_a_stage_material(client, directory, housing):
    document = make_policy_document("办法", slug="banfa", issuer=directory.unit)
    interpretation = make_interpretation("办法解读", [document])
    document.get_latest_revision().publish()
    interpretation.refresh_from_db()
    item = make_decision_item(directory, "办法", housing, materials=[
        {"kind": MaterialKind.INTERPRETATION, "page": interpretation}])
    html = zh_get(client, item.url).content.decode()
    assert f'href="{interpretation.url}">办法解读</a>' in html


def test_a_material_links_one_thing_or_summarises(directory, housing):
    from django.core.exceptions import ValidationError

    from wagtail_disclosure.decisions.pages import DecisionMaterial

    item = make_decision_item(directory, "办法", housing)
    nothing = DecisionMaterial(item=item, kind=MaterialKind.DRAFT)
    with pytest.raises(ValidationError):
        nothing.full_clean()
    two = DecisionMaterial(item=item, kind=MaterialKind.DRAFT, page=directory,
                           url="https://example.org/")
    with pytest.raises(ValidationError):
        two.full_clean()
    DecisionMaterial(item=item, kind=MaterialKind.BACKGROUND, summary="背景").full_clean()


def test_a_units_public_page_lists_the_decision_items_it_is_in_charge_of(
    client, directory, housing
):
    make_decision_item(directory, "济宁市老旧小区改造三年行动方案", housing,
                       stage=DecisionStage.CONSULTATION)
    html = zh_get(client, housing.url).content.decode()
    section = html[html.index("承办的重大行政决策事项"):]
    assert "济宁市老旧小区改造三年行动方案</a>（公开征求意见）" in section
