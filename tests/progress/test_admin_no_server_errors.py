"""Screens of progress reports that used to answer 500: searching the list, searching the
chooser and creating a report from the chooser."""

import pytest
from django.urls import reverse

from tests.builders import make_report
from wagtail_disclosure.progress.models import ProgressReport

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_wagtail_disclosure_progressreport:list"
CHOOSER = "wagtailsnippetchoosers_wagtail_disclosure_progressreport"


@pytest.fixture
def reports(county, other_county, county_requirement):
    return [
        make_report(county_requirement, county, "in_progress", narrative="已公开财政预决算"),
        make_report(county_requirement, other_county, "done", narrative="已建立政策问答库"),
    ]


@pytest.mark.parametrize("who", ["manager", "county_editor"])
def test_searching_the_report_list_finds_the_editors_own_reports(client, request, reports, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse(LIST), {"q": "财政预决算"})
    assert response.status_code == 200
    html = response.content.decode()
    own, other = reports
    assert reverse(f"{LIST.rsplit(':', 1)[0]}:edit", args=[own.pk]) in html
    assert reverse(f"{LIST.rsplit(':', 1)[0]}:edit", args=[other.pk]) not in html


@pytest.mark.parametrize("who", ["manager", "county_editor"])
def test_searching_the_chooser_answers(client, request, reports, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse(f"{CHOOSER}:choose_results"), {"q": "财政"})
    assert response.status_code == 200
    assert f"/{reports[0].pk}/" in response.content.decode()


def test_posting_to_the_choosers_create_url_is_not_found(
    client, county_editor, county, county_requirement
):
    """The chooser has no "Create" tab (reports are filed on their own screen, with evidence);
    a post to its create URL is "not found" and creates nothing."""
    client.force_login(county_editor)
    data = {
        "requirement": county_requirement.pk,
        "unit": county.pk,
        "date": "2022-10-20",
        "status": "done",
        "percent": 100,
        "evidence-count": "0",
    }
    assert client.post(reverse(f"{CHOOSER}:create"), data).status_code == 404
    assert client.get(reverse(f"{CHOOSER}:create")).status_code == 404
    assert not ProgressReport.objects.exists()
