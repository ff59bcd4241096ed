"""The open-data API: what a developer asking for public data finds, and how they narrow it."""

import datetime

import pytest

from tests import builders
from tests.api.conftest import api, titles
from wagtail_disclosure.policies.models import PolicyKind, Validity


@pytest.fixture
def library_2021_2022(home, office, rencheng, housing):
    """Documents of two units, two years, three kinds, one repealed, one on housing."""
    library = builders.policy_library()
    made = {
        "housing": builders.publish_document(
            library, "住房保障工作通知", issuer=office, categories=[housing],
            date_published=datetime.date(2022, 3, 1),
        ),
        "old": builders.publish_document(
            library, "2021年工作要点", issuer=office, date_published=datetime.date(2021, 2, 1),
        ),
        "county": builders.publish_document(
            library, "任城区实施方案", issuer=rencheng, date_published=datetime.date(2022, 5, 1),
        ),
    }
    normative = builders.make_policy_document("济宁市行政规范性文件管理办法", issuer=office)
    made["normative"] = builders.publish_with_interpretation(normative)
    repealed = builders.publish_document(
        library, "已废止的旧办法", issuer=office, date_published=datetime.date(2021, 6, 1),
    )
    repealed.record_validity_change(Validity.REPEALED, datetime.date(2022, 1, 1),
                                    by_document=made["housing"])
    repealed.save_revision().publish()
    made["repealed"] = repealed
    return made


def test_policy_documents_filter_by_unit_year_kind_validity_and_category(
    client, library_2021_2022, office, rencheng
):
    everything = api(client, "policies/", limit=100)
    assert titles(everything) >= {
        "住房保障工作通知", "2021年工作要点", "任城区实施方案", "济宁市行政规范性文件管理办法",
        "已废止的旧办法",
    }
    assert titles(api(client, "policies/", unit=rencheng.pk)) == {"任城区实施方案"}
    assert titles(api(client, "policies/", year=2021)) == {"2021年工作要点", "已废止的旧办法"}
    assert titles(api(client, "policies/", kind=PolicyKind.NORMATIVE)) == {
        "济宁市行政规范性文件管理办法"
    }
    assert titles(api(client, "policies/", validity=Validity.REPEALED)) == {"已废止的旧办法"}
    assert "已废止的旧办法" not in titles(api(client, "policies/", current="true", limit=100))
    assert titles(api(client, "policies/", category="housing")) == {"住房保障工作通知"}
    combined = api(client, "policies/", unit=office.pk, year=2022, kind=PolicyKind.WORK)
    assert titles(combined) == {"住房保障工作通知"}


def test_a_document_comes_with_its_validity_history_and_interpretations(
    client, library_2021_2022
):
    repealed = api(client, f"policies/{library_2021_2022['repealed'].pk}/")
    assert repealed["validity"] == "repealed"
    assert repealed["validity_label"] == "已废止"
    assert repealed["validity_history"] == [{
        "validity": "repealed", "changed_on": "2022-01-01",
        "by_document": {"id": library_2021_2022["housing"].pk, "title": "住房保障工作通知"},
        "note": "",
    }]
    normative = api(client, f"policies/{library_2021_2022['normative'].pk}/")
    assert [i["title"] for i in normative["interpretations"]] == [
        "济宁市行政规范性文件管理办法解读"
    ]
    interpretations = api(client, "interpretations/", document=library_2021_2022["normative"].pk)
    assert titles(interpretations) == {"济宁市行政规范性文件管理办法解读"}


def test_bad_filters_are_refused_with_a_message_naming_the_parameter(client, home):
    for params, word in [
        ({"year": "二〇二二"}, "year"),
        ({"kind": "law"}, "kind"),
        ({"limit": "1000"}, "limit"),
        ({"colour": "red"}, "colour"),
        ({"title": "住房"}, "title"),
        ({"search": "住房"}, "search"),
        ({"site": "nowhere.example"}, "nowhere.example"),
    ]:
        response = client.get("/api/v2/policies/", params)
        assert response.status_code == 400, params
        assert word in response.json()["message"]


