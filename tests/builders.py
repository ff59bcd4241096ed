"""Builders: one small function per thing the site holds, made the way the product makes it.

Each takes the fields a test cares about and fills in the rest (in the style of Wagtail's own
``wagtail/contrib/forms/tests/utils.py``). Pages are added with ``add_child`` and, where the
story has them live, published through a revision; the units register is imported by the demo's
loader (the register import of the product); requests, reports and documents are saved through
their models, so the product's own rules (receipt numbers, due dates, validity) run.

``tests/conftest.py`` builds the read-only data of a test run with these once per session (the
demo columns, the register, the Jining 2022 plan); tests and ``benchmarks/`` call them for the
rest.
"""

from __future__ import annotations

import datetime
import io
import re

from tests.jining import expected_outline

# -- the site ---------------------------------------------------------------------------------


def _quiet():
    return io.StringIO()


def home_page():
    """The default site's home page (made, with its site, if the database has none)."""
    from demo.site import home_page

    return home_page()


def demo_columns():
    """The demo's columns under the home page: the unit directory (/units/), the plan index
    (/plans/) and the policy library (/policies/). Returns the home page."""
    from demo import site

    site.load(_quiet())
    return site.home_page()


def child_page(parent, model, slug, title, **fields):
    """The live child page ``slug`` of ``parent``, made (and published) if missing."""
    from demo.site import ensure_child

    return ensure_child(parent, model, slug, title, **fields)[0]


def unit_directory():
    from wagtail_disclosure.units.models import UnitIndexPage

    return UnitIndexPage.objects.child_of(home_page()).get(slug="units")  # the city's


def plans_index():
    from wagtail_disclosure.plans.models import TaskPlanIndexPage

    return TaskPlanIndexPage.objects.child_of(home_page()).get(slug="plans")  # the city's


def policy_library():
    from wagtail_disclosure.policies.models import PolicyIndexPage

    return PolicyIndexPage.objects.child_of(home_page()).get(slug="policies")  # the city's


def interpretation_index():
    from wagtail_disclosure.policies.interpretations import InterpretationIndexPage

    return child_page(home_page(), InterpretationIndexPage, "interpretations", "政策解读")


def qa_library():
    from wagtail_disclosure.policies.interpretations import QALibraryPage

    return child_page(home_page(), QALibraryPage, "qa", "政策问答库")


def annual_report_index(**fields):
    from wagtail_disclosure.annual_reports.models import AnnualReportIndexPage

    fields.setdefault("title", "政府信息公开年报")
    fields.setdefault("slug", "annual-reports")
    index = AnnualReportIndexPage(**fields)
    home_page().add_child(instance=index)
    return index


# -- units and the people who edit for them ----------------------------------------------------


def unit_register():
    """The Jining units register (54 units, their groups, contacts of a few), imported from
    units.csv by the demo's loader unless it is there already. Returns the units by title."""
    from demo import units

    from wagtail_disclosure.units.models import UnitPage

    if not UnitPage.objects.exists():
        units.load(_quiet())
    return units_by_title()


def units_by_title():
    from wagtail_disclosure.units.models import UnitPage

    return {unit.title: unit for unit in UnitPage.objects.all()}


def make_unit_group(name, members=(), **fields):
    from wagtail_disclosure.units.models import UnitGroup

    group = UnitGroup(name=name, **fields)
    group.members = list(members)
    group.save()
    return group


def make_manager(username="manager"):
    """A superuser: a plan office's manager."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser(username, f"{username}@example.com", "pw")


def make_unit_editor(username, unit, groups=()):
    """A user of Wagtail's "Editors" group who edits for ``unit`` (password ``pw``)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from wagtail_disclosure.units.models import UnitMembership

    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(Group.objects.get(name="Editors"), *groups)
    UnitMembership.objects.create(user=user, unit=unit)
    return user


# -- task plans --------------------------------------------------------------------------------

TASK_NUMBER = re.compile(r"^\s*([（(][一二三四五六七八九十]+[）)])\s*(.*)$")
SECTION_NUMERALS = "一二三四五六七八九十"


def make_plan(year=2022, **fields):
    """A published task plan under /plans/ (without tasks)."""
    from wagtail_disclosure.plans.models import TaskPlanPage

    fields.setdefault("title", f"{year}年济宁市政务公开工作任务分解表")
    fields.setdefault("slug", str(year))
    fields.setdefault("disclosure_attribute", "proactive")
    plan = TaskPlanPage(year=year, **fields)
    plans_index().add_child(instance=plan)
    plan.save_revision().publish()
    return plan


