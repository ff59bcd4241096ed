"""The public reads a unit's page: who it is, how to reach it, how to ask it for information."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_unit_page_shows_its_contacts_and_disclosure_guide(client, jining_units):
    unit = jining_units["市发展改革委"]

    response = client.get(unit.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="zh-Hans">' in html
    assert "<h1>市发展改革委</h1>" in html
    assert "济宁市发展和改革委员会" in html
    assert "0537-2967101" in html
    assert "政府信息公开指南" in html
    assert "市政府部门" in html


def test_the_unit_directory_lists_units_by_kind(client, jining_units):
    directory = jining_units["市发展改革委"].get_parent()

    html = client.get(directory.url).content.decode()

    assert "县级政府" in html and "任城区人民政府" in html
    assert "公共企业" in html and "国网济宁供电公司" in html


def test_a_draft_unit_is_not_public(client, jining_units):
    unit = jining_units["市教育局"]
    unit.unpublish()

    assert client.get(unit.url_path.replace("/home", "", 1)).status_code == 404


def test_elder_friendly_mode_is_one_click_away_and_needs_no_javascript(client, jining_units):
    unit = jining_units["市发展改革委"]
    page = client.get(unit.url).content.decode()
    assert "适老模式（大字体、高对比度）" in page

    response = client.get(
        reverse("wagtail_disclosure:elder_mode"), {"on": "1", "next": unit.url}, follow=True
    )

    html = response.content.decode()
    assert response.redirect_chain[-1][0] == unit.url
    assert 'class=" elder-mode"' in html or "elder-mode" in html.split("<body", 1)[1][:80]
    assert "标准模式" in html


def test_the_elder_mode_switch_never_redirects_off_site(client, db):
    response = client.get(
        reverse("wagtail_disclosure:elder_mode"), {"on": "1", "next": "https://evil.example/"}
    )

    assert response["Location"] == "/"
