"""Putting a draft out for comment in the page editor: the close date defaults to the rule's
period, a shorter one needs its reason, and a unit editor consults in their own unit's name."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.builders import consultation_index, make_office_unit_editor
from wagtail_disclosure.consultations.pages import ConsultationPage

pytestmark = pytest.mark.django_db


def consultation_form(unit, opens_on="2022-11-01", closes_on="", reason="", **extra):
    return nested_form_data({
        "title": "《济宁市养犬管理规定（征求意见稿）》", "slug": "dogs",
        "unit": str(unit.pk), "summary": "", "opens_on": opens_on, "closes_on": closes_on,
        "shorter_period_reason": reason,
        "draft": rich_text("<p>第一条……</p>"), "draft_document": "",
        "explanation": rich_text(""), "how_to_take_part": rich_text(""),
        "feedback_summary": rich_text(""),
        "clauses": inline_formset([{"label": "第三条"}]),
        "feedback_groups": inline_formset([]),
        "comments": inline_formset([]), "disclosure_attribute": "proactive", **extra,
    })


def add_url():
    index = consultation_index()
    return reverse("wagtailadmin_pages:add",
                   args=["wagtail_disclosure", "consultationpage", index.pk])


def test_the_close_date_defaults_to_thirty_days_after_opening(client, manager, office):
    client.force_login(manager)
    response = client.post(add_url(), consultation_form(office))
    assert response.status_code == 302, response.context["form"].errors
    page = ConsultationPage.objects.get(slug="dogs")
    assert page.closes_on == datetime.date(2022, 12, 1)
    assert page.clauses.get().label == "第三条"


def test_a_shorter_period_needs_its_reason(client, manager, office):
    client.force_login(manager)
    response = client.post(add_url(), consultation_form(office, closes_on="2022-11-15"))
    assert response.status_code == 200
    assert "征集期为14日，少于规定的30日：请说明缩短征集期的理由。" in response.content.decode()
    response = client.post(add_url(), consultation_form(
        office, closes_on="2022-11-15", reason="涉及紧急公共安全事项，依法缩短征集期。"))
    assert response.status_code == 302


def test_a_unit_editor_consults_in_their_own_units_name(client, office, rencheng):
    url = add_url()
    client.force_login(make_office_unit_editor("rencheng", rencheng))
    response = client.post(url, consultation_form(office))
    assert response.status_code == 200  # another unit is not among the choices
    assert not ConsultationPage.objects.filter(slug="dogs").exists()
    assert client.post(url, consultation_form(rencheng)).status_code == 302
    assert ConsultationPage.objects.get(slug="dogs").unit == rencheng


def test_the_editor_offers_the_comments_export(client, manager, consultation):
    client.force_login(manager)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[consultation.pk])).content.decode()
    export = reverse("wagtail_disclosure_admin:consultation_comments_export",
                     args=[consultation.pk])
    assert export in html and "导出意见（XLSX）" in html
