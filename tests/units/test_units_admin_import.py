"""A plan manager imports the units register from the Wagtail admin: preview first, then confirm."""

import pytest
from django.urls import reverse

from tests.builders import make_unit_editor
from tests.jining import DATA
from wagtail_disclosure.units.models import UnitGroup, UnitPage

pytestmark = pytest.mark.django_db

URL = "wagtail_disclosure_admin:import_units"


def upload(client, name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(reverse(URL), {"file": SimpleUploadedFile(name, content)})


def test_the_preview_lists_every_row_and_writes_nothing(
    client, manager, empty_register, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(manager)

    response = upload(client, "units.csv", (DATA / "units.csv").read_bytes())

    assert response.status_code == 200
    html = response.content.decode()
    assert "预览：尚未写入任何内容" in html
    assert "市发展改革委" in html
    assert "确认导入" in html
    assert UnitPage.objects.count() == 0
    assert response.context["report"].totals["new"] == 54


def test_confirming_the_preview_imports_the_same_file(
    client, manager, empty_register, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(manager)
    preview = upload(client, "units.csv", (DATA / "units.csv").read_bytes())
    confirm = preview.context["confirm_form"].initial

    response = client.post(reverse(URL), confirm, follow=True)

    assert response.status_code == 200
    assert UnitPage.objects.count() == 54
    assert UnitGroup.objects.get(name="各县（市、区）政府（管委会）").member_units().count() == 14
    assert "已导入“units.csv”：新增 54 条" in response.content.decode()


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("units.csv", "名称,类型\n市教育局,x\n".encode(), "第 1 行（表头）有误"),
        ("units.csv", b"name,full_name,kind,parent,groups,aliases\n", "没有可导入的数据行"),
        (
            "units.csv",
            "name,full_name,kind,parent,groups,aliases\n市新局,济宁市新局,ministry,,,\n".encode(),
            "第 2 行“kind”列：无法识别的单位类型“ministry”",
        ),
        ("units.xlsx", b"PK\x03\x04 this is not really a zip", "已损坏"),
        ("units.xlsx", b"name,kind\n", "扩展名是 Excel 工作簿"),
    ],
    ids=["wrong header", "no rows", "unknown kind", "corrupt xlsx", "text named xlsx"],
)
def test_a_bad_file_shows_its_error_in_chinese_and_offers_no_confirm(
    client, manager, empty_register, name, content, expected
):
    client.force_login(manager)

    response = upload(client, name, content)

    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html
    assert "确认导入" not in html
    assert UnitPage.objects.count() == 0


def test_a_unit_editor_cannot_import_the_register(client, jining_units):
    editor = make_unit_editor("renchen", jining_units["任城区人民政府"])
    client.force_login(editor)

    response = client.get(reverse(URL))

    # Wagtail answers a refused admin view by sending the user back to the dashboard.
    assert response.status_code in (302, 403)
    assert "上传表格" not in response.content.decode()


def test_a_confirm_with_a_forged_file_name_is_refused(client, manager, empty_register):
    client.force_login(manager)

    response = client.post(
        reverse(URL),
        {"import_file_name": "../../etc/passwd", "original_file_name": "x.csv"},
        follow=True,
    )

    assert response.status_code == 200
    assert UnitPage.objects.count() == 0
    assert "找不到待确认的上传文件" in response.content.decode()
