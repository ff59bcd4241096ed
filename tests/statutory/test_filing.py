"""A unit's editor files what it publishes under the statutory categories: a page of the site in
the page's own editor, or an item published elsewhere in 政务公开 → 法定主动公开内容."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.builders import (
    make_office_unit_editor,
    make_policy_document,
    make_statutory_link,
    statutory_category,
)
from wagtail_disclosure.statutory.models import StatutoryItem

pytestmark = pytest.mark.django_db


def document_form(document, filings, initial=0, **extra):
    return nested_form_data({
        "title": document.title, "slug": document.slug, "kind": document.kind,
        "index_number": "", "document_number": "济财预〔2024〕3号",
        "issuer": str(document.issuer_id), "date_written": "", "date_published": "2024-02-20",
        "interpretation_exemption": "预算公开，无需解读",
        "body": rich_text("<p>正文</p>"),
        "attachments": inline_formset([]), "validity_changes": inline_formset([]),
        "statutory_items": inline_formset(filings, initial=initial),
        "comments": inline_formset([]), **extra,
    })


@pytest.fixture
def budget_document(statutory):
    return make_policy_document(
        "济宁市2024年市级部门预算", issuer=statutory.finance, kind="work",
        requires_interpretation=False,
    )


@pytest.fixture
def finance_editor(statutory):
    return make_office_unit_editor("finance-editor", statutory.finance)


def category_page(client, statutory, code):
    url = statutory.index.url + statutory.index.reverse_subpage("category", args=[code])
    return client.get(url).content.decode()


def test_an_editor_files_a_document_in_its_editor_and_it_is_listed_once_published(
    client, statutory, budget_document, finance_editor
):
    client.force_login(finance_editor)
    edit = reverse("wagtailadmin_pages:edit", args=[budget_document.pk])
    filing = {"category": str(statutory_category("budgets").pk),
              "unit": str(statutory.finance.pk), "date": ""}

    response = client.post(edit, document_form(budget_document, [filing]))
    assert response.status_code == 302
    # A draft's filing is not public yet.
    assert "济宁市2024年市级部门预算" not in category_page(client, statutory, "budgets")

    # The editor comes back to the draft, which keeps the filing, and publishes it.
    kept = client.get(edit).context["form"].formsets["statutory_items"].forms
    assert [f.instance.category.code for f in kept] == ["budgets"]
    filing["id"] = str(kept[0].instance.pk)
    response = client.post(edit, document_form(
        budget_document, [filing], initial=1, **{"action-publish": "action-publish"}
    ))
    assert response.status_code == 302
    item = StatutoryItem.objects.get(page=budget_document)
    assert (item.category.code, item.unit, item.date) == ("budgets", statutory.finance, None)
    assert "济宁市2024年市级部门预算" in category_page(client, statutory, "budgets")


def test_the_editor_files_only_for_their_own_units(
    client, statutory, budget_document, finance_editor
):
    client.force_login(finance_editor)
    edit = reverse("wagtailadmin_pages:edit", args=[budget_document.pk])

    form = client.get(edit).context["form"]
    offered = form.formsets["statutory_items"].empty_form.fields["unit"].queryset
    assert list(offered) == [statutory.finance]

    filing = {"category": str(statutory_category("budgets").pk),
              "unit": str(statutory.rencheng.pk), "date": ""}
    response = client.post(
        edit, document_form(budget_document, [filing], **{"action-publish": "action-publish"})
    )
    assert response.status_code == 200
    assert response.context["form"].formsets["statutory_items"].errors[0]["unit"]
    assert not StatutoryItem.objects.filter(page=budget_document).exists()


def test_an_item_published_elsewhere_is_filed_as_a_link(client, statutory, finance_editor):
    client.force_login(finance_editor)
    add = reverse("disclosure_statutory_items:add")
    budgets = statutory_category("budgets")

    incomplete = client.post(add, {"category": budgets.pk, "unit": statutory.finance.pk})
    assert incomplete.status_code == 200
    assert set(incomplete.context["form"].errors) >= {"title", "url", "date"}

    response = client.post(add, {
        "category": budgets.pk, "unit": statutory.finance.pk,
        "title": "济宁市2023年市级决算", "url": "https://czj.jining.gov.cn/2023-final",
        "date": "2024-06-01",
    })
    assert response.status_code == 302
    item = StatutoryItem.objects.get(title="济宁市2023年市级决算")
    assert item.date == datetime.date(2024, 6, 1) and item.page is None
    assert "https://czj.jining.gov.cn/2023-final" in category_page(client, statutory, "budgets")


def test_a_unit_editor_sees_and_changes_only_their_units_links(client, statutory, finance_editor):
    client.force_login(finance_editor)
    theirs = statutory.items["finance budget"]
    others = statutory.items["rencheng budget"]

    listing = client.get(reverse("disclosure_statutory_items:index"))
    assert list(listing.context["object_list"]) == [theirs]
    edit = reverse("disclosure_statutory_items:edit", args=[theirs.pk])
    assert client.get(edit).status_code == 200
    assert client.get(
        reverse("disclosure_statutory_items:edit", args=[others.pk])
    ).status_code in (302, 403, 404)  # refused, back to the dashboard
    refused = client.post(reverse("disclosure_statutory_items:add"), {
        "category": statutory_category("budgets").pk, "unit": statutory.rencheng.pk,
        "title": "冒名", "url": "https://example.com/", "date": "2024-06-01",
    })
    assert refused.status_code == 200 and "unit" in refused.context["form"].errors


def test_a_filed_page_is_changed_on_the_page_not_in_the_list_of_links(
    client, manager, statutory, budget_document
):
    from tests.builders import file_page

    file_page(budget_document, "budgets", statutory.finance)
    item = StatutoryItem.objects.get(page=budget_document)
    client.force_login(manager)

    listing = client.get(reverse("disclosure_statutory_items:index"))
    assert item not in listing.context["object_list"]
    assert client.get(reverse("disclosure_statutory_items:edit", args=[item.pk])).status_code == 404
    make_statutory_link("budgets", statutory.finance, "外部链接", datetime.date(2024, 1, 1))
