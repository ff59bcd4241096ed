"""One install, many sites (集约化): a county's site shows its own content, the city's shows the
city's and, in its city-wide views, its counties'.

The city is the default site (the demo's home, the Jining register and 2022 plan); 任城区 is added
the way an office adds it, with ``disclosure_add_site``, at rencheng.localhost.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from tests.builders import (
    add_county_site,
    annual_report_index,
    make_report,
    make_request,
    make_unit_editor,
    policy_library,
    qa_library,
    site_page,
)
from wagtail_disclosure.annual_reports.models import AnnualReport
from wagtail_disclosure.core.permissions import forget, may_add_under, unit_ids
from wagtail_disclosure.core.sites import (
    DisclosureSite,
    city_wide_units,
    site_unit_ids,
)
from wagtail_disclosure.policies.interpretations import PolicyQuestion, QALibraryPage
from wagtail_disclosure.policies.models import PolicyDocumentPage, PolicyIndexPage, PolicyKind
from wagtail_disclosure.requests.pages import DisclosureRequestPage
from wagtail_disclosure.units.models import UnitPage

pytestmark = pytest.mark.django_db

COUNTY = "rencheng.localhost"


def on_county(client, path, **params):
    return client.get(path, params, HTTP_HOST=COUNTY)


def on_city(client, path, **params):
    return client.get(path, params)


@pytest.fixture
def county_site(home, jining_units):
    return add_county_site()


@pytest.fixture
def county_office(county_site):
    return UnitPage.objects.get(title="任城区人民政府办公室")


def published_report(unit, year=2022):
    report = AnnualReport.objects.create(unit=unit, year=year, disclosure_attribute="proactive")
    report.save_revision().publish()
    return report


def published_question(text, **fields):
    question = PolicyQuestion(question=text, answer="<p>答复。</p>", **fields)
    question.save()
    question.save_revision().publish()
    return question


def county_document(site, title, issuer):
    library = site_page(site, PolicyIndexPage, "policies")
    document = PolicyDocumentPage(
        disclosure_attribute="proactive",
        title=title,
        kind=PolicyKind.OTHER,
        requires_interpretation=False,
        interpretation_exemption="工作通知",
        issuer=issuer,
        date_published=datetime.date(2022, 5, 1),
    )
    library.add_child(instance=document)
    document.save_revision().publish()
    return document


# --- the examples ---------------------------------------------------------------------


def test_a_county_sites_annual_reports_are_its_own_not_the_city_offices(
    client, county_site, office, rencheng
):
    annual_report_index()
    city_report = published_report(office)
    county_report = published_report(rencheng)

    county = on_county(client, "/annual-reports/").content.decode()
    assert str(county_report) in county
    assert str(city_report) not in county
    # Nor can the county's address serve the city's report.
    assert on_county(client, f"/annual-reports/{office.pk}/2022/").status_code == 404
    assert on_county(client, f"/annual-reports/{rencheng.pk}/2022/").status_code == 200


def test_a_county_sites_qa_library_shows_its_questions_not_the_citys(client, county_site):
    qa_library()
    published_question("市里的公租房怎么申请？")
    published_question("任城区的入学政策是什么？", site=county_site)

    county = on_county(client, "/qa/").content.decode()
    assert "任城区的入学政策是什么？" in county
    assert "市里的公租房怎么申请？" not in county
    city = on_city(client, "/qa/").content.decode()
    assert "市里的公租房怎么申请？" in city
    assert "任城区的入学政策是什么？" not in city


# --- listings, search and public forms --------------------------------------------------------


def test_a_countys_policy_library_and_search_keep_to_the_countys_documents(
    client, county_site, rencheng, office
):
    county_document(county_site, "任城区老旧小区改造实施方案", rencheng)
    city_document = PolicyDocumentPage(
        disclosure_attribute="proactive",
        title="济宁市老旧小区改造工作通知",
        kind=PolicyKind.OTHER,
        requires_interpretation=False,
        interpretation_exemption="工作通知",
        issuer=office,
        date_published=datetime.date(2022, 5, 2),
    )
    policy_library().add_child(instance=city_document)
    city_document.save_revision().publish()

    county = on_county(client, "/policies/").content.decode()
    assert "任城区老旧小区改造实施方案" in county and "济宁市老旧小区改造工作通知" not in county
    city = on_city(client, "/policies/").content.decode()
    assert "济宁市老旧小区改造工作通知" in city and "任城区老旧小区改造实施方案" not in city

    found = on_county(client, "/search/", query="老旧小区").content.decode()
    assert "任城区老旧小区改造实施方案" in found and "济宁市老旧小区改造工作通知" not in found
    found = on_city(client, "/search/", query="老旧小区").content.decode()
    assert "济宁市老旧小区改造工作通知" in found and "任城区老旧小区改造实施方案" not in found


def test_a_countys_request_form_is_answered_by_its_office_and_registers_there(
    client, county_site, county_office
):
    form = site_page(county_site, DisclosureRequestPage, "request")
    assert form.unit_id == county_office.pk
    html = on_county(client, "/request/").content.decode()
    assert "任城区人民政府办公室" in html


def test_an_open_request_form_on_a_county_offers_only_the_countys_offices(
    client, county_site, county_office, office
):
    form = site_page(county_site, DisclosureRequestPage, "request")
    form.unit = None
    form.save_revision().publish()
    html = on_county(client, "/request/").content.decode()
    assert f'value="{county_office.pk}"' in html
    assert f'value="{office.pk}"' not in html


def test_the_countys_guide_section_lists_the_countys_units_and_the_citys_does_not(
    client, county_site, office
):
    county = on_county(client, "/xxgk/guide/").content.decode()
    assert "任城区人民政府办公室" in county and "市政府办公室" not in county


# --- the city-wide views ----------------------------------------------------------------------


def test_the_citys_annual_reports_add_every_countys_under_its_name(
    client, county_site, office, rencheng
):
    index = annual_report_index()
    city_report = published_report(office)
    county_report = published_report(rencheng)

    city = on_city(client, "/annual-reports/").content.decode()
    assert str(city_report) in city
    counties = city.split('id="county-reports"')[1]
    assert "任城区" in counties and str(county_report) in counties
    assert str(city_report) not in counties
    assert on_city(client, index.report_url(county_report)).status_code == 200


def test_the_citys_plan_shows_each_countys_progress_on_it(
    client, county_site, plan_2022, rencheng, county_office
):
    rows = plan_2022_rows_of(plan_2022, rencheng)
    make_report(rows[0], rencheng, status="done")
    html = on_city(client, plan_2022.url).content.decode()
    section = html.split('id="plan-counties"')[1].split("</section>")[0]
    assert "任城区" in section
    assert ">1<" in section  # one requirement done by the county's units


def plan_2022_rows_of(plan, unit):
    from wagtail_disclosure.progress.responsibilities import requirements_for_units

    return list(requirements_for_units([unit.pk]).filter(task__path__startswith=plan.path))


def test_city_wide_units_are_the_citys_and_its_counties(county_site, office, rencheng):
    city = Site.objects.get(is_default_site=True)
    assert rencheng.pk not in site_unit_ids(city)
    assert office.pk in site_unit_ids(city)
    assert {rencheng.pk, office.pk} <= set(city_wide_units(city).values_list("pk", flat=True))
    assert site_unit_ids(county_site) == {
        rencheng.pk,
        UnitPage.objects.get(title="任城区人民政府办公室").pk,
    }


# --- editors ----------------------------------------------------------------------------------


def test_a_site_editor_acts_for_every_unit_of_the_site_and_no_other(
    county_site, rencheng, county_office, office
):
    editor = get_user_model().objects.create_user("rencheng-office", password="pw")
    editor.groups.add(county_site.disclosure.managers_group)
    assert unit_ids(editor) == {rencheng.pk, county_office.pk}
    assert office.pk not in unit_ids(editor)


def test_a_county_editor_adds_documents_to_the_countys_library_not_the_citys(
    county_site, rencheng, county_office, office
):
    editor = make_unit_editor("rencheng", rencheng)
    county_library = site_page(county_site, PolicyIndexPage, "policies")
    assert may_add_under(editor, county_library)
    assert not may_add_under(editor, policy_library())
    forget(editor)
    # An editor of the county's office (a sub-unit) too; a city unit's editor the other way round.
    office_editor = make_unit_editor("rencheng-office", county_office)
    assert may_add_under(office_editor, county_library)
    city_editor = make_unit_editor("city-office", office)
    assert may_add_under(city_editor, policy_library())
    assert not may_add_under(city_editor, county_library)


def test_a_site_editor_sees_only_the_sites_requests_in_the_register(
    client, county_site, county_office, office
):
    make_request(county_office, datetime.date(2022, 3, 1), applicant_name="任城申请人")
    make_request(office, datetime.date(2022, 3, 2), applicant_name="市里申请人")
    editor = get_user_model().objects.create_user("rencheng-office", password="pw")
    editor.groups.add(county_site.disclosure.managers_group)
    client.force_login(editor)
    from django.urls import reverse

    html = client.get(
        reverse("wagtailsnippets_wagtail_disclosure_disclosurerequest:list")
    ).content.decode()
    assert "任城申请人" in html or "任城区人民政府办公室" in html
    assert "市里申请人" not in html


# --- the command ------------------------------------------------------------------------------


def test_adding_a_county_site_makes_its_columns_units_and_office(county_site):
    home = county_site.root_page.specific
    assert county_site.site_name == "任城区"
    slugs = set(Page.objects.child_of(home).values_list("slug", flat=True))
    assert {
        "policies",
        "interpretations",
        "qa",
        "plans",
        "annual-reports",
        "request",
        "enterprises",
        "xxgk",
    } <= slugs
    settings = DisclosureSite.objects.get(site=county_site)
    assert settings.parent.is_default_site
    office = UnitPage.objects.get(title="任城区人民政府办公室")
    assert office.parent_unit.title == "任城区人民政府"
    assert UnitPage.objects.filter(title="任城区人民政府").count() == 1  # the register's own


def test_a_taken_address_is_refused_and_nothing_is_written(county_site):
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="rencheng.localhost:80"):
        call_command("disclosure_add_site", "任城区", hostname=COUNTY)
    assert Page.objects.count() == pages


# --- constant queries -------------------------------------------------------------------------


def with_county_questions(n):
    PolicyQuestion.objects.filter(question__startswith="问题").delete()
    site = Site.objects.get(hostname=COUNTY)
    for i in range(n):
        published_question(f"问题{i}？", site=site)


def test_a_site_scoped_listing_costs_the_same_queries_at_two_sizes(
    client, county_site, django_assert_max_num_queries, django_assert_num_queries
):
    with_county_questions(3)
    on_county(client, "/qa/")  # warm the site root paths cache
    with django_assert_max_num_queries(100) as small:
        assert "问题2？" in on_county(client, "/qa/").content.decode()
    with_county_questions(20)
    with django_assert_num_queries(len(small.captured_queries)):
        assert "问题19？" in on_county(client, "/qa/").content.decode()
    assert QALibraryPage.objects.descendant_of(county_site.root_page).exists()


def test_a_site_editors_progress_report_chooser_lists_only_the_sites_reports(
    client, county_site, plan_2022, rencheng, office
):
    from django.urls import reverse

    from wagtail_disclosure.progress.models import ProgressReport

    county_row = plan_2022_rows_of(plan_2022, rencheng)[0]
    city_row = plan_2022_rows_of(plan_2022, office)[0]
    own = make_report(county_row, rencheng, status="done")
    other = make_report(city_row, office, status="done")
    editor = get_user_model().objects.create_user("rencheng-office", password="pw")
    editor.groups.add(county_site.disclosure.managers_group)
    client.force_login(editor)
    chooser = reverse("wagtailsnippetchoosers_wagtail_disclosure_progressreport:choose")
    html = client.get(chooser).content.decode()
    assert f"/{own.pk}/" in html
    assert f"/{other.pk}/" not in html
    assert ProgressReport.objects.count() >= 2


def test_a_panel_naming_no_plan_counts_only_the_plans_of_the_site_showing_it(
    client, county_site, plan_2022, rencheng, jining_units
):
    from tests.builders import make_task, requirement
    from wagtail_disclosure.plans.models import TaskPlanIndexPage, TaskPlanPage
    from wagtail_disclosure.progress.models import ReportPanel

    index = TaskPlanIndexPage.objects.child_of(county_site.root_page).get()
    county_plan = TaskPlanPage(
        disclosure_attribute="proactive",
        title="任城区2022年任务分解表", slug="2022", year=2022)
    index.add_child(instance=county_plan)
    county_plan.save_revision().publish()
    make_task(
        county_plan,
        "抓好营商环境信息公开",
        [requirement("公开营商环境政策。", lead_units=[rencheng])],
    )
    panel = ReportPanel.objects.create(title="各单位完成情况", kind="completion_by_unit")
    for home in (
        county_site.root_page.specific,
        Site.objects.get(is_default_site=True).root_page.specific,
    ):
        home.body.append(
            ("report_panel", {"panel": panel, "heading": "落实情况", "introduction": ""})
        )
        home.save_revision().publish()

    county = on_county(client, "/").content.decode()
    assert "任城区人民政府" in county and "曲阜市人民政府" not in county
    city = on_city(client, "/").content.decode()
    assert "曲阜市人民政府" in city


def test_a_countys_enterprise_column_lists_its_own_sectors(client, county_site, office, rencheng):
    from tests.builders import make_enterprise_column, make_sector
    from wagtail_disclosure.enterprises.models import EnterpriseColumnPage

    make_sector(make_enterprise_column(), "市级供水", "city-water", office, [("水质", "monthly")])
    county_column = site_page(county_site, EnterpriseColumnPage, "enterprises")
    make_sector(county_column, "任城区供水", "rencheng-water", rencheng, [("水质", "monthly")])
    county = on_county(client, "/enterprises/").content.decode()
    assert "任城区供水" in county and "市级供水" not in county
    city = on_city(client, "/enterprises/").content.decode()
    assert "市级供水" in city and "任城区供水" not in city