def make_task(plan, title, requirements=(), publish=True, **fields):
    """A task of ``plan`` with its ``requirements`` (unsaved ``Requirement`` objects, or
    dictionaries of their fields), published through a revision as the import does."""
    from wagtail_disclosure.plans.models import Requirement, TaskPage

    number = plan.get_children_count() + 1
    fields.setdefault("slug", f"task-{number}")
    fields.setdefault("task_number", f"({number})")
    task = TaskPage(title=title, **fields)
    made = [r if isinstance(r, Requirement) else Requirement(**r) for r in requirements]
    for position, item in enumerate(made):
        # In the order given, as the import and the admin's inline panel number them: with
        # equal sort orders, PostgreSQL returns the rows in whatever order it finds them.
        if item.sort_order is None:
            item.sort_order = position
    task.requirements = made
    plan.add_child(instance=task)
    if publish:
        task.save_revision().publish()
    return task


def requirement(text, *, lead_units=(), lead_groups=(), unmatched=(), deadline=None, **fields):
    """An unsaved requirement for ``make_task``: its units are register units and groups;
    ``unmatched`` are names kept as written. ``deadline`` is expected.json's shape
    (``{"raw", "due", "ongoing", "recurring"}``); by default 全年, due at the end of 2022."""
    from wagtail_disclosure.plans.models import Requirement

    deadline = deadline or {"raw": "全年", "due": "2022-12-31"}
    fields.setdefault(
        "units_raw",
        "、".join([u.title for u in lead_units] + [g.name for g in lead_groups] + list(unmatched)),
    )
    made = Requirement(
        text=text,
        deadline_raw=deadline["raw"],
        due_date=datetime.date.fromisoformat(deadline["due"]) if deadline.get("due") else None,
        is_ongoing=deadline.get("ongoing", False),
        is_recurring=deadline.get("recurring", False),
        unmatched_units=[{"name": name, "role": "lead"} for name in unmatched],
        **fields,
    )
    made.lead_units = list(lead_units)
    made.lead_groups = list(lead_groups)
    return made


def build_jining_2022_plan():
    """The Jining 2022 plan as expected.json reads it (5 sections, 18 tasks, 84 requirements),
    at /plans/2022/, built without the plan importer so tests of progress do not depend on it.

    Tasks are /plans/2022/task-1/ … task-18/ with their numbers as the table writes them
    ("(一)"); each requirement's units are matched against the register as the site matches
    names (``UnitNameIndex``), and names it does not know are kept as written.
    """
    from wagtail_disclosure.units.matching import UnitNameIndex
    from wagtail_disclosure.units.models import UnitGroup, UnitPage

    outline = expected_outline()
    names = UnitNameIndex()
    plan = make_plan(
        outline["plan"]["year"],
        title=outline["plan"]["title"],
        document_number=outline["plan"]["document_number"],
        issue_date=datetime.date.fromisoformat(outline["plan"]["issued"]),
        issuer=names.match(outline["plan"]["issuer"]),
    )
    for section_number, section in enumerate(outline["sections"], 1):
        for task in section["tasks"]:
            number, title = TASK_NUMBER.match(task["title"]).groups()
            rows = []
            for row in task["requirements"]:
                found = {name: names.match(name) for name in row["units"]}
                rows.append(
                    requirement(
                        row["text"],
                        lead_units=[u for u in found.values() if isinstance(u, UnitPage)],
                        lead_groups=[g for g in found.values() if isinstance(g, UnitGroup)],
                        unmatched=[name for name, match in found.items() if match is None],
                        deadline=row["deadline"],
                        units_raw=row["units_raw"],
                    )
                )
            make_task(
                plan,
                title.strip(),
                rows,
                section_number=section_number,
                section_title=section["title"],
                task_number=number,
            )
    return plan


def remove_plans():
    """Empty the plan index (of the Jining 2022 plan the test run built), for stories that
    start before any plan is there. Returns the index."""
    index = plans_index()
    index.get_descendants().delete()
    index.refresh_from_db()
    return index


