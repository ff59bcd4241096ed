"""A competent department sees how much of its catalogue the covered entities keep up to date."""

import io
import re
import types

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.builders import make_unit_editor
from tests.enterprises.conftest import TODAY, more_entities
from wagtail_disclosure.core.panels import panel_kinds
from wagtail_disclosure.enterprises import compliance
from wagtail_disclosure.enterprises.models import EnterprisePage

pytestmark = pytest.mark.django_db


def by_title(rows):
    return {row.sector.title: row.figures for row in rows}


def test_figures_per_entity_on_the_known_fixture(column):
    entities = compliance.annotate_enterprises(EnterprisePage.objects.all(), on=TODAY)
    counts = {e.title: (e.item_count, e.disclosed_count, e.current_count) for e in entities}
    assert counts == {
        "城区供水公司": (4, 3, 2),
        "兖州自来水公司": (4, 1, 0),
        "国网济宁供电公司": (2, 1, 1),
    }


def test_figures_per_sector_on_the_known_fixture(column):
    figures = by_title(compliance.sector_figures(on=TODAY))

    water = figures["供水"]
    assert (water.entities, water.items, water.disclosed, water.current) == (2, 8, 4, 2)
    assert (water.disclosed_percent, water.current_percent) == (50, 25)
    assert (water.missing, water.stale) == (4, 2)
    power = figures["供电"]
    assert (power.entities, power.items, power.disclosed, power.current) == (1, 2, 1, 1)


def test_figures_follow_the_day(column):
    later = by_title(compliance.sector_figures(on=TODAY.replace(month=7)))
    assert later["供水"].current == 1  # 水质信息 of 2024-05-20 is out of date in July


def test_an_item_with_no_period_is_stale_never_and_a_yearly_one_after_a_year():
    day = TODAY
    assert compliance.item_status("as_needed", TODAY.replace(year=2001), day) == "current"
    assert compliance.item_status("yearly", TODAY.replace(year=2023), day) == "current"
    assert compliance.item_status("yearly", TODAY.replace(year=2023, day=14), day) == "stale"
    assert compliance.item_status("monthly", None, day) == "missing"
    assert compliance.months_before(compliance.datetime.date(2024, 3, 31), 1).day == 29


def test_figures_cost_the_same_queries_for_few_and_many_entities(column):
    water = column.sectors["供水"]
    more_entities(water, 1)
    with CaptureQueriesContext(connection) as few:
        compliance.sector_figures()
        list(compliance.annotate_enterprises(EnterprisePage.objects.all()))
    more_entities(water, 12, start=1)
    with CaptureQueriesContext(connection) as many:
        figures = by_title(compliance.sector_figures())
        list(compliance.annotate_enterprises(EnterprisePage.objects.all()))
    assert len(many) == len(few) == 3
    assert figures["供水"].entities == 15


# -- the reporting panel kind ----------------------------------------------------------------


def test_the_panel_kind_is_registered():
    kind = panel_kinds()["enterprise_compliance"]
    assert kind.scope_fields == ("unit",)


def test_the_panel_shows_the_sectors_of_its_unit_as_an_accessible_chart_and_table(column, units):
    kind = panel_kinds()["enterprise_compliance"]
    panel = types.SimpleNamespace(unit=units["市城乡水务局"], title="水务领域公开情况")

    with translation.override("en"):
        html = str(kind.render(panel, None))

    assert "供水" in html and "供电" not in html
    svg = re.search(r"<svg[^>]*>", html).group(0)
    assert 'role="img"' in svg
    title_id, desc_id = re.search(r'aria-labelledby="([^" ]+) ([^"]+)"', svg).groups()
    assert f'<title id="{title_id}">水务领域公开情况</title>' in html
    assert f'<desc id="{desc_id}">' in html and "25% up to date" in html
    assert '<th scope="col">' in html and '<th scope="row">' in html
    assert "<script" not in html


def test_a_panel_without_a_unit_shows_every_sector(column):
    kind = panel_kinds()["enterprise_compliance"]
    html = str(kind.render(types.SimpleNamespace(unit=None), None))
    assert "供水" in html and "供电" in html


def test_the_compliance_block_renders_on_a_public_page(client, column):
    home = column.page.get_parent().specific
    home.body = [("enterprise_compliance", {"title": "公共企事业单位信息公开情况", "sector": None})]
    home.save_revision().publish()

    html = client.get(home.url).content.decode()

    assert "公共企事业单位信息公开情况" in html
    assert 'role="img"' in html and "供电" in html


def test_the_compliance_block_for_one_sector(client, column):
    home = column.page.get_parent().specific
    home.body = [("enterprise_compliance", {"title": "", "sector": column.sectors["供电"]})]
    home.save_revision().publish()

    html = client.get(home.url).content.decode()
    chart = html[html.index("enterprise-compliance") :]
    assert "供电" in chart and "供水" not in chart


def test_the_dashboard_shows_a_department_editor_its_sectors(client, column, units, sector_editor):
    client.force_login(sector_editor("water-editor", units["市城乡水务局"]))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html[html.index("enterprise-compliance-heading") :]
    assert "供水" in panel and "供电" not in panel


# -- the admin report ------------------------------------------------------------------------


def test_the_report_exports_xlsx_with_formulas_escaped(client, column, manager):
    from openpyxl import load_workbook

    evil = column.entities["兖州自来水公司"]
    evil.title = "=cmd|'/c calc'!A1"
    evil.save_revision().publish()
    client.force_login(manager)

    with translation.override("en"):
        response = client.get(
            reverse("wagtail_disclosure_admin:enterprise_compliance") + "?export=xlsx",
            HTTP_ACCEPT_LANGUAGE="en",
        )

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Sector", "Covered entity", "Competent department")
    data = {row[1]: row for row in rows[1:]}
    assert data["城区供水公司"] == ("供水", "城区供水公司", "市城乡水务局", 4, 3, 2, 75, 50)
    assert "'=cmd|'/c calc'!A1" in data
    assert not any(str(v).startswith("=") for row in rows for v in row if v is not None)


def test_the_report_lists_only_the_editors_entities(client, column, units, sector_editor):
    client.force_login(sector_editor("water-editor", units["市城乡水务局"]))
    html = client.get(reverse("wagtail_disclosure_admin:enterprise_compliance")).content.decode()
    assert "城区供水公司" in html and "国网济宁供电公司" not in html


def test_the_report_is_refused_to_an_editor_of_no_entity(client, column, units):
    client.force_login(make_unit_editor("education", units["市教育局"]))
    response = client.get(reverse("wagtail_disclosure_admin:enterprise_compliance"))
    assert response.status_code in (302, 403)
