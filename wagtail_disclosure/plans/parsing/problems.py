"""Problems found while reading a task plan, as codes rather than sentences.

The parsing package has no Django, so it cannot translate. It reports a code and the values a
message needs; ``wagtail_disclosure.plans.messages`` turns them into translated sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]

ERROR: Severity = "error"
WARNING: Severity = "warning"

# Errors: the file cannot be imported as it is; the Django side writes nothing.
FILE_EMPTY = "file_empty"
FILE_CORRUPT = "file_corrupt"
FILE_UNSUPPORTED = "file_unsupported"
WRONG_FORMAT = "wrong_format"
HEADER_NOT_FOUND = "header_not_found"
NO_REQUIREMENTS = "no_requirements"
YEAR_NOT_FOUND = "year_not_found"
CELL_TOO_LONG = "cell_too_long"
UNITS_WITHOUT_REQUIREMENT = "units_without_requirement"
DEADLINE_WITHOUT_REQUIREMENT = "deadline_without_requirement"
# The file crosses a reading limit (size, rows, columns, merged ranges...): ``limit`` says which.
OVER_LIMIT = "over_limit"

# Warnings: the import can go ahead, but an editor should look at these rows.
FORMAT_MISMATCH = "format_mismatch"
OTHER_TABLES_IGNORED = "other_tables_ignored"
DEADLINE_NOT_UNDERSTOOD = "deadline_not_understood"
DEADLINE_MISSING = "deadline_missing"
UNITS_MISSING = "units_missing"
UNIT_NOT_FOUND = "unit_not_found"
REQUIREMENT_JOINED = "requirement_joined"
UNITS_JOINED = "units_joined"
TASK_WITHOUT_REQUIREMENTS = "task_without_requirements"
NOTE_ROW_SKIPPED = "note_row_skipped"
YEAR_DIFFERS_FROM_TITLE = "year_differs_from_title"

ERROR_CODES = frozenset(
    {
        FILE_EMPTY,
        FILE_CORRUPT,
        FILE_UNSUPPORTED,
        WRONG_FORMAT,
        HEADER_NOT_FOUND,
        NO_REQUIREMENTS,
        YEAR_NOT_FOUND,
        CELL_TOO_LONG,
        UNITS_WITHOUT_REQUIREMENT,
        DEADLINE_WITHOUT_REQUIREMENT,
        OVER_LIMIT,
    }
)
WARNING_CODES = frozenset(
    {
        FORMAT_MISMATCH,
        OTHER_TABLES_IGNORED,
        DEADLINE_NOT_UNDERSTOOD,
        DEADLINE_MISSING,
        UNITS_MISSING,
        UNIT_NOT_FOUND,
        REQUIREMENT_JOINED,
        UNITS_JOINED,
        TASK_WITHOUT_REQUIREMENTS,
        NOTE_ROW_SKIPPED,
        YEAR_DIFFERS_FROM_TITLE,
    }
)
ALL_CODES = ERROR_CODES | WARNING_CODES


@dataclass(frozen=True)
class Problem:
    """Something the editor must know about one row (or the whole file, when ``row`` is None).

    ``row`` is the row number the editor sees in the spreadsheet, or the line number in a text
    file. ``params`` holds only JSON-friendly values so the problem can be shown as it is.
    """

    row: int | None
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    severity: Severity = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def error(code: str, row: int | None = None, **params: Any) -> Problem:
    return Problem(row=row, code=code, params=params, severity=ERROR)


def warning(code: str, row: int | None = None, **params: Any) -> Problem:
    return Problem(row=row, code=code, params=params, severity=WARNING)


class TableReadError(Exception):
    """A file that cannot be read as a table at all; carries the problem to report."""

    def __init__(self, problem: Problem):
        super().__init__(problem.code)
        self.problem = problem
