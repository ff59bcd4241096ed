"""Reading an uploaded file into grids of cell values, whatever the format.

Every reader gives the same thing, a :class:`Grid` per sheet or table: cell values with merged
cells copied into their whole area, plus which cells were copies. The outline reader then needs
to know nothing about file formats. The format is told by the file's content, because offices
rename files freely (a CSV saved as ``.xlsx``, an ``.xls`` that is really a workbook).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePath

from wagtail_disclosure.core import bounded_reader as bounded

from . import problems as P

CellValue = str | date | datetime | None

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
BINARY_EXTENSIONS = {".xlsx", ".xlsm", ".xls", ".docx"}
TEXT_ENCODINGS = ("utf-8-sig", "gb18030")
_MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_PAGE_NUMBER = re.compile(r"^[\s\-－—–_]*[0-9０-９]+[\s\-－—–_]*$")


@dataclass
class Grid:
    """One sheet or table: rows of values as the user sees them.

    ``row_numbers[i]`` is the number the user sees for ``rows[i]`` (sheet row, CSV record or text
    line). ``merged_from`` maps a (row index, column) that holds a copy of a merged cell's value to
    the (row index, column) of the merge's top-left cell. ``loose_rows`` are lines of a text file
    that are not table rows (prose around the table).
    """

    name: str | None
    kind: str
    rows: list[list[CellValue]] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)
    merged_from: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    merged_across_rows: set[int] = field(default_factory=set)
    loose_rows: set[int] = field(default_factory=set)
    lines_before: list[str] = field(default_factory=list)

    def value(self, row: int, column: int | None) -> CellValue:
        if column is None:
            return None
        cells = self.rows[row]
        return cells[column] if column < len(cells) else None

    def is_copy_from_above(self, row: int, column: int | None) -> bool:
        """True for the lower cells of a cell merged down: they mean "as above", not "again"."""
        origin = self.merged_from.get((row, column)) if column is not None else None
        return origin is not None and origin[0] < row

    def add_row(self, number: int, cells: list[CellValue], loose: bool = False) -> None:
        if loose:
            self.loose_rows.add(len(self.rows))
        self.rows.append(cells)
        self.row_numbers.append(number)

    def mark_merge(self, top: int, left: int, bottom: int, right: int) -> None:
        """Copy the top-left value over the merged area (indices are 0-based, inclusive)."""
        if top >= len(self.rows):
            return
        value = self.value(top, left)
        if right > left:
            self.merged_across_rows.update(range(top, min(bottom, len(self.rows) - 1) + 1))
        for row in range(top, min(bottom, len(self.rows) - 1) + 1):
            cells = self.rows[row]
            if len(cells) <= right:
                cells.extend([None] * (right + 1 - len(cells)))
            for column in range(left, right + 1):
                if (row, column) != (top, left):
                    cells[column] = value
                    self.merged_from[(row, column)] = (top, left)


def read_tables(source: bytes, filename: str,
                limits: bounded.ReadingLimits | None = None) -> tuple[list[Grid], list[P.Problem]]:
    """All the grids in the file, and any warning about the file as a whole.

    Raises :class:`problems.TableReadError` when the file cannot be read at all, or when it
    crosses one of ``limits`` (checked before the file is loaded; by default the defaults).
    """
    try:
        return read_tables_within(source, filename, limits or bounded.ReadingLimits())
    except bounded.LimitExceeded as exc:
        raise P.TableReadError(P.error(P.OVER_LIMIT, limit=exc.limit, maximum=exc.maximum,
                                       found=exc.found, where=exc.where)) from None


def read_tables_within(source: bytes, filename: str,
                       limits: bounded.ReadingLimits) -> tuple[list[Grid], list[P.Problem]]:
    extension = PurePath(filename or "").suffix.lower()
    if not source.lstrip(b"\xef\xbb\xbf").strip():
        raise P.TableReadError(P.error(P.FILE_EMPTY, filename=filename))
    bounded.check_file_size(source, limits)
    if source.startswith(ZIP_MAGIC):
        return read_zip_document(source, filename, limits), []
    if source.startswith(OLE_MAGIC):
        return [*read_xls(source, filename, limits)], []
    grids = read_text_document(source, filename, extension, limits)
    notes: list[P.Problem] = []
    if extension in BINARY_EXTENSIONS:
        notes.append(P.warning(P.FORMAT_MISMATCH, extension=extension, detected="text"))
    return grids, notes


def read_zip_document(source: bytes, filename: str, limits: bounded.ReadingLimits) -> list[Grid]:
    """An .xlsx workbook or a .docx document, told apart by the parts inside the zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(source)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise P.TableReadError(P.error(P.FILE_CORRUPT, filename=filename, format="zip")) from None
    if "xl/workbook.xml" in names:
        return read_xlsx(source, filename, limits)
    if "word/document.xml" in names:
        return read_docx(source, filename, limits)
    raise P.TableReadError(P.error(P.FILE_UNSUPPORTED, filename=filename, format="zip"))


def read_xlsx(source: bytes, filename: str, limits: bounded.ReadingLimits) -> list[Grid]:
    """Every worksheet, merged cells expanded (python-calamine, after the bounded checks)."""
    return read_workbook(source, filename, limits, kind="xlsx")


def read_xls(source: bytes, filename: str, limits: bounded.ReadingLimits) -> list[Grid]:
    """Every sheet of a legacy .xls workbook, merged cells expanded."""
    return read_workbook(source, filename, limits, kind="xls")


