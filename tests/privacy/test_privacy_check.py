"""公开审查: a page that holds personal data does not go live, whichever way it is published,
until the data is masked or a manager publishes it anyway with a reason."""

import json
import time

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import PageLogEntry

from tests.builders import (
    attach,
    make_document,
    make_interpretation,
    make_office_unit_editor,
    make_policy_document,
    write_docx,
    write_pdf,
)
from wagtail_disclosure.core.identity_numbers import luhn_check_digit
from wagtail_disclosure.core.publication import PUBLICATION_REFUSED, publication_problems
from wagtail_disclosure.privacy.actions import MASKED, OVERRIDDEN
from wagtail_disclosure.privacy.check import review_url, scan
from wagtail_disclosure.privacy.models import PrivacyOverride

pytestmark = pytest.mark.django_db

ID_NUMBER = "370811199003071232"
BANK = "622202020000123" + luhn_check_digit("622202020000123")
PERSONAL = {
    "resident_id": f"申请人张三，身份证号码{ID_NUMBER}",
    "mobile": "联系电话13812345678",
    "bank_card": f"补贴发放至银行卡{BANK}",
    "passport": "护照号码E12345678",
    "travel_permit": "往来港澳通行证C12345678",
}
PUBLIC = ("济政办字〔2022〕22号 索引号11370800004319350E/2022-00012 2022年10月31日 "
          "咨询电话0537-1234567 热线12345")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.WAGTAIL_DISCLOSURE_CACHE = "default"
    from django.core.cache import cache

    cache.clear()


def released_document(home, body="", **fields):
    """A work document (no interpretation needed) with ``body``, as a draft."""
    document = make_policy_document("关于发放住房补贴的公示", kind="work",
                                    requires_interpretation=False, body=f"<p>{body}</p>",
                                    **fields)
    return document


def found_kinds(obj):
    return {hit.kind for hit in scan(obj)}


# -- where personal data is found ------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(PERSONAL))
def test_each_kind_is_found_in_the_body_text(home, kind):
    document = released_document(home, f"{PUBLIC}。{PERSONAL[kind]}。")
    assert kind in found_kinds(document.get_latest_revision_as_object())


def test_the_id_numbers_holder_is_found_next_to_it(home):
    document = released_document(home, PERSONAL["resident_id"])
    hits = scan(document.get_latest_revision_as_object())
    assert [(hit.kind, hit.masked) for hit in hits] == [
        ("id_owner_name", "张*"), ("resident_id", "370811********1232")]


def test_what_is_public_by_nature_passes(home):
    document = released_document(home, PUBLIC, document_number="济政办字〔2022〕22号",
                                 index_number="11370800004319350E/2022-00012")
    assert scan(document.get_latest_revision_as_object()) == []
    document.get_latest_revision().publish()
    document.refresh_from_db()
    assert document.live


@pytest.mark.parametrize("kind", sorted(PERSONAL))
def test_each_kind_is_found_in_a_streamfield_block(home, kind):
    document = released_document(home, "正文")
    interpretation = make_interpretation("补贴政策解读", [document], body=[
        ("core_concepts", {"heading": "一、发放对象", "text": "<p>见下表。</p>"}),
        ("comparison", {"heading": "变化", "intro": "", "rows": [
            {"aspect": "发放方式", "before": "现金", "after": PERSONAL[kind]},
        ]}),
    ])
    hits = scan(interpretation.get_latest_revision_as_object())
    assert kind in {hit.kind for hit in hits}
    hit = next(hit for hit in hits if hit.kind == kind)
    assert hit.field == "body"
    assert "2." in hit.label


@pytest.mark.parametrize("kind", sorted(PERSONAL))
def test_each_kind_is_found_in_an_attached_pdf(home, tmp_path, kind):
    pdf = write_pdf(tmp_path / "公示名单.pdf", [["第一页：公示说明"], ["名单", PERSONAL[kind]]])
    document = attach(released_document(home, "见附件"), make_document(pdf))
    hits = scan(document.get_latest_revision_as_object())
    assert kind in {hit.kind for hit in hits}
    assert all(hit.document_title == "公示名单.pdf" for hit in hits)


