"""The policy library, a subject category, and the builders of documents and interpretations."""

import pytest

from tests import builders


@pytest.fixture
def library(db):
    return builders.policy_library()


@pytest.fixture
def interpretation_index(db):
    return builders.interpretation_index()


@pytest.fixture
def housing(db):
    return builders.make_subject_category("住房保障", "housing")
