"""Reading uploaded spreadsheets into tablib datasets, and writing safe ones.

Offices send CSV in UTF-8, UTF-8 with BOM or GBK, and Excel files whose extension does not
always match their content; the format is decided by the bytes, not the name.
"""

from __future__ import annotations

import csv

import tablib
from django.utils.translation import gettext as _

from wagtail_disclosure.conf import get_setting

from . import bounded_reader as bounded

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class SpreadsheetError(ValueError):
    """A file that cannot be read as a table at all; the message is for the editor."""


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) first, then GB18030 (a superset of GBK and GB2312)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SpreadsheetError(_("The file is neither UTF-8 nor GBK text, nor an Excel workbook."))


def read_dataset(data: bytes, filename: str = "") -> tablib.Dataset:
    """A dataset whose first row is the header, from CSV, XLSX or XLS bytes.

    Read within :func:`reading_limits`: an upload over a limit raises :class:`SpreadsheetError`
    saying which limit, before anything of it is loaded.
    """
    if not data or not data.strip():
        raise SpreadsheetError(_("The file is empty."))
    limits = reading_limits()
    try:
        if data.startswith((XLSX_MAGIC, XLS_MAGIC)):
            return _dataset_of_rows(_workbook_rows(data, limits))
        bounded.check_file_size(data, limits)
        if filename.lower().endswith((".xlsx", ".xls")):
            raise SpreadsheetError(
                _("“%(name)s” is named like an Excel workbook but is not one.") % {"name": filename}
            )
        text = decode_text(data)
        if "\x00" in text:
            raise SpreadsheetError(_("The file is not a spreadsheet (it holds binary data)."))
        try:
            records = list(bounded.read_csv_records(text, limits))
        except csv.Error as exc:
            raise SpreadsheetError(
                _("The CSV file cannot be read: %(error)s") % {"error": exc}
            ) from exc
        return _dataset_of_rows(records)
    except bounded.LimitExceeded as exc:
        raise SpreadsheetError(limit_message(exc)) from exc


def _workbook_rows(data: bytes, limits) -> list[list]:
    try:
        sheets = bounded.read_workbook(data, limits, first_only=True)
    except bounded.UnreadableFile as exc:
        if str(exc) == "zip":
            raise SpreadsheetError(
                _("The Excel file is damaged (not a valid zip archive).")
            ) from exc
        raise SpreadsheetError(
            _("The file looks like an Excel workbook but cannot be opened: %(error)s")
            % {"error": exc}
        ) from exc
    return sheets[0].rows if sheets else []


def _dataset_of_rows(rows: list[list]) -> tablib.Dataset:
    while rows and all(v in (None, "") for v in rows[-1]):
        rows.pop()
    if not rows:
        raise SpreadsheetError(_("The file is empty."))
    headers = ["" if h is None else str(h).strip() for h in rows[0]]
    width = len(headers)
    dataset = tablib.Dataset(headers=headers)
    for row in rows[1:]:
        row = (list(row) + [None] * width)[:width]
        dataset.append(["" if v is None else _plain_number(v) for v in row])
    return dataset


def _plain_number(value):
    """Workbooks store every number as a float; a whole number reads as the editor typed it."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def escape_formula(value):
    """Neutralise a cell a spreadsheet program would run as a formula (CSV/formula injection).

    A leading apostrophe makes Excel and WPS show the text as typed instead of evaluating it.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def reading_limits() -> bounded.ReadingLimits:
    """The site's limits on reading an upload (see docs/settings.md)."""
    return bounded.ReadingLimits(
        max_file_bytes=get_setting("WAGTAIL_DISCLOSURE_MAX_UPLOAD_SIZE"),
        max_uncompressed_bytes=get_setting("WAGTAIL_DISCLOSURE_IMPORT_MAX_UNCOMPRESSED_SIZE"),
        max_rows=get_setting("WAGTAIL_DISCLOSURE_IMPORT_MAX_ROWS"),
        max_columns=get_setting("WAGTAIL_DISCLOSURE_IMPORT_MAX_COLUMNS"),
        max_cells=get_setting("WAGTAIL_DISCLOSURE_IMPORT_MAX_CELLS"),
        max_merged_ranges=get_setting("WAGTAIL_DISCLOSURE_IMPORT_MAX_MERGED_RANGES"),
        max_seconds=get_setting("WAGTAIL_DISCLOSURE_IMPORT_MAX_SECONDS"),
    )


def limit_message(exc: bounded.LimitExceeded) -> str:
    """Which limit the upload crosses, and by how much, for the editor."""
    templates = {
        bounded.FILE_SIZE: _(
            "The file is %(found)s bytes; at most %(maximum)s bytes can be imported."
        ),
        bounded.ARCHIVE_ENTRIES: _(
            "The workbook holds %(found)s parts; at most %(maximum)s are allowed."
        ),
        bounded.UNCOMPRESSED_SIZE: _(
            "Once decompressed the workbook is over %(found)s bytes; at most %(maximum)s bytes "
            "can be imported. Remove what the import does not need, or split the file."
        ),
        bounded.ROWS: _(
            "The sheet %(where)s has or declares %(found)s rows; at most %(maximum)s rows can be "
            "imported at once. Split the file, or delete the empty rows below the table."
        ),
        bounded.COLUMNS: _(
            "The sheet %(where)s has or declares %(found)s columns; at most %(maximum)s columns "
            "can be imported. Delete the empty columns to the right of the table."
        ),
        bounded.CELLS: _(
            "The sheet %(where)s spans %(found)s cells; at most %(maximum)s cells can be imported."
        ),
        bounded.MERGED_RANGES: _(
            "The sheet %(where)s has %(found)s merged ranges; at most %(maximum)s are allowed."
        ),
        bounded.MERGED_EXTENT: _(
            "The sheet %(where)s merges the range %(found)s, larger than the %(maximum)s "
            "(rows × columns) that can be imported. Unmerge it and merge only the table’s cells."
        ),
        bounded.SECONDS: _(
            "Reading the file took more than %(maximum)s seconds and was stopped; split the file."
        ),
    }
    template = templates.get(exc.limit, _("The file is over an import limit (%(limit)s)."))
    return template % {
        "found": exc.found if exc.found is not None else "?",
        "maximum": exc.maximum,
        "where": f"“{exc.where}”" if exc.where else "",
        "limit": exc.limit,
    }


def read_file_within_limit(path) -> bytes:
    """A file named on the command line, refused by its size before it is read into memory."""
    limits = reading_limits()
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise SpreadsheetError(
            limit_message(bounded.LimitExceeded(bounded.FILE_SIZE, limits.max_file_bytes, size))
        )
    return path.read_bytes()


def table_workbook(title: str, headers, rows) -> bytes:
    """An XLSX of one sheet: a bold title row, a header row, then ``rows``; every text cell
    passes :func:`escape_formula`, so a value typed by the public never runs as a formula."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    sheet.cell(row=1, column=1, value=escape_formula(str(title))).font = Font(bold=True)
    for column, header in enumerate(headers, start=1):
        sheet.cell(row=2, column=column, value=escape_formula(str(header))).font = Font(bold=True)
    for row_number, row in enumerate(rows, start=3):
        for column, value in enumerate(row, start=1):
            if value is not None and not isinstance(value, int | float | str):
                value = str(value)
            sheet.cell(row=row_number, column=column, value=escape_formula(value))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
