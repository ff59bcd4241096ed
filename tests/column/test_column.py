"""The 政府信息公开专栏: one command builds the standard frame around the site's columns, and
every public page shows the column in its header and where it is in breadcrumbs."""

import io

import pytest
from django.core.management import call_command

from tests import builders

pytestmark = pytest.mark.django_db

SECTION_TITLES = ["信息公开指南", "信息公开制度", "法定主动公开内容", "信息公开年报", "依申请公开",
                  "年度工作方案"]


def build_column():
    out = io.StringIO()
    call_command("disclosure_column", stdout=out)
    return out.getvalue()


@pytest.fixture
def column(plan_2022):
    builders.load_policy_demo()
    builders.annual_report_index()
    build_column()
    from wagtail_disclosure.column.models import DisclosureColumnPage

    return DisclosureColumnPage.objects.get()


def test_the_command_builds_the_standard_column_around_the_existing_columns(column):
    from wagtail_disclosure.column.models import ColumnRole

    sections = list(column.sections())
    assert [s.title for s in sections] == SECTION_TITLES
    statutory = next(s for s in sections if s.role == ColumnRole.STATUTORY)
    listed = [link.page.title for link in statutory.links.all()]
    assert "政策文件库" in listed and "政策解读" in listed
    work_plan = next(s for s in sections if s.role == ColumnRole.WORK_PLAN)
    assert [link.page.url for link in work_plan.links.all()] == ["/plans/"]
    assert build_column() == ""  # run again: nothing missing, nothing changed


def test_the_guide_section_lists_each_units_guide(client, column):
    html = client.get("/xxgk/guide/").content.decode()
    assert "任城区人民政府" in html and "#unit-guide" in html


PAGES = ["/xxgk/", "/xxgk/statutory/", "/policies/", "/policies/yingshang-2022/",
         "/interpretations/", "/plans/", "/plans/2022/", "/plans/2022/task-1/", "/units/",
         "/annual-reports/"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_type_shows_the_column_in_the_header_and_breadcrumbs(client, column, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    header = html.split('class="site-header"')[1].split("</header>")[0]
    for title in SECTION_TITLES:
        assert title in header
    crumbs = html.split('class="disclosure-breadcrumbs"')[1].split("</nav>")[0]
    assert 'href="/"' in crumbs and 'aria-current="page"' in crumbs


def test_the_home_page_leads_with_the_column(client, column):
    html = client.get("/").content.decode()
    assert html.index('id="column-heading"') < html.index("</main>")
    main = html.split('<main id="main"')[1]
    assert main.index("信息公开指南") < main.index('class="block-') if 'class="block-' in main \
        else "信息公开指南" in main
