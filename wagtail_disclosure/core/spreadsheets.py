"""Reading uploaded spreadsheets into tablib datasets, and writing safe ones.

Offices send CSV in UTF-8, UTF-8 with BOM or GBK, and Excel files whose extension does not
always match their content; the format is decided by the bytes, not the name.
"""

from __future__ import annotations

import io
import zipfile

import tablib
from django.utils.translation import gettext as _

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
    """A dataset whose first row is the header, from CSV, XLSX or XLS bytes."""
    if not data or not data.strip():
        raise SpreadsheetError(_("The file is empty."))
    try:
        if data.startswith(XLSX_MAGIC):
            return _read_xlsx(data)
        if data.startswith(XLS_MAGIC):
            return tablib.Dataset().load(data, format="xls")
    except SpreadsheetError:
        raise
    except Exception as exc:  # openpyxl/xlrd raise many kinds for damaged files
        raise SpreadsheetError(
            _("The file looks like an Excel workbook but cannot be opened: %(error)s")
            % {"error": exc}
        ) from exc
    if filename.lower().endswith((".xlsx", ".xls")):
        raise SpreadsheetError(
            _("“%(name)s” is named like an Excel workbook but is not one.") % {"name": filename}
        )
    text = decode_text(data)
    if "\x00" in text:
        raise SpreadsheetError(_("The file is not a spreadsheet (it holds binary data)."))
    try:
        return tablib.Dataset().load(text, format="csv")
    except Exception as exc:
        raise SpreadsheetError(
            _("The CSV file cannot be read: %(error)s") % {"error": exc}
        ) from exc


def _read_xlsx(data: bytes) -> tablib.Dataset:
    try:
        zipfile.ZipFile(io.BytesIO(data)).testzip()
    except zipfile.BadZipFile as exc:
        raise SpreadsheetError(_("The Excel file is damaged (not a valid zip archive).")) from exc
    from openpyxl import load_workbook  # heavy: loaded only when an .xlsx file is imported

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    workbook.close()
    while rows and all(v in (None, "") for v in rows[-1]):
        rows.pop()
    if not rows:
        raise SpreadsheetError(_("The file is empty."))
    headers = ["" if h is None else str(h).strip() for h in rows[0]]
    width = len(headers)
    dataset = tablib.Dataset(headers=headers)
    for row in rows[1:]:
        row = (row + [None] * width)[:width]
        dataset.append(["" if v is None else v for v in row])
    return dataset


def escape_formula(value):
    """Neutralise a cell a spreadsheet program would run as a formula (CSV/formula injection).

    A leading apostrophe makes Excel and WPS show the text as typed instead of evaluating it.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
