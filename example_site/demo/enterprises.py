"""The public-enterprise column: four sectors, their catalogues, entities and entries.

Entities, contacts and entries are illustrative (only 国网济宁供电公司 comes from the units
register). Entries are dated relative to the day the demo is first loaded, so some items show as
up to date, some as out of date and some as missing.
"""

import datetime

from demo.site import ensure_child, home_page
from wagtail_disclosure.core import clock
from wagtail_disclosure.enterprises.models import (
    CatalogueItem,
    DisclosureEntry,
    EnterpriseColumnPage,
    EnterprisePage,
    SectorKind,
    SectorPage,
    SectorRule,
    UpdatePeriod,
)
from wagtail_disclosure.enterprises.permissions import ensure_sector_editors_group
from wagtail_disclosure.units.models import UnitPage

P = UpdatePeriod

INTRO = (
    "<p>根据《中华人民共和国政府信息公开条例》第五十五条，教育、卫生健康、供水、供电、供气、供热、"
    "环境保护、公共交通等与人民群众利益密切相关的公共企事业单位，应当依照有关法律、法规和"
    "国务院有关主管部门或者机构的规定公开在提供社会公共服务过程中制作、获取的信息。"
    "本专栏按领域列出主管部门、适用主体清单、公开事项清单和监督投诉渠道。</p>"
    "<p>（示例数据，单位联系方式和公开内容仅供演示。）</p>"
)

