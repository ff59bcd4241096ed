"""A resident reads the column: sectors, entities, what they disclosed, where to complain."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.enterprises.conftest import more_entities

pytestmark = pytest.mark.django_db


def text_of(response):
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def row_of(html, name):
    """The table row whose header cell names ``name``, as text."""
    for row in re.findall(r"<tr.*?</tr>", html, flags=re.S):
        if name in row:
            return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row))
    raise AssertionError(f"no row for {name}")


def get(client, page):
    with translation.override("en"):
        response = client.get(page.url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response


def test_the_column_lists_sectors_their_departments_and_entities(client, column):
    response = get(client, column.page)
    html = response.content.decode()

    water = row_of(html, ">供水<")
    assert "市城乡水务局" in water
    assert "2" in water and "50%" in water and "25%" in water
    for name in ("城区供水公司", "兖州自来水公司", "国网济宁供电公司"):
        assert name in html
    assert column.entities["城区供水公司"].url in html


def test_every_page_of_the_column_states_a_complaint_channel(client, column):
    for page in (column.page, column.sectors["供水"], column.entities["城区供水公司"]):
        html = get(client, page).content.decode()
        assert "0537-2967602" in html, page  # the water department's complaint phone
    entity = get(client, column.entities["城区供水公司"]).content.decode()
    assert "0537-2212345" in entity  # the entity's own channel
    assert 'href="mailto:water@example.com"' in entity


def test_the_sector_page_shows_the_catalogue_and_what_each_entity_disclosed(client, column):
    response = get(client, column.sectors["供水"])
    html = response.content.decode()

    catalogue = html[html.index('id="catalogue-heading"') : html.index('id="entities-heading"')]
    assert re.findall(r'<th scope="row">(.*?)</th>', catalogue) == [
        "水质信息",
        "水价及收费标准",
        "服务承诺",
        "停水通知",
    ]
    assert "Monthly" in catalogue and "Real time" in catalogue
    city = row_of(html, "城区供水公司")
    assert "2024年5月20日 Up to date" in city
    assert "2023年3月1日 Out of date" in city
    assert "Not disclosed" in city
    assert "2/4" in city
    assert "0/4" in row_of(html, "兖州自来水公司")
    assert "国网济宁供电公司" not in html  # another sector's entity


def test_the_entity_page_flags_missing_and_stale_items_on_a_fixed_day(client, column):
    html = get(client, column.entities["城区供水公司"]).content.decode()

    assert "Up to date" in row_of(html, "水质信息")
    assert "Up to date" in row_of(html, "水价及收费标准")  # as needed: never stale
    assert "Out of date" in row_of(html, "服务承诺")  # yearly, last 2023-03-01
    assert "Not disclosed" in row_of(html, "停水通知")
    assert "enterprise-item--missing" in html and "enterprise-item--stale" in html
    assert "城区供水公司水质信息" in html  # the latest entry's content
    assert "2024年6月15日" in html  # "as of" the fixed day


def test_the_same_entry_is_stale_a_month_later(client, column, settings):
    settings.WAGTAIL_DISCLOSURE_TODAY = "2024-07-15"
    html = get(client, column.entities["城区供水公司"]).content.decode()
    assert "Out of date" in row_of(html, "水质信息")


def test_an_unpublished_entity_is_not_shown(client, column):
    column.entities["兖州自来水公司"].unpublish()
    for page in (column.page, column.sectors["供水"]):
        assert "兖州自来水公司" not in get(client, page).content.decode()


@pytest.mark.parametrize("which", ["column", "sector", "entity"])
def test_queries_do_not_grow_with_entities(client, column, which):
    water = column.sectors["供水"]
    page = {
        "column": column.page,
        "sector": water,
        "entity": column.entities["城区供水公司"],
    }[which]
    more_entities(water, 2)
    with CaptureQueriesContext(connection) as few:
        get(client, page)
    more_entities(water, 8, start=2)
    with CaptureQueriesContext(connection) as many:
        response = get(client, page)
    assert len(many) == len(few)
    if which != "entity":
        assert "示例主体9" in response.content.decode()
