"""Unit editors file and change only their own unit's reports; managers see everything."""


import pytest
from django.urls import reverse

from tests.builders import make_report
from tests.progress.conftest import first_requirement_of_county_group
from wagtail_disclosure.plans.models import Requirement
from wagtail_disclosure.progress.models import ProgressReport

ADD = "wagtailsnippets_wagtail_disclosure_progressreport:add"
EDIT = "wagtailsnippets_wagtail_disclosure_progressreport:edit"
LIST = "wagtailsnippets_wagtail_disclosure_progressreport:list"


def assert_refused(response):
    """Wagtail's admin answers a PermissionDenied with 403 (AJAX) or a redirect to the
    dashboard with "you do not have permission"; either way nothing is shown or changed."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")


def report_form(requirement, unit, status="done", percent=100, narrative="已按要求完成。"):
    return {
        "requirement": requirement.pk,
        "unit": unit.pk,
        "date": "2022-10-20",
        "status": status,
        "percent": percent,
        "narrative": narrative,
        "evidence-count": "0",
    }


def test_a_county_editor_files_a_report_and_the_public_page_shows_it(
    client, plan_2022, county, county_requirement, county_editor
):
    requirement = county_requirement
    client.force_login(county_editor)
    response = client.post(reverse(ADD), report_form(requirement, county))
    assert response.status_code == 302, response.content.decode()[:3000]
    report = ProgressReport.objects.get()
    assert report.author == county_editor
    assert report.revisions.count() == 1

    client.logout()
    html = client.get(plan_2022.url, {"unit": f"u{county.pk}", "state": "done"}).content.decode()
    assert f'id="requirement-{requirement.pk}"' in html


def test_another_county_cannot_change_it_nor_see_it(
    client, plan_2022, county, county_requirement, county_editor, other_county_editor
):
    requirement = county_requirement
    report = make_report(requirement, county, "in_progress", percent=30)
    client.force_login(other_county_editor)
    assert_refused(client.get(reverse(EDIT, args=[report.pk])))
    assert_refused(
        client.get(reverse(EDIT, args=[report.pk]), headers={"x-requested-with": "XMLHttpRequest"})
    )
    assert_refused(
        client.post(
            reverse(EDIT, args=[report.pk]), report_form(requirement, county, narrative="篡改")
        )
    )
    history = "wagtailsnippets_wagtail_disclosure_progressreport:history"
    assert_refused(client.get(reverse(history, args=[report.pk])))
    report.refresh_from_db()
    assert report.narrative == ""
    listing = client.get(reverse(LIST)).content.decode()
    assert reverse(EDIT, args=[report.pk]) not in listing

    client.force_login(county_editor)
    assert client.get(reverse(EDIT, args=[report.pk])).status_code == 200
    assert reverse(EDIT, args=[report.pk]) in client.get(reverse(LIST)).content.decode()


def test_an_editor_cannot_file_for_another_unit(
    client, plan_2022, county, county_requirement, other_county, other_county_editor
):
    requirement = county_requirement
    client.force_login(other_county_editor)
    response = client.post(reverse(ADD), report_form(requirement, county))
    assert response.status_code == 200  # the form is shown again with an error
    assert not ProgressReport.objects.exists()


def test_a_unit_cannot_report_on_a_requirement_it_does_not_answer_for(
    client, plan_2022, manager, jining_units
):
    post_office = jining_units["市邮政管理局"]
    requirement = (
        Requirement.objects.exclude(
            pk__in=Requirement.objects.filter(lead_units=post_office).values("pk")
        )
        .filter(lead_groups=None)
        .first()
    )
    client.force_login(manager)
    response = client.post(reverse(ADD), report_form(requirement, post_office))
    assert response.status_code == 200
    assert not ProgressReport.objects.exists()


def test_the_add_form_is_prefilled_from_the_dashboard_link(
    client, plan_2022, county, county_requirement, county_editor
):
    requirement = county_requirement
    client.force_login(county_editor)
    response = client.get(reverse(ADD), {"requirement": requirement.pk, "unit": county.pk})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["requirement"] == requirement.pk
    assert list(form.fields["unit"].queryset) == [county]


def test_managers_see_every_report(client, plan_2022, county, other_county, manager):
    for unit in (county, other_county):
        make_report(first_requirement_of_county_group(unit), unit, "done")
    client.force_login(manager)
    listing = client.get(reverse(LIST)).content.decode()
    for report in ProgressReport.objects.all():
        assert reverse(EDIT, args=[report.pk]) in listing


@pytest.mark.parametrize(
    "url_name", ["wagtail_disclosure_admin:ledger", "wagtail_disclosure_admin:carry_over"]
)
def test_people_without_a_unit_are_kept_out(client, django_user_model, url_name):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("visitor", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert_refused(client.get(reverse(url_name)))
