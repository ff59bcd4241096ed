"""Released together (同步): a document requiring interpretation goes live only with one, on every
publishing path — the Publish button, scheduled publishing and workflow approval."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import (
    GroupApprovalTask,
    PageLogEntry,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.builders import make_interpretation, make_policy_document
from wagtail_disclosure.policies.interpretations import InterpretationPage
from wagtail_disclosure.policies.publishing import RELEASE_BLOCKED

pytestmark = pytest.mark.django_db


def edit_form(document, **extra):
    return nested_form_data({
        "title": document.title, "slug": document.slug, "kind": document.kind,
        "index_number": "", "document_number": "", "issuer": "", "date_written": "",
        "date_published": "2022-06-20", "requires_interpretation": "on",
        "disclosure_attribute": "proactive",
        "body": rich_text("<p>正文</p>"),
        "attachments": inline_formset([]), "validity_changes": inline_formset([]),
        "statutory_items": inline_formset([]),
        "comments": inline_formset([]), **extra,
    })


def is_live(page):
    return type(page).objects.get(pk=page.pk).live


def test_publish_button_refuses_a_document_without_interpretation_and_says_how(client, manager):
    document = make_policy_document("济宁市稳就业促创业十条措施")
    client.force_login(manager)
    with translation.override("en"):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[document.pk]),
            edit_form(document, **{"action-publish": "action-publish"}),
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 200  # the form again, with the reason
    html = response.content.decode()
    assert "must be released together with its interpretation" in html
    assert "release with the document" in html
    assert not is_live(document)


def test_publish_button_releases_the_prepared_interpretation_in_the_same_action(client, manager):
    document = make_policy_document("济宁市稳就业促创业十条措施")
    interpretation = make_interpretation("视频解读", [document])
    client.force_login(manager)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[document.pk]),
        edit_form(document, **{"action-publish": "action-publish"}),
    )
    assert response.status_code == 302
    assert is_live(document) and is_live(interpretation)


def test_an_interpretation_not_marked_for_release_does_not_count(client, manager):
    document = make_policy_document("文件")
    make_interpretation("解读草稿", [document], release_with_document=False)
    client.force_login(manager)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[document.pk]),
        edit_form(document, **{"action-publish": "action-publish"}),
    )
    assert response.status_code == 200
    assert not is_live(document)


def test_a_document_needing_no_interpretation_publishes_alone():
    document = make_policy_document("工作通知", kind="work", requires_interpretation=False)
    document.get_latest_revision().publish()
    assert is_live(document)


def test_publishing_directly_without_interpretation_is_refused_and_logged():
    document = make_policy_document("文件")
    document.get_latest_revision().publish()
    assert not is_live(document)
    assert PageLogEntry.objects.filter(page=document, action=RELEASE_BLOCKED).exists()


def test_an_interpretation_already_live_lets_the_document_go_live():
    document = make_policy_document("文件")
    interpretation = make_interpretation("解读", [document], release_with_document=False)
    interpretation.get_latest_revision().publish()
    document.get_latest_revision().publish()
    assert is_live(document)


def schedule(page, minutes_ago=1):
    """Approve a revision to go live at a time that has now come (what Publish with a
    go-live date does)."""
    page = type(page).objects.get(pk=page.pk)
    page.go_live_at = timezone.now() - timedelta(minutes=minutes_ago)
    revision = page.save_revision()
    revision.approved_go_live_at = page.go_live_at
    revision.save(update_fields=["approved_go_live_at"])
    return revision


def test_scheduled_publishing_without_interpretation_leaves_the_document_unpublished():
    document = make_policy_document("文件")
    schedule(document)
    call_command("publish_scheduled")
    assert not is_live(document)
    assert PageLogEntry.objects.filter(page=document, action=RELEASE_BLOCKED).exists()


def test_scheduled_publishing_releases_the_prepared_interpretation_with_the_document():
    document = make_policy_document("文件")
    interpretation = make_interpretation("解读", [document])
    schedule(document)
    call_command("publish_scheduled")
    assert is_live(document) and is_live(interpretation)


def test_scheduled_together_both_go_live_in_one_run():
    document = make_policy_document("文件")
    interpretation = make_interpretation("解读", [document])
    schedule(interpretation, minutes_ago=1)
    schedule(document, minutes_ago=2)  # the document's revision comes first
    call_command("publish_scheduled")
    assert is_live(document) and is_live(interpretation)


@pytest.fixture
def approval_workflow(library, django_user_model):
    from django.contrib.auth.models import Group

    moderators = Group.objects.get(name="Moderators")
    task = GroupApprovalTask.objects.create(name="审签")
    task.groups.set([moderators])
    workflow = Workflow.objects.create(name="政策文件审签")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=library)
    return workflow


def test_submitting_for_approval_without_interpretation_is_returned(
    client, manager, approval_workflow
):
    document = make_policy_document("文件")
    client.force_login(manager)
    with translation.override("en"):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[document.pk]),
            edit_form(document, **{"action-submit": "action-submit"}),
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 200
    assert "must be released together with its interpretation" in response.content.decode()
    assert document.current_workflow_state is None


def test_workflow_approval_releases_document_and_interpretation_together(
    client, manager, approval_workflow
):
    document = make_policy_document("文件")
    interpretation = make_interpretation("解读", [document])
    client.force_login(manager)
    state = approval_workflow.start(document, manager)
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action",
                args=[document.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code == 302
    assert is_live(document)
    assert InterpretationPage.objects.get(pk=interpretation.pk).live


def test_workflow_approval_without_interpretation_does_not_publish(manager, approval_workflow):
    document = make_policy_document("文件")
    interpretation = make_interpretation("解读", [document])
    workflow_state = approval_workflow.start(document, manager)
    interpretation.delete()  # withdrawn after the document was sent up
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, manager, "approve")
    assert not is_live(document)
    assert PageLogEntry.objects.filter(page=document, action=RELEASE_BLOCKED).exists()
