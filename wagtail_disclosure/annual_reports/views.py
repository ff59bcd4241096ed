"""Public pages of the annual reports: the index, one report, its XLSX export."""

import io
from itertools import groupby

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail_disclosure.core.spreadsheets import escape_formula

from .layout import place, report_tables

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def report_index(request, page):
    reports = page.published_reports().order_by("-year", "unit__path")
    by_year = [
        (year, [(report, page.report_url(report)) for report in group])
        for year, group in groupby(reports, key=lambda r: r.year)
    ]
    context = page.get_context(request)
    context["reports_by_year"] = by_year
    return TemplateResponse(request, page.get_template(request), context)


def _published_report(page, unit_id, year):
    report = get_object_or_404(
        page.published_reports().prefetch_related("overrides"), unit_id=unit_id, year=year
    )
    return report


def report_detail(request, page, unit_id, year):
    report = _published_report(page, unit_id, year)
    context = page.get_context(request)
    context.update(
        {
            "report": report,
            "tables": report_tables(report.figures()),
            "xlsx_url": page.report_url(report, "_xlsx"),
        }
    )
    return TemplateResponse(request, "wagtail_disclosure/annual_reports/report_page.html", context)


def report_xlsx(request, page, unit_id, year):
    report = _published_report(page, unit_id, year)
    data = report_workbook(report)
    filename = f"{report.year}-{slugify(report.unit.slug) or report.unit_id}-annual-report.xlsx"
    response = HttpResponse(data, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def report_workbook(report) -> bytes:
    """The report as one worksheet: title, the text parts, and the tables with their merges."""
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
    from decimal import Decimal

    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else float(value)
