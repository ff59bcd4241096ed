"""A resident opens 法定主动公开内容 and finds each unit's latest items, category by category."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.builders import (
    file_page,
    make_policy_document,
    make_statutory_link,
    publish_with_interpretation,
)

pytestmark = pytest.mark.django_db


def category_url(statutory, code):
    return statutory.index.url + statutory.index.reverse_subpage("category", args=[code])


def test_the_index_lists_the_fifteen_categories_with_their_latest_item(client, statutory):
    response = client.get(statutory.index.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('scope="row"') == 15
    assert "财政预决算" in html
    assert "2024年2月20日" in html  # the newest budget, the Chinese way
    assert category_url(statutory, "budgets") in html


def test_a_category_page_lists_each_units_items_newest_first(client, statutory):
    make_statutory_link(
        "budgets", statutory.finance, "济宁市2023年市级决算公开", datetime.date(2024, 1, 5)
    )

    response = client.get(category_url(statutory, "budgets"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>财政预决算</h1>" in html
    assert html.index("济宁市2024年市级预算公开") < html.index("济宁市2023年市级决算公开")
    assert "2023年3月1日" in html
    sections = dict((unit.title, items) for unit, items in response.context["sections"])
    assert [i.title for i in sections["市财政局"]] == [
        "济宁市2024年市级预算公开", "济宁市2023年市级决算公开"
    ]
    assert sections["兖州区人民政府"] == []  # every unit publishes a budget: shown as nothing yet
    assert "暂无公开内容" in html


def test_only_the_latest_items_of_each_unit_are_listed(client, statutory, settings):
    settings.WAGTAIL_DISCLOSURE_STATUTORY_ITEMS_PER_UNIT = 2
    for day in range(1, 6):
        make_statutory_link(
            "licensing", statutory.rencheng, f"许可结果第{day}期", datetime.date(2024, 5, day)
        )

    response = client.get(category_url(statutory, "licensing"))

    sections = dict((unit.title, items) for unit, items in response.context["sections"])
    assert [i.title for i in sections["任城区人民政府"]] == [
        "任城区行政许可办理结果（6月第1期）", "许可结果第5期"
    ]


def test_a_category_page_for_one_unit(client, statutory):
    response = client.get(category_url(statutory, "budgets"), {"unit": statutory.rencheng.pk})

    assert [unit.title for unit, _ in response.context["sections"]] == ["任城区人民政府"]


def test_an_unknown_or_switched_off_category_is_not_found(client, statutory):
    assert client.get(category_url(statutory, "no-such-thing")).status_code == 404
    from wagtail_disclosure.statutory.models import StatutoryCategory

    StatutoryCategory.objects.filter(code="fees").update(active=False)
    assert client.get(category_url(statutory, "fees")).status_code == 404


def test_a_filed_page_is_listed_only_while_it_is_live_and_public(client, statutory):
    document = make_policy_document(
        "济宁市行政事业性收费目录清单（2024年版）", issuer=statutory.finance
    )
    file_page(document, "fees", statutory.finance, publish=False)
    publish_with_interpretation(document)
    url = category_url(statutory, "fees")

    html = client.get(url).content.decode()
    assert "济宁市行政事业性收费目录清单（2024年版）" in html
    assert document.url in html

    PageViewRestriction.objects.create(page=document, restriction_type="login")
    assert "济宁市行政事业性收费目录清单" not in client.get(url).content.decode()

    PageViewRestriction.objects.all().delete()
    document.refresh_from_db()
    document.unpublish()
    assert "济宁市行政事业性收费目录清单" not in client.get(url).content.decode()


def test_a_filed_page_is_dated_by_the_day_it_went_live_unless_given_a_date(client, statutory):
    document = make_policy_document("济宁市2024年统计公报", issuer=statutory.rencheng)
    file_page(document, "statistics", statutory.rencheng, publish=False)
    publish_with_interpretation(document)
    other = make_policy_document("任城区一季度统计数据", issuer=statutory.rencheng)
    file_page(
        other, "statistics", statutory.rencheng, date=datetime.date(2024, 4, 20), publish=False
    )
    publish_with_interpretation(other)

    response = client.get(category_url(statutory, "statistics"))

    sections = dict((unit.title, items) for unit, items in response.context["sections"])
    items = sections["任城区人民政府"]
    went_live = document.first_published_at.astimezone(datetime.UTC).date()
    assert {i.shown_title(): i.shown_date() for i in items}[
        "任城区一季度统计数据"] == datetime.date(2024, 4, 20)
    assert abs((items[0].shown_date() - went_live).days) <= 1


def grow(statutory, n):
    """``n`` more items per unit of the fixture, half of them filed pages."""
    for i in range(n):
        make_statutory_link(
            "budgets", statutory.rencheng, f"预算附表{i}", datetime.date(2024, 1, 1 + i % 28)
        )
        document = make_policy_document(
            f"财政工作文件{i}", issuer=statutory.finance, kind="work", requires_interpretation=False
        )
        file_page(document, "budgets", statutory.finance, date=datetime.date(2024, 3, 1 + i % 28))


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("route", ["index", "category"])
def test_the_pages_take_as_many_queries_however_many_items(client, statutory, route):
    url = statutory.index.url if route == "index" else category_url(statutory, "budgets")
    client.get(url)  # warm Wagtail's site cache
    grow(statutory, 2)
    small = count_queries(client, url)
    grow(statutory, 12)
    large = count_queries(client, url)

    assert small == large


def test_filing_a_live_page_in_a_draft_waits_for_its_publication(client, statutory):
    document = make_policy_document(
        "任城区2024年区级预算", issuer=statutory.rencheng, kind="work",
        requires_interpretation=False,
    )
    file_page(document, "budgets", statutory.rencheng, date=datetime.date(2024, 3, 1))
    file_page(document, "fees", statutory.rencheng, publish=False)

    def listed(code):
        return "任城区2024年区级预算" in client.get(category_url(statutory, code)).content.decode()

    assert listed("budgets") and not listed("fees")

    document.refresh_from_db()
    document.get_latest_revision().publish()
    assert listed("fees")
