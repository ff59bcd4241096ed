"""A year (2022) of disclosure requests for two units, their 2022 annual reports, the request
form page and the annual report index; and the requests of the last weeks before today (the
app's clock), some answered and some waiting within their time limit, so the register looks like
a live office's (``demo/calendar.py``). The 2022 requests still open at the end of that year are
answered early the next year, as the annual reports count them (carried over)."""

import random
from datetime import date, timedelta

from demo.site import ensure_child, home_page
from wagtail_disclosure.annual_reports.format import RESULT_CODES
from wagtail_disclosure.annual_reports.models import AnnualReport, AnnualReportIndexPage
from wagtail_disclosure.core import clock
from wagtail_disclosure.core.identity_numbers import (
    credit_code_check_character,
    resident_id_check_character,
)
from wagtail_disclosure.requests.models import (
    ApplicantType,
    DeliveryMethod,
    DisclosureRequest,
    RequestChannel,
    RequestConsultation,
    RequestCorrection,
    RequestExtension,
)
from wagtail_disclosure.requests.pages import DisclosureRequestPage
from wagtail_disclosure.requests.workdays import site_calendar
from wagtail_disclosure.units.models import UnitPage

UNITS = {"市政府办公室": 46, "任城区人民政府": 38}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
SUBJECTS = [
    "2022年度部门预算及“三公”经费支出情况",
    "某路段道路拓宽工程的立项批复文件",
    "城区老旧小区改造项目的实施方案",
    "某地块征收补偿安置方案及批复",
    "市政府常务会议研究的营商环境政策文件",
    "本辖区农村集体土地征收的批准文件",
    "某企业环境影响评价审批文件",
    "2021年度行政许可事项办理结果",
    "保障性住房分配名单及分配标准",
    "城市公交线路调整的听证材料",
]
ORGANISATIONS = {
    ApplicantType.commercial: "济宁市某某建材有限公司",
    ApplicantType.research: "某某大学法学院研究中心",
    ApplicantType.public_interest: "济宁市某某公益服务中心",
    ApplicantType.legal_services: "山东某某律师事务所",
    ApplicantType.other_org: "某某村股份经济合作社",
}
#: How often each result occurs among the demo's replies.
OUTCOME_WEIGHTS = {
    "disclosed": 40,
    "partly": 10,
    "withheld_third_party": 3,
    "withheld_process": 4,
    "withheld_internal": 2,
    "unavailable_not_held": 14,
    "unavailable_needs_creation": 4,
    "unavailable_unclear": 2,
    "declined_petition": 4,
    "declined_repeat": 3,
    "declined_publication": 2,
    "other_no_correction": 2,
    "other_other": 2,
}
LEGAL_BASIS = {
    "disclosed": "《中华人民共和国政府信息公开条例》第三十六条第（二）项",
    "partly": "《中华人民共和国政府信息公开条例》第三十七条",
    "unavailable_not_held": "《中华人民共和国政府信息公开条例》第三十六条第（四）项",
    "withheld_process": "《中华人民共和国政府信息公开条例》第十六条第二款",
    "withheld_internal": "《中华人民共和国政府信息公开条例》第十六条第一款",
    "withheld_third_party": "《中华人民共和国政府信息公开条例》第十五条",
    "declined_petition": "《中华人民共和国政府信息公开条例》第三十九条第一款",
    "declined_repeat": "《中华人民共和国政府信息公开条例》第三十六条第（六）项",
}
assert set(OUTCOME_WEIGHTS) <= set(RESULT_CODES)


def resident_id(rng):
    first17 = f"370811{rng.randint(1950, 2000)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    first17 += f"{rng.randint(0, 999):03d}"
    return first17 + resident_id_check_character(first17)


def credit_code(rng):
    first17 = "91370800" + "".join(rng.choice("0123456789ABCDEFGH") for _i in range(9))
    return first17 + credit_code_check_character(first17)


def working_days_of(calendar, year):
    day, days = date(year, 1, 1), []
    while day.year == year:
        if calendar.is_working_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def make_request(unit, number, received_on, rng, calendar):
    applicant_type = rng.choices(
        list(ApplicantType.values), weights=[70, 12, 3, 4, 6, 5], k=1
    )[0]
    person = rng.choice(SURNAMES) + "某" + rng.choice("某甲乙")
    organisation = applicant_type != ApplicantType.natural_person
    request = DisclosureRequest(
        unit=unit,
        receipt_number=(f"{received_on.year}-{unit_tag(unit)}-{number:04d}"
                        f"-D{rng.randint(100, 999)}"),
        received_on=received_on,
        channel=rng.choices(list(RequestChannel.values), weights=[60, 20, 12, 2, 6], k=1)[0],
        applicant_type=applicant_type,
        applicant_name=ORGANISATIONS.get(applicant_type, person) if organisation else person,
        contact_person=person if organisation else "",
        id_number=credit_code(rng) if organisation else resident_id(rng),
        phone=f"13{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
        email=f"applicant{number}@example.com",
        address="山东省济宁市任城区示例路1号",
        delivery=rng.choice(list(DeliveryMethod.values)),
        description="申请公开" + rng.choice(SUBJECTS) + "。",
    )
    corrections, consultations, extensions = [], [], []
    start = received_on
    if rng.random() < 0.12:
        asked = calendar.add_working_days(received_on, rng.randint(2, 6))
        start = calendar.add_working_days(asked, rng.randint(2, 8))
        corrections.append(
            RequestCorrection(asked_on=asked, corrected_on=start, note="请明确所需信息的名称或文号")
        )
    paused_days = 0
    if rng.random() < 0.1:
        sent = calendar.add_working_days(start, rng.randint(3, 8))
        answered = calendar.add_working_days(sent, rng.randint(5, 15))
        paused_days = calendar.working_days_between(sent, answered)
        consultations.append(
            RequestConsultation(consulted="第三方权利人", started_on=sent, ended_on=answered)
        )
    extended = 0
    if rng.random() < 0.1:
        extended = 20
        extensions.append(
            RequestExtension(
                decided_on=calendar.add_working_days(start, 15),
                days=extended,
                approved_by="政务公开工作机构负责人",
                note="需要调取历年档案，经批准延长答复期限",
            )
        )
    # Most replies come well inside the time; two in a hundred are late.
    allowed = 20 + extended + paused_days
    reply_after = rng.randint(3, allowed) if rng.random() > 0.02 else allowed + rng.randint(1, 5)
    replied_on = calendar.add_working_days(start, reply_after)
    if replied_on < clock.today():
        outcome = rng.choices(list(OUTCOME_WEIGHTS), weights=list(OUTCOME_WEIGHTS.values()))[0]
        request.replied_on, request.outcome = replied_on, outcome
        request.legal_basis = LEGAL_BASIS.get(outcome, "《中华人民共和国政府信息公开条例》")
    request.corrections, request.consultations = corrections, consultations
    request.extensions = extensions
    request.save(calendar=calendar)
    return request