def jining_2022_plan():
    """The Jining 2022 plan at /plans/2022/ (built once per test run by tests/conftest.py)."""
    from wagtail_disclosure.plans.models import TaskPlanPage

    return TaskPlanPage.objects.child_of(plans_index()).get(slug="2022")


def build_generated_plan(n_requirements, year=2023, per_task=50):
    """A plan of ``n_requirements`` rows, ``per_task`` to a task and five tasks to a section,
    each assigned to two units of the register and, every third row, to the county group;
    deadlines run through the months and every fifth row is ongoing. For measuring how pages
    grow with the plan: the rows are written in bulk."""
    from wagtail_disclosure.plans.models import Requirement
    from wagtail_disclosure.units.models import UnitGroup, UnitPage

    units = list(UnitPage.objects.order_by("path"))
    group = UnitGroup.objects.filter(name__startswith="各县").first()
    plan = make_plan(year, slug=f"gen-{year}")
    rows = []
    for first in range(0, n_requirements, per_task):
        s = first // (per_task * 5) + 1
        task = make_task(
            plan,
            f"任务{first // per_task + 1}",
            section_number=s,
            section_title=f"{SECTION_NUMERALS[(s - 1) % 10]}、第{s}部分",
            task_number=f"({first // per_task + 1})",
            publish=False,
        )
        for i in range(first, min(first + per_task, n_requirements)):
            due = datetime.date(year, 1 + i % 12, 28)
            rows.append(
                Requirement(
                    task=task,
                    sort_order=i,
                    text=f"第{i + 1}项具体要求：按时公开相关信息。",
                    deadline_raw=f"{year}年{1 + i % 12}月底",
                    due_date=due,
                    is_ongoing=i % 5 == 0,
                )
            )
    rows = Requirement.objects.bulk_create(rows)
    Lead = Requirement.lead_units.through
    Lead.objects.bulk_create(
        Lead(requirement_id=r.pk, unitpage_id=u.pk)
        for i, r in enumerate(rows)
        for u in {units[i % len(units)], units[(i * 7 + 3) % len(units)]}
    )
    if group:
        Groups = Requirement.lead_groups.through
        Groups.objects.bulk_create(
            Groups(requirement_id=r.pk, unitgroup_id=group.pk)
            for i, r in enumerate(rows)
            if i % 3 == 0
        )
    return plan


# -- progress ----------------------------------------------------------------------------------


def make_report(requirement, unit, status="done", date=datetime.date(2022, 9, 1), **fields):
    """A progress report (落实情况) ``unit`` files on ``requirement``: 100% when done."""
    from wagtail_disclosure.progress.models import ProgressReport

    fields.setdefault("percent", 100 if status == "done" else 50)
    return ProgressReport.objects.create(
        requirement=requirement, unit=unit, status=status, date=date, **fields
    )


# -- disclosure requests -----------------------------------------------------------------------


def make_request(unit, received_on, **fields):
    """A request in ``unit``'s register, as an office enters a letter it received: a natural
    person asking for a budget. ``corrections``, ``consultations`` and ``extensions`` take
    lists of the unsaved events."""
    from wagtail_disclosure.requests.models import DisclosureRequest

    fields.setdefault("applicant_type", "natural_person")
    fields.setdefault("applicant_name", "王某某")
    fields.setdefault("id_number", "11010519491231002X")
    fields.setdefault("phone", "13800000000")
    fields.setdefault("description", "申请公开2022年度部门预算。")
    events = {
        name: fields.pop(name)
        for name in ("corrections", "consultations", "extensions")
        if name in fields
    }
    request = DisclosureRequest(unit=unit, received_on=received_on, **fields)
    for name, rows in events.items():
        setattr(request, name, rows)
    request.save()
    return request


# -- policy documents and interpretations -----------------------------------------------------


def make_subject_category(name="住房保障", slug="housing"):
    from wagtail_disclosure.policies.models import SubjectCategory

    return SubjectCategory.objects.create(name=name, slug=slug)


def make_policy_document(title, categories=(), **fields):
    """A normative document in the library, dated 2022-06-20, which requires an interpretation
    (so it goes live only with one): a draft with its revision, unless ``live=True``."""
    from wagtail_disclosure.policies.models import PolicyDocumentPage, PolicyKind

    fields.setdefault("kind", PolicyKind.NORMATIVE)
    fields.setdefault("requires_interpretation", True)
    fields.setdefault("date_published", datetime.date(2022, 6, 20))
    fields.setdefault("live", False)
    fields.setdefault("disclosure_attribute", "proactive")
    document = PolicyDocumentPage(title=title, **fields)
    document.categories = list(categories)
    policy_library().add_child(instance=document)
    document.save_revision()
    return document