@pytest.mark.parametrize("kind", sorted(PERSONAL))
def test_each_kind_is_found_in_an_attached_word_file(home, tmp_path, kind):
    docx = write_docx(tmp_path / "名单.docx", ["公示名单如下："],
                      table=[("序号", "信息"), ("1", PERSONAL[kind])])
    document = attach(released_document(home, "见附件"), make_document(docx))
    assert kind in found_kinds(document.get_latest_revision_as_object())


def test_an_attached_workbook_is_read(home, tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["姓名", "身份证号码"])
    workbook.active.append(["张三", ID_NUMBER])
    workbook.save(tmp_path / "名单.xlsx")
    document = attach(released_document(home, "见附件"), make_document(tmp_path / "名单.xlsx"))
    assert "resident_id" in found_kinds(document.get_latest_revision_as_object())


def test_a_public_pdf_passes(home, tmp_path):
    pdf = write_pdf(tmp_path / "通知.pdf", [["济政办字〔2022〕22号", "咨询电话：0537-1234567"]])
    document = attach(released_document(home, "见附件"), make_document(pdf))
    assert scan(document.get_latest_revision_as_object()) == []


@pytest.mark.parametrize("name, content", [
    ("损坏.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref"),
    ("损坏.docx", b"PK\x03\x04 not really a zip"),
    ("扫描件.jpg", b"\xff\xd8\xff\xe0 a photo of an ID card"),
])
def test_a_file_whose_text_cannot_be_read_needs_manual_review(home, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    document = attach(released_document(home, "见附件"), make_document(path))
    hits = scan(document.get_latest_revision_as_object())
    assert [hit.kind for hit in hits] == ["manual_review"]
    assert hits[0].note


def test_a_scanned_pdf_without_text_needs_manual_review(home, tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "扫描件.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 400, 600, fill=1)  # a page with no text at all
    pdf.showPage()
    pdf.save()
    document = attach(released_document(home, "见附件"), make_document(path))
    hits = scan(document.get_latest_revision_as_object())
    assert [hit.kind for hit in hits] == ["manual_review"]
    assert "没有可读取的文字" in hits[0].note or "no text" in hits[0].note


def test_an_encrypted_pdf_needs_manual_review(home, tmp_path):
    import pypdf

    plain = write_pdf(tmp_path / "plain.pdf", [[PERSONAL["resident_id"]]])
    writer = pypdf.PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    with open(tmp_path / "加密.pdf", "wb") as handle:
        writer.write(handle)
    document = attach(released_document(home, "见附件"), make_document(tmp_path / "加密.pdf"))
    assert [hit.kind for hit in scan(document.get_latest_revision_as_object())] == [
        "manual_review"]


def big_pdf(path, pages, operators_per_page):
    """A PDF whose first page holds an ID number and whose other pages are heavy: each
    draws ``operators_per_page`` pieces of text (megabytes of content streams)."""
    import pypdf
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    first = write_pdf(path.with_suffix(".first.pdf"), [[PERSONAL["resident_id"]]])
    writer = pypdf.PdfWriter(clone_from=str(first))
    helvetica = DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                                  NameObject("/Subtype"): NameObject("/Type1"),
                                  NameObject("/BaseFont"): NameObject("/Helvetica")})
    heavy = ("BT /F1 9 Tf 10 10 Td (0537-1234567 ) Tj ET\n" * operators_per_page).encode()
    for _ in range(pages - 1):
        page = writer.add_blank_page(width=595, height=842)
        stream = DecodedStreamObject()
        stream.set_data(heavy)
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject(
            {NameObject("/F1"): helvetica})})
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def test_a_large_pdf_is_read_within_the_time_limit_and_says_what_was_not_read(
    home, tmp_path, settings
):
    settings.WAGTAIL_DISCLOSURE_PRIVACY_MAX_SECONDS = 2
    path = big_pdf(tmp_path / "大文件.pdf", pages=50, operators_per_page=25_000)
    assert path.stat().st_size > 50 * 1024 * 1024
    document = attach(released_document(home, "见附件"), make_document(path))

    started = time.monotonic()
    hits = scan(document.get_latest_revision_as_object())
    elapsed = time.monotonic() - started

    assert elapsed < 10
    assert "resident_id" in {hit.kind for hit in hits}  # the first page was read
    review = [hit for hit in hits if hit.kind == "manual_review"]
    assert review and "2" in review[0].note


