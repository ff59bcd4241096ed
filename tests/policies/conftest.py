"""Fixtures for policy documents: the library, documents and interpretations."""

from datetime import date

import pytest

from wagtail_disclosure.policies.interpretations import InterpretationIndexPage, InterpretationPage
from wagtail_disclosure.policies.models import (
    PolicyDocumentPage,
    PolicyIndexPage,
    PolicyKind,
    SubjectCategory,
)


@pytest.fixture
def library(demo_site):
    return PolicyIndexPage.objects.get(slug="policies")


@pytest.fixture
def interpretation_index(demo_site):
    from demo.site import ensure_child

    page, _ = ensure_child(demo_site, InterpretationIndexPage, "interpretations", "政策解读")
    return page


@pytest.fixture
def housing(db):
    return SubjectCategory.objects.create(name="住房保障", slug="housing")


@pytest.fixture
def make_document(library):
    """A draft policy document in the library (not live)."""

    def make(title, **fields):
        fields.setdefault("kind", PolicyKind.NORMATIVE)
        fields.setdefault("requires_interpretation", True)
        fields.setdefault("date_published", date(2022, 6, 20))
        categories = fields.pop("categories", [])
        page = PolicyDocumentPage(title=title, live=False, **fields)
        page.categories = categories
        library.add_child(instance=page)
        page.save_revision()
        return page

    return make


@pytest.fixture
def make_interpretation(interpretation_index):
    """A draft interpretation of ``documents``, prepared to be released with them."""

    def make(title, documents, **fields):
        page = InterpretationPage(title=title, live=False, **fields)
        page.interpreted_documents = documents
        interpretation_index.add_child(instance=page)
        page.save_revision()
        return page

    return make


@pytest.fixture
def publish_with_interpretation(make_interpretation):
    """Publish ``document`` the way the rule wants: with an interpretation of it."""

    def publish(document, **fields):
        make_interpretation(f"{document.title}解读", [document], **fields)
        document.get_latest_revision().publish()
        document.refresh_from_db()
        return document

    return publish
