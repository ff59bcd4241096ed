"""The disclosure attribute (公开属性): decided at the source, only 主动公开 goes live, withheld
items are found by request officers and reviewed, and a live item made non-public is withdrawn."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageLogEntry, TaskState

from tests.builders import (
    make_attribute_review_workflow,
    make_office_unit_editor,
    make_policy_document,
    make_withheld_document,
    policy_library,
)
from tests.policies.test_release_together_editor import document_form
from wagtail_disclosure.attributes.models import (
    ATTRIBUTE_CONVERTED,
    ATTRIBUTE_REVIEWED,
    ATTRIBUTE_SET,
    WITHDRAWN,
)
from wagtail_disclosure.core import clock
from wagtail_disclosure.core.publication import (
    PUBLICATION_REFUSED,
    PublicationProblem,
    register_publication_check,
    unregister_publication_check,
)
from wagtail_disclosure.policies.models import PolicyDocumentPage

pytestmark = pytest.mark.django_db


def fresh(page):
    return type(page).objects.get(pk=page.pk)


def refused(response):
    """Wagtail's refusal: a 403, or the dashboard with "you do not have permission"."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def history(page, action):
    return PageLogEntry.objects.filter(page=page, action=action)


def work_document(title, **fields):
    """A work document that needs no interpretation (so only the attribute decides)."""
    fields.setdefault("kind", "work")
    fields.setdefault("requires_interpretation", False)
    fields.setdefault("interpretation_exemption", "工作文件，无需解读")
    fields.setdefault("disclosure_attribute", "")
    return make_policy_document(title, **fields)


def work_form(page, **extra):
    return document_form(
        page.title, page.slug, kind="work", requires=False, exemption="工作文件，无需解读",
        **extra,
    )


# -- the decision ------------------------------------------------------------------------------


def test_not_disclosed_without_a_basis_is_refused_naming_the_field(home):
    with translation.override("zh-hans"), pytest.raises(ValidationError) as refused:
        work_document("人事任免内部请示", disclosure_attribute="not_disclosed")
    assert "法律依据" in refused.value.message_dict["disclosure_basis"][0]


def test_another_law_must_be_cited(home):
    with pytest.raises(ValidationError) as refused:
        work_document("统计调查原始资料", disclosure_attribute="on_request",
                      disclosure_basis="other_law")
    assert "disclosure_basis_citation" in refused.value.message_dict


def test_the_editor_shows_the_missing_basis_in_chinese(client, manager, home):
    document = work_document("关于调整内部工作流程的请示")
    client.force_login(manager)
    with translation.override("zh-hans"):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[document.pk]),
            work_form(document, disclosure_attribute="not_disclosed"),
        )
    assert response.status_code == 200
    html = response.content.decode()
    assert "法律依据：“不予公开”的信息须注明" in html
    assert fresh(document).disclosure_attribute == ""


def test_the_basis_is_shown_with_the_articles_words(client, manager, home):
    document = work_document("关于调整内部工作流程的请示")
    client.force_login(manager)
    with translation.override("zh-hans"):
        html = client.get(reverse("wagtailadmin_pages:edit", args=[document.pk])).content.decode()
    assert "第十五条：涉及商业秘密" in html
    assert "讨论记录、过程稿、磋商信函、请示报告等过程性信息" in html


# -- only 主动公开 goes live -----------------------------------------------------------------------


def test_the_publish_button_refuses_an_item_disclosed_on_request(client, manager, home):
    document = make_withheld_document("重点项目磋商函", attribute="on_request")
    client.force_login(manager)
    with translation.override("zh-hans"):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[document.pk]),
            work_form(document, disclosure_attribute="on_request",
                      disclosure_basis="art16_process", **{"action-publish": "action-publish"}),
            follow=True,
        )
    assert not fresh(document).live
    assert "只有主动公开的信息才能发布" in response.content.decode()


def test_the_publish_button_refuses_an_item_without_an_attribute(client, manager, home):
    document = work_document("关于开展政务公开培训的通知")
    client.force_login(manager)
    with translation.override("zh-hans"):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[document.pk]),
            work_form(document, disclosure_attribute="", **{"action-publish": "action-publish"}),
            follow=True,
        )
    assert not fresh(document).live
    assert "未确定公开属性" in response.content.decode()


@pytest.mark.parametrize("attribute", ["", "on_request", "not_disclosed"])
def test_scheduled_or_workflow_publishing_refuses_what_is_not_proactive(home, attribute):
    if attribute:
        document = make_withheld_document("信访事项处理过程稿", attribute=attribute)
    else:
        document = work_document("信访事项处理过程稿")
    document.get_latest_revision().publish()

    assert not fresh(document).live
    assert history(document, PUBLICATION_REFUSED).exists()


