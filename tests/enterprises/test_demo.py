"""The demo shows the column with four sectors, some items missing and some out of date."""

import io

import pytest

from wagtail_disclosure.enterprises import compliance
from wagtail_disclosure.enterprises.models import DisclosureEntry, EnterprisePage, SectorPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fixed_today(settings):
    """The demo dates entries relative to the day it is loaded."""
    settings.WAGTAIL_DISCLOSURE_TODAY = None


def test_the_demo_loads_the_column_once(jining_units, client):
    from demo import enterprises

    enterprises.load(io.StringIO())
    before = (
        EnterprisePage.objects.count(),
        DisclosureEntry.objects.count(),
        SectorPage.objects.count(),
    )
    enterprises.load(io.StringIO())

    assert before == (
        EnterprisePage.objects.count(),
        DisclosureEntry.objects.count(),
        SectorPage.objects.count(),
    )
    sectors = {s.title: s for s in SectorPage.objects.all()}
    assert {"供电", "供水", "卫生健康", "教育"} <= set(sectors)
    assert sectors["供水"].competent_department.title == "市城乡水务局"
    grid = EnterprisePage.objects.get(title="国网济宁供电公司")
    assert grid.unit == jining_units["国网济宁供电公司"]
    assert grid.unit.kind == "public_enterprise"
    figures = {f.sector.title: f.figures for f in compliance.sector_figures()}
    assert all(f.missing > 0 for f in figures.values())
    assert sum(f.stale for f in figures.values()) > 0
    assert client.get("/enterprises/").status_code == 200
    assert "国网济宁供电公司" in client.get(sectors["供电"].url).content.decode()
