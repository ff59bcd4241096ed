"""Translated messages for the problems the task-plan parser reports.

``wagtail_disclosure.parsing`` has no Django and reports problems as codes with values; this is
the one place those codes become sentences an editor reads (translated to zh-Hans in ``locale/``).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.core.bounded_reader import LimitExceeded
from wagtail_disclosure.core.spreadsheets import limit_message

from .parsing.problems import Problem

MESSAGES = {
    # Errors: nothing is imported until they are fixed.
    "file_empty": _("The file “%(filename)s” is empty."),
    "file_corrupt": _(
        "The file “%(filename)s” looks like a %(format)s file but is damaged and cannot be "
        "opened. Open it in Excel or WPS, save it again and upload the new copy."
    ),
    "file_unsupported": _(
        "The file “%(filename)s” is not a format that can be imported. Upload an Excel "
        "workbook (.xlsx or .xls), a CSV file, a Word document (.docx) or text copied from a PDF."
    ),
    "wrong_format": _(
        "The file “%(filename)s” is named %(extension)s but is not a real %(extension)s file, "
        "and no task table could be found in it. Save it from Excel or WPS as .xlsx and upload it "
        "again."
    ),
    "header_not_found": _(
        "No header row was found in “%(filename)s”: the reader knows columns such as 工作任务, "
        "具体要求, 责任单位 and 完成时限. If the table names its columns otherwise, give the "
        "letter of each column below (at least the requirement column) and preview again."
    ),
    "no_requirements": _(
        "Row %(row)s: a header row was found, but no requirements were found below it."
    ),
    "year_not_found": _(
        "The plan’s year could not be found in its title “%(title)s” or in the file name "
        "“%(filename)s”. Choose the year before importing."
    ),
    "cell_too_long": _(
        "Row %(row)s, column “%(column)s”: the cell holds %(length)s characters, more than the "
        "%(limit)s allowed. The row was not imported."
    ),
    "units_without_requirement": _(
        "Row %(row)s names responsible units (%(units)s) but has no text in column "
        "“%(column)s”, so they cannot be attached to a requirement."
    ),
    "deadline_without_requirement": _(
        "Row %(row)s has a deadline (%(deadline)s) but no text in column “%(column)s”, so it "
        "cannot be attached to a requirement."
    ),
    # Warnings: the import can go ahead; an editor should check these rows.
    "format_mismatch": _(
        "The file is named %(extension)s but holds %(detected)s; it was read as %(detected)s."
    ),
    "other_tables_ignored": _(
        "The task table was read from “%(table)s”; other sheets or tables that also look like "
        "task tables were ignored: %(others)s."
    ),
    "deadline_not_understood": _(
        "Row %(row)s, column “%(column)s”: the deadline “%(text)s” could not be read; it is kept "
        "as written."
    ),
    "deadline_missing": _("Row %(row)s: column “%(column)s” is empty, so there is no deadline."),
    "units_missing": _(
        "Row %(row)s: no responsible unit is given and there is none above it in this section."
    ),
    "unit_not_found": _(
        "Row %(row)s: the unit “%(name)s” is not in the units register; it is kept as written."
    ),
    "requirement_joined": _(
        "Row %(row)s holds only requirement text; it was joined to the requirement in row "
        "%(joined_to)s, which a page break had cut."
    ),
    "units_joined": _(
        "Row %(row)s: the responsible units continue the cell in row %(joined_to)s, which a "
        "page break had cut; they were joined."
    ),
    "task_without_requirements": _(
        "Row %(row)s: the task “%(title)s” has no requirements and was left out."
    ),
    "note_row_skipped": _("Row %(row)s looks like a note (“%(text)s”) and was skipped."),
    "year_differs_from_title": _(
        "The plan is imported for %(year)s, but its title “%(title)s” names another year."
    ),
}


def problem_message(problem: Problem) -> str:
    """The problem as a translated sentence naming its row (and column, where there is one)."""
    if problem.code == "over_limit":
        return over_limit_message(problem)
    template = MESSAGES.get(problem.code)
    params = {key: format_value(value) for key, value in problem.params.items()}
    params["row"] = problem.row if problem.row is not None else "–"
    if template is None:
        return f"{problem.code}: {params}"
    try:
        return str(template) % params
    except (KeyError, TypeError, ValueError):
        return f"{template} ({problem.code})"


def format_value(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return "、".join(str(item) for item in value)
    return value


def over_limit_message(problem: Problem) -> str:
    """Worded as every other import words a crossed reading limit."""
    params = problem.params
    return limit_message(
        LimitExceeded(params.get("limit", ""), params.get("maximum"), params.get("found"),
                      params.get("where", ""))
    )
