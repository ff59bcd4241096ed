"""An editor's story of releasing a normative document with its interpretation (同步解读): the
document is saved as a draft first, its interpretation is created from it (新建解读), both go live
in one action, and the interpretation is not unpublished behind the document's back."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.builders import make_interpretation, make_policy_document
from wagtail_disclosure.policies.interpretations import InterpretationPage
from wagtail_disclosure.policies.models import PolicyDocumentPage
from wagtail_disclosure.policies.publishing import (
    INTERPRETATION_EXEMPTED,
    UNPUBLISHED_WITH_INTERPRETATION,
)

pytestmark = pytest.mark.django_db


def document_form(title, slug, kind="normative", requires=True, exemption="", **extra):
    data = {
        "title": title, "slug": slug, "kind": kind,
        "index_number": "", "document_number": "济政办发〔2022〕9号", "issuer": "",
        "date_written": "", "date_published": "2022-06-20",
        "interpretation_exemption": exemption, "disclosure_attribute": "proactive",
        "body": rich_text("<p>正文</p>"),
        "attachments": inline_formset([]), "validity_changes": inline_formset([]),
        "statutory_items": inline_formset([]),
        "comments": inline_formset([]), **extra,
    }
    if requires:
        data["requires_interpretation"] = "on"
    return nested_form_data(data)


def interpretation_form(title, slug, documents, **extra):
    data = nested_form_data({
        "title": title, "slug": slug,
        "form": "text", "interpreter": "", "interpreter_role": "drafting_unit",
        "interpreter_name": "", "date_published": "2022-06-20", "last_reviewed": "",
        "release_with_document": "on", "summary": "一图读懂", "disclosure_attribute": "proactive",
        "body": streamfield([]), "comments": inline_formset([]), **extra,
    })
    data["interpreted_documents"] = [str(document.pk) for document in documents]
    return data


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=["wagtail_disclosure", model, parent.pk])


def live(page):
    return type(page).objects.get(pk=page.pk).live


def test_a_new_normative_document_is_saved_as_a_draft_then_released_with_its_interpretation(
    client, manager, library, interpretation_index
):
    client.force_login(manager)
    response = client.post(add_url("policydocumentpage", library),
                           document_form("济宁市保障性住房管理办法", "baozhang-2022"))
    assert response.status_code == 302  # saved: no "needs an interpretation" refusal
    document = PolicyDocumentPage.objects.get(slug="baozhang-2022")
    assert not document.live and document.requires_interpretation

    # 新建解读 is in the document's header menu and opens the form with the document chosen.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[document.pk])).content.decode()
    new_url = reverse("wagtail_disclosure_admin:new_interpretation", args=[document.pk])
    assert new_url in edit
    form = client.get(new_url)
    assert form.status_code == 200
    html = form.content.decode()
    checkbox = re.search(rf'<input[^>]*value="{document.pk}"[^>]*>', html)[0]
    assert "checked" in checkbox and 'name="interpreted_documents"' in checkbox
    assert "济宁市保障性住房管理办法" in html

    response = client.post(add_url("interpretationpage", interpretation_index),
                           interpretation_form("《办法》解读", "baozhang-jiedu", [document]))
    assert response.status_code == 302, response.context["form"].errors
    interpretation = InterpretationPage.objects.get(slug="baozhang-jiedu")
    assert not interpretation.live

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[document.pk]),
        document_form(document.title, document.slug, **{"action-publish": "action-publish"}),
    )
    assert response.status_code == 302
    assert live(document) and live(interpretation)


def test_publishing_a_new_normative_document_at_once_is_refused_with_the_way_forward(
    client, manager, library
):
    client.force_login(manager)
    with translation.override("en"):
        response = client.post(
            add_url("policydocumentpage", library),
            document_form("办法", "banfa", **{"action-publish": "action-publish"}),
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 200
    assert "New interpretation" in response.content.decode()
    assert not PolicyDocumentPage.objects.filter(slug="banfa").exists()


def test_the_requirement_cannot_be_unticked_for_a_normative_document(client, manager, library):
    client.force_login(manager)
    with translation.override("en"):
        response = client.post(add_url("policydocumentpage", library),
                               document_form("办法", "banfa", requires=False, exemption="不需要"),
                               HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "cannot be unticked" in response.content.decode()
    assert not PolicyDocumentPage.objects.filter(slug="banfa").exists()

    document = make_policy_document("已有办法")
    response = client.post(reverse("wagtailadmin_pages:edit", args=[document.pk]),
                           document_form(document.title, document.slug, requires=False))
    assert response.status_code == 200
    assert document.get_latest_revision().as_object().requires_interpretation


def test_another_kind_is_let_off_only_with_a_reason_kept_in_its_history(
    client, manager, library
):
    client.force_login(manager)
    with translation.override("en"):
        response = client.post(add_url("policydocumentpage", library),
                               document_form("通知", "tongzhi", kind="other", requires=False),
                               HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Give the reason" in response.content.decode()

    response = client.post(
        add_url("policydocumentpage", library),
        document_form("通知", "tongzhi", kind="other", requires=False,
                      exemption="内部工作安排，不涉及公众权利义务"),
    )
    assert response.status_code == 302
    document = PolicyDocumentPage.objects.get(slug="tongzhi")
    entry = PageLogEntry.objects.get(page=document, action=INTERPRETATION_EXEMPTED)
    assert entry.data["reason"] == "内部工作安排，不涉及公众权利义务"

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[document.pk]),
        document_form("通知", "tongzhi", kind="other", requires=False,
                      exemption="内部工作安排，不涉及公众权利义务",
                      **{"action-publish": "action-publish"}),
    )
    assert response.status_code == 302 and live(document)


def test_a_work_document_needs_no_interpretation_unless_the_site_says_so(library):
    from wagtail_disclosure.policies.publishing import kind_requires_interpretation

    assert kind_requires_interpretation("normative") and kind_requires_interpretation("rule")
    assert kind_requires_interpretation("other") and not kind_requires_interpretation("work")
    with override_settings(WAGTAIL_DISCLOSURE_INTERPRETATION_REQUIRED={"work": True}):
        assert kind_requires_interpretation("work") and not kind_requires_interpretation("other")
    with override_settings(WAGTAIL_DISCLOSURE_INTERPRETATION_REQUIRED={"normative": False}):
        assert kind_requires_interpretation("normative")  # no setting lifts the notice's rule


def published_pair():
    document = make_policy_document("济宁市稳就业促创业十条措施")
    interpretation = make_interpretation("十条措施解读", [document])
    document.get_latest_revision().publish()
    assert live(document) and live(interpretation)
    return document, interpretation


def test_unpublishing_the_only_interpretation_asks_and_keeps_both_live_unless_told(
    client, manager
):
    document, interpretation = published_pair()
    client.force_login(manager)
    url = reverse("wagtailadmin_pages:unpublish", args=[interpretation.pk])
    response = client.post(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert document.title in html and 'name="unpublish_documents"' in html
    assert live(document) and live(interpretation)


def test_unpublishing_the_only_interpretation_with_its_documents_unpublishes_both(
    client, manager
):
    document, interpretation = published_pair()
    client.force_login(manager)
    url = reverse("wagtailadmin_pages:unpublish", args=[interpretation.pk])
    response = client.post(url, {"unpublish_documents": "yes"})
    assert response.status_code == 302
    assert not live(document) and not live(interpretation)
    assert PageLogEntry.objects.filter(
        page=document, action=UNPUBLISHED_WITH_INTERPRETATION
    ).exists()


def test_an_interpretation_with_another_live_one_beside_it_unpublishes_alone(client, manager):
    document, interpretation = published_pair()
    other = make_interpretation("图解", [document], release_with_document=False)
    other.get_latest_revision().publish()
    client.force_login(manager)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[interpretation.pk]))
    assert response.status_code == 302
    assert live(document) and not live(interpretation) and live(other)


def test_bulk_unpublishing_the_only_interpretation_is_refused_unless_the_document_goes_too(
    client, manager
):
    document, interpretation = published_pair()
    client.force_login(manager)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
    response = client.post(f"{url}?id={interpretation.pk}", {"include_descendants": ""})
    assert response.status_code == 302
    assert live(document) and live(interpretation)

    response = client.post(f"{url}?id={interpretation.pk}&id={document.pk}", {})
    assert not live(document) and not live(interpretation)