def test_a_proactive_item_goes_live(home):
    document = work_document("关于开展政务公开培训的通知", disclosure_attribute="proactive")
    document.get_latest_revision().publish()
    assert fresh(document).live


# -- the workflow task -------------------------------------------------------------------------


@pytest.fixture
def review_workflow(home):
    return make_attribute_review_workflow(policy_library())


def submit(document, user):
    document.save_revision(user=user)
    workflow = document.get_workflow()
    workflow.start(document, user)
    return fresh(document).current_workflow_task_state


def test_the_attribute_review_cannot_be_approved_without_an_attribute(
    client, manager, review_workflow
):
    document = work_document("关于优化营商环境的若干措施")
    task_state = submit(document, manager)
    task = task_state.task.specific

    assert [name for name, _label, _modal in task.get_actions(document, manager)] == ["reject"]
    with pytest.raises(PermissionDenied):
        task.on_action(task_state, manager, "approve")

    client.force_login(manager)
    response = client.post(reverse(
        "wagtailadmin_pages:workflow_action", args=[document.pk, "approve", task_state.pk]
    ))
    assert refused(response)
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    assert not fresh(document).live


def test_approval_records_the_attribute_who_set_it_and_when(client, manager, review_workflow):
    document = work_document("关于优化营商环境的若干措施")
    task_state = submit(document, manager)

    document = fresh(document).get_latest_revision_as_object()
    document.disclosure_attribute = "proactive"
    document.save_revision(user=manager)
    client.force_login(manager)
    response = client.post(reverse(
        "wagtailadmin_pages:workflow_action", args=[document.pk, "approve", task_state.pk]
    ))
    assert response.status_code == 302

    assert fresh(document).live
    reviewed = history(document, ATTRIBUTE_REVIEWED).get()
    assert reviewed.data["decision"]["attribute"] == "proactive"
    assert reviewed.data["set_by"] == manager.get_username()
    assert reviewed.data["set_at"]
    with translation.override("zh-hans"):
        message = str(reviewed.message)
    assert "主动公开" in message and manager.get_username() in message


def test_a_withheld_item_with_its_basis_is_approved_but_stays_unpublished(
    manager, review_workflow
):
    document = make_withheld_document("干部考察材料", basis="art16_internal")
    task_state = submit(document, manager)
    task_state.task.specific.on_action(task_state, manager, "approve")

    assert not fresh(document).live
    assert history(document, ATTRIBUTE_REVIEWED).exists()
    assert history(document, PUBLICATION_REFUSED).exists()


# -- historical conversion: the report of items without an attribute ---------------------------


def test_items_without_an_attribute_are_listed_and_set_in_bulk(client, manager, home):
    first = work_document("2019年度会议纪要汇编")
    second = work_document("2020年度会议纪要汇编")
    decided = work_document("已定属性的文件", disclosure_attribute="proactive")
    client.force_login(manager)

    report = client.get(reverse("wagtail_disclosure_admin:attributes_undecided"))
    html = report.content.decode()
    assert first.title in html and second.title in html and decided.title not in html

    keys = [f"wagtail_disclosure.policydocumentpage:{page.pk}" for page in (first, second)]
    url = reverse("wagtail_disclosure_admin:attributes_bulk_set")
    form = client.post(url, {"items": keys})
    assert form.status_code == 200 and first.title in form.content.decode()

    response = client.post(url, {
        "items": keys, "apply": "1", "attribute": "on_request", "basis": "art16_process",
        "citation": "", "review_date": "",
    })
    assert response.status_code == 302
    for page in (first, second):
        page = fresh(page)
        assert page.disclosure_attribute == "on_request"
        assert page.disclosure_basis == "art16_process"
        assert page.disclosure_set_by == manager
        assert page.disclosure_review_date == clock.today() + datetime.timedelta(days=365)
        entry = history(page, ATTRIBUTE_SET).get()
        assert entry.user == manager and entry.data["after"]["attribute"] == "on_request"


def test_a_bulk_decision_without_its_basis_writes_nothing(client, manager, home):
    first = work_document("2019年度会议纪要汇编")
    client.force_login(manager)
    with translation.override("zh-hans"):
        response = client.post(reverse("wagtail_disclosure_admin:attributes_bulk_set"), {
            "items": [f"wagtail_disclosure.policydocumentpage:{first.pk}"], "apply": "1",
            "attribute": "not_disclosed", "basis": "", "citation": "", "review_date": "",
        })
    assert response.status_code == 200
    assert "法律依据" in response.content.decode()
    assert fresh(first).disclosure_attribute == ""
    assert not history(first, ATTRIBUTE_SET).exists()


# -- periodic review and conversion ------------------------------------------------------------