def make_interpretation(title, documents, **fields):
    """A draft interpretation of ``documents``, prepared to be released with them."""
    from wagtail_disclosure.policies.interpretations import InterpretationPage

    fields.setdefault("disclosure_attribute", "proactive")
    interpretation = InterpretationPage(title=title, live=False, **fields)
    interpretation.interpreted_documents = list(documents)
    interpretation_index().add_child(instance=interpretation)
    interpretation.save_revision()
    return interpretation


def publish_with_interpretation(document, **fields):
    """Publish ``document`` the way the rule wants: with an interpretation of it."""
    make_interpretation(f"{document.title}解读", [document], **fields)
    document.get_latest_revision().publish()
    document.refresh_from_db()
    return document


def load_policy_demo():
    """The demo's policy documents, interpretations and Q&A (demo/policies.py)."""
    from demo import policies

    policies.load(_quiet())


# -- public enterprises ------------------------------------------------------------------------


def make_enterprise_column(**fields):
    from wagtail_disclosure.enterprises.models import EnterpriseColumnPage

    fields.setdefault("title", "公共企事业单位信息公开")
    fields.setdefault("slug", "enterprises")
    column = EnterpriseColumnPage(**fields)
    home_page().add_child(instance=column)
    column.save_revision().publish()
    return column


def make_sector(column, title, slug, department, items, **fields):
    """A published sector of ``column`` run by ``department``; ``items``: its catalogue as
    (name, update period)."""
    from wagtail_disclosure.enterprises.models import CatalogueItem, SectorPage

    sector = SectorPage(title=title, slug=slug, competent_department=department, **fields)
    for name, period in items:
        sector.catalogue_items.add(CatalogueItem(name=name, update_period=period))
    column.add_child(instance=sector)
    sector.save_revision().publish()
    return sector


def make_enterprise(sector, title, slug, entries=(), **fields):
    """A published covered entity of ``sector``; ``entries``: what it disclosed, as
    (catalogue item name, date)."""
    from wagtail_disclosure.enterprises.models import DisclosureEntry, EnterprisePage

    fields.setdefault("disclosure_attribute", "proactive")
    entity = EnterprisePage(title=title, slug=slug, **fields)
    sector.add_child(instance=entity)
    entity.save_revision().publish()
    items = {item.name: item for item in sector.catalogue_items.all()}
    for name, date in entries:
        DisclosureEntry.objects.create(
            enterprise=entity, item=items[name], date=date, content=f"{title}{name}"
        )
    return entity


# -- statutory proactive content ---------------------------------------------------------------


def statutory_category(code):
    """A category of the seeded Art. 20 catalogue, by code (``budgets``, ``licensing``, …)."""
    from wagtail_disclosure.statutory.models import StatutoryCategory

    return StatutoryCategory.objects.get(code=code)


def statutory_index(**fields):
    """The published 法定主动公开内容 page at /statutory/."""
    from wagtail_disclosure.statutory.models import StatutoryIndexPage

    fields.setdefault("title", "法定主动公开内容")
    fields.setdefault("slug", "statutory")
    index = StatutoryIndexPage(**fields)
    home_page().add_child(instance=index)
    index.save_revision().publish()
    return index


def make_statutory_link(category, unit, title, date, url="https://www.example.gov.cn/item"):
    """An item published elsewhere, filed under ``category`` (a code or a category) for ``unit``."""
    from wagtail_disclosure.statutory.models import StatutoryItem

    if isinstance(category, str):
        category = statutory_category(category)
    return StatutoryItem.objects.create(
        category=category, unit=unit, title=title, url=url, date=date
    )


def file_page(page, category, unit, date=None, publish=True):
    """File ``page`` under ``category`` for ``unit`` the way an editor does: in the page's own
    panel, saved as a revision (and published, unless ``publish=False``)."""
    from wagtail_disclosure.statutory.models import StatutoryItem

    if isinstance(category, str):
        category = statutory_category(category)
    page = page.specific
    page.statutory_items.add(StatutoryItem(category=category, unit=unit, date=date))
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


# -- the office's groups -----------------------------------------------------------------------


