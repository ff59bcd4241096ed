"""The Jining units register, with contact details and a disclosure guide for a few units."""

from demo import DATA_DIR
from wagtail_disclosure.core.imports import load_dataset, run_import
from wagtail_disclosure.units.imports import COLUMNS, REQUIRED_COLUMNS, UnitRegisterResource
from wagtail_disclosure.units.models import UnitIndexPage, UnitPage

GUIDE_HOW = (
    "<p>申请人可通过网上申请、信函申请、当面申请等方式提出政府信息公开申请，"
    "填写《政府信息公开申请表》，写明申请人姓名或名称、身份证明、联系方式，"
    "申请公开的政府信息名称、文号或者便于查询的其他特征性描述，以及获取信息的方式、途径。</p>"
)

#: Demo contact details (illustrative numbers, not the offices' real ones).
CONTACTS = {
    "市政府办公室": ("济宁市任城区共青团路50号", "0537-2967001", "市政府办公室政务公开科"),
    "市发展改革委": ("济宁市太白湖新区济宁市政务服务中心", "0537-2967101", "委办公室"),
    "市教育局": ("济宁市任城区红星中路36号", "0537-2967201", "局办公室"),
    "市财政局": ("济宁市任城区建设北路6号", "0537-2967301", "局办公室"),
    "任城区人民政府": ("济宁市任城区古槐路61号", "0537-2967401", "区政府办公室政务公开科"),
    "曲阜市人民政府": ("曲阜市静轩西路1号", "0537-2967501", "市政府办公室政务公开科"),
}


def load(stdout):
    parent = UnitIndexPage.objects.filter(slug="units").first()
    dataset = load_dataset(
        (DATA_DIR / "units.csv").read_bytes(), "units.csv", REQUIRED_COLUMNS, COLUMNS
    )
    report = run_import(UnitRegisterResource(parent_page=parent), dataset, dry_run=False)
    if report.problems:
        raise RuntimeError("; ".join(str(p) for p in report.problems))
    totals = report.totals
    stdout.write(f"单位名录：新增 {totals.get('new', 0)}，更新 {totals.get('update', 0)}")
    for name, (address, phone, office) in CONTACTS.items():
        unit = UnitPage.objects.filter(title=name).first()
        if unit is None or unit.phone == phone:
            continue
        unit.address, unit.phone, unit.disclosure_office = address, phone, office
        unit.office_hours = "工作日 上午9:00-12:00，下午13:00-17:00"
        unit.guide_how_to_request = GUIDE_HOW
        unit.guide_where = f"{address}\n{office}"
        unit.guide_when = "法定工作日受理"
        unit.save_revision().publish()