def test_requirements_carry_units_deadlines_and_state_and_filter_by_them(
    client, plan_2022, office, rencheng
):
    plan = builders.make_plan(2023, title="2023年计划", slug="2023")
    task = builders.make_task(plan, "（一）测试任务", [
        builders.requirement("按时公开预算", lead_units=[office],
                             deadline={"raw": "2023年6月底前", "due": "2023-06-30"}),
        builders.requirement("长期做好解读", lead_units=[rencheng],
                             deadline={"raw": "长期坚持", "ongoing": True}),
    ])
    budget, reading = task.requirements.order_by("sort_order")
    builders.make_report(budget, office, status="done", date=datetime.date(2023, 3, 1))

    answer = api(client, "requirements/", plan=plan.pk)
    assert [r["text"] for r in answer["items"]] == ["按时公开预算", "长期做好解读"]
    first = answer["items"][0]
    assert first["lead_units"] == [{"id": office.pk, "title": "市政府办公室"}]
    assert first["deadline"] == {
        "as_written": "2023年6月底前", "due_date": "2023-06-30", "ongoing": False,
        "recurring": False,
    }
    assert first["state"] == "done"
    assert first["unit_states"][0]["percent"] == 100
    assert first["plan"] == {"id": plan.pk, "title": "2023年计划", "year": 2023}

    assert [r["text"] for r in api(client, "requirements/", plan=plan.pk, state="done")[
        "items"]] == ["按时公开预算"]
    assert [r["text"] for r in api(client, "requirements/", year=2023, unit=rencheng.pk)[
        "items"]] == ["长期做好解读"]
    assert api(client, "requirements/", year=2022)["meta"]["total_count"] == (
        api(client, "requirements/", plan=plan_2022.pk)["meta"]["total_count"]
    )
    without_progress = api(client, "requirements/", plan=plan.pk,
                           fields="-state,-state_label,-unit_states")
    assert "state" not in without_progress["items"][0]
    plan_detail = api(client, f"plans/{plan.pk}/")
    assert plan_detail["progress"]["done"] == 1
    assert plan_detail["progress"]["total"] == 2
    assert titles(api(client, "tasks/", plan=plan.pk)) == {"（一）测试任务"}


def test_units_enterprises_and_annual_reports(client, home, office, jining_units):
    from django.core.management import call_command  # noqa: F401

    from wagtail_disclosure.annual_reports.models import AnnualReport

    assert api(client, "units/", kind="county_government")["meta"]["total_count"] >= 1
    column = builders.make_enterprise_column()
    water = jining_units.get("市水务局") or office
    sector = builders.make_sector(column, "供水", "water", water, [("水质信息", "monthly")])
    builders.make_enterprise(sector, "济宁供水公司", "water-co",
                             entries=[("水质信息", datetime.date(2022, 9, 1))])
    sectors = api(client, "sectors/", unit=water.pk)
    assert titles(sectors) == {"供水"}
    assert sectors["items"][0]["catalogue"][0]["name"] == "水质信息"
    entities = api(client, "entities/", sector=sector.pk)
    assert entities["items"][0]["compliance"]["disclosed"] == 1

    report = AnnualReport(disclosure_attribute="proactive", unit=office, year=2022)
    report.save()
    assert api(client, "annual-reports/")["meta"]["total_count"] == 0  # a draft
    report.save_revision().publish()
    reports = api(client, "annual-reports/", year=2022)
    assert [(r["unit"]["title"], r["year"]) for r in reports["items"]] == [("市政府办公室", 2022)]
    assert "t2.rules.issued" in reports["items"][0]["figures"]


def test_listings_cost_the_same_queries_whatever_their_size(client, home, office, housing):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    library = builders.policy_library()
    plan = builders.make_plan(2023, title="2023年计划", slug="2023")

    def add(first, last):
        for i in range(first, last):
            builders.publish_document(library, f"文件{i}", issuer=office, categories=[housing])
            builders.make_task(plan, f"任务{i}", [
                builders.requirement(f"要求{i}", lead_units=[office]),
            ])

    def count(path, **params):
        with CaptureQueriesContext(connection) as queries:
            answer = api(client, path, limit=50, **params)
        return len(queries), answer["meta"]["total_count"]

    add(0, 2)
    small = [count("policies/"), count("requirements/", plan=plan.pk), count("tasks/")]
    add(2, 12)
    large = [count("policies/"), count("requirements/", plan=plan.pk), count("tasks/")]
    assert [q for q, _n in small] == [q for q, _n in large]
    assert [n for _q, n in large] != [n for _q, n in small]
