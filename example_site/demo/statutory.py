"""法定主动公开内容: the Art. 20 page in the column's section, with items filed by a few units.

The catalogue itself comes with the migration. The policy library's live documents are filed
under item (一) for their issuing bodies, on the documents themselves; other items are links to
what the units publish elsewhere (illustrative addresses), dated relative to the day the demo is
first loaded, so the compliance report shows categories up to date, out of date and missing.
"""

import datetime

from demo.site import ensure_child
from wagtail_disclosure.column.models import ColumnRole, ColumnSectionPage
from wagtail_disclosure.core import clock
from wagtail_disclosure.policies.models import PolicyDocumentPage
from wagtail_disclosure.statutory.models import StatutoryCategory, StatutoryIndexPage, StatutoryItem
from wagtail_disclosure.units.models import UnitPage

INTRO = (
    "<p>根据《中华人民共和国政府信息公开条例》第二十条，行政机关应当主动公开本行政机关的"
    "规范性文件、机构职能、财政预决算、行政许可和行政处罚、公务员招考等政府信息。"
    "本页按类别汇集各单位最新公开的内容，点击类别查看各单位的公开情况。</p>"
    "<p>（示例数据，链接仅供演示。）</p>"
)

#: unit, category code, title, days before the demo's first load, address
LINKS = [
    ("市财政局", "budgets", "济宁市市级部门预算公开（本年度）", 200, "https://czj.jining.gov.cn/ys"),
    ("市财政局", "budgets", "济宁市市级部门决算公开（上年度）", 150, "https://czj.jining.gov.cn/js"),
    ("市财政局", "fees", "济宁市行政事业性收费目录清单", 420, "https://czj.jining.gov.cn/sf"),
    ("市财政局", "procurement", "济宁市政府集中采购目录及标准", 90, "https://czj.jining.gov.cn/cg"),
    ("市财政局", "organisation", "市财政局机构职能和联系方式", 60, "https://czj.jining.gov.cn/jg"),
    ("任城区人民政府", "budgets", "任城区区级预算公开", 400, "https://www.rencheng.gov.cn/ys"),
    ("任城区人民政府", "statistics", "任城区国民经济主要统计数据（季度）", 40,
     "https://www.rencheng.gov.cn/tj"),
    ("任城区人民政府", "licensing", "任城区行政许可办理结果公示", 50,
     "https://www.rencheng.gov.cn/xk"),
    ("任城区人民政府", "licensing", "任城区政务服务事项办事指南", 80,
     "https://www.rencheng.gov.cn/bszn"),
    ("任城区人民政府", "emergencies", "任城区突发事件总体应急预案", 300,
     "https://www.rencheng.gov.cn/yjya"),
    ("任城区人民政府", "recruitment", "任城区公务员招录拟录用人员名单", 120,
     "https://www.rencheng.gov.cn/zl"),
    ("兖州区人民政府", "organisation", "兖州区人民政府机构设置和领导信息", 20,
     "https://www.yanzhou.gov.cn/jg"),
    ("市市场监管局", "enforcement", "市市场监管局行政处罚决定信息公示", 5,
     "https://amr.jining.gov.cn/cf"),
    ("市市场监管局", "inspections", "食品安全监督抽检信息（季度）", 130,
     "https://amr.jining.gov.cn/cj"),
    ("市人力资源社会保障局", "livelihood", "就业创业扶持政策及落实情况", 25,
     "https://hrss.jining.gov.cn/jy"),
]


def load(stdout):
    section = ColumnSectionPage.objects.filter(role=ColumnRole.STATUTORY).order_by("path").first()
    if section is None:
        stdout.write("没有“法定主动公开内容”栏目，跳过。")
        return
    index, created = ensure_child(section, StatutoryIndexPage, "article-20", "法定主动公开事项",
                                  intro=INTRO)
    if created:
        stdout.write(f"创建页面：{index.title}")
    if StatutoryItem.objects.exists():
        return
    today = clock.today()
    units = {unit.title: unit for unit in UnitPage.objects.all()}
    categories = {category.code: category for category in StatutoryCategory.objects.all()}
    for unit, code, title, days, url in LINKS:
        if unit in units and code in categories:
            StatutoryItem.objects.create(
                category=categories[code], unit=units[unit], title=title, url=url,
                date=today - datetime.timedelta(days=days),
            )
    filed = 0
    for document in PolicyDocumentPage.objects.live().filter(issuer__isnull=False):
        document.statutory_items.add(
            StatutoryItem(category=categories["regulations"], unit=document.issuer,
                          date=document.date_published)
        )
        document.save_revision().publish()
        filed += 1
    stdout.write(f"法定主动公开内容：归集{len(LINKS)}条外部链接和{filed}份政策文件。")