def test_a_file_over_the_size_limit_is_not_read_and_says_so(home, tmp_path, settings):
    settings.WAGTAIL_DISCLOSURE_PRIVACY_MAX_FILE_SIZE = 1024
    pdf = write_pdf(tmp_path / "名单.pdf", [[PERSONAL["mobile"]] * 30] * 3)
    document = attach(released_document(home, "见附件"), make_document(pdf))
    hits = scan(document.get_latest_revision_as_object())
    assert [hit.kind for hit in hits] == ["manual_review"]


def test_pdf_pages_past_the_page_limit_are_reported(home, tmp_path, settings):
    settings.WAGTAIL_DISCLOSURE_PRIVACY_MAX_PAGES = 2
    pdf = write_pdf(tmp_path / "名单.pdf", [["第1页"], ["第2页"], [PERSONAL["mobile"]]])
    document = attach(released_document(home, "见附件"), make_document(pdf))
    hits = scan(document.get_latest_revision_as_object())
    assert [hit.kind for hit in hits] == ["manual_review"]
    assert "2" in hits[0].note and "3" in hits[0].note


# -- every way of publishing is refused -------------------------------------------------------


def refusals(page):
    return PageLogEntry.objects.filter(page=page, action=PUBLICATION_REFUSED)


def publish_form(document):
    from tests.policies.test_release_together_editor import document_form

    data = document_form(document.title, document.slug, kind="work", requires=False,
                         **{"action-publish": "action-publish"})
    block = {"key": "a", "type": "unstyled", "depth": 0, "text": PERSONAL["resident_id"],
             "inlineStyleRanges": [], "entityRanges": []}
    data["body"] = json.dumps({"blocks": [block], "entityMap": {}})
    return data


def test_the_publish_button_is_refused_with_a_link_to_the_hits(client, manager, home):
    document = released_document(home, PERSONAL["resident_id"])
    client.force_login(manager)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[document.pk]),
                           publish_form(document), follow=True)
    document.refresh_from_db()
    assert not document.live
    page = response.content.decode()
    assert "370811********1232" in page
    assert review_url(document) in page
    assert ID_NUMBER not in page.split("<form")[0]  # the message shows it masked


def test_scheduled_and_workflow_publishing_are_refused(home):
    document = released_document(home, PERSONAL["mobile"])
    document.get_latest_revision().publish()  # what publish_scheduled and approval call
    document.refresh_from_db()
    assert not document.live
    reasons = refusals(document).get().data["reasons"]
    assert "138****5678" in reasons[0]
    assert "13812345678" not in reasons[0]


def test_the_scheduled_publishing_command_is_refused(home):
    import datetime

    from django.utils import timezone

    document = released_document(home, PERSONAL["mobile"])
    revision = document.get_latest_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled")
    document.refresh_from_db()
    assert not document.live
    assert refusals(document).exists()


def test_bulk_publishing_is_refused(client, manager, home):
    document = released_document(home, PERSONAL["bank_card"])
    client.force_login(manager)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = client.post(f"{url}?id={document.pk}&next=/admin/", {}, follow=True)
    document.refresh_from_db()
    assert not document.live
    assert "********" in response.content.decode()


def test_the_gate_names_the_privacy_check(home):
    document = released_document(home, PERSONAL["passport"])
    problems = publication_problems(document.get_latest_revision_as_object())
    assert [problem.check for problem in problems] == ["privacy"]
    assert problems[0].overridable and problems[0].url == review_url(document)


# -- masking and overriding --------------------------------------------------------------------


def latest(page):
    page.refresh_from_db()
    return page.get_latest_revision()


def mask(client, page, hit):
    return client.post(reverse("wagtail_disclosure_admin:privacy_mask",
                               args=[page.content_type_id, page.pk]),
                       {"revision": latest(page).pk, "hit": hit.key}, follow=True)