#: Requests each unit received in the last working days before today.
RECENT = 6
RECENT_WORKING_DAYS = 30


def load_recent_requests(stdout, calendar):
    today = clock.today()
    rng = random.Random(today.toordinal())
    days, day = [], today - timedelta(days=1)
    while len(days) < RECENT_WORKING_DAYS:
        if calendar.is_working_day(day):
            days.append(day)
        day -= timedelta(days=1)
    for name in UNITS:
        unit = UnitPage.objects.filter(title=name).first()
        if unit is None or DisclosureRequest.objects.filter(
                unit=unit, received_on__gte=days[-1]).exists():
            continue
        first = DisclosureRequest.objects.filter(unit=unit,
                                                 received_on__year=today.year).count() + 1
        received = sorted(rng.sample(days, RECENT))
        for number, received_on in enumerate(received, start=first):
            make_request(unit, number, received_on, rng, calendar)
        stdout.write(f"依申请公开登记：{name} 近期 {RECENT} 件")


def unit_tag(unit):
    from wagtail_disclosure.requests.models import unit_short_name

    return unit_short_name(unit)


def load_requests(stdout, calendar):
    rng = random.Random(2022)
    days = working_days_of(calendar, 2022)
    for name, count in UNITS.items():
        unit = UnitPage.objects.filter(title=name).first()
        if unit is None or DisclosureRequest.objects.filter(unit=unit).exists():
            continue
        received = sorted(rng.sample(days, count))
        for number, received_on in enumerate(received, start=1):
            make_request(unit, number, received_on, rng, calendar)
        stdout.write(f"依申请公开登记：{name} 2022年 {count} 件")


OVERVIEW = (
    "<p>2022年，{unit}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、"
    "不公开为例外，持续深化政务公开，依法依规办理政府信息公开申请，政府信息公开工作取得新成效。</p>"
)
PROBLEMS = (
    "<p>存在的主要问题：部分申请答复说理不够充分，个别申请接近法定期限答复。"
    "改进措施：加强业务培训，建立申请办理台账和到期提醒机制，规范答复文书。</p>"
)
OTHER = "<p>本年度未收取信息处理费。</p>"


def load_reports(stdout):
    for name in UNITS:
        unit = UnitPage.objects.filter(title=name).first()
        if unit is None or AnnualReport.objects.filter(unit=unit, year=2022).exists():
            continue
        report = AnnualReport(
            unit=unit,
            year=2022,
            overview=OVERVIEW.format(unit=unit.full_name or name),
            problems=PROBLEMS,
            other_matters=OTHER,
            licensing_decisions=1260 if "区" in name else 0,
            penalty_decisions=342 if "区" in name else 0,
            compulsion_decisions=15 if "区" in name else 0,
            review_upheld=2,
            review_corrected=0,
            review_other=1,
            review_pending=0,
            review_total=3,
            direct_upheld=1,
            direct_total=1,
            after_review_upheld=1,
            after_review_pending=1,
            after_review_total=2,
        )
        report.disclosure_attribute = "proactive"
        report.save()
        report.save_revision().publish()
        stdout.write(f"年度报告：{name} 2022年（已发布）")


def load(stdout):
    calendar = site_calendar()
    load_requests(stdout, calendar)
    load_recent_requests(stdout, calendar)
    load_reports(stdout)
    home = home_page()
    _page, created = ensure_child(
        home,
        DisclosureRequestPage,
        "apply",
        "申请政府信息公开",
        intro="<p>公民、法人或者其他组织可以通过本页向行政机关申请获取政府信息。"
        "行政机关收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起"
        "20个工作日内予以答复。</p>",
        privacy_notice="<p>您填写的个人信息仅用于办理本次政府信息公开申请，"
        "只有受理机关的工作人员可以查看。</p>",
    )
    if created:
        stdout.write("创建栏目：申请政府信息公开")
    _page, created = ensure_child(home, AnnualReportIndexPage, "annual-reports", "政府信息公开年报")
    if created:
        stdout.write("创建栏目：政府信息公开年报")
