"""The office sees which units have not published a statutory category, or not lately."""

import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.builders import make_office_unit_editor, make_statutory_link, statutory_category
from wagtail_disclosure.core.panels import panel_kinds
from wagtail_disclosure.statutory.compliance import compliance_rows, figures_by_unit
from wagtail_disclosure.statutory.freshness import Cutoffs, Status, months_before
from wagtail_disclosure.units.models import UnitPage

pytestmark = pytest.mark.django_db

REPORT = "wagtail_disclosure_admin:statutory_compliance"


def statuses(rows):
    return {(row.unit.title, row.category.code): row.status for row in rows}


def test_missing_stale_and_up_to_date_per_unit_and_category(statutory):
    units = UnitPage.objects.filter(pk__in=[statutory.finance.pk, statutory.rencheng.pk,
                                            statutory.yanzhou.pk]).order_by("path")
    found = statuses(compliance_rows(units))

    assert found[("市财政局", "budgets")] == Status.CURRENT  # 2024-02-20, yearly
    assert found[("任城区人民政府", "budgets")] == Status.STALE  # 2023-03-01, over a year ago
    assert found[("任城区人民政府", "licensing")] == Status.CURRENT  # 9 working days ago
    assert found[("兖州区人民政府", "budgets")] == Status.MISSING
    # Recruitment is for people's governments: a department has no such row.
    assert ("市财政局", "recruitment") not in found
    assert ("任城区人民政府", "recruitment") in found


def test_twenty_working_days_follow_the_holiday_calendar(statutory, settings):
    # 2024-06-03 + 20 working days: the Dragon Boat Festival (10 June) is a day off.
    licence = [row for row in compliance_rows([statutory.rencheng])
               if row.category.code == "licensing"][0]
    assert licence.due_by == datetime.date(2024, 7, 2)

    settings.WAGTAIL_DISCLOSURE_TODAY = "2024-07-03"
    licence = [row for row in compliance_rows([statutory.rencheng])
               if row.category.code == "licensing"][0]
    assert licence.status == Status.STALE


def test_periods_without_a_cycle_are_never_stale_once_published():
    emergencies = statutory_category("emergencies")
    cutoffs = Cutoffs(datetime.date(2024, 6, 14), working_calendar=None)
    assert cutoffs.status(emergencies, datetime.date(2001, 1, 1)) == Status.CURRENT
    assert cutoffs.status(emergencies, None) == Status.MISSING
    assert months_before(datetime.date(2024, 3, 31), 1) == datetime.date(2024, 2, 29)


def test_only_what_the_public_sees_counts(statutory):
    from tests.builders import file_page, make_policy_document

    draft = make_policy_document("兖州区2024年部门预算", issuer=statutory.yanzhou, kind="work",
                                 requires_interpretation=False)
    file_page(draft, "budgets", statutory.yanzhou, date=datetime.date(2024, 3, 1), publish=False)

    row = [r for r in compliance_rows([statutory.yanzhou]) if r.category.code == "budgets"][0]
    assert row.status == Status.MISSING


def test_figures_per_unit(statutory):
    figures = {f.unit.title: f for f in figures_by_unit(compliance_rows(
        [statutory.finance, statutory.rencheng]))}

    rencheng = figures["任城区人民政府"]
    assert (rencheng.stale, rencheng.current) == (1, 1)
    assert rencheng.missing == rencheng.categories - 2


def grow(n):
    """``n`` items for each of ``n`` more units of the register."""
    units = list(UnitPage.objects.order_by("path")[:n])
    budgets, licensing = statutory_category("budgets"), statutory_category("licensing")
    for unit in units:
        for i in range(n):
            old, recent = datetime.date(2023, 1, 1 + i), datetime.date(2024, 6, 1 + i)
            make_statutory_link(budgets, unit, f"{unit.title}预算{i}", old)
            make_statutory_link(licensing, unit, f"{unit.title}许可{i}", recent)


def test_the_figures_take_as_many_queries_for_many_units_and_items(statutory):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            rows = compliance_rows(UnitPage.objects.live().order_by("path"))
        return len(captured), len(rows)

    grow(2)
    small, small_rows = queries()
    grow(8)
    large, large_rows = queries()

    assert small == large
    assert small_rows == large_rows  # every live unit, every category that applies to it


def test_the_report_takes_as_many_queries_however_many_items(client, manager, statutory):
    client.force_login(manager)
    url = reverse(REPORT)
    client.get(url)

    def queries(fmt=None):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, {"export": fmt} if fmt else {})
            assert response.status_code == 200
        return len(captured)

    grow(2)
    small, small_export = queries(), queries("xlsx")
    grow(8)
    assert (queries(), queries("xlsx")) == (small, small_export)


def test_a_manager_sees_every_unit_and_filters_by_status(client, manager, statutory):
    client.force_login(manager)

    response = client.get(reverse(REPORT), {"status": "stale"})

    rows = list(response.context["object_list"])
    assert rows and all(row.status == Status.STALE for row in rows)
    assert ("任城区人民政府", "budgets") in statuses(rows)
    every = client.get(reverse(REPORT)).context["paginator"].object_list
    assert len({row.unit.pk for row in every}) > 40


