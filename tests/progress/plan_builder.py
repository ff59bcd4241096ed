"""Building task plans straight from expected.json (independent of the plan importer)."""

from __future__ import annotations

import datetime
import json
import re

from tests.conftest import DATA
from wagtail_disclosure.plans.models import Requirement, TaskPage, TaskPlanIndexPage, TaskPlanPage
from wagtail_disclosure.units.matching import UnitNameIndex
from wagtail_disclosure.units.models import UnitGroup, UnitPage

SECTION_NUMERALS = "一二三四五六七八九十"
TASK_NUMBER = re.compile(r"^\s*([（(][一二三四五六七八九十]+[）)])\s*(.*)$")


def plan_index():
    return TaskPlanIndexPage.objects.get(slug="plans")


def add_plan(year, title=None, slug=None):
    plan = TaskPlanPage(
        title=title or f"{year}年济宁市政务公开工作任务分解表", slug=slug or str(year), year=year
    )
    plan_index().add_child(instance=plan)
    return plan


def add_task(plan, section_number, section_title, task_number, title):
    task = TaskPage(
        title=title,
        section_number=section_number,
        section_title=section_title,
        task_number=task_number,
        slug=f"s{section_number}-t{plan.get_children_count() + 1}",
    )
    plan.add_child(instance=task)
    return task


def add_requirement(task, text, *, units=(), groups=(), unmatched=(), deadline=None, order=0):
    deadline = deadline or {
        "raw": "全年",
        "due": f"{task.get_parent().specific.year}-12-31",
        "ongoing": False,
        "recurring": False,
    }
    requirement = Requirement.objects.create(
        task=task,
        sort_order=order,
        text=text,
        deadline_raw=deadline["raw"],
        due_date=datetime.date.fromisoformat(deadline["due"]) if deadline.get("due") else None,
        is_ongoing=deadline.get("ongoing", False),
        is_recurring=deadline.get("recurring", False),
        unmatched_units=[{"name": n, "role": "lead"} for n in unmatched],
        units_raw="、".join([u.title for u in units] + [g.name for g in groups] + list(unmatched)),
    )
    Requirement.lead_units.through.objects.bulk_create(
        [
            Requirement.lead_units.through(requirement_id=requirement.pk, unitpage_id=u.pk)
            for u in units
        ]
    )
    Requirement.lead_groups.through.objects.bulk_create(
        [
            Requirement.lead_groups.through(requirement_id=requirement.pk, unitgroup_id=g.pk)
            for g in groups
        ]
    )
    return requirement


def build_jining_2022(slug="2022"):
    """The Jining 2022 plan as expected.json describes it: 5 sections, 18 tasks, 84 rows."""
    outline = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
    index = UnitNameIndex()
    plan = add_plan(2022, outline["plan"]["title"], slug=slug)
    plan.document_number = outline["plan"]["document_number"]
    plan.save()
    for s_number, section in enumerate(outline["sections"], 1):
        for task_outline in section["tasks"]:
            match = TASK_NUMBER.match(task_outline["title"])
            number, title = match.group(1), match.group(2).strip()
            task = add_task(plan, s_number, section["title"], number, title or number)
            for order, row in enumerate(task_outline["requirements"]):
                units, groups, unmatched = [], [], []
                for name in row["units"]:
                    found = index.match(name)
                    if isinstance(found, UnitPage):
                        units.append(found)
                    elif isinstance(found, UnitGroup):
                        groups.append(found)
                    else:
                        unmatched.append(name)
                add_requirement(
                    task,
                    row["text"],
                    units=units,
                    groups=groups,
                    unmatched=unmatched,
                    deadline=row["deadline"],
                    order=order,
                )
    return plan


def build_generated_plan(n_requirements, year=2023, slug=None, per_task=50):
    """A plan of ``n_requirements`` rows spread over sections and tasks, each assigned to a
    couple of units and, every third row, to the county group."""
    units = list(UnitPage.objects.order_by("path"))
    group = UnitGroup.objects.filter(name__startswith="各县").first()
    plan = add_plan(year, slug=slug or f"gen-{year}")
    task = None
    for i in range(n_requirements):
        if i % per_task == 0:
            s = i // (per_task * 5) + 1
            task = add_task(
                plan,
                s,
                f"{SECTION_NUMERALS[(s - 1) % 10]}、第{s}部分",
                f"({i // per_task + 1})",
                f"任务{i // per_task + 1}",
            )
        due = datetime.date(year, 1 + i % 12, 28)
        add_requirement(
            task,
            f"第{i + 1}项具体要求：按时公开相关信息。",
            units=[units[i % len(units)], units[(i * 7 + 3) % len(units)]],
            groups=[group] if group and i % 3 == 0 else [],
            deadline={
                "raw": f"{year}年{1 + i % 12}月底",
                "due": due.isoformat(),
                "ongoing": i % 5 == 0,
                "recurring": False,
            },
            order=i,
        )
    return plan