def test_one_click_masks_the_hit_in_a_new_draft_and_it_can_then_be_published(
    client, manager, home
):
    document = released_document(home, PERSONAL["resident_id"])
    client.force_login(manager)
    response = client.get(review_url(document))
    assert response.status_code == 200
    page = response.content.decode()
    assert "370811********1232" in page and ID_NUMBER not in page
    revision = latest(document)
    name = next(hit for hit in scan(revision.as_object()) if hit.kind == "id_owner_name")
    mask(client, document, name)
    masked = latest(document)
    assert masked.pk != revision.pk
    assert "申请人张*" in masked.as_object().body
    assert PageLogEntry.objects.filter(page=document, action=MASKED).exists()
    # The ID number is still there: mask it too, then the draft publishes.
    id_number = next(hit for hit in scan(masked.as_object()) if hit.kind == "resident_id")
    mask(client, document, id_number)
    final = latest(document)
    assert "申请人张*，身份证号码370811********1232" in final.as_object().body
    final.publish()
    document.refresh_from_db()
    assert document.live


def test_masking_a_streamfield_block(client, manager, home):
    document = released_document(home, "正文")
    interpretation = make_interpretation("补贴政策解读", [document], body=[
        ("scope", {"heading": "联系方式", "text": f"<p>{PERSONAL['mobile']}</p>"}),
    ])
    client.force_login(manager)
    revision = interpretation.get_latest_revision()
    hit = scan(revision.as_object())[0]
    response = client.post(reverse("wagtail_disclosure_admin:privacy_mask",
                        args=[interpretation.content_type_id, interpretation.pk]),
                {"revision": revision.pk, "hit": hit.key}, follow=True)
    assert "138****5678" in str(list(response.context["messages"])[0])
    body = latest(interpretation).as_object().body
    assert body[0].value["text"].source == "<p>联系电话138****5678</p>"


def test_a_manager_publishes_anyway_with_a_logged_reason(client, manager, home):
    document = released_document(home, PERSONAL["mobile"])
    revision = document.get_latest_revision()
    client.force_login(manager)
    client.post(reverse("wagtail_disclosure_admin:privacy_override",
                        args=[document.content_type_id, document.pk]),
                {"revision": revision.pk, "reason": "本人书面同意公开（条例第十五条）"})
    document.refresh_from_db()
    assert document.live
    override = PrivacyOverride.objects.get(revision=revision)
    assert override.user == manager and override.findings == 1
    entry = PageLogEntry.objects.get(page=document, action=OVERRIDDEN)
    assert entry.data["reason"] == "本人书面同意公开（条例第十五条）"
    # The override is for that revision only: an edit is checked again.
    document.title = "关于发放住房补贴的公示（更正）"
    document.save_revision().publish()
    document.refresh_from_db()
    assert document.title == "关于发放住房补贴的公示"
    assert refusals(document).exists()


def test_an_override_needs_a_reason(client, manager, home):
    document = released_document(home, PERSONAL["mobile"])
    client.force_login(manager)
    client.post(reverse("wagtail_disclosure_admin:privacy_override",
                        args=[document.content_type_id, document.pk]),
                {"revision": document.get_latest_revision().pk, "reason": ""})
    document.refresh_from_db()
    assert not document.live
    assert not PrivacyOverride.objects.exists()


