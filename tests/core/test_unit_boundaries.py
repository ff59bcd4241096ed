"""A unit editor stays in their unit: every admin URL of another unit's pages and items is
refused, choosers and exports included, whether the editor was set up the documented way
(``disclosure_groups`` and a unit membership) or as a site might have done before (Wagtail's
"Editors" group, which grants change on the whole tree, and a unit membership)."""

import datetime
import io

import pytest
from django.urls import reverse

from tests import builders
from tests.progress.conftest import first_requirement_of_county_group
from wagtail_disclosure.annual_reports.models import AnnualReport
from wagtail_disclosure.plans.models import TaskPage

pytestmark = pytest.mark.django_db

PAGE_VIEWS = [
    # (url name, method, extra args)
    ("wagtailadmin_pages:edit", "get", ()),
    ("wagtailadmin_pages:edit", "post", ()),
    ("wagtailadmin_pages:history", "get", ()),
    ("wagtailadmin_pages:history_results", "get", ()),
    ("wagtailadmin_pages:usage", "get", ()),
    ("wagtailadmin_pages:revisions_index", "get", ()),
    ("wagtailadmin_pages:revisions_view", "get", ("revision",)),
    ("wagtailadmin_pages:revisions_revert", "get", ("revision",)),
    ("wagtailadmin_pages:delete", "get", ()),
    ("wagtailadmin_pages:delete", "post", ()),
    ("wagtailadmin_pages:copy", "get", ()),
    ("wagtailadmin_pages:move", "get", ()),
    ("wagtailadmin_pages:unpublish", "get", ()),
    ("wagtailadmin_pages:unpublish", "post", ()),
    ("wagtailadmin_pages:lock", "post", ()),
    ("wagtailadmin_pages:set_privacy", "get", ()),
    ("wagtailadmin_pages:view_draft", "get", ()),
    ("wagtailadmin_pages:workflow_history", "get", ()),
    ("wagtailadmin_pages:add_subpage", "get", ()),
    ("wagtailadmin_pages:convert_alias", "get", ()),
]

SNIPPET_VIEWS = ["edit", "history", "history_results", "usage", "copy", "delete"]

EDITOR_KINDS = ["documented", "editors_group"]


@pytest.fixture
def county(jining_units):
    return jining_units["任城区人民政府"]


@pytest.fixture
def other_county(jining_units):
    return jining_units["曲阜市人民政府"]


@pytest.fixture(params=EDITOR_KINDS)
def editor(request, county):
    if request.param == "documented":
        return builders.make_office_unit_editor("rencheng", county)
    return builders.make_unit_editor("rencheng", county)


@pytest.fixture
def other_units_pages(plan_2022, other_county):
    """Pages of the plan, of another unit and of another issuer, each with a revision."""
    document = builders.make_policy_document("曲阜市住房保障办法", issuer=other_county)
    interpretation = builders.make_interpretation("《曲阜市住房保障办法》解读", [document])
    task = TaskPage.objects.child_of(plan_2022).first()
    other_county.save_revision()
    return {
        "another unit's page": other_county,
        "the plan": plan_2022,
        "a task page": task,
        "another issuer's policy document": document,
        "an interpretation of it": interpretation,
    }


@pytest.fixture
def other_units_items(plan_2022, other_county):
    report = builders.make_report(first_requirement_of_county_group(other_county), other_county)
    report.save_revision()
    annual = AnnualReport.objects.create(unit=other_county, year=2022, overview="曲阜市年报草稿")
    annual.save_revision()
    return {
        "progressreport": report,
        "disclosurerequest": builders.make_request(other_county, datetime.date(2022, 11, 1)),
        "annualreport": annual,
    }


def refused(response, client=None):
    """403, a 404, or Wagtail's redirect to the dashboard with "no permission" (or to another
    view that refuses: the revisions index sends to the history)."""
    if response.status_code == 302:
        location = response["Location"]
        if location == reverse("wagtailadmin_home"):
            return True
        return client is not None and refused(client.get(location))
    return response.status_code in (403, 404)


def page_url(name, page, extra):
    args = [page.pk]
    if "revision" in extra:
        args.append(page.get_latest_revision().pk)
    return reverse(name, args=args)


@pytest.mark.parametrize("name,method,extra", PAGE_VIEWS)
def test_every_page_view_of_pages_outside_the_unit_is_refused(
    client, editor, other_units_pages, name, method, extra
):
    client.force_login(editor)
    for what, page in other_units_pages.items():
        revisions = page.revisions.count()
        url = page_url(name, page, extra)
        response = getattr(client, method)(url, {"title": "篡改"} if method == "post" else {})
        assert refused(response, client), (what, url, response.status_code)
        assert page.revisions.count() == revisions, (what, url)
        page.refresh_from_db()
        assert page.title != "篡改"


