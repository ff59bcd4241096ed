"""A task plan back to Excel, in the shape offices circulate it.

Title row, the header 工作任务 / 责任单位 / 具体要求 / 完成时限, section rows merged across,
and task and unit cells merged down over their rows, so that importing the export changes nothing.
Every cell is escaped against formula injection.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from wagtail_disclosure.core.spreadsheets import escape_formula

from .models import Requirement, TaskPage, TaskPlanPage

HEADER = ("工作任务", "责任单位", "具体要求", "完成时限")
WIDTHS = (28, 30, 70, 18)
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def units_cell(requirement: Requirement) -> str:
    """The units as the table wrote them; composed from the relations when that text is lost."""
    if requirement.units_raw:
        return requirement.units_raw
    lead = [u.title for u in requirement.lead_units.all()]
    lead += [g.name for g in requirement.lead_groups.all()]
    lead += [u["name"] for u in requirement.unmatched_units or [] if u.get("role") != "cooperating"]
    cooperating = [u.title for u in requirement.cooperating_units.all()]
    cooperating += [g.name for g in requirement.cooperating_groups.all()]
    cooperating += [
        u["name"] for u in requirement.unmatched_units or [] if u.get("role") == "cooperating"
    ]
    text = "、".join(lead)
    if cooperating:
        text = (
            f"{text}牵头，{'、'.join(cooperating)}配合" if text else f"{'、'.join(cooperating)}配合"
        )
    return text


def task_cell(task: TaskPage) -> str:
    return f"{task.task_number} {task.title}".strip()


def plan_tasks(plan: TaskPlanPage):
    return (
        TaskPage.objects.child_of(plan)
        .order_by("path")
        .prefetch_related(
            "requirements__lead_units",
            "requirements__lead_groups",
            "requirements__cooperating_units",
            "requirements__cooperating_groups",
        )
    )


def export_plan_xlsx(plan: TaskPlanPage) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(plan.year or "plan")[:31]
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    bold = Font(bold=True)

    def put(row, column, value, **style):
        cell = sheet.cell(row=row, column=column, value=escape_formula(value))
        cell.alignment = style.get("alignment", wrap)
        cell.border = border
        if style.get("font"):
            cell.font = style["font"]
        return cell

    sheet.cell(row=1, column=1, value=escape_formula(plan.title)).font = Font(bold=True, size=16)
    sheet.cell(row=1, column=1).alignment = Alignment(horizontal="center")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    for column, (name, width) in enumerate(zip(HEADER, WIDTHS, strict=True), 1):
        put(2, column, name, font=bold, alignment=Alignment(horizontal="center"))
        sheet.column_dimensions[chr(64 + column)].width = width
    row = 3
    section = None
    for task in plan_tasks(plan):
        requirements = list(task.requirements.all())
        if not requirements:
            continue
        if task.section_title and task.section_title != section:
            section = task.section_title
            put(row, 1, section, font=bold)
            for column in range(2, len(HEADER) + 1):
                put(row, column, None)
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(HEADER))
            row += 1
        first = row
        units_start, units_text = row, None
        for requirement in requirements:
            text = units_cell(requirement)
            if text != units_text:
                if units_text is not None and row - 1 > units_start:
                    sheet.merge_cells(
                        start_row=units_start, start_column=2, end_row=row - 1, end_column=2
                    )
                units_start, units_text = row, text
                put(row, 2, text)
            else:
                put(row, 2, None)
            put(row, 1, task_cell(task) if row == first else None)
            put(row, 3, requirement.text)
            put(row, 4, requirement.deadline_raw)
            row += 1
        if row - 1 > units_start:
            sheet.merge_cells(start_row=units_start, start_column=2, end_row=row - 1, end_column=2)
        if row - 1 > first:
            sheet.merge_cells(start_row=first, start_column=1, end_row=row - 1, end_column=1)
    sheet.freeze_panes = "A3"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def export_file_name(plan: TaskPlanPage) -> str:
    return f"{plan.title or plan.slug}.xlsx"
