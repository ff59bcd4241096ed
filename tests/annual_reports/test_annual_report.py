"""Table 三 is counted from the register, its checks hold, and a report that does not add up
cannot be published."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from tests.builders import (
    annual_report_index,
    make_policy_document,
    make_request,
    make_unit_editor,
)
from wagtail_disclosure.annual_reports.format import check_figures
from wagtail_disclosure.annual_reports.models import (
    AnnualReport,
    AnnualReportOverride,
    ReportChecksFailed,
)


@pytest.fixture
def register_2022(office):
    """Requests of 2021 and 2022 for one office, with known outcomes."""
    r = make_request
    r(office, date(2021, 12, 20))  # carried over, replied in 2022
    carried = [
        r(office, date(2021, 12, 20)),
        r(office, date(2021, 12, 28), applicant_type="commercial"),
    ]
    carried[0].replied_on, carried[0].outcome = date(2022, 1, 10), "disclosed"
    carried[0].save()
    carried[1].replied_on, carried[1].outcome = date(2022, 1, 12), "unavailable_not_held"
    carried[1].save()
    r(office, date(2021, 11, 1), replied_on=date(2021, 11, 20), outcome="disclosed")  # not 2022
    r(office, date(2022, 3, 1), replied_on=date(2022, 3, 10), outcome="disclosed")
    r(
        office,
        date(2022, 4, 1),
        replied_on=date(2022, 4, 20),
        outcome="partly",
        applicant_type="legal_services",
    )
    r(
        office,
        date(2022, 5, 5),
        replied_on=date(2022, 5, 20),
        outcome="withheld_process",
        applicant_type="research",
    )
    r(office, date(2022, 6, 1), replied_on=date(2022, 6, 2), outcome="declined_repeat")
    r(office, date(2022, 12, 20))  # carried to 2023
    r(office, date(2022, 12, 26), applicant_type="public_interest")  # carried to 2023
    r(office, date(2023, 1, 5))  # not 2022


@pytest.mark.django_db
def test_table_three_counts_the_register_and_every_check_holds(office, register_2022):
    report = AnnualReport.objects.create(unit=office, year=2022)
    f = report.figures()
    assert f["t3.received.total"] == 6
    assert f["t3.carried_over.total"] == 3
    assert f["t3.carried_over.commercial"] == 1
    assert f["t3.disclosed.natural_person"] == 2
    assert f["t3.partly.legal_services"] == 1
    assert f["t3.withheld_process.research"] == 1
    assert f["t3.unavailable_not_held.commercial"] == 1
    assert f["t3.declined_repeat.total"] == 1
    assert f["t3.results_total.total"] == 6
    assert f["t3.carried_forward.total"] == 3  # one from 2021 still open, two from December
    assert f["t3.carried_forward.public_interest"] == 1
    assert check_figures(f) == []


@pytest.mark.django_db
def test_a_report_that_does_not_add_up_cannot_be_published(office, register_2022):
    report = AnnualReport.objects.create(unit=office, year=2022)
    report.overrides = [
        AnnualReportOverride(cell="t3.results_total.total", value=12, reason="手工统计")
    ]
    report.save()
    revision = report.save_revision()
    with pytest.raises(ReportChecksFailed) as failure:
        revision.publish()
    messages = [str(f) for f in failure.value.failures]
    assert any("三（七）" in m and "12 ≠ 6" in m for m in messages)
    report.refresh_from_db()
    assert not report.live


@pytest.mark.django_db
def test_the_admin_refuses_to_publish_and_names_the_failing_cell(client, office, register_2022):
    editor = make_unit_editor("office", office)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    data = {
        "unit": office.pk,
        "year": "2022",
        "overview": "null",
        "problems": "null",
        "other_matters": "null",
        "licensing_decisions": "0",
        "penalty_decisions": "0",
        "compulsion_decisions": "0",
        "fees_amount": "0",
        "disclosure_attribute": "proactive",
        "overrides-TOTAL_FORMS": "1",
        "overrides-INITIAL_FORMS": "0",
        "overrides-MIN_NUM_FORMS": "0",
        "overrides-MAX_NUM_FORMS": "1000",
        "overrides-0-cell": "t3.received.natural_person",
        "overrides-0-value": "9",
        "overrides-0-reason": "含当面申请",
        "overrides-0-ORDER": "1",
        "action-publish": "action-publish",
    }
    for group in ("review", "direct", "after_review"):
        for result in ("upheld", "corrected", "other", "pending", "total"):
            data[f"{group}_{result}"] = "0"
    data["review_upheld"] = "1"  # and a review total left at 0
    add = reverse("wagtailsnippets_wagtail_disclosure_annualreport:add")
    body = client.post(add, data).content.decode()
    assert "Table 3, row 一, column “Total”" in body
    assert "Table 4, “Administrative review”, “Total”: 0 ≠ 1" in body
    assert not AnnualReport.objects.filter(live=True).exists()

    data["overrides-TOTAL_FORMS"] = "0"
    data["review_total"] = "1"
    response = client.post(add, data)
    assert response.status_code == 302
    assert AnnualReport.objects.get().live


@pytest.mark.django_db
def test_table_two_counts_rules_and_normative_documents(office):
    from wagtail_disclosure.policies.models import ValidityChange

    def document(slug, kind, published, **fields):
        return make_policy_document(
            slug, slug=slug, kind=kind, issuer=office, date_published=published, live=True,
            requires_interpretation=False, interpretation_exemption="历史文件补录", **fields
        )

    document("n1", "normative", date(2022, 3, 1))
    old = document("n2", "normative", date(2019, 3, 1), validity="repealed")
    old.validity_changes = [ValidityChange(validity="repealed", changed_on=date(2022, 6, 1))]
    old.save()
    document("n3", "normative", date(2020, 3, 1))
    document("r1", "rule", date(2021, 3, 1))
    document("o1", "other", date(2022, 3, 1))
    report = AnnualReport.objects.create(unit=office, year=2022)
    f = report.figures()
    assert (f["t2.normative.issued"], f["t2.normative.repealed"], f["t2.normative.in_force"]) == (
        1,
        1,
        2,
    )
    assert (f["t2.rules.issued"], f["t2.rules.in_force"]) == (0, 1)


@pytest.mark.django_db
def test_the_public_report_is_laid_out_as_the_national_format_and_exports_to_xlsx(
    client, office, register_2022, django_assert_max_num_queries
):
    index = annual_report_index()
    report = AnnualReport.objects.create(unit=office, year=2022, disclosure_attribute="proactive")
    report.save_revision().publish()
    url = index.report_url(report)
    with django_assert_max_num_queries(12):
        body = client.get(url).content.decode()
    assert "<caption>" in body
    assert 'scope="rowgroup" rowspan="22"' in body  # 三、本年度办理结果 spans its 22 rows
    assert 'scope="rowgroup" rowspan="8"' in body  # （三）不予公开
    assert 'colspan="7"' in body and 'scope="col"' in body
    assert index.report_url(report) in client.get(index.url).content.decode()
    assert url in client.get(office.url).content.decode()  # the unit page lists it

    xlsx = client.get(index.report_url(report, "_xlsx"))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert len(merged) > 20
    numbers = [row for row in sheet.iter_rows(values_only=True) if row[3] == 3 and row[9] == 6]
    assert numbers  # the row of new requests: 6 in total

    draft = AnnualReport.objects.create(unit=office, year=2021)
    assert client.get(index.report_url(draft)).status_code == 404