def read_workbook(source: bytes, filename: str, limits: bounded.ReadingLimits,
                  kind: str) -> list[Grid]:
    try:
        sheets = bounded.read_workbook(source, limits)
    except bounded.UnreadableFile:
        raise P.TableReadError(P.error(P.FILE_CORRUPT, filename=filename, format=kind)) from None
    grids = []
    for sheet in sheets:
        grid = Grid(name=sheet.name, kind=kind)
        for number, values in enumerate(sheet.rows, start=1):
            grid.add_row(number, [cell_value(value) for value in values])
        for top, left, bottom, right in sheet.merged:
            grid.mark_merge(top, left, bottom, right)
        grids.append(grid)
    return grids


def read_docx(source: bytes, filename: str, limits: bounded.ReadingLimits) -> list[Grid]:
    """Every table of a Word document; gridSpan and vMerge become merged areas."""
    import docx  # python-docx (and lxml) loaded only when a .docx file is read

    try:
        with zipfile.ZipFile(io.BytesIO(source)) as archive:
            bounded.check_archive(archive, limits, limits.deadline())
        document = docx.Document(io.BytesIO(source))
    except bounded.LimitExceeded:
        raise
    except Exception:  # python-docx raises KeyError, ValueError, lxml errors on bad files.
        raise P.TableReadError(P.error(P.FILE_CORRUPT, filename=filename, format="docx")) from None
    from docx.table import Table  # python-docx, as above
    from docx.text.paragraph import Paragraph

    grids: list[Grid] = []
    paragraphs: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.text.strip():
                paragraphs.append(block.text.strip())
        elif isinstance(block, Table):
            grid = read_docx_table(block, f"Table {len(grids) + 1}", limits)
            grid.lines_before = paragraphs[-5:]
            grids.append(grid)
            paragraphs = []
    return grids


def read_docx_table(table, name: str, limits: bounded.ReadingLimits) -> Grid:
    from docx.table import _Cell  # python-docx, only for .docx files (see read_docx)

    grid = Grid(name=name, kind="docx")
    extent = bounded.SheetXmlCheck(name, limits)
    origins: dict[int, tuple[int, int]] = {}  # column -> (row, left) of the cell still open
    for row_index, row in enumerate(table.rows):
        # gridBefore and gridSpan are numbers in the XML: a bomb could claim millions of columns.
        spans = sum(tc.grid_span for tc in row._tr.tc_lst)
        extent.grow(row_index + 1, row.grid_cols_before + spans)
        cells: list[CellValue] = []
        column = row.grid_cols_before
        cells.extend([None] * column)
        spans: list[tuple[int, int, int]] = []  # (left, right, origin row)
        for tc in row._tr.tc_lst:
            span = tc.grid_span
            if tc.vMerge == "continue" and column in origins:
                top = origins[column][0]
            else:
                top = row_index
                for offset in range(span):
                    origins[column + offset] = (row_index, column)
                cells.extend([None] * (column + 1 - len(cells)))
                cells[column] = _Cell(tc, table).text.strip() or None
            spans.append((column, column + span - 1, top))
            column += span
        grid.add_row(row_index + 1, cells)
        for left, right, top in spans:
            if top < row_index or right > left:
                grid.mark_merge(top, left, row_index, right)
    return grid


def read_text_document(source: bytes, filename: str, extension: str,
                       limits: bounded.ReadingLimits) -> list[Grid]:
    """CSV, or tab-separated text pasted from a PDF or Word, in UTF-8/UTF-16/GB18030."""
    if b"\x00" in source[:4096] and not source.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise P.TableReadError(P.error(P.FILE_UNSUPPORTED, filename=filename, format="binary"))
    text = decode_text(source)
    if looks_tab_separated(text, extension):
        bounded.check_text_lines(text, limits)
        return [read_tab_separated(text)]
    return [read_csv(text, limits)]


def decode_text(source: bytes) -> str:
    """UTF-16 when it says so by its BOM, else UTF-8 (with or without BOM), else GB18030."""
    if source.startswith((b"\xff\xfe", b"\xfe\xff")):
        return source.decode("utf-16")
    for encoding in TEXT_ENCODINGS:
        try:
            return source.decode(encoding)
        except UnicodeDecodeError:
            continue
    return source.decode("gb18030", errors="replace")


def looks_tab_separated(text: str, extension: str) -> bool:
    if extension == ".csv":
        return False
    if extension in (".txt", ".tsv", ".tab"):
        return True
    sample = text[:20000]
    return sample.count("\t") > sample.count(",")


def read_csv(text: str, limits: bounded.ReadingLimits | None = None) -> Grid:
    """A CSV; row numbers are record numbers, which is what a spreadsheet program shows.

    Read record by record, refused at the first record past the row or column limit.
    """
    # The csv module refuses fields over its limit; raise it so a huge cell becomes a row error
    # in the outline reader rather than an exception here. It only ever grows.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    grid = Grid(name=None, kind="csv")
    records = bounded.read_csv_records(text, limits or bounded.ReadingLimits())
    for number, record in enumerate(records, start=1):
        grid.add_row(number, [cell or None for cell in (value.strip() for value in record)])
    return grid


def read_tab_separated(text: str) -> Grid:
    """Text pasted from a PDF: one line per table row, cells separated by tabs.

    Row numbers are line numbers. Lines without a tab are prose around the table (title, notes,
    page numbers) and are kept only as loose rows, so the title can be found above the header.
    """
    grid = Grid(name=None, kind="text")
    for number, line in enumerate(text.splitlines(), start=1):
        line = _MARKUP.sub("", line).rstrip("\r\n")
        if not line.strip() or _PAGE_NUMBER.match(line):
            continue
        if "\t" in line:
            grid.add_row(number, [cell.strip() or None for cell in line.split("\t")])
        else:
            grid.add_row(number, [line.strip()], loose=True)
    return grid


def cell_value(value: object) -> CellValue:
    """Numbers as the text the user typed (``1`` not ``1.0``); dates kept as dates."""
    if value is None or isinstance(value, (date, datetime)):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None
