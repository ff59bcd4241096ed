"""The fifteen items of Art. 20 of the Regulations (《中华人民共和国政府信息公开条例》, 2019), as
the catalogue a site starts from.

Plain data: the migration that creates the catalogue table and ``disclosure_statutory_catalogue``
both seed it from here, giving the model class they work with (a migration's historical model or
the current one). A site then edits the rows in the admin: names, update periods, which kinds of
unit each applies to; seeding again only adds the rows that are missing, by ``code``.

Update periods (docs/statutory-content.md says why each):

- ``working_days`` (20 by default, Art. 26): categories an agency produces all the time (licensing
  and penalty decisions): with no new item in 20 working days, the category is out of date.
- ``quarterly`` / ``yearly``: statistics, inspections and programmes are reported each quarter;
  budgets and final accounts, fees, procurement, the agency's own information and recruitment
  each year.
- ``as_needed`` / ``real_time``: published when made or changed (rules, plans, emergency warnings):
  there is no period to miss, so once filed the category is up to date.
"""

from __future__ import annotations

#: People's governments (county level, development-zone committees) and their departments: the
#: administrative organs the Regulations bind. Institutions, enterprises and party organs in a
#: units register are not administrative organs.
ADMINISTRATIVE = ["county_government", "management_committee", "municipal_department",
                  "vertical_agency"]
#: People's governments only.
GOVERNMENTS = ["county_government", "management_committee"]
#: Empty: every unit.
EVERY_UNIT: list[str] = []

ARTICLE = "《中华人民共和国政府信息公开条例》第二十条第（{}）项"
NUMERALS = "一二三四五六七八九十"


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 15 → 十五 (the item numbers of Art. 20)."""
    if n <= 10:
        return NUMERALS[n - 1]
    if n < 20:
        return "十" + NUMERALS[n - 11]
    tens, ones = divmod(n, 10)
    return NUMERALS[tens - 1] + "十" + (NUMERALS[ones - 1] if ones else "")


#: (number, code, short name, the article's words, update period, working days, unit kinds)
ARTICLE_20 = [
    (1, "regulations", "法规规章和规范性文件",
     "行政法规、规章和规范性文件", "as_needed", 20, ADMINISTRATIVE),
    (2, "organisation", "机构职能",
     "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名", "yearly", 20, EVERY_UNIT),
    (3, "plans", "规划信息",
     "国民经济和社会发展规划、专项规划、区域规划及相关政策", "as_needed", 20,
     ["county_government", "management_committee", "municipal_department"]),
    (4, "statistics", "统计信息",
     "国民经济和社会发展统计信息", "quarterly", 20, GOVERNMENTS),
    (5, "licensing", "行政许可和公共服务",
     "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果", "working_days", 20,
     ADMINISTRATIVE),
    (6, "enforcement", "行政处罚和行政强制",
     "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
     "working_days", 20, ADMINISTRATIVE),
    (7, "budgets", "财政预决算",
     "财政预算、决算信息", "yearly", 20, EVERY_UNIT),
    (8, "fees", "行政事业性收费",
     "行政事业性收费项目及其依据、标准", "yearly", 20, ADMINISTRATIVE),
    (9, "procurement", "政府集中采购",
     "政府集中采购项目的目录、标准及实施情况", "yearly", 20, GOVERNMENTS),
    (10, "construction", "重大建设项目",
     "重大建设项目的批准和实施情况", "quarterly", 20, GOVERNMENTS),
    (11, "livelihood", "民生保障",
     "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况", "quarterly", 20,
     GOVERNMENTS),
    (12, "emergencies", "突发公共事件",
     "突发公共事件的应急预案、预警信息及应对情况", "real_time", 20, GOVERNMENTS),
    (13, "inspections", "监督检查",
     "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况", "quarterly", 20,
     GOVERNMENTS),
    (14, "recruitment", "公务员招考",
     "公务员招考的职位、名额、报考条件等事项以及录用结果", "yearly", 20, GOVERNMENTS),
    (15, "other", "其他法定公开信息",
     "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息", "as_needed", 20,
     ADMINISTRATIVE),
]


def catalogue_rows() -> list[dict]:
    """The fifteen categories as field values of the catalogue model."""
    return [
        {
            "number": number,
            "code": code,
            "short_name": short_name,
            "name": name,
            "legal_basis": ARTICLE.format(chinese_number(number)),
            "update_period": period,
            "period_working_days": working_days,
            "unit_kinds": list(kinds),
        }
        for number, code, short_name, name, period, working_days, kinds in ARTICLE_20
    ]


def seed(category_model) -> int:
    """Add the categories of Art. 20 that ``category_model``'s table lacks (by ``code``); rows
    a site edited stay as they are. Returns how many were added."""
    have = set(category_model.objects.values_list("code", flat=True))
    missing = [category_model(**row) for row in catalogue_rows() if row["code"] not in have]
    category_model.objects.bulk_create(missing)
    return len(missing)