def make_office_unit_editor(username, unit):
    """A unit editor set up as docs/permissions.md says: the office's groups made by
    ``disclosure_groups``, then a unit membership, which puts the user in 单位编辑 (password
    ``pw``)."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from wagtail_disclosure.units.models import UnitMembership

    call_command("disclosure_groups", stdout=_quiet())
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
    UnitMembership.objects.create(user=user, unit=unit)
    return user


# -- generated task tables ---------------------------------------------------------------------

GENERATED_DEADLINES = (
    "全年",
    "2022年10月底前完成，长期坚持",
    "定期更新",
    "2022 年 6 月底",
    "三季度末",
    "长期坚持",
    "２０２２年９月１５日前",
    "每季度",
)
GENERATED_UNITS = (
    "各县（市、区）政府（管委会），市发展改革委、市工业和信息化局",
    "市财政局牵头，市税务局配合",
    "市、县级政府办公室",
    "各县(市、区)政府(管委会), 市司法局等市政府有关部门、单位",
)


def write_plan_workbook(path, requirements, per_task=8, per_units_cell=3, tasks_per_section=25):
    """A task table of ``requirements`` rows as an office writes it (xlsx): a title row, the
    header, section rows merged across, task cells merged down over ``per_task`` rows and unit
    cells over ``per_units_cell`` rows; unit names and deadlines in the table's usual forms.
    For the bulk-import comparison and ``benchmarks/``."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["2022年政务公开工作任务分解表"])
    sheet.merge_cells("A1:D1")
    sheet.append(["工作任务", "责任单位", "具体要求", "完成时限"])
    row = 2
    per_section = per_task * tasks_per_section
    for number in range(requirements):
        if number % per_section == 0:
            row += 1
            section = number // per_section
            title = f"{SECTION_NUMERALS[section % 10]}、第{section + 1}部分"
            sheet.append([title, None, None, None])
            sheet.merge_cells(f"A{row}:D{row}")
        row += 1
        task = units = None
        if number % per_task == 0:
            task = f"（{number // per_task + 1}）任务{number // per_task}"
        if number % per_units_cell == 0:
            units = GENERATED_UNITS[number % len(GENERATED_UNITS)]
        text = f"第{number + 1}项具体要求：做好营商环境、乡村振兴等相关信息公开工作。"
        sheet.append([task, units, text, GENERATED_DEADLINES[number % len(GENERATED_DEADLINES)]])
        if task is not None:
            last = min(row + per_task - 1, row + requirements - number - 1)
            if last > row:
                sheet.merge_cells(f"A{row}:A{last}")
        if units is not None:
            last = min(row + per_units_cell - 1, row + requirements - number - 1)
            if last > row:
                sheet.merge_cells(f"B{row}:B{last}")
    workbook.save(path)
    return path


# -- disclosure attributes ---------------------------------------------------------------------


def make_withheld_document(title, attribute="not_disclosed", basis="art16_process", **fields):
    """A work document kept out of public view (依申请公开 / 不予公开) with its basis: a draft."""
    fields.setdefault("kind", "work")
    fields.setdefault("requires_interpretation", False)
    fields.setdefault("interpretation_exemption", "工作文件，无需解读")
    return make_policy_document(
        title, disclosure_attribute=attribute, disclosure_basis=basis, **fields
    )


def make_attribute_review_workflow(parent, group_name="公开属性审查员"):
    """A workflow with one 公开属性审查 task, reviewed by ``group_name``, on ``parent``'s pages."""
    from django.contrib.auth.models import Group
    from wagtail.models import Workflow, WorkflowPage, WorkflowTask

    from wagtail_disclosure.attributes.models import DisclosureAttributeTask

    group, _created = Group.objects.get_or_create(name=group_name)
    task = DisclosureAttributeTask.objects.create(name="公开属性审查")
    task.groups.set([group])
    workflow = Workflow.objects.create(name="先确定公开属性，再运转呈签")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=parent)
    return workflow


# -- consultations and open days ---------------------------------------------------------------


def consultation_index():
    """/consultations/: the consultations of the site (意见征集)."""
    from wagtail_disclosure.consultations.pages import ConsultationIndexPage

    return child_page(home_page(), ConsultationIndexPage, "consultations", "意见征集")