def denied(response):
    """Wagtail's admin answers a refused view by sending the user to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


def test_a_unit_editor_may_not_override(client, home, office):
    editor = make_office_unit_editor("office_editor", office)
    document = released_document(home, PERSONAL["mobile"], issuer=office)
    client.force_login(editor)
    assert client.get(review_url(document)).status_code == 200
    response = client.post(reverse("wagtail_disclosure_admin:privacy_override",
                                   args=[document.content_type_id, document.pk]),
                           {"revision": document.get_latest_revision().pk, "reason": "我同意"})
    assert denied(response)
    document.refresh_from_db()
    assert not document.live


def test_another_units_editor_cannot_see_the_hits(client, home, office, rencheng):
    editor = make_office_unit_editor("rencheng_editor", rencheng)
    document = released_document(home, PERSONAL["mobile"], issuer=office)
    client.force_login(editor)
    assert denied(client.get(review_url(document)))


# -- the report over what is live --------------------------------------------------------------


def test_the_report_lists_live_pages_holding_personal_data(client, manager, home):
    clean = released_document(home, PUBLIC)
    clean.get_latest_revision().publish()
    leaking = released_document(home, PERSONAL["mobile"], slug="leaking")
    # Published before the check existed: written straight to the live row.
    leaking.body = f"<p>{PERSONAL['mobile']}</p>"
    leaking.live = True
    leaking.save()
    client.force_login(manager)
    response = client.get(reverse("wagtail_disclosure_admin:privacy_report"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "138****5678" in page and "13812345678" not in page
    assert review_url(leaking) in page
    # Nothing of it can be exported.
    export = client.get(reverse("wagtail_disclosure_admin:privacy_report") + "?export=csv")
    assert "text/csv" not in export.get("Content-Type", "")


def test_a_unit_editor_sees_only_their_units_pages_in_the_report(client, home, office, rencheng):
    ours = released_document(home, PERSONAL["mobile"], issuer=office, slug="ours")
    theirs = released_document(home, PERSONAL["passport"], issuer=rencheng, slug="theirs")
    for page in (ours, theirs):
        page.live = True
        page.save()
    client.force_login(make_office_unit_editor("office_editor", office))
    page = client.get(reverse("wagtail_disclosure_admin:privacy_report")).content.decode()
    assert review_url(ours) in page
    assert review_url(theirs) not in page


# -- the site's own patterns -------------------------------------------------------------------


def test_a_bad_site_pattern_is_an_error_at_startup(settings):
    from wagtail_disclosure.privacy.patterns import check_site_patterns

    settings.WAGTAIL_DISCLOSURE_PRIVACY_PATTERNS = {"社保卡号": "SB(\\d{8}", "车牌": "鲁H\\w{5}"}
    errors = check_site_patterns()
    assert [error.id for error in errors] == ["wagtail_disclosure.E103"]
    assert "社保卡号" in errors[0].msg
    # Django runs it when the site starts (runserver, migrate, check).
    from django.core.management.base import SystemCheckError

    with pytest.raises(SystemCheckError, match="社保卡号"):
        call_command("check")


def test_a_site_pattern_blocks_publication(home, settings):
    settings.WAGTAIL_DISCLOSURE_PRIVACY_PATTERNS = {"社保卡号": r"SB\d{8}"}
    document = released_document(home, "社保卡号SB12345678")
    assert "社保卡号" in found_kinds(document.get_latest_revision_as_object())


def test_a_page_live_since_before_revisions_were_kept_can_be_masked(client, manager, home):
    from tests.builders import policy_library
    from wagtail_disclosure.policies.models import PolicyDocumentPage

    legacy = PolicyDocumentPage(
        disclosure_attribute="proactive",
        title="2021年临时救助公示", slug="legacy", kind="work",
        body=f"<p>{PERSONAL['mobile']}</p>", live=True)
    policy_library().add_child(instance=legacy)
    assert legacy.get_latest_revision() is None
    client.force_login(manager)
    page = client.get(review_url(legacy)).content.decode()
    assert "138****5678" in page
    hit = scan(legacy)[0]
    client.post(reverse("wagtail_disclosure_admin:privacy_mask",
                        args=[legacy.content_type_id, legacy.pk]),
                {"revision": "", "hit": hit.key})
    assert latest(legacy).as_object().body == "<p>联系电话138****5678</p>"


def test_an_annual_report_snippet_is_checked_and_masked_like_a_page(client, manager, office):
    from wagtail.models import ModelLogEntry

    from wagtail_disclosure.annual_reports.models import AnnualReport

    report = AnnualReport(
        disclosure_attribute="proactive",
        unit=office, year=2022, overview=f"<p>{PERSONAL['mobile']}</p>", live=False)
    report.save()
    report.save_revision().publish()
    report.refresh_from_db()
    assert not report.live
    assert ModelLogEntry.objects.filter(object_id=str(report.pk),
                                        action=PUBLICATION_REFUSED).exists()
    client.force_login(manager)
    hit = scan(report.get_latest_revision_as_object())[0]
    client.post(reverse("wagtail_disclosure_admin:privacy_mask",
                        args=[ContentType.objects.get_for_model(report).pk, report.pk]),
                {"revision": report.get_latest_revision().pk, "hit": hit.key})
    report.refresh_from_db()
    report.get_latest_revision().publish()
    report.refresh_from_db()
    assert report.live
    assert report.overview == "<p>联系电话138****5678</p>"