#: slug, title, kind, competent department, rules, catalogue, complaint channel, entities.
SECTORS = [
    {
        "slug": "power",
        "title": "供电",
        "kind": SectorKind.POWER,
        "department": "市发展改革委",
        "rules": [("供电企业信息公开实施办法", "国能发监管规〔2021〕56号", "https://www.nea.gov.cn/")],
        "catalogue": [
            ("企业基本信息", "企业名称、营业执照、供电营业区域、服务网点", P.AS_NEEDED),
            ("电价及收费标准", "执行的电价政策、收费项目和标准", P.AS_NEEDED),
            ("停电信息", "计划停电、临时停电的时间、范围", P.REAL_TIME),
            ("供电服务承诺", "供电服务质量承诺及履行情况", P.YEARLY),
            ("供电可靠性指标", "城市、农村供电可靠率及电压合格率", P.QUARTERLY),
            ("办电流程及时限", "业扩报装办理流程、时限和所需资料", P.AS_NEEDED),
        ],
        "channel": ("市发展改革委能源监管科", "0537-2967102", "fgw-nengyuan@example.com",
                    "https://www.jining.gov.cn/", "济宁市太白湖新区济宁市政务服务中心"),
        "entities": [
            {
                "slug": "state-grid-jining",
                "title": "国网济宁供电公司",
                "full_name": "国网山东省电力公司济宁供电公司",
                "unit": "国网济宁供电公司",
                "address": "济宁市任城区太白楼中路",
                "phone": "95598",
                "entries": [
                    ("企业基本信息", 400, "公司基本情况、供电营业区域及营业厅分布"),
                    ("电价及收费标准", 200, "山东省电网销售电价表（现行）"),
                    ("停电信息", 3, "任城区部分线路计划检修停电公告"),
                    ("供电服务承诺", 100, "2024年度供电服务“十项承诺”"),
                    ("供电可靠性指标", 45, "第二季度城市供电可靠率99.97%"),
                    ("办电流程及时限", 300, "低压居民用户办电“一证办、一次办”流程"),
                ],
            },
            {
                "slug": "qufu-power",
                "title": "曲阜市供电公司",
                "full_name": "国网山东省电力公司曲阜市供电公司",
                "address": "曲阜市静轩中路",
                "phone": "95598",
                "entries": [
                    ("企业基本信息", 500, "公司基本情况及营业厅分布"),
                    ("停电信息", 20, "城区10千伏线路检修停电通知"),
                    ("供电可靠性指标", 200, "第一季度供电可靠性指标"),
                ],
            },
        ],
    },
    {
        "slug": "water",
        "title": "供水",
        "kind": SectorKind.WATER,
        "department": "市城乡水务局",
        "rules": [
            ("供水、供气、供热等公共企事业单位信息公开实施办法", "建城规〔2021〕4号",
             "https://www.mohurd.gov.cn/"),
        ],
        "catalogue": [
            ("水质信息", "出厂水、管网水水质检测结果", P.MONTHLY),
            ("水价及收费标准", "居民和非居民用水价格、阶梯水价、收费依据", P.AS_NEEDED),
            ("停水通知", "计划停水和抢修停水的时间、范围", P.REAL_TIME),
            ("服务承诺", "供水服务标准、办理时限和服务承诺", P.YEARLY),
            ("服务网点及办理指南", "营业网点地址、办理事项和所需材料", P.AS_NEEDED),
            ("投诉渠道", "服务热线、投诉方式和处理时限", P.AS_NEEDED),
        ],
        "channel": ("市城乡水务局供水管理科", "0537-2967602", "swj-gongshui@example.com",
                    "https://www.jining.gov.cn/", "济宁市任城区建设路"),
        "entities": [
            {
                "slug": "city-water",
                "title": "济宁市城区供水公司",
                "full_name": "济宁市城区供水有限公司（示例）",
                "address": "济宁市任城区古槐路",
                "phone": "0537-2212345",
                "entries": [
                    ("水质信息", 10, "本月出厂水、管网水42项常规指标检测结果均符合国家标准"),
                    ("水价及收费标准", 365, "济宁市城区居民阶梯水价标准"),
                    ("停水通知", 2, "古槐路管网改造计划停水通知"),
                    ("服务承诺", 90, "年度供水服务承诺"),
                    ("服务网点及办理指南", 180, "营业网点及用水报装办理指南"),
                    ("投诉渠道", 180, "24小时服务热线及投诉处理时限"),
                ],
            },
            {
                "slug": "yanzhou-water",
                "title": "兖州区自来水公司",
                "full_name": "济宁市兖州区自来水有限公司（示例）",
                "address": "济宁市兖州区建设东路",
                "phone": "0537-3412345",
                "entries": [
                    ("水质信息", 75, "水质检测结果公示"),
                    ("水价及收费标准", 400, "兖州区居民生活用水价格"),
                    ("服务承诺", 500, "供水服务承诺"),
                ],
            },
            {
                "slug": "qufu-water",
                "title": "曲阜市供水公司",
                "full_name": "曲阜市供水有限公司（示例）",
                "address": "曲阜市春秋西路",
                "phone": "0537-4412345",
                "entries": [
                    ("水质信息", 20, "水质月报"),
                    ("停水通知", 40, "城区部分区域降压供水通知"),
                    ("投诉渠道", 60, "服务热线及监督电话"),
                ],
            },
        ],
    },
    {
        "slug": "health",
        "title": "卫生健康",
        "kind": SectorKind.HEALTH,
        "department": "市卫生健康委",
        "rules": [("医疗卫生机构信息公开管理办法", "国卫办发〔2021〕43号", "https://www.nhc.gov.cn/")],
        "catalogue": [
            ("机构基本信息", "机构名称、地址、执业许可、科室设置", P.AS_NEEDED),
            ("医疗服务价格", "医疗服务项目价格、药品和医用耗材价格", P.AS_NEEDED),
            ("门诊出诊信息", "专家门诊出诊时间、停诊安排", P.MONTHLY),
            ("便民服务措施", "预约挂号、检查结果查询、就医指南", P.HALF_YEARLY),
            ("投诉渠道", "投诉管理部门、联系方式和处理程序", P.AS_NEEDED),
        ],
        "channel": ("市卫生健康委医政医管科", "0537-2967802", "wjw-yizheng@example.com",
                    "https://www.jining.gov.cn/", "济宁市任城区琵琶山路"),
        "entities": [
            {
                "slug": "first-peoples-hospital",
                "title": "济宁市第一人民医院",
                "full_name": "济宁市第一人民医院",
                "address": "济宁市任城区健康路",
                "phone": "0537-2253431",
                "entries": [
                    ("机构基本信息", 120, "医院概况、执业许可及科室设置"),
                    ("医疗服务价格", 60, "医疗服务项目价格公示"),
                    ("门诊出诊信息", 5, "本月专家门诊出诊时间表"),
                    ("便民服务措施", 100, "预约挂号及检查检验结果查询指南"),
                    ("投诉渠道", 200, "医患关系办公室投诉电话及处理流程"),
                ],
            },
            {
                "slug": "medical-college-hospital",
                "title": "济宁医学院附属医院",
                "full_name": "济宁医学院附属医院",
                "address": "济宁市任城区古槐路",
                "phone": "0537-2903114",
                "entries": [
                    ("机构基本信息", 300, "医院简介"),
                    ("门诊出诊信息", 70, "专家门诊出诊安排"),
                    ("便民服务措施", 250, "就医指南"),
                ],
            },
        ],
    },
    {
        "slug": "education",
        "title": "教育",
        "kind": SectorKind.EDUCATION,
        "department": "市教育局",
        "rules": [("高等学校信息公开办法", "教育部令第29号", "https://www.moe.gov.cn/")],
        "catalogue": [
            ("学校基本信息", "办学性质、办学规模、学校章程", P.AS_NEEDED),
            ("招生信息", "招生计划、招生范围、录取办法", P.YEARLY),
            ("收费项目及标准", "收费项目、标准、依据和投诉电话", P.YEARLY),
            ("学生资助", "资助政策、申请条件和名单公示", P.HALF_YEARLY),
            ("校园安全", "安全管理制度和应急预案", P.QUARTERLY),
        ],
        "channel": ("市教育局办公室", "0537-2967202", "jyj-bangongshi@example.com",
                    "https://www.jining.gov.cn/", "济宁市任城区红星中路36号"),
        "entities": [
            {
                "slug": "jining-no1-middle-school",
                "title": "济宁市第一中学",
                "full_name": "山东省济宁市第一中学",
                "address": "济宁市任城区共青团路",
                "phone": "0537-2345678",
                "entries": [
                    ("学校基本信息", 200, "学校简介及办学章程"),
                    ("招生信息", 120, "年度普通高中招生计划"),
                    ("收费项目及标准", 130, "年度收费项目及标准公示"),
                    ("学生资助", 60, "国家助学金申请及受助学生名单公示"),
                    ("校园安全", 30, "校园安全管理制度"),
                ],
            },
            {
                "slug": "jining-college-affiliated-school",
                "title": "济宁学院附属中学",
                "full_name": "济宁学院附属中学",
                "address": "济宁市任城区红星东路",
                "phone": "0537-2456789",
                "entries": [
                    ("学校基本信息", 400, "学校概况"),
                    ("招生信息", 500, "招生简章"),
                ],
            },
        ],
    },
]


