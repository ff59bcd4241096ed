"""A small known column: two sectors, three entities, entries around a fixed "today".

On 2024-06-15 (``TODAY``):
- 供水 (市城乡水务局): 水质信息 monthly, 水价及收费标准 as needed, 服务承诺 yearly,
  停水通知 real time.
  - 城区供水公司: 水质 2024-05-20 (up to date), 水价 2023-01-01 (up to date: as needed),
    服务承诺 2023-03-01 (out of date), 停水通知 none (missing) → 4 items, 3 disclosed, 2 current.
  - 兖州自来水公司: 水质 2024-04-30 (out of date) → 4 items, 1 disclosed, 0 current.
- 供电 (市发展改革委): 停电信息 real time, 电价及收费标准 as needed.
  - 国网济宁供电公司 (linked to the unit): 停电信息 2024-06-01 → 2 items, 1 disclosed, 1 current.
"""

import datetime

import pytest

from tests import builders
from wagtail_disclosure.enterprises.models import UpdatePeriod

TODAY = datetime.date(2024, 6, 15)


@pytest.fixture(autouse=True)
def fixed_today(settings):
    settings.WAGTAIL_DISCLOSURE_TODAY = TODAY.isoformat()
    return TODAY


class Column:
    """The fixture's pages by name."""

    def __init__(self, page, sectors, entities):
        self.page = page
        self.sectors = sectors
        self.entities = entities


@pytest.fixture
def units(jining_units):
    """The units of the register the column names: two competent departments, a department
    with no sector, and the power company (a public enterprise of the register)."""
    return {
        name: jining_units[name]
        for name in ("市城乡水务局", "市发展改革委", "市教育局", "国网济宁供电公司")
    }


def build_column(units):
    page = builders.make_enterprise_column()
    water = builders.make_sector(
        page,
        "供水",
        "water",
        units["市城乡水务局"],
        [
            ("水质信息", UpdatePeriod.MONTHLY),
            ("水价及收费标准", UpdatePeriod.AS_NEEDED),
            ("服务承诺", UpdatePeriod.YEARLY),
            ("停水通知", UpdatePeriod.REAL_TIME),
        ],
        complaint_department="市城乡水务局供水管理科",
        complaint_phone="0537-2967602",
        complaint_email="water@example.com",
        complaint_url="https://example.com/complain",
        complaint_address="济宁市任城区建设路1号",
    )
    power = builders.make_sector(
        page,
        "供电",
        "power",
        units["市发展改革委"],
        [("停电信息", UpdatePeriod.REAL_TIME), ("电价及收费标准", UpdatePeriod.AS_NEEDED)],
        complaint_phone="0537-2967102",
    )
    city = builders.make_enterprise(
        water,
        "城区供水公司",
        "city-water",
        [
            ("水质信息", datetime.date(2024, 5, 20)),
            ("水价及收费标准", datetime.date(2023, 1, 1)),
            ("服务承诺", datetime.date(2023, 3, 1)),
        ],
        complaint_phone="0537-2212345",
    )
    yanzhou = builders.make_enterprise(
        water, "兖州自来水公司", "yanzhou-water", [("水质信息", datetime.date(2024, 4, 30))]
    )
    grid = builders.make_enterprise(
        power,
        "国网济宁供电公司",
        "state-grid",
        [("停电信息", datetime.date(2024, 6, 1))],
        unit=units["国网济宁供电公司"],
        full_name="国网山东省电力公司济宁供电公司",
    )
    return Column(
        page,
        {"供水": water, "供电": power},
        {"城区供水公司": city, "兖州自来水公司": yanzhou, "国网济宁供电公司": grid},
    )


@pytest.fixture
def column(units):
    return build_column(units)


@pytest.fixture
def sector_editor(column):
    """An editor of a competent department, in the group the column grants page rights to."""
    from wagtail_disclosure.enterprises.permissions import ensure_sector_editors_group

    group = ensure_sector_editors_group(column.page)

    def make(username, unit):
        return builders.make_unit_editor(username, unit, groups=[group])

    return make


def more_entities(sector, count, start=0):
    """``count`` more entities in ``sector``, each with an entry for every item."""
    for n in range(start, start + count):
        builders.make_enterprise(
            sector,
            f"示例主体{n}",
            f"extra-{sector.slug}-{n}",
            [(item.name, datetime.date(2024, 6, 1)) for item in sector.catalogue_items.all()],
        )