def make_consultation(unit, opens_on, title="《济宁市城市公园管理办法（征求意见稿）》", **fields):
    """A live consultation of ``unit`` opening on ``opens_on`` (closing after the default period
    unless ``closes_on`` is given); ``clauses`` names the clauses offered in the form."""
    from wagtail_disclosure.consultations.pages import ConsultationClause, ConsultationPage

    clauses = fields.pop("clauses", ("第三条", "第八条"))
    fields.setdefault("slug", f"consultation-{ConsultationPage.objects.count() + 1}")
    fields.setdefault("draft", "<p>第一条 为了加强城市公园管理……</p>")
    fields.setdefault("explanation", "<p>起草背景、依据和主要内容。</p>")
    fields.setdefault("disclosure_attribute", "proactive")
    page = ConsultationPage(title=title, unit=unit, opens_on=opens_on, **fields)
    page.clauses = [ConsultationClause(label=label) for label in clauses]
    consultation_index().add_child(instance=page)
    page.save_revision().publish()
    return page


def make_comment(consultation, body="建议延长公园夜间开放时间。", status="pending", **fields):
    """A comment as the public form stores it, from a made-up address unless ``address``."""
    from wagtail_disclosure.consultations.models import ConsultationComment, source_key
    from wagtail_disclosure.core.submissions import text_key

    address = fields.pop("address", f"10.0.0.{ConsultationComment.objects.count() + 1}")
    return ConsultationComment.objects.create(
        consultation=consultation,
        body=body,
        status=status,
        consent=True,
        source_key=source_key(consultation.pk, address),
        text_key=text_key(body),
        **fields,
    )


def open_day_index():
    from wagtail_disclosure.open_days.pages import OpenDayIndexPage

    return child_page(home_page(), OpenDayIndexPage, "open-days", "政府开放日")


def make_open_day(unit, event_date, capacity=30, title="走进市政务服务中心", **fields):
    """A live open day hosted by ``unit``."""
    from wagtail_disclosure.open_days.pages import OpenDayPage

    fields.setdefault("slug", f"open-day-{OpenDayPage.objects.count() + 1}")
    fields.setdefault("place", "济宁市政务服务中心")
    page = OpenDayPage(
        title=title, unit=unit, event_date=event_date, capacity=capacity, **fields
    )
    open_day_index().add_child(instance=page)
    page.save_revision().publish()
    return page


# -- major decisions ---------------------------------------------------------------------------


def decision_index():
    """重大行政决策 at /decisions/."""
    from wagtail_disclosure.decisions.pages import DecisionIndexPage

    return child_page(home_page(), DecisionIndexPage, "decisions", "重大行政决策")


def make_decision_directory(unit, year=2022, slug=None, **fields):
    """A published directory of ``unit`` for ``year`` under /decisions/."""
    from wagtail_disclosure.decisions.pages import DecisionDirectoryPage

    fields.setdefault("title", f"{unit.title}{year}年重大行政决策事项目录")
    fields.setdefault("date_published", datetime.date(year, 3, 1))
    directory = DecisionDirectoryPage(unit=unit, year=year, slug=slug or f"{year}-{unit.pk}",
                                      **fields)
    decision_index().add_child(instance=directory)
    directory.save_revision().publish()
    return directory


def make_decision_item(directory, title, responsible_unit, materials=(), slug=None,
                       publish=True, **fields):
    """A decision item of ``directory``; ``materials``: its timeline, as dicts of
    ``DecisionMaterial`` fields (kind, date, page, document, url, title, summary)."""
    from wagtail_disclosure.decisions.pages import DecisionItemPage, DecisionMaterial

    fields.setdefault("disclosure_attribute", "proactive")
    item = DecisionItemPage(
        title=title,
        slug=slug or f"item-{DecisionItemPage.objects.count() + 1}",
        responsible_unit=responsible_unit,
        live=publish,
        **fields,
    )
    for material in materials:
        item.materials.add(DecisionMaterial(**material))
    directory.add_child(instance=item)
    revision = item.save_revision()
    if publish:
        revision.publish()
        item.refresh_from_db()
    return item


def make_decision_meeting(item, **fields):
    """A decision meeting of ``item`` whose public registration runs through June 2022."""
    from wagtail_disclosure.decisions.models import DecisionMeeting

    fields.setdefault("title", "市政府常务会议")
    fields.setdefault("held_on", datetime.date(2022, 7, 15))
    fields.setdefault("registration_opens_on", datetime.date(2022, 6, 1))
    fields.setdefault("registration_closes_on", datetime.date(2022, 6, 30))
    fields.setdefault("seats", 3)
    return DecisionMeeting.objects.create(item=item, **fields)