def load(stdout):
    home = home_page()
    column, created = ensure_child(
        home, EnterpriseColumnPage, "enterprises", "公共企事业单位信息公开", intro=INTRO
    )
    if created:
        stdout.write("创建栏目：公共企事业单位信息公开")
    ensure_sector_editors_group(column)
    units = {u.title: u for u in UnitPage.objects.all()}
    day = clock.today()
    for spec in SECTORS:
        sector = _sector(column, spec, units)
        for entity_spec in spec["entities"]:
            _entity(sector, entity_spec, units, day, stdout)


def _sector(column, spec, units):
    sector = SectorPage.objects.child_of(column).filter(slug=spec["slug"]).first()
    if sector is not None:
        return sector
    department, phone, email, url, address = spec["channel"]
    sector = SectorPage(
        title=spec["title"],
        slug=spec["slug"],
        sector_kind=spec["kind"],
        competent_department=units.get(spec["department"]),
        complaint_department=department,
        complaint_phone=phone,
        complaint_email=email,
        complaint_url=url,
        complaint_address=address,
    )
    for title, number, url in spec["rules"]:
        sector.rules.add(SectorRule(title=title, document_number=number, url=url))
    for name, description, period in spec["catalogue"]:
        sector.catalogue_items.add(
            CatalogueItem(name=name, description=description, update_period=period)
        )
    column.add_child(instance=sector)
    sector.save_revision().publish()
    return sector


def _entity(sector, spec, units, day, stdout):
    if EnterprisePage.objects.child_of(sector).filter(slug=spec["slug"]).exists():
        return
    entity = EnterprisePage(
        title=spec["title"],
        slug=spec["slug"],
        full_name=spec["full_name"],
        unit=units.get(spec.get("unit", "")),
        address=spec["address"],
        phone=spec["phone"],
        complaint_department=f"{spec['title']}客户服务中心",
        complaint_phone=spec["phone"],
        disclosure_attribute="proactive",
    )
    sector.add_child(instance=entity)
    entity.save_revision().publish()
    items = {i.name: i for i in CatalogueItem.objects.filter(sector=sector)}
    for item_name, days_ago, content in spec["entries"]:
        DisclosureEntry.objects.get_or_create(
            enterprise=entity,
            item=items[item_name],
            date=day - datetime.timedelta(days=days_ago),
            defaults={"content": content},
        )
    stdout.write(f"适用主体：{sector.title} · {entity.title}")

