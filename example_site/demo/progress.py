"""Demo progress on the Jining plan: reports from several units, panels on the dashboard and on
the home page.

Runs after the plan loader (``demo/plans.py``) on the latest plan under /plans/; without one it
says so and does nothing. Reports are dated up to today (the app's clock): work due before today
is mostly done (a unit that is behind leaves some overdue), work due later is in progress, not
started or done early, so a plan of the current year looks like a live office's. Idempotent:
reports are keyed by (requirement, unit, date), panels by title.
"""

from __future__ import annotations

import datetime

from wagtail_disclosure.core import clock
from wagtail_disclosure.plans.models import TaskPlanIndexPage, TaskPlanPage
from wagtail_disclosure.progress.models import ProgressReport, ProgressStatus, ReportPanel
from wagtail_disclosure.progress.states import ProgressSnapshot, plan_requirements
from wagtail_disclosure.units.models import UnitPage

#: (unit, how far it got): each unit reports on its requirements in turn.
UNITS = {
    "任城区人民政府": "diligent",
    "曲阜市人民政府": "diligent",
    "邹城市人民政府": "behind",
    "市发展改革委": "diligent",
    "市财政局": "mixed",
    "市教育局": "mixed",
    "市政府办公室": "diligent",
    "市市场监管局": "behind",
}

NARRATIVES = {
    ProgressStatus.DONE: (
        "已按要求完成，相关信息已在政府网站信息公开专栏集中发布，并同步推送至政务新媒体。"
    ),
    ProgressStatus.ONGOING: "已建立常态化更新机制，明确专人负责，按月更新相关信息，长期坚持推进。",
    ProgressStatus.IN_PROGRESS: "已制定工作方案，正在梳理公开事项清单，预计按期完成。",
    ProgressStatus.NOT_STARTED: "已列入年度工作计划，待上级配套政策出台后启动。",
}

PANELS = [
    ("各单位任务完成情况", "completion_by_unit", {"show_on_dashboard": True, "sort_order": 1}),
    ("各板块任务完成情况", "completion_by_section", {"show_on_dashboard": True, "sort_order": 2}),
    ("逾期未完成事项", "overdue", {"show_on_dashboard": True, "sort_order": 3}),
    ("近期到期事项（30日内）", "upcoming_deadlines", {"days": 30, "sort_order": 4}),
    (
        "任城区工作台账",
        "unit_ledger",
        {"unit": "任城区人民政府", "show_on_dashboard": True, "sort_order": 5},
    ),
]

HOME_PANEL_TITLE = "各单位任务完成情况"


def status_for(profile, index, requirement, due_yet=False):
    """How far a unit of ``profile`` got with its ``index``-th requirement; ``due_yet``: the
    deadline has not come (then work is under way rather than done or overdue)."""
    if due_yet:
        return status_before_deadline(profile, index, requirement)
    if profile == "diligent":
        if requirement.is_ongoing or requirement.is_recurring:
            return ProgressStatus.ONGOING, 100
        return (ProgressStatus.DONE, 100) if index % 4 else (ProgressStatus.IN_PROGRESS, 70)
    if profile == "mixed":
        return [
            (ProgressStatus.DONE, 100),
            (ProgressStatus.IN_PROGRESS, 50),
            (ProgressStatus.DONE, 100),
            (ProgressStatus.NOT_STARTED, 0),
        ][index % 4]
    return [
        (ProgressStatus.IN_PROGRESS, 30),
        (ProgressStatus.NOT_STARTED, 0),
        (ProgressStatus.IN_PROGRESS, 60),
    ][index % 3]


def status_before_deadline(profile, index, requirement):
    if requirement.is_ongoing or requirement.is_recurring:
        return (ProgressStatus.ONGOING, 100) if profile != "behind" else (
            ProgressStatus.IN_PROGRESS, 40)
    if profile == "diligent":
        return [(ProgressStatus.DONE, 100), (ProgressStatus.IN_PROGRESS, 80),
                (ProgressStatus.IN_PROGRESS, 60)][index % 3]
    if profile == "mixed":
        return [(ProgressStatus.IN_PROGRESS, 50), (ProgressStatus.NOT_STARTED, 0),
                (ProgressStatus.IN_PROGRESS, 30)][index % 3]
    return [(ProgressStatus.NOT_STARTED, 0), (ProgressStatus.IN_PROGRESS, 20)][index % 2]


def find_plan():
    """The latest plan of the plan index (the demo's, of the current year)."""
    index = TaskPlanIndexPage.objects.filter(slug="plans").first()
    if index is None:
        return None
    return TaskPlanPage.objects.child_of(index).order_by("-year", "-pk").first()


def load(stdout):
    plan = find_plan()
    if plan is None:
        stdout.write("落实情况：未找到工作任务分解表（/plans/ 下），跳过。")
        return
    units = {u.title: u for u in UnitPage.objects.filter(title__in=UNITS)}
    snapshot = ProgressSnapshot(plan_requirements(plan))
    created = 0
    today = clock.today()
    year_start = datetime.date(plan.year, 1, 1)
    for name, profile in UNITS.items():
        unit = units.get(name)
        if unit is None:
            continue
        index = 0
        for row in snapshot.rows:
            if row.for_unit(unit.pk) is None:
                continue
            index += 1
            requirement = row.requirement
            due = requirement.due_date or datetime.date(plan.year, 12, 31)
            status, percent = status_for(profile, index, requirement, due_yet=due >= today)
            latest = min(due, datetime.date(plan.year, 12, 20), today - datetime.timedelta(days=1))
            date = max(latest - datetime.timedelta(days=index % 9), year_start)
            history = []
            earlier = date - datetime.timedelta(days=45)
            if status == ProgressStatus.DONE and index % 2 and earlier >= year_start:
                # An earlier "in progress" report gives the task page some history.
                history.append((earlier, ProgressStatus.IN_PROGRESS, 50))
            history.append((date, status, percent))
            for report_date, report_status, report_percent in history:
                _report, was_created = ProgressReport.objects.get_or_create(
                    requirement=requirement,
                    unit=unit,
                    date=report_date,
                    defaults={
                        "status": report_status,
                        "percent": report_percent,
                        "narrative": NARRATIVES[report_status],
                    },
                )
                if was_created:
                    _report.save_revision(log_action=True)
                    created += 1
    stdout.write(f"落实情况：新增进展报告 {created} 条")

    home_panel = None
    for title, kind, options in PANELS:
        options = dict(options)
        unit_name = options.pop("unit", None)
        panel, was_created = ReportPanel.objects.get_or_create(
            title=title,
            defaults={
                "kind": kind,
                "plan": plan,
                "unit": units.get(unit_name) if unit_name else None,
                **options,
            },
        )
        if was_created:
            stdout.write(f"统计面板：{title}")
        if title == HOME_PANEL_TITLE:
            home_panel = panel
    place_on_home_page(home_panel, stdout)


def place_on_home_page(panel, stdout):
    from demo.site import home_page

    home = home_page().specific
    body = getattr(home, "body", None)
    if panel is None or body is None:
        return
    if any(
        b.block_type == "report_panel" and b.value["panel"] and b.value["panel"].pk == panel.pk
        for b in body
    ):
        return
    body.append(
        (
            "report_panel",
            {
                "panel": panel,
                "heading": f"{panel.plan.year}年政务公开工作任务落实情况",
                "introduction": "按责任单位统计的任务完成比例，数据随各单位报送实时更新。",
            },
        )
    )
    revision = home.save_revision(log_action=True)
    revision.publish()
    stdout.write("首页：加入统计面板")
