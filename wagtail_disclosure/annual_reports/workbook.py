"""The published annual report as an XLSX workbook, laid out as the national format."""

import io
from decimal import Decimal

from django.http import Http404
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail_disclosure.core.spreadsheets import escape_formula

from .layout import place, report_tables

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook_file_name(report) -> str:
    return f"{report.year}-{slugify(report.unit.slug) or report.unit_id}-annual-report.xlsx"


def report_workbook(report) -> bytes:
    """The report as one worksheet: title, the text parts, and the tables with their merges."""
    # openpyxl is heavy and only needed when someone downloads a report; the page model imports
    # this module, so it is loaded here rather than whenever the models are.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    if report.pk is None:
        raise Http404
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(report.year)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    row = 1
    sheet.cell(row, 1, escape_formula(str(report))).font = Font(bold=True, size=14)
    row += 2

    def text_part(title, html):
        nonlocal row
        sheet.cell(row, 1, escape_formula(str(title))).font = Font(bold=True)
        row += 1
        for line in strip_tags(html.replace("</p>", "</p>\n")).splitlines():
            if line.strip():
                sheet.cell(row, 1, escape_formula(line.strip()))
                row += 1
        row += 1

    text_part(_("I. Overview"), report.overview)
    for table in report_tables(report.figures()):
        sheet.cell(row, 1, escape_formula(str(table.caption))).font = Font(bold=True)
        row += 1
        rows = table.head + table.body
        for r, c, cell in place(rows):
            target = sheet.cell(row + r, c + 1)
            if cell.number:
                target.value = _number(cell.text)
            else:
                target.value = escape_formula(str(cell.text))
            target.alignment = Alignment(
                wrap_text=True, vertical="center", horizontal="center" if cell.header else None
            )
            if cell.header:
                target.font = Font(bold=True)
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    sheet.cell(row + r + dr, c + 1 + dc).border = border
            if cell.rowspan > 1 or cell.colspan > 1:
                sheet.merge_cells(
                    start_row=row + r,
                    start_column=c + 1,
                    end_row=row + r + cell.rowspan - 1,
                    end_column=c + cell.colspan,
                )
        row += len(rows) + 1
    text_part(_("V. Main problems and improvements"), report.problems)
    text_part(_("VI. Other matters to report"), report.other_matters)
    for column in "ABC":
        sheet.column_dimensions[column].width = 22
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _number(text):
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else float(value)
