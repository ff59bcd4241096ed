"""The privacy check in the demo: a draft notice that still holds a resident ID number, and an
older notice that went live before the check was switched on.

Publishing the draft is refused (its history says why; its review screen shows the hits, masked,
with one-click masks); 政务公开 → 政策与解读 → 公开审查报告 lists the older, live notice.
"""

from datetime import date

from wagtail_disclosure.policies.models import PolicyDocumentPage, PolicyIndexPage, PolicyKind
from wagtail_disclosure.units.models import UnitPage

SLUG = "dibao-gongshi-2022"
BODY = (
    "<p>根据《山东省最低生活保障办法》，经本人申请、入户调查、民主评议，拟将以下家庭纳入城乡"
    "最低生活保障范围，现予公示。公示期为2022年11月1日至2022年11月7日。</p>"
    "<p>申请人王建国，身份证号码370811199003071232，家庭人口3人，月保障金额1350元；"
    "联系电话13812345678。</p>"
    "<p>对公示对象有异议的，请于公示期内向任城区民政局反映，电话：0537-2345678，"
    "或拨打政务服务便民热线12345。</p>"
)


LEGACY_SLUG = "linshi-jiuzhu-2021"
LEGACY_BODY = (
    "<p>经审核，以下人员符合临时救助条件，现予公示：李秀英，联系电话13905371234，"
    "救助金额2000元。公示期5个工作日，监督电话0537-2345678。</p>"
)


def load_legacy(library, issuer, stdout):
    """A notice published in 2021, before the check: written live, as a migrated site has it."""
    if PolicyDocumentPage.objects.filter(slug=LEGACY_SLUG).exists():
        return
    page = PolicyDocumentPage(
        disclosure_attribute="proactive",
        slug=LEGACY_SLUG,
        title="关于2021年第三季度临时救助对象的公示",
        kind=PolicyKind.WORK,
        requires_interpretation=False,
        issuer=issuer,
        document_number="任民字〔2021〕27号",
        date_written=date(2021, 9, 30),
        date_published=date(2021, 9, 30),
        body=LEGACY_BODY,
        live=True,
    )
    library.add_child(instance=page)
    stdout.write(f"公开审查：已发布的旧稿 {page.title} 含手机号码（见公开审查报告）")


def load(stdout):
    library = PolicyIndexPage.objects.filter(slug="policies").first()
    if library is None:
        return
    issuer = UnitPage.objects.filter(title="任城区人民政府").first()
    load_legacy(library, issuer, stdout)
    if PolicyDocumentPage.objects.filter(slug=SLUG).exists():
        return
    page = PolicyDocumentPage(
        disclosure_attribute="proactive",
        slug=SLUG,
        title="关于2022年第四批城乡最低生活保障对象的公示",
        kind=PolicyKind.WORK,
        requires_interpretation=False,
        issuer=issuer,
        document_number="任民字〔2022〕41号",
        date_written=date(2022, 10, 31),
        body=BODY,
        live=False,
    )
    library.add_child(instance=page)
    revision = page.save_revision()
    revision.publish()  # refused by the privacy check: the page stays a draft
    stdout.write(f"公开审查：{page.title} 含个人信息，发布被拒（见公开审查报告）")