def test_the_editor_still_edits_their_own_unit_page_and_files_their_units_reports(
    client, editor, county, other_county
):
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[county.pk])).status_code == 200
    assert county.permissions_for_user(editor).can_edit()
    assert not other_county.permissions_for_user(editor).can_edit()
    add = reverse("wagtailsnippets_wagtail_disclosure_progressreport:add")
    assert client.get(add).status_code == 200


@pytest.mark.parametrize("model", ["progressreport", "disclosurerequest", "annualreport"])
@pytest.mark.parametrize("view", SNIPPET_VIEWS)
def test_every_view_of_another_units_item_is_refused(
    client, editor, other_units_items, model, view
):
    item = other_units_items[model]
    client.force_login(editor)
    url = reverse(f"wagtailsnippets_wagtail_disclosure_{model}:{view}", args=[item.pk])
    assert refused(client.get(url)), url
    assert refused(client.post(url, {})), url
    assert type(item).objects.filter(pk=item.pk).exists()


@pytest.mark.parametrize("model", ["progressreport", "disclosurerequest", "annualreport"])
def test_choosers_and_exports_leave_out_another_units_items(
    client, editor, other_units_items, model
):
    item = other_units_items[model]
    client.force_login(editor)
    chooser = f"wagtailsnippetchoosers_wagtail_disclosure_{model}"
    listing = f"wagtailsnippets_wagtail_disclosure_{model}"
    assert refused(client.get(reverse(f"{chooser}:chosen", args=[item.pk])))
    pages = [
        client.get(reverse(f"{chooser}:choose")),
        client.get(reverse(f"{chooser}:choose_results")),
        client.get(reverse(f"{chooser}:choose_results"), {"q": "曲阜"}),
        client.get(reverse(f"{listing}:list")),
        client.get(reverse(f"{listing}:list"), {"export": "csv"}),
    ]
    for response in pages:
        text = b"".join(response.streaming_content) if response.streaming else response.content
        text = text.decode()
        assert response.status_code == 200 or refused(response)
        assert f"/{item.pk}/" not in text
        assert str(item) not in text or not str(item)


def test_the_site_history_leaves_out_another_units_requests(
    client, editor, manager, other_units_items
):
    from wagtail.log_actions import log

    item = other_units_items["disclosurerequest"]
    log(instance=item, action="wagtail.edit", user=manager)
    history = reverse("wagtailadmin_reports:site_history")
    client.force_login(manager)
    assert str(item) in client.get(history).content.decode()
    client.force_login(editor)
    response = client.get(history)
    assert response.status_code == 200 or refused(response)
    assert str(item) not in response.content.decode()


def test_a_unit_editor_keeps_their_units_documents_and_cannot_remove_the_unit_page(
    client, county, other_county
):
    editor = builders.make_office_unit_editor("rencheng", county)
    own = builders.make_policy_document("任城区住房保障办法", issuer=county)
    other = builders.make_policy_document("曲阜市住房保障办法", issuer=other_county)
    assert own.permissions_for_user(editor).can_edit()
    assert not other.permissions_for_user(editor).can_edit()

    unit_page = county.permissions_for_user(editor)
    assert unit_page.can_edit() and unit_page.can_publish()
    assert not unit_page.can_delete() and not unit_page.can_unpublish()
    assert not unit_page.can_move()

    library = builders.policy_library()
    assert library.permissions_for_user(editor).can_add_subpage()
    assert not library.permissions_for_user(editor).can_edit()
    client.force_login(editor)
    add = reverse(
        "wagtailadmin_pages:add", args=["wagtail_disclosure", "policydocumentpage", library.pk]
    )
    response = client.get(add)
    assert response.status_code == 200
    assert list(response.context["form"].fields["issuer"].queryset) == [county]


def test_the_office_groups_are_made_once_and_make_managers(django_user_model, plan_2022):
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from wagtail.models import GroupPagePermission

    from wagtail_disclosure.core.permissions import is_manager

    call_command("disclosure_groups", stdout=io.StringIO())
    grants = GroupPagePermission.objects.count()
    call_command("disclosure_groups", stdout=io.StringIO())
    assert GroupPagePermission.objects.count() == grants

    manager = django_user_model.objects.create_user("office", password="pw")
    manager.groups.add(Group.objects.get(name="政务公开管理员"))
    assert is_manager(manager)
    task = TaskPage.objects.child_of(plan_2022).first()
    assert task.permissions_for_user(manager).can_edit()
    assert plan_2022.permissions_for_user(manager).can_publish()
    unit_editors = Group.objects.get(name="单位编辑")
    assert unit_editors.permissions.filter(codename="access_admin").exists()
    assert not GroupPagePermission.objects.filter(group=unit_editors, page=plan_2022).exists()
