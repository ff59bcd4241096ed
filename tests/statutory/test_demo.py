"""The demo puts the Art. 20 page in the column, with items filed by a few units, so the
compliance report shows categories up to date, out of date and missing."""

import io

import pytest
from wagtail.models import Site

from tests.builders import load_policy_demo
from wagtail_disclosure.management.commands.disclosure_column import build_column
from wagtail_disclosure.statutory.compliance import compliance_rows, units_for
from wagtail_disclosure.statutory.freshness import Status
from wagtail_disclosure.statutory.models import StatutoryIndexPage, StatutoryItem

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fixed_today(settings):
    """The demo dates items relative to the day it is loaded."""
    settings.WAGTAIL_DISCLOSURE_TODAY = None


def test_the_demo_files_items_once_and_the_report_shows_every_status(jining_units, client):
    from demo import statutory

    load_policy_demo()
    list(build_column(Site.objects.get(is_default_site=True)))
    statutory.load(io.StringIO())
    before = (StatutoryIndexPage.objects.count(), StatutoryItem.objects.count())
    statutory.load(io.StringIO())

    assert (StatutoryIndexPage.objects.count(), StatutoryItem.objects.count()) == before
    index = StatutoryIndexPage.objects.get()
    assert index.get_parent().specific.role == "statutory"
    assert client.get(index.url).status_code == 200
    # The policy library's live documents are filed under item (一) for their issuers.
    documents = StatutoryItem.objects.filter(page__isnull=False)
    assert documents and {i.category.code for i in documents} == {"regulations"}
    assert {row.status for row in compliance_rows(units_for())} == set(Status.ORDER)
