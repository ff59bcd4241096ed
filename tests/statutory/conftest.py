"""A small statutory column on Friday 14 June 2024 (``TODAY``):

- /statutory/, the 法定主动公开内容 page;
- 市财政局 filed its 2024 budget (2024-02-20: yearly, up to date);
- 任城区人民政府 filed its 2023 budget (2023-03-01: a yearly category, out of date by June 2024)
  and a licensing result of 2024-06-03 (within 20 working days: up to date);
- 兖州区人民政府 filed nothing.
"""

import datetime
from types import SimpleNamespace

import pytest

from tests.builders import make_statutory_link, statutory_index

TODAY = datetime.date(2024, 6, 14)


@pytest.fixture(autouse=True)
def fixed_today(settings):
    settings.WAGTAIL_DISCLOSURE_TODAY = TODAY.isoformat()
    return TODAY


@pytest.fixture
def statutory(jining_units):
    finance = jining_units["市财政局"]
    rencheng = jining_units["任城区人民政府"]
    items = {
        "finance budget": make_statutory_link(
            "budgets", finance, "济宁市2024年市级预算公开", datetime.date(2024, 2, 20)
        ),
        "rencheng budget": make_statutory_link(
            "budgets", rencheng, "任城区2023年部门预算", datetime.date(2023, 3, 1)
        ),
        "rencheng licence": make_statutory_link(
            "licensing", rencheng, "任城区行政许可办理结果（6月第1期）", datetime.date(2024, 6, 3)
        ),
    }
    return SimpleNamespace(
        index=statutory_index(),
        finance=finance,
        rencheng=rencheng,
        yanzhou=jining_units["兖州区人民政府"],
        items=items,
    )