@pytest.fixture
def due_item(home):
    return make_withheld_document(
        "2021年专项资金分配请示", attribute="on_request",
        disclosure_review_date=datetime.date(2022, 1, 31),
    )


def test_withheld_items_past_their_review_date_are_due(client, manager, due_item, settings):
    settings.WAGTAIL_DISCLOSURE_TODAY = "2022-11-01"
    later = make_withheld_document(
        "2022年专项资金分配请示", disclosure_review_date=datetime.date(2023, 6, 30)
    )
    client.force_login(manager)
    with translation.override("zh-hans"):
        html = client.get(reverse("wagtail_disclosure_admin:attributes_review")).content.decode()
    assert due_item.title in html and later.title not in html
    assert "2022年1月31日" in html and "复查处理" in html


def test_converting_a_reviewed_item_publishes_it_and_records_it(client, manager, due_item):
    client.force_login(manager)
    url = reverse(
        "wagtail_disclosure_admin:attributes_convert",
        args=[f"wagtail_disclosure.policydocumentpage:{due_item.pk}"],
    )
    assert client.get(url).status_code == 200
    response = client.post(url)

    assert response.status_code == 302
    page = fresh(due_item)
    assert page.live and page.disclosure_attribute == "proactive"
    converted = history(page, ATTRIBUTE_CONVERTED).get()
    assert converted.data["before"]["attribute"] == "on_request"


def test_an_item_still_withheld_after_review_is_kept_until_the_next_review(
    client, manager, due_item, settings
):
    settings.WAGTAIL_DISCLOSURE_TODAY = "2022-11-01"
    client.force_login(manager)
    url = reverse(
        "wagtail_disclosure_admin:attributes_convert",
        args=[f"wagtail_disclosure.policydocumentpage:{due_item.pk}"],
    )
    response = client.post(url, {"review_again": "1", "review_date": ""})

    assert response.status_code == 302
    page = fresh(due_item)
    assert not page.live and page.disclosure_attribute == "on_request"
    assert page.disclosure_review_date == datetime.date(2023, 11, 1)
    entry = history(page, ATTRIBUTE_SET).latest("timestamp")
    assert entry.user == manager and entry.data["after"]["review_date"] == "2023-11-01"
    html = client.get(reverse("wagtail_disclosure_admin:attributes_review")).content.decode()
    assert url not in html  # no longer due


def test_a_conversion_passes_the_publication_gate(client, manager, due_item):
    def nothing_about_funds(obj, revision=None, user=None):
        if "专项资金" in obj.title:
            yield PublicationProblem("site", "标题含敏感内容")

    register_publication_check("site", nothing_about_funds)
    try:
        client.force_login(manager)
        response = client.post(reverse(
            "wagtail_disclosure_admin:attributes_convert",
            args=[f"wagtail_disclosure.policydocumentpage:{due_item.pk}"],
        ), follow=True)
    finally:
        unregister_publication_check("site")
    page = fresh(due_item)
    assert not page.live and page.disclosure_attribute == "on_request"
    assert "标题含敏感内容" in response.content.decode()
    assert not history(page, ATTRIBUTE_CONVERTED).exists()


# -- the request officers' lookup, and units ---------------------------------------------------


def test_unit_editors_see_only_their_units_items(client, home, office, rencheng, settings):
    ours = make_withheld_document("市政府办公室内部请示", issuer=office)
    theirs = make_withheld_document("任城区内部请示", issuer=rencheng)
    settings.WAGTAIL_DISCLOSURE_TODAY = "2099-01-01"  # both are due for review
    our_draft = work_document("市政府办公室待定文件", issuer=office)
    their_draft = work_document("任城区待定文件", issuer=rencheng)
    editor = make_office_unit_editor("office_editor", office)
    client.force_login(editor)

    for name, shown, hidden in [
        ("attributes_withheld", ours, theirs),
        ("attributes_review", ours, theirs),
        ("attributes_undecided", our_draft, their_draft),
    ]:
        html = client.get(reverse(f"wagtail_disclosure_admin:{name}")).content.decode()
        assert shown.title in html, name
        assert hidden.title not in html, name

    other = f"wagtail_disclosure.policydocumentpage:{theirs.pk}"
    assert refused(client.get(
        reverse("wagtail_disclosure_admin:attributes_convert", args=[other])
    ))
    assert refused(client.post(reverse("wagtail_disclosure_admin:attributes_bulk_set"), {
        "items": [f"wagtail_disclosure.policydocumentpage:{their_draft.pk}"],
    }))
    assert fresh(theirs).disclosure_attribute == "not_disclosed"


