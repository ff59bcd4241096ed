"""A department edits its own sector; an entity's editors only the entity's entries."""

import pytest
from django.urls import reverse

from tests.builders import make_unit_editor
from wagtail_disclosure.enterprises.models import DisclosureEntry, EnterpriseEditor, EnterprisePage

pytestmark = pytest.mark.django_db


def refused(response):
    """Wagtail answers a refused admin view with 403, or a redirect to the dashboard."""
    if response.status_code == 302:
        return response.url == reverse("wagtailadmin_home")
    return response.status_code == 403


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_entity_url(sector):
    return reverse(
        "wagtailadmin_pages:add", args=["wagtail_disclosure", "enterprisepage", sector.pk]
    )


@pytest.fixture
def water_editor(column, units, sector_editor):
    return sector_editor("water-editor", units["市城乡水务局"])


def test_a_department_editor_edits_its_sector_and_its_entities(client, column, water_editor):
    client.force_login(water_editor)
    assert client.get(edit_url(column.sectors["供水"])).status_code == 200
    assert client.get(edit_url(column.entities["城区供水公司"])).status_code == 200
    assert client.get(add_entity_url(column.sectors["供水"])).status_code == 200


def test_a_department_editor_is_refused_another_sector(client, column, water_editor):
    client.force_login(water_editor)
    assert refused(client.get(edit_url(column.sectors["供电"])))
    assert refused(client.get(edit_url(column.entities["国网济宁供电公司"])))
    assert refused(client.get(add_entity_url(column.sectors["供电"])))
    delete = reverse("wagtailadmin_pages:delete", args=[column.entities["国网济宁供电公司"].pk])
    assert refused(client.post(delete))
    assert EnterprisePage.objects.filter(title="国网济宁供电公司").exists()


def test_a_department_editor_cannot_post_changes_to_another_sector(client, column, water_editor):
    client.force_login(water_editor)
    power = column.sectors["供电"]
    assert refused(client.post(edit_url(power), {"title": "改掉", "slug": "power"}))
    power.refresh_from_db()
    assert power.title == "供电"


def test_a_department_editor_cannot_edit_the_column_page(client, column, water_editor):
    client.force_login(water_editor)
    assert refused(client.get(edit_url(column.page)))


def test_a_department_editor_cannot_move_an_entity_into_another_sector(
    client, column, water_editor
):
    client.force_login(water_editor)
    entity = column.entities["城区供水公司"]
    url = reverse("wagtailadmin_pages:move_confirm", args=[entity.pk, column.sectors["供电"].pk])
    assert refused(client.post(url))
    entity.refresh_from_db()
    assert entity.get_parent().id == column.sectors["供水"].id


def test_an_editor_of_wagtails_editors_group_without_membership_is_refused(client, column, units):
    # Wagtail's "Editors" group may add and change pages everywhere; the column narrows it.
    client.force_login(make_unit_editor("education", units["市教育局"]))
    assert refused(client.get(edit_url(column.sectors["供水"])))


def test_an_entity_editor_cannot_change_the_entity_page(client, column, units):
    client.force_login(make_unit_editor("grid", units["国网济宁供电公司"]))
    assert refused(client.get(edit_url(column.entities["国网济宁供电公司"])))


def test_an_entity_editor_adds_entries_for_its_entity_only(client, column, units):
    grid = column.entities["国网济宁供电公司"]
    client.force_login(make_unit_editor("grid", units["国网济宁供电公司"]))
    add = reverse("disclosure_enterprise_entries:add")

    form = client.get(add).context["form"]
    assert list(form.fields["enterprise"].queryset) == [grid.page_ptr.specific]
    item = column.sectors["供电"].catalogue_items.get(name="电价及收费标准")
    response = client.post(
        add,
        {"enterprise": grid.pk, "item": item.pk, "date": "2024-06-12", "content": "现行电价表"},
    )
    assert response.status_code == 302
    assert DisclosureEntry.objects.filter(enterprise=grid, item=item).exists()

    city = column.entities["城区供水公司"]
    water_item = column.sectors["供水"].catalogue_items.get(name="停水通知")
    response = client.post(
        add, {"enterprise": city.pk, "item": water_item.pk, "date": "2024-06-12", "content": "x"}
    )
    assert response.status_code == 200  # the form refuses the entity
    assert not DisclosureEntry.objects.filter(enterprise=city, item=water_item).exists()


def test_an_entity_editor_sees_and_edits_only_its_entries(client, column, units):
    client.force_login(make_unit_editor("grid", units["国网济宁供电公司"]))
    listing = client.get(reverse("disclosure_enterprise_entries:index")).content.decode()
    assert "国网济宁供电公司" in listing and "城区供水公司" not in listing

    other = DisclosureEntry.objects.filter(enterprise__title="城区供水公司").first()
    own = DisclosureEntry.objects.get(enterprise__title="国网济宁供电公司")
    own_url = reverse("disclosure_enterprise_entries:edit", args=[own.pk])
    assert client.get(own_url).status_code == 200
    for view in ("edit", "delete"):
        url = reverse(f"disclosure_enterprise_entries:{view}", args=[other.pk])
        assert refused(client.get(url))
        assert refused(client.post(url, {"content": "x"}))
    assert DisclosureEntry.objects.filter(pk=other.pk).exists()


def test_an_item_of_another_sector_is_refused(client, column, manager):
    client.force_login(manager)
    city = column.entities["城区供水公司"]
    power_item = column.sectors["供电"].catalogue_items.get(name="停电信息")
    response = client.post(
        reverse("disclosure_enterprise_entries:add"),
        {"enterprise": city.pk, "item": power_item.pk, "date": "2024-06-12", "content": "x"},
    )
    assert response.status_code == 200
    assert not DisclosureEntry.objects.filter(enterprise=city, item=power_item).exists()


def test_an_explicit_entity_editor_edits_that_entitys_entries(client, column, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("hospital", "h@example.com", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    city = column.entities["城区供水公司"]
    EnterpriseEditor.objects.create(user=user, enterprise=city)
    client.force_login(user)

    entry = DisclosureEntry.objects.filter(enterprise=city).first()
    other = DisclosureEntry.objects.get(enterprise__title="兖州自来水公司")
    entry_url = reverse("disclosure_enterprise_entries:edit", args=[entry.pk])
    assert client.get(entry_url).status_code == 200
    assert refused(client.get(reverse("disclosure_enterprise_entries:edit", args=[other.pk])))
    assert refused(client.get(edit_url(city)))


def test_only_managers_say_who_edits_for_an_entity(client, column, water_editor, manager):
    client.force_login(water_editor)
    assert refused(client.get(reverse("disclosure_enterprise_editors:index")))
    client.force_login(manager)
    assert client.get(reverse("disclosure_enterprise_editors:index")).status_code == 200


def test_a_department_editor_creates_and_publishes_an_entity_in_its_sector(
    client, column, water_editor
):
    client.force_login(water_editor)
    water = column.sectors["供水"]
    response = client.post(
        add_entity_url(water),
        {
            "title": "邹城市供水公司",
            "slug": "zoucheng-water",
            "full_name": "邹城市供水有限公司",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = EnterprisePage.objects.get(slug="zoucheng-water")
    assert created.live and created.sector_id == water.pk
