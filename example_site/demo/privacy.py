"""The privacy check in the demo: a draft notice that still holds a resident ID number.

Publishing it is refused (its history says why); 政务公开 → 公开审查报告 and the review screen
show the hits, masked, with one-click masks.
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


def load(stdout):
    library = PolicyIndexPage.objects.filter(slug="policies").first()
    if library is None or PolicyDocumentPage.objects.filter(slug=SLUG).exists():
        return
    page = PolicyDocumentPage(
        slug=SLUG,
        title="关于2022年第四批城乡最低生活保障对象的公示",
        kind=PolicyKind.WORK,
        requires_interpretation=False,
        issuer=UnitPage.objects.filter(title="任城区人民政府").first(),
        document_number="任民字〔2022〕41号",
        date_written=date(2022, 10, 31),
        body=BODY,
        live=False,
    )
    library.add_child(instance=page)
    revision = page.save_revision()
    revision.publish()  # refused by the privacy check: the page stays a draft
    stdout.write(f"公开审查：{page.title} 含个人信息，发布被拒（见公开审查报告）")
