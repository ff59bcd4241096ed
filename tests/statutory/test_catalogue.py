"""The office starts with the fifteen categories of Art. 20 and adapts them to its own rules."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from wagtail_disclosure.statutory.models import StatutoryCategory

pytestmark = pytest.mark.django_db


def test_a_new_site_has_the_fifteen_categories_of_article_20_in_order():
    categories = list(StatutoryCategory.objects.active())

    assert [c.number for c in categories] == list(range(1, 16))
    assert categories[0].name == "行政法规、规章和规范性文件"
    assert categories[6].name == "财政预算、决算信息"
    assert categories[14].name == "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"
    assert categories[4].legal_basis == "《中华人民共和国政府信息公开条例》第二十条第（五）项"
    assert categories[14].legal_basis.endswith("第二十条第（十五）项")


def test_each_category_says_how_often_it_is_updated_and_who_publishes_it():
    by_code = {c.code: c for c in StatutoryCategory.objects.all()}

    assert by_code["budgets"].update_period == "yearly"
    assert by_code["budgets"].unit_kinds == []  # every unit publishes its budget
    assert (by_code["licensing"].update_period, by_code["licensing"].period_working_days) == (
        "working_days", 20
    )
    assert by_code["emergencies"].update_period == "real_time"
    assert by_code["recruitment"].unit_kinds == ["county_government", "management_committee"]


def test_a_manager_edits_a_category_in_the_admin(client, manager):
    budgets = StatutoryCategory.objects.get(code="budgets")
    client.force_login(manager)
    url = reverse("disclosure_statutory_categories:edit", args=[budgets.pk])
    assert client.get(url).status_code == 200

    response = client.post(
        url,
        {
            "number": 7,
            "code": "budgets",
            "short_name": "预决算公开",
            "name": "财政预算、决算信息",
            "legal_basis": budgets.legal_basis,
            "description": "部门预算在批复后20日内公开。",
            "update_period": "half_yearly",
            "period_working_days": 20,
            "unit_kinds": ["county_government", "municipal_department"],
            "active": "on",
        },
    )

    assert response.status_code == 302
    budgets.refresh_from_db()
    assert budgets.short_name == "预决算公开"
    assert budgets.update_period == "half_yearly"
    assert budgets.unit_kinds == ["county_government", "municipal_department"]


def test_a_working_day_period_needs_its_number_of_days(client, manager):
    licensing = StatutoryCategory.objects.get(code="licensing")
    client.force_login(manager)
    response = client.post(
        reverse("disclosure_statutory_categories:edit", args=[licensing.pk]),
        {
            "number": 5, "code": "licensing", "short_name": licensing.short_name,
            "name": licensing.name, "update_period": "working_days", "period_working_days": 0,
            "active": "on",
        },
    )

    assert response.status_code == 200
    assert "period_working_days" in response.context["form"].errors


def test_a_unit_editor_cannot_change_the_catalogue(client, office):
    from tests.builders import make_office_unit_editor

    editor = make_office_unit_editor("office-editor", office)
    client.force_login(editor)
    budgets = StatutoryCategory.objects.get(code="budgets")

    response = client.get(reverse("disclosure_statutory_categories:edit", args=[budgets.pk]))

    assert response.status_code in (302, 403)


def test_the_command_puts_back_a_deleted_category_and_leaves_edited_ones_alone():
    StatutoryCategory.objects.filter(code="fees").delete()
    StatutoryCategory.objects.filter(code="budgets").update(short_name="预决算")

    out = io.StringIO()
    call_command("disclosure_statutory_catalogue", stdout=out)

    assert StatutoryCategory.objects.count() == 15
    assert StatutoryCategory.objects.get(code="fees").number == 8
    assert StatutoryCategory.objects.get(code="budgets").short_name == "预决算"
    call_command("disclosure_statutory_catalogue", stdout=out)
    assert StatutoryCategory.objects.count() == 15
