"""A competent department loads its list of covered entities, and entities load their entries."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.models import Revision

from tests.builders import make_unit_editor
from wagtail_disclosure.core.imports import load_dataset, run_import
from wagtail_disclosure.enterprises.imports import (
    ENTITY_COLUMNS,
    ENTITY_REQUIRED,
    ENTRY_COLUMNS,
    ENTRY_REQUIRED,
    EnterpriseListResource,
    EntryResource,
)
from wagtail_disclosure.enterprises.models import DisclosureEntry, EnterprisePage

pytestmark = pytest.mark.django_db

ENTITIES = (
    "sector,name,full_name,address,phone,link\n"
    "供水,邹城市供水公司,邹城市供水有限公司,邹城市东滩路,0537-5212345,https://example.com/zc\n"
    "供水,城区供水公司,济宁市城区供水有限公司,济宁市古槐路,0537-2212345,\n"
)

ENTRIES = (
    "entity,item,date,content,link\n"
    "城区供水公司,停水通知,2024-06-10,建设路计划停水通知,https://example.com/t\n"
    "兖州自来水公司,水质信息,2024年6月5日,5月水质检测结果,\n"
    "城区供水公司,水质信息,2024/5/20,城区供水公司水质信息（更正）,\n"
)


def import_file(resource, text, columns, required, dry_run=False):
    dataset = load_dataset(text.encode("utf-8"), "file.csv", required, columns)
    return run_import(resource, dataset, dry_run=dry_run)


def snapshot():
    return (
        sorted(EnterprisePage.objects.values_list("title", "full_name", "phone", "live")),
        sorted(
            DisclosureEntry.objects.values_list(
                "enterprise__title", "item__name", "date", "content"
            )
        ),
        Revision.objects.count(),
    )


def test_importing_entities_creates_live_pages_under_their_sector_and_updates_known_ones(
    column, manager
):
    report = import_file(
        EnterpriseListResource(user=manager), ENTITIES, ENTITY_COLUMNS, ENTITY_REQUIRED
    )

    assert report.ok, report.problems
    assert report.totals["new"] == 1 and report.totals["update"] == 1
    zoucheng = EnterprisePage.objects.get(title="邹城市供水公司")
    assert zoucheng.live and zoucheng.sector == column.sectors["供水"]
    assert zoucheng.get_parent().id == column.sectors["供水"].id
    assert zoucheng.website == "https://example.com/zc"
    assert zoucheng.revisions.count() == 1
    assert EnterprisePage.objects.get(title="城区供水公司").full_name == "济宁市城区供水有限公司"


def test_importing_entities_again_changes_nothing(column, manager):
    import_file(EnterpriseListResource(user=manager), ENTITIES, ENTITY_COLUMNS, ENTITY_REQUIRED)
    before = snapshot()

    report = import_file(
        EnterpriseListResource(user=manager), ENTITIES, ENTITY_COLUMNS, ENTITY_REQUIRED
    )

    assert report.ok and report.totals["skip"] == 2
    assert snapshot() == before


def test_importing_entries_keys_them_by_entity_item_and_date(column, manager):
    report = import_file(EntryResource(user=manager), ENTRIES, ENTRY_COLUMNS, ENTRY_REQUIRED)

    assert report.ok, report.problems
    assert (report.totals["new"], report.totals["update"]) == (2, 1)
    corrected = DisclosureEntry.objects.get(
        enterprise__title="城区供水公司", item__name="水质信息", date=datetime.date(2024, 5, 20)
    )
    assert corrected.content == "城区供水公司水质信息（更正）"
    before = snapshot()

    again = import_file(EntryResource(user=manager), ENTRIES, ENTRY_COLUMNS, ENTRY_REQUIRED)

    assert again.ok and again.totals["skip"] == 3
    assert snapshot() == before


BAD_ENTRIES = (
    "entity,item,date,content,link\n"
    "城区供水公司,停水通知,2024-06-10,建设路计划停水通知,\n"
    "不存在的公司,水质信息,2024-06-05,内容,\n"
    "城区供水公司,停电信息,2024-06-05,内容,\n"
    "城区供水公司,水质信息,六月五日,内容,\n"
    "城区供水公司,水质信息,2024-06-06,,\n"
)


def test_a_file_with_bad_rows_names_each_row_and_column_and_writes_nothing(column, manager):
    before = snapshot()

    with translation.override("en"):
        report = import_file(
            EntryResource(user=manager), BAD_ENTRIES, ENTRY_COLUMNS, ENTRY_REQUIRED
        )
        problems = [str(p) for p in report.problems]

    assert not report.ok
    assert any("Row 3, column “entity”" in p and "不存在的公司" in p for p in problems)
    assert any("Row 4, column “item”" in p and "停电信息" in p for p in problems)
    assert any("Row 5, column “date”" in p for p in problems)
    assert any("Row 6, column “content”" in p for p in problems)
    assert not any(p.startswith("Row 2") for p in problems)
    assert snapshot() == before


def test_a_bad_entity_list_writes_nothing(column, manager):
    bad = ENTITIES + "供气,燃气公司,,,,\n,无名,,,,\n"
    before = snapshot()

    with translation.override("en"):
        report = import_file(
            EnterpriseListResource(user=manager), bad, ENTITY_COLUMNS, ENTITY_REQUIRED
        )
        problems = [str(p) for p in report.problems]

    assert any("Row 4, column “sector”" in p and "供气" in p for p in problems)
    assert any("Row 5, column “sector”" in p for p in problems)
    assert snapshot() == before


def test_a_department_editor_imports_only_into_its_own_sector(column, units, sector_editor):
    editor = sector_editor("power-editor", units["市发展改革委"])
    before = snapshot()

    with translation.override("en"):
        report = import_file(
            EnterpriseListResource(user=editor), ENTITIES, ENTITY_COLUMNS, ENTITY_REQUIRED
        )
        problems = [str(p) for p in report.problems]

    assert any("do not manage the sector “供水”" in p for p in problems)
    assert snapshot() == before


def test_an_entity_editor_imports_only_its_own_entries(column, units):
    grid_editor = make_unit_editor("grid", units["国网济宁供电公司"])
    own = "entity,item,date,content,link\n国网济宁供电公司,电价及收费标准,2024-06-12,现行电价表,\n"

    assert import_file(EntryResource(user=grid_editor), own, ENTRY_COLUMNS, ENTRY_REQUIRED).ok
    with translation.override("en"):
        report = import_file(
            EntryResource(user=grid_editor), ENTRIES, ENTRY_COLUMNS, ENTRY_REQUIRED
        )
    assert any("do not edit the entries of “城区供水公司”" in str(p) for p in report.problems)


def test_the_admin_previews_the_upload_then_imports_it_on_confirmation(client, column, manager):
    client.force_login(manager)
    url = reverse("wagtail_disclosure_admin:import_enterprise_entries")
    upload = SimpleUploadedFile("entries.csv", ENTRIES.encode("utf-8"), content_type="text/csv")

    with translation.override("en"):
        preview = client.post(url, {"file": upload}, HTTP_ACCEPT_LANGUAGE="en")

    html = preview.content.decode()
    assert preview.status_code == 200
    assert "nothing has been written yet" in html
    assert DisclosureEntry.objects.count() == 5  # the fixture's entries only
    name = preview.context["confirm_form"].initial["import_file_name"]
    confirm = client.post(url, {"import_file_name": name, "original_file_name": "entries.csv"})
    assert confirm.status_code == 302
    assert DisclosureEntry.objects.count() == 7  # two new, one updated


def test_the_admin_shows_row_errors_and_offers_no_confirmation(client, column, manager):
    client.force_login(manager)
    upload = SimpleUploadedFile("entries.csv", BAD_ENTRIES.encode("utf-8"))

    with translation.override("en"):
        response = client.post(
            reverse("wagtail_disclosure_admin:import_enterprise_entries"),
            {"file": upload},
            HTTP_ACCEPT_LANGUAGE="en",
        )

    html = response.content.decode()
    assert "nothing will be imported" in html and "不存在的公司" in html
    assert "confirm_form" not in response.context


def test_an_entity_list_as_xlsx_imports_like_the_csv(column, manager):
    import tablib

    from wagtail_disclosure.core.spreadsheets import read_dataset

    dataset = read_dataset(ENTITIES.encode("utf-8"), "e.csv")
    xlsx = tablib.Dataset(*dataset, headers=dataset.headers).export("xlsx")
    report = run_import(
        EnterpriseListResource(user=manager),
        load_dataset(xlsx, "e.xlsx", ENTITY_REQUIRED, ENTITY_COLUMNS),
        dry_run=False,
    )
    assert report.ok and EnterprisePage.objects.filter(title="邹城市供水公司").exists()