def test_request_officers_search_withheld_items(client, manager, home):
    make_withheld_document("关于某企业环评材料的说明", attribute="on_request",
                           basis="art15_commercial_secret", document_number="济环函〔2022〕8号")
    make_withheld_document("干部考察材料", basis="art16_internal")
    client.force_login(manager)
    url = reverse("wagtail_disclosure_admin:attributes_withheld")
    with translation.override("zh-hans"):
        html = client.get(url, {"q": "济环函"}).content.decode()
    assert "关于某企业环评材料的说明" in html and "干部考察材料" not in html
    assert "第十五条" in html
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert url in menu


# -- a live item made non-public ---------------------------------------------------------------


def test_making_a_live_page_non_public_asks_then_unpublishes_and_logs(client, manager, home):
    document = work_document("关于某项目的会议纪要", disclosure_attribute="proactive")
    document.get_latest_revision().publish()
    assert fresh(document).live
    client.force_login(manager)
    url = reverse("wagtailadmin_pages:edit", args=[document.pk])
    data = work_form(document, disclosure_attribute="not_disclosed",
                     disclosure_basis="art16_process")

    with translation.override("zh-hans"):
        confirm = client.post(url, data)
    assert confirm.status_code == 200
    assert "撤销发布" in confirm.content.decode()
    assert fresh(document).live

    response = client.post(url, {**data, "disclosure-withdraw-confirmed": "1"})
    assert response.status_code == 302
    page = fresh(document)
    assert not page.live
    assert page.disclosure_attribute == "not_disclosed"
    withdrawn = history(page, WITHDRAWN).get()
    assert withdrawn.user == manager
    assert withdrawn.data["decision"]["basis"] == "art16_process"


def test_existing_live_items_are_proactive_and_drafts_undecided_after_the_migration(home):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("wagtail_disclosure.migrations.0004_disclosure_attributes")
    live = work_document("上线已久的文件", disclosure_attribute="proactive")
    live.get_latest_revision().publish()
    draft = work_document("尚在草稿的文件")
    PolicyDocumentPage.objects.filter(pk=live.pk).update(disclosure_attribute="")

    migration.live_items_are_proactive(apps, None)

    assert fresh(live).disclosure_attribute == "proactive"
    assert fresh(draft).disclosure_attribute == ""


def test_an_annual_report_made_non_public_is_withdrawn_too(manager, office):
    from wagtail.models import ModelLogEntry

    from wagtail_disclosure.annual_reports.models import AnnualReport

    report = AnnualReport.objects.create(unit=office, year=2022, disclosure_attribute="proactive")
    report.save_revision().publish()
    assert AnnualReport.objects.get(pk=report.pk).live

    report = AnnualReport.objects.get(pk=report.pk)
    report.disclosure_attribute = "not_disclosed"
    report.disclosure_basis = "art14_security"
    report.save_revision(user=manager)

    report = AnnualReport.objects.get(pk=report.pk)
    assert not report.live and report.disclosure_attribute == "not_disclosed"
    entries = ModelLogEntry.objects.for_instance(report)
    assert entries.filter(action=WITHDRAWN, user=manager).exists()
    assert entries.filter(action="wagtail.unpublish").exists()


def test_the_review_task_is_a_workflow_task_type_sites_can_add():
    from wagtail.workflows import get_task_types

    from wagtail_disclosure.attributes.models import DisclosureAttributeTask

    assert DisclosureAttributeTask in get_task_types()


def test_the_reports_cost_the_same_number_of_queries_at_two_sizes(
    client, home, office, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(make_office_unit_editor("office_editor", office))
    url = reverse("wagtail_disclosure_admin:attributes_withheld")

    def add(count, batch):
        for n in range(count):
            make_withheld_document(f"内部请示{batch}-{n}", issuer=office)

    add(2, "a")
    client.get(url)
    with CaptureQueriesContext(connection) as two:
        client.get(url)
    add(8, "b")
    with django_assert_num_queries(len(two)):
        html = client.get(url).content.decode()
    assert html.count("内部请示") >= 10


def test_a_document_waits_for_its_interpretation_s_attribute(client, manager, home):
    """Released together (同步解读): a prepared interpretation the gate refuses does not count,
    so the document is not published alone."""
    from tests.builders import make_interpretation
    from wagtail_disclosure.policies.publishing import RELEASE_BLOCKED

    document = make_policy_document("济宁市住房公积金缴存管理办法")
    interpretation = make_interpretation("《办法》解读", [document], disclosure_attribute="")

    document.get_latest_revision().publish()
    assert not fresh(document).live and not fresh(interpretation).live
    assert history(document, RELEASE_BLOCKED).exists()

    client.force_login(manager)
    with translation.override("zh-hans"):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[document.pk]),
            document_form(document.title, document.slug, **{"action-publish": "action-publish"}),
            follow=True,
        )
    assert not fresh(document).live
    assert "《办法》解读" in response.content.decode()
    assert "未确定公开属性" in response.content.decode()