def read_export(response):
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)
                                             if response.streaming else response.content))
    return [[cell.value for cell in row] for row in book.active.iter_rows()]


def test_a_unit_editor_sees_and_exports_only_their_units(client, statutory):
    editor = make_office_unit_editor("rencheng-editor", statutory.rencheng)
    client.force_login(editor)

    response = client.get(reverse(REPORT))
    assert response.status_code == 200
    listed = response.context["paginator"].object_list
    assert {row.unit.title for row in listed} == {"任城区人民政府"}
    # Asking for another unit shows nothing of it.
    other = client.get(reverse(REPORT), {"unit": statutory.finance.pk})
    assert all(row.unit.title == "任城区人民政府" for row in other.context["paginator"].object_list)

    rows = read_export(client.get(reverse(REPORT), {"export": "xlsx"}))
    assert rows[0] == ["单位", "类别", "更新频率", "最新一条", "按时更新截至", "状态"]
    assert {row[0] for row in rows[1:]} == {"任城区人民政府"}
    assert ["任城区人民政府", "7. 财政预决算"] in [row[:2] for row in rows[1:]]


def test_the_export_is_safe_from_formulas(client, manager, statutory):
    client.force_login(manager)
    UnitPage.objects.filter(pk=statutory.finance.pk).update(title="=cmd|' /C calc'!A0")
    export = {"export": "xlsx", "unit": statutory.finance.pk}
    rows = read_export(client.get(reverse(REPORT), export))
    assert {r[0] for r in rows[1:]} == {"'=cmd|' /C calc'!A0"}


def test_someone_outside_the_office_cannot_open_the_report(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("visitor", "v@example.com", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    assert client.get(reverse(REPORT)).status_code in (302, 403)


def test_the_panel_kind_and_the_dashboard_panel(client, statutory):
    kind = panel_kinds()["statutory_compliance"]
    panel = type("Panel", (), {"unit": statutory.rencheng, "unit_id": statutory.rencheng.pk,
                               "title": "任城区法定公开"})()
    html = kind.render(panel, None)
    assert "任城区法定公开" in html and "财政预决算（2023年3月1日）" in html

    editor = make_office_unit_editor("rencheng-editor", statutory.rencheng)
    assert kind.visible_to(panel, editor)
    panel.unit, panel.unit_id = statutory.finance, statutory.finance.pk
    assert not kind.visible_to(panel, editor)

    client.force_login(editor)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "法定主动公开内容更新情况" in dashboard
    assert "任城区人民政府" in dashboard and "市财政局" not in dashboard


def test_a_managers_dashboard_shows_the_ten_units_with_most_to_do(client, manager, statutory):
    client.force_login(manager)

    panel = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = panel[panel.index('id="statutory-compliance-heading"'):]
    panel = panel[:panel.index("</section>")]

    assert panel.count('scope="row"') == 10
    assert "此处列出待改进最多的10个" in panel
    assert "市财政局" not in panel  # it has least to do


def test_dashboard_panel_takes_as_many_queries_however_many_items(client, manager, statutory):
    client.force_login(manager)
    url = reverse("wagtailadmin_home")
    client.get(url)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured)

    grow(2)
    small = queries()
    grow(6)
    assert queries() == small


def compliance_panel(client):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    html = html[html.index('id="statutory-compliance-heading"'):]
    return html[:html.index("</section>")]


def test_a_new_item_shows_on_the_kept_dashboard_panel_at_the_next_request(
    client, manager, statutory
):
    client.force_login(manager)
    before = compliance_panel(client)
    with CaptureQueriesContext(connection) as kept:
        assert compliance_panel(client) == before
    assert not [q for q in kept if "wagtail_disclosure_statutoryitem" in q["sql"]]

    for unit in UnitPage.objects.live():
        make_statutory_link("budgets", unit, f"{unit.title}2024年预算", datetime.date(2024, 6, 1))

    assert compliance_panel(client) != before


def test_a_renamed_category_shows_on_the_kept_dashboard_panel_at_the_next_request(
    client, statutory
):
    client.force_login(make_office_unit_editor("rencheng-editor", statutory.rencheng))
    assert "财政预决算（2023年3月1日）" in compliance_panel(client)  # stale: named
    category = statutory_category("budgets")
    category.short_name = "预算决算（改名）"
    category.save()

    assert "预算决算（改名）" in compliance_panel(client)


def test_a_unit_editor_never_reads_the_panel_kept_for_a_manager(client, manager, statutory):
    client.force_login(manager)
    compliance_panel(client)  # kept for managers: every unit
    editor = make_office_unit_editor("rencheng-editor", statutory.rencheng)
    client.force_login(editor)

    panel = compliance_panel(client)
    assert "任城区人民政府" in panel and "市财政局" not in panel
    assert "兖州区人民政府" not in panel


def test_a_renamed_unit_shows_on_the_kept_dashboard_panel_at_the_next_request(client, statutory):
    rencheng = UnitPage.objects.get(pk=statutory.rencheng.pk)
    editor = make_office_unit_editor("rencheng-editor", rencheng)
    client.force_login(editor)
    assert "任城区人民政府" in compliance_panel(client)

    rencheng.title = "任城区人民政府（新）"
    rencheng.save_revision().publish()

    assert "任城区人民政府（新）" in compliance_panel(client)
