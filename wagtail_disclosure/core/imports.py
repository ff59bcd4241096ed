"""Running a django-import-export resource the way every disclosure import does.

Every import is all or nothing: it runs inside one transaction that is rolled back on a dry run
(the admin's preview) and on any row's error. Errors are reported per row and column, in the
editor's language.
"""

from __future__ import annotations

import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .spreadsheets import SpreadsheetError, read_dataset
from .text import normalize_name


class ImportFileError(ValueError):
    """The whole file is unusable (not a spreadsheet, wrong header, no rows)."""


@dataclass
class RowProblem:
    row: int | None
    column: str | None
    message: str

    def __str__(self):
        if self.row and self.column:
            return _("Row %(row)s, column “%(column)s”: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        if self.row:
            return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}
        return self.message


@dataclass
class ImportReport:
    """What an import did or would do, in terms an editor reads."""

    result: object = None
    problems: list[RowProblem] = field(default_factory=list)
    dry_run: bool = True

    @property
    def ok(self):
        return not self.problems

    @property
    def totals(self):
        return dict(self.result.totals) if self.result is not None else {}

    def rows(self):
        """(file row number, import type, object repr, diff cells) of every valid row."""
        if self.result is None:
            return []
        return [
            (i + HEADER_ROWS, r.import_type, r.object_repr, r.diff)
            for i, r in enumerate(self.result.rows, 1)
        ]


#: Data rows are numbered from 1 by django-import-export; the file has the header above them.
HEADER_ROWS = 1


def check_headers(dataset, required, allowed, aliases=None):
    """Refuse a file whose header misses a required column or has one nobody knows.

    ``aliases`` maps the headings offices write (``具体要求``) to column names (``requirement``),
    compared after width and space normalisation.
    """
    folded = {normalize_name(k): v for k, v in (aliases or {}).items()}
    headers = [
        folded.get(normalize_name(h), h.strip()) if isinstance(h, str) else h
        for h in (dataset.headers or [])
    ]
    missing = [c for c in required if c not in headers]
    unknown = [h for h in headers if h and h not in allowed]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(_("missing column(s): %(cols)s") % {"cols": "、".join(missing)})
        if unknown:
            parts.append(_("unknown column(s): %(cols)s") % {"cols": "、".join(unknown)})
        raise ImportFileError(
            _("Row 1 (the header) is wrong: %(problems)s. Expected columns: %(expected)s.")
            % {"problems": "；".join(parts), "expected": ", ".join(allowed)}
        )
    dataset.headers = headers


def load_dataset(data: bytes, filename: str, required, allowed, aliases=None):
    """The uploaded bytes as a dataset with a checked header and at least one row."""
    try:
        dataset = read_dataset(data, filename)
    except SpreadsheetError as exc:
        raise ImportFileError(str(exc)) from exc
    check_headers(dataset, required, allowed, aliases)
    if not any(any(str(v).strip() for v in row) for row in dataset):
        raise ImportFileError(_("The file has a header but no rows to import."))
    return dataset


def problems_of(result) -> list[RowProblem]:
    """Every error of a django-import-export result, numbered as rows of the file."""
    problems = [RowProblem(None, None, str(e.error)) for e in result.base_errors]
    for number, errors in result.row_errors():
        for error in errors:
            problems.append(RowProblem(number + HEADER_ROWS, None, str(error.error)))
    for invalid in result.invalid_rows:
        for column, messages in invalid.field_specific_errors.items():
            for message in messages:
                problems.append(RowProblem(invalid.number + HEADER_ROWS, column, str(message)))
        for message in invalid.non_field_specific_errors:
            problems.append(RowProblem(invalid.number + HEADER_ROWS, None, str(message)))
    return problems


def run_import(resource, dataset, *, dry_run: bool, **kwargs) -> ImportReport:
    """Import the dataset in one transaction, rolled back on a dry run or on any row's error.

    django-import-export rolls the whole transaction back when a row fails (errors, and
    validation errors with ``rollback_on_validation_errors``), so a file is written whole or
    not at all.
    """
    result = resource.import_data(
        dataset,
        dry_run=dry_run,
        use_transactions=True,
        rollback_on_validation_errors=True,
        **kwargs,
    )
    problems = problems_of(result)
    return ImportReport(result=result, problems=problems, dry_run=dry_run or bool(problems))


def validation_message(exc: ValidationError) -> str:
    return "；".join(exc.messages)


# -- one import at a time -----------------------------------------------------------------------


class ImportBusy(Exception):
    """Another import of the same thing is running; the message is for the editor."""


#: Longest an import may hold its lock: a crashed worker's lock lapses after this.
IMPORT_LOCK_SECONDS = 15 * 60


@contextmanager
def import_lock(name: str, label: str):
    """Let one import of ``name`` run at a time, across every server process.

    The lock is a key in the shared cache, taken with ``cache.add`` (atomic on every backend):
    a second import of the same plan, started while the first writes, is refused with a message
    saying so instead of reading the plan half-written and creating its requirements twice.
    """
    key = f"wagtail_disclosure:import-lock:{name}"
    token = uuid.uuid4().hex
    if not cache.add(key, token, timeout=IMPORT_LOCK_SECONDS):
        raise ImportBusy(
            _(
                "Another import of %(what)s is running. Nothing was imported; try again when it "
                "has finished (in a few minutes at most)."
            )
            % {"what": label}
        )
    try:
        yield
    finally:
        if cache.get(key) == token:
            cache.delete(key)