def make_delegate_registration(meeting, name, contact="13800000000", **fields):
    from wagtail_disclosure.decisions.models import DelegateRegistration

    fields.setdefault("sector", "社区居民")
    fields.setdefault("reason", "居住在改造片区，关心改造方案。")
    return DelegateRegistration.objects.create(
        meeting=meeting, name=name, contact=contact, **fields
    )


# -- the privacy check -------------------------------------------------------------------------


def write_pdf(path, pages):
    """A real PDF at ``path`` (reportlab, with a Chinese font), one list of lines per page."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    for lines in pages:
        pdf.setFont("STSong-Light", 11)
        for number, line in enumerate(lines):
            pdf.drawString(60, 780 - 16 * number, line)
        pdf.showPage()
    pdf.save()
    return path


def write_docx(path, paragraphs, table=()):
    """A real Word file at ``path`` (python-docx): paragraphs, then a table of ``table`` rows."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    document.save(str(path))
    return path


def make_document(path, title=None):
    """A Wagtail document holding the file at ``path``."""
    from django.core.files import File
    from wagtail.documents import get_document_model

    with open(path, "rb") as handle:
        return get_document_model().objects.create(
            title=title or path.name, file=File(handle, name=path.name)
        )


def attach(document_page, *documents):
    """Attach Wagtail documents to a policy document's draft (a new revision)."""
    from wagtail_disclosure.policies.models import PolicyAttachment

    document_page.attachments = [PolicyAttachment(file=document) for document in documents]
    document_page.save_revision()
    return document_page


# -- open data: sites, published documents, subscriptions -------------------------------------


def make_site(title, slug, port, site_name=""):
    """Another site of the install (a county's): a live home page of its own at
    ``localhost:<port>``. Returns the home page."""
    from wagtail.models import Page, Site

    home = Page(title=title, slug=slug)
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    Site.objects.create(hostname="localhost", port=port, root_page=home, site_name=site_name)
    return home


def publish_document(library, title, categories=(), **fields):
    """A live work document (工作文件, which needs no interpretation) in ``library``."""
    from wagtail_disclosure.policies.models import PolicyDocumentPage, PolicyKind

    fields.setdefault("kind", PolicyKind.WORK)
    fields.setdefault("requires_interpretation", False)
    fields.setdefault("date_published", datetime.date(2022, 6, 20))
    fields.setdefault("disclosure_attribute", "proactive")
    document = PolicyDocumentPage(title=title, live=False, **fields)
    document.categories = list(categories)
    library.add_child(instance=document)
    document.save_revision().publish()
    document.refresh_from_db()
    return document


def make_subscription(email, site=None, categories=(), units=(), kinds=(), since=None):
    """A confirmed subscription (as the confirmation link leaves it)."""
    from django.utils import timezone
    from wagtail.models import Site

    from wagtail_disclosure.subscriptions.models import Subscription

    since = since or timezone.now()
    subscription = Subscription.objects.create(
        site=site or Site.objects.get(is_default_site=True), email=email, kinds=list(kinds),
        confirmed_at=since, last_digest_at=since,
    )
    subscription.categories.set(categories)
    subscription.units.set(units)
    return subscription


# -- sites (集约化) -----------------------------------------------------------------------------


def add_county_site(name="任城区", hostname="rencheng.localhost", **options):
    """A county's site at ``hostname`` (port 80), as ``disclosure_add_site`` makes it: its home
    with its columns and 专栏, its government and request office, the city (the default site) as
    its parent. Returns the site."""
    from wagtail.models import Site

    from wagtail_disclosure.management.commands.disclosure_add_site import add_site

    add_site(name, hostname, **options)
    return Site.objects.select_related("root_page").get(hostname=hostname)


def site_page(site, model, slug):
    """The page ``slug`` of ``model`` right under ``site``'s home."""
    return model.objects.child_of(site.root_page).get(slug=slug)


def plan_2022_requirements(plan, unit):
    """The requirements of ``plan`` that ``unit`` answers for (by name or through a group)."""
    from wagtail_disclosure.progress.responsibilities import requirements_for_units

    return list(
        requirements_for_units([unit.pk]).filter(task__path__startswith=plan.path).order_by("pk")
    )
