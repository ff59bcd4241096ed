"""A plan office loads its units register and the site knows every responsible unit."""

import pytest
from django.core.management import CommandError, call_command

from tests.jining import DATA
from wagtail_disclosure.units.models import UnitGroup, UnitPage

pytestmark = pytest.mark.django_db


def import_units(path, *args):
    call_command("disclosure_import_units", str(path), *args)


def snapshot():
    """Everything the register import writes, to compare before and after."""
    units = sorted(
        UnitPage.objects.values_list(
            "title", "full_name", "kind", "other_names", "parent_unit__title", "live"
        )
    )
    groups = sorted(
        (g.name, sorted(u.title for u in g.member_units())) for g in UnitGroup.objects.all()
    )
    from wagtail.models import Revision

    return units, groups, Revision.objects.count()


def test_importing_the_jining_register_creates_54_units_and_the_county_group(empty_register):
    import_units(DATA / "units.csv")

    assert UnitPage.objects.count() == 54
    counties = UnitGroup.objects.get(name="各县（市、区）政府（管委会）")
    assert counties.member_units().count() == 14
    fgw = UnitPage.objects.get(title="市发展改革委")
    assert fgw.full_name == "济宁市发展和改革委员会"
    assert fgw.kind == "municipal_department"
    assert "市发改委" in fgw.alias_list()
    assert fgw.live


def test_importing_the_register_again_changes_nothing(empty_register):
    import_units(DATA / "units.csv")
    before = snapshot()

    import_units(DATA / "units.csv")

    assert snapshot() == before


def test_the_register_as_xlsx_gives_the_same_units(empty_register, tmp_path):
    import tablib

    from wagtail_disclosure.core.spreadsheets import read_dataset

    dataset = read_dataset((DATA / "units.csv").read_bytes(), "units.csv")
    xlsx = tmp_path / "units.xlsx"
    xlsx.write_bytes(tablib.Dataset(*dataset, headers=dataset.headers).export("xlsx"))

    import_units(xlsx)

    assert UnitPage.objects.count() == 54


def test_an_edited_register_updates_units_in_place(empty_register, tmp_path):
    import_units(DATA / "units.csv")
    edited = (
        (DATA / "units.csv")
        .read_text(encoding="utf-8")
        .replace("市教育局,济宁市教育局,", "市教育局,济宁市教育局（改）,")
    )
    path = tmp_path / "units.csv"
    path.write_text(edited, encoding="utf-8")

    import_units(path)

    assert UnitPage.objects.count() == 54
    assert UnitPage.objects.get(title="市教育局").full_name == "济宁市教育局（改）"


def test_a_gbk_register_reads_like_a_utf8_one(empty_register, tmp_path):
    path = tmp_path / "units-gbk.csv"
    path.write_bytes((DATA / "units.csv").read_text(encoding="utf-8").encode("gbk"))

    import_units(path)

    assert UnitPage.objects.filter(title="市发展改革委").exists()


BAD_FILES = {
    "wrong header": ("名称,类型\n市教育局,municipal_department\n".encode(), "units.csv", "header"),
    "no rows": (b"name,full_name,kind,parent,groups,aliases\n", "units.csv", "no rows"),
    "unknown kind": (
        "name,full_name,kind,parent,groups,aliases\n市教育局,济宁市教育局,municipal_department,,,\n"
        "市新局,济宁市新局,ministry,,,\n".encode(),
        "units.csv",
        "Row 3, column “kind”",
    ),
    "not a spreadsheet": (bytes(range(256)) * 4, "units.xlsx", "Excel"),
    "a pdf named csv": (b"%PDF-1.4\n\x00\x01\x02binary", "units.csv", "binary"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_a_bad_register_is_refused_with_its_row_and_column_and_nothing_is_written(
    empty_register, tmp_path, case
):
    from django.utils import translation

    content, name, expected = BAD_FILES[case]
    path = tmp_path / name
    path.write_bytes(content)
    before = snapshot()

    with translation.override("en"), pytest.raises(CommandError) as error:
        call_command("disclosure_import_units", str(path), stderr=__import__("io").StringIO())

    message = str(error.value) + getattr(error.value, "stderr", "")
    assert snapshot() == before
    assert expected.lower() in (message + _stderr_of(path)).lower()


def _stderr_of(path):
    """Run the import again capturing stderr, where row errors are written."""
    import io

    from django.utils import translation

    err = io.StringIO()
    with translation.override("en"):
        try:
            call_command("disclosure_import_units", str(path), stderr=err)
        except CommandError as exc:
            return err.getvalue() + str(exc)
    return err.getvalue()


def test_errors_are_in_chinese_for_chinese_editors(empty_register, tmp_path):
    import io

    path = tmp_path / "units.csv"
    path.write_text("名称,类型\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("disclosure_import_units", str(path), stderr=err)
    assert "表头" in str(error.value)
