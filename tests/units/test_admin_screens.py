"""The admin screens of units open for a plan manager, in Chinese."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_name, text",
    [
        ("wagtailadmin_home", "政务公开"),
        ("wagtailsnippets_wagtail_disclosure_unitgroup:list", "各县（市、区）政府（管委会）"),
        ("disclosure_unit_editors:index", "单位编辑"),
        ("wagtail_disclosure_admin:import_units", "导入单位名录"),
    ],
)
def test_a_plan_manager_opens_the_unit_screens(client, manager, jining_units, url_name, text):
    client.force_login(manager)

    response = client.get(reverse(url_name))

    assert response.status_code == 200
    assert text in response.content.decode()


def test_a_unit_group_edit_form_lists_members_and_kinds(client, manager, jining_units):
    from wagtail_disclosure.units.models import UnitGroup

    group = UnitGroup.objects.get(name="各县（市、区）政府（管委会）")
    client.force_login(manager)

    response = client.get(
        reverse("wagtailsnippets_wagtail_disclosure_unitgroup:edit", args=[group.pk])
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "任城区人民政府" in html
    assert "按类型包含的成员" in html


def test_a_unit_page_opens_in_the_page_editor(client, manager, jining_units):
    client.force_login(manager)
    unit = jining_units["市发展改革委"]

    response = client.get(reverse("wagtailadmin_pages:edit", args=[unit.pk]))

    assert response.status_code == 200
    assert "政府信息公开指南" in response.content.decode()
