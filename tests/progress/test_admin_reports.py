"""The overdue report and the ledger (工作台账): filters, CSV and XLSX, safe cells."""

import csv
import io

from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from tests.builders import make_report

LEDGER = "wagtail_disclosure_admin:ledger"
OVERDUE = "wagtail_disclosure_admin:overdue"


def read_csv(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_ledger_lists_each_units_requirements_and_filters_them(
    client, plan_2022, county, county_requirement, manager
):
    requirement = county_requirement
    make_report(requirement, county, "done", narrative="专栏已上线。")
    client.force_login(manager)
    with translation.override("en"):
        response = client.get(
            reverse(LEDGER), {"plan": plan_2022.pk, "unit": county.pk, "state": "done"}
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert requirement.text[:20] in html
        response = client.get(
            reverse(LEDGER),
            {"plan": plan_2022.pk, "unit": county.pk, "section": 1, "export": "csv"},
        )
        rows = read_csv(response)
    assert rows and all(r["Unit"] == county.title for r in rows)
    assert {r["Section"] for r in rows} == {"一、深化重点领域信息公开"}
    done = [r for r in rows if r["State"] == "Done"]
    assert done and done[0]["Latest progress narrative"] == "专栏已上线。"


def test_exports_neutralise_formulas(client, plan_2022, county, county_requirement, manager):
    make_report(
        county_requirement,
        county,
        "in_progress",
        percent=10,
        narrative='=HYPERLINK("http://evil.example","点我")',
    )
    client.force_login(manager)
    with translation.override("en"):
        rows = read_csv(client.get(reverse(LEDGER), {"unit": county.pk, "export": "csv"}))
        cell = next(r["Latest progress narrative"] for r in rows if r["Latest progress narrative"])
        assert cell.startswith("'=")
        response = client.get(reverse(LEDGER), {"unit": county.pk, "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [c.value for row in sheet.iter_rows() for c in row if c.value]
    assert any(str(v).startswith("'=HYPERLINK") for v in values)
    assert not any(str(v).startswith("=") for v in values)


def test_the_overdue_report_lists_only_overdue_work(
    client, plan_2022, county, county_requirement, manager
):
    requirement = county_requirement
    make_report(requirement, county, "done")
    client.force_login(manager)
    with translation.override("en"):
        rows = read_csv(client.get(reverse(OVERDUE), {"plan": plan_2022.pk, "export": "csv"}))
    assert rows and {r["State"] for r in rows} == {"Overdue"}
    assert not any(
        r["Unit"] == county.title and r["Specific requirement"] == requirement.text for r in rows
    )


def test_a_unit_editor_sees_only_their_unit_in_the_reports(
    client, plan_2022, county, county_editor
):
    client.force_login(county_editor)
    with translation.override("en"):
        rows = read_csv(client.get(reverse(OVERDUE), {"export": "csv"}))
        assert rows and {r["Unit"] for r in rows} == {county.title}
        assert client.get(reverse(LEDGER)).status_code == 200
