"""任城区: a county served from the same install as the city (集约化).

Added the way an office adds one (``disclosure_add_site``), at rencheng.localhost:8000 (browsers
send every *.localhost name to this machine), with its own 2022 plan — the city's rows a county
government answers for, as a county issues its own table — a few documents and Q&A, and its
annual report. The city's pages stay at 127.0.0.1:8000.
"""

from datetime import date

from wagtail.models import Site

from wagtail_disclosure.annual_reports.models import AnnualReport
from wagtail_disclosure.management.commands.disclosure_add_site import add_site
from wagtail_disclosure.plans.models import Requirement, TaskPage, TaskPlanIndexPage, TaskPlanPage
from wagtail_disclosure.policies.interpretations import PolicyQuestion
from wagtail_disclosure.policies.models import (
    PolicyDocumentPage,
    PolicyIndexPage,
    PolicyKind,
    SubjectCategory,
)
from wagtail_disclosure.progress.responsibilities import requirements_for_units
from wagtail_disclosure.units.models import UnitPage

NAME = "任城区"
HOSTNAME = "rencheng.localhost"
PORT = 8000
UNIT = "任城区人民政府"
#: The county's plan takes at most this many of the city's rows naming it.
PLAN_ROWS = 30

DOCUMENTS = [
    {
        "slug": "rencheng-yingshang-2022",
        "title": "任城区人民政府办公室关于印发任城区优化营商环境若干措施的通知",
        "document_number": "任政办发〔2022〕3号",
        "date_published": date(2022, 4, 8),
        "categories": ["business-environment"],
        "body": (
            "<p>各街道办事处、镇人民政府，区政府各部门：</p>"
            "<p>为落实《济宁市优化营商环境若干措施》，结合我区实际，制定以下措施。</p>"
            "<p>一、企业开办全程网上办理，当日办结。</p>"
            "<p>二、推行涉企事项“一件事一次办”。</p>"
        ),
    },
    {
        "slug": "rencheng-zhufang-2022",
        "title": "任城区保障性租赁住房工作实施方案",
        "document_number": "任政办字〔2022〕21号",
        "date_published": date(2022, 7, 12),
        "categories": ["housing"],
        "body": "<p>为缓解新市民、青年人住房困难，制定本实施方案。</p>",
    },
]

QUESTIONS = [
    (
        "housing",
        "任城区保障性租赁住房向谁申请？",
        "<p>向任城区住房和城乡建设局提出申请，也可通过“爱山东”任城分厅在线申请。</p>",
    ),
    (
        "business-environment",
        "在任城区开办企业需要多长时间？",
        "<p>材料齐全的，企业开办全程网上办理，当日办结。</p>",
    ),
]


def load(stdout):
    site = Site.objects.filter(hostname=HOSTNAME, port=PORT).first()
    if site is None:
        for line in add_site(NAME, HOSTNAME, PORT, unit_name=UNIT):
            stdout.write(line)
        site = Site.objects.get(hostname=HOSTNAME, port=PORT)
    county = UnitPage.objects.get(title=UNIT)
    office = UnitPage.objects.get(title=f"{NAME}人民政府办公室")
    load_plan(site, county, stdout)
    load_documents(site, office, stdout)
    load_questions(site, stdout)
    load_annual_report(county, stdout)
    stdout.write(f"{NAME}的站点：http://{HOSTNAME}:{PORT}/")


def load_plan(site, county, stdout):
    """The county's 2022 plan: the city's rows naming the county (or a group it is in)."""
    index = TaskPlanIndexPage.objects.child_of(site.root_page).first()
    if index is None or TaskPlanPage.objects.child_of(index).filter(year=2022).exists():
        return
    city_plan = (
        TaskPlanPage.objects.live().filter(year=2022).exclude(path__startswith=index.path).first()
    )
    if city_plan is None:
        return
    rows = list(
        requirements_for_units([county.pk])
        .filter(task__path__startswith=city_plan.path, task__live=True)
        .select_related("task")
        .order_by("task__path", "sort_order")[:PLAN_ROWS]
    )
    plan = TaskPlanPage(
        disclosure_attribute="proactive",
        title=f"{NAME}2022年政务公开工作任务分解表",
        slug="2022",
        year=2022,
        document_number="任政办字〔2022〕15号",
    )
    index.add_child(instance=plan)
    plan.save_revision().publish()
    tasks = {}
    for row in rows:
        city_task = row.task.specific
        if city_task.pk not in tasks:
            tasks[city_task.pk] = (
                TaskPage(
                    title=city_task.title,
                    slug=city_task.slug,
                    task_number=city_task.task_number,
                    section_number=city_task.section_number,
                    section_title=city_task.section_title,
                ),
                [],
            )
        task, requirements = tasks[city_task.pk]
        copy = Requirement(
            text=row.text,
            units_raw=UNIT,
            deadline_raw=row.deadline_raw,
            due_date=row.due_date,
            is_ongoing=row.is_ongoing,
            is_recurring=row.is_recurring,
            sort_order=len(requirements),
        )
        copy.lead_units = [county]
        requirements.append(copy)
    for task, requirements in tasks.values():
        task.requirements = requirements
        plan.add_child(instance=task)
        task.save_revision().publish()
    stdout.write(f"创建{NAME}2022年任务分解表：{len(rows)}项具体要求")


def load_documents(site, office, stdout):
    library = PolicyIndexPage.objects.child_of(site.root_page).first()
    for item in DOCUMENTS:
        if PolicyDocumentPage.objects.filter(slug=item["slug"]).exists():
            continue
        fields = {k: v for k, v in item.items() if k != "categories"}
        document = PolicyDocumentPage(
            disclosure_attribute="proactive",
            kind=PolicyKind.OTHER,
            issuer=office,
            requires_interpretation=False,
            interpretation_exemption="工作部署类文件，无需解读。",
            **fields,
        )
        document.categories = list(SubjectCategory.objects.filter(slug__in=item["categories"]))
        library.add_child(instance=document)
        document.save_revision().publish()
        stdout.write(f"创建政策文件：{document.title}")


def load_questions(site, stdout):
    for topic, question, answer in QUESTIONS:
        if PolicyQuestion.objects.filter(question=question).exists():
            continue
        item = PolicyQuestion(
            question=question,
            answer=answer,
            site=site,
            last_reviewed=date(2022, 10, 31),
            topic=SubjectCategory.objects.filter(slug=topic).first(),
        )
        item.save()
        item.save_revision().publish()
        stdout.write(f"创建政策问答：{question}")


def load_annual_report(county, stdout):
    if AnnualReport.objects.filter(unit=county, year=2022).exists():
        return
    report = AnnualReport(
        disclosure_attribute="proactive",
        unit=county,
        year=2022,
        overview="<p>2022年，任城区深入贯彻《中华人民共和国政府信息公开条例》，"
        "围绕优化营商环境、保障性住房等重点领域做好主动公开。</p>",
        problems="<p>政策解读形式还不够丰富，下一步将增加图解、视频解读。</p>",
    )
    report.save()
    report.save_revision().publish()
    stdout.write(f"发布{NAME}2022年政府信息公开工作年度报告")
