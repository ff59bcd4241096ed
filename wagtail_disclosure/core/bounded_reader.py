"""Reading uploaded workbooks without letting a small file take the server's memory or time.

A 5 KB ``.xlsx`` can declare a sheet of 17 billion cells, merge a range of that size, or hold a
2 GiB sheet compressed to 2 MB; a 4 MB CSV can hold a million rows. Every reader of uploads goes
through this module, which checks what a file *claims* and what it *holds* before anything is
allocated for it, with cheap passes that stop at the first limit crossed:

* the file size, then the zip's central directory (entries and declared sizes), then each part
  decompressed in chunks and counted (declared sizes can lie);
* each worksheet's XML streamed with expat: the declared ``<dimension>``, the rows and columns of
  the cells actually present, and the count and extent of ``<mergeCell>`` ranges;
* a legacy ``.xls`` scanned record by record for the same (cells, merged ranges);
* CSV read record by record, stopping at the row cap.

Only then is the workbook read, with python-calamine (merged ranges included). The module is
plain Python (no Django) so the task-plan parser can use it; limits come in as
:class:`ReadingLimits` and the Django side builds them from settings.
"""

from __future__ import annotations

import contextlib
import contextvars
import csv
import hashlib
import io
import itertools
import re
import struct
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.parsers import expat

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# The limit names :class:`LimitExceeded` reports (the Django side words each one).
FILE_SIZE = "file_size"
ARCHIVE_ENTRIES = "archive_entries"
UNCOMPRESSED_SIZE = "uncompressed_size"
ROWS = "rows"
COLUMNS = "columns"
CELLS = "cells"
MERGED_RANGES = "merged_ranges"
MERGED_EXTENT = "merged_extent"
SECONDS = "seconds"

CHUNK = 64 * 1024
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")


@dataclass(frozen=True)
class ReadingLimits:
    """How much of an upload the server is willing to read; every field is a setting."""

    max_file_bytes: int = 10 * 1024 * 1024
    max_uncompressed_bytes: int = 20 * 1024 * 1024
    max_rows: int = 50_000
    max_columns: int = 64
    max_cells: int = 1_000_000
    max_merged_ranges: int = 10_000
    max_seconds: float = 5.0
    max_archive_entries: int = 1_000

    def deadline(self) -> Deadline:
        return Deadline(self.max_seconds)


class LimitExceeded(Exception):
    """The upload crosses one of the limits; nothing of it has been read into memory.

    ``limit`` is one of the names above, ``maximum`` the limit and ``found`` what the file
    has or claims (when known), ``where`` the sheet or part it was found in.
    """

    def __init__(self, limit: str, maximum, found=None, where: str = ""):
        super().__init__(f"{limit}: {found} > {maximum} {where}".strip())
        self.limit = limit
        self.maximum = maximum
        self.found = found
        self.where = where


class UnreadableFile(Exception):
    """The bytes are not the workbook they claim to be (a damaged zip, not a workbook...)."""


class Deadline:
    """CPU time allowed for reading one file; checked between chunks and rows."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.start = time.process_time()

    def check(self) -> None:
        spent = time.process_time() - self.start
        if spent > self.seconds:
            raise LimitExceeded(SECONDS, self.seconds, round(spent, 1))


@dataclass
class Sheet:
    """One worksheet as read: rows of values (``None`` for empty) and merged ranges.

    ``merged`` holds (top, left, bottom, right), 0-based and inclusive, as the sheet says.
    """

    name: str
    rows: list[list[object]] = field(default_factory=list)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)


# --- Sizes -------------------------------------------------------------------------------------


def check_file_size(source: bytes, limits: ReadingLimits) -> None:
    if len(source) > limits.max_file_bytes:
        raise LimitExceeded(FILE_SIZE, limits.max_file_bytes, len(source))


def check_archive(archive: zipfile.ZipFile, limits: ReadingLimits, deadline: Deadline) -> None:
    """The zip's entries, declared sizes and real decompressed sizes, all within the limit.

    The central directory is read first (cheap, and refuses an honest zip bomb at once); then
    every part is decompressed in chunks and counted, because a crafted zip can under-declare.
    """
    entries = archive.infolist()
    if len(entries) > limits.max_archive_entries:
        raise LimitExceeded(ARCHIVE_ENTRIES, limits.max_archive_entries, len(entries))
    declared = sum(entry.file_size for entry in entries)
    if declared > limits.max_uncompressed_bytes:
        raise LimitExceeded(UNCOMPRESSED_SIZE, limits.max_uncompressed_bytes, declared)
    total = 0
    try:
        for entry in entries:
            # zipfile stops at the declared size and then checks the CRC, so a part that holds
            # more than it declares is refused as damaged.
            with archive.open(entry) as part:
                while chunk := part.read(CHUNK):
                    total += len(chunk)
                    if total > limits.max_uncompressed_bytes:
                        raise LimitExceeded(
                            UNCOMPRESSED_SIZE, limits.max_uncompressed_bytes, total
                        )
                    deadline.check()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError,
            EOFError, RuntimeError) as exc:  # damaged, encrypted or exotic compression
        raise UnreadableFile("zip") from exc


def open_archive(source: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(source))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableFile("zip") from exc


# --- Worksheet XML -----------------------------------------------------------------------------


def column_index(letters: str) -> int:
    """``A`` → 1, ``XFD`` → 16384."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(index: int) -> str:
    """1 → ``A``, 16384 → ``XFD``."""
    letters = ""
    while index > 0:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell_position(ref: str) -> tuple[int, int] | None:
    """``C3`` → (3, 3): 1-based row and column; None for what is not a cell reference."""
    found = _REF.match(ref)
    if found is None:
        return None
    return int(found.group(2)), column_index(found.group(1))


def range_extent(ref: str) -> tuple[int, int, int, int] | None:
    """``C3:XFD1048576`` → (3, 3, 1048576, 16384): 1-based top, left, bottom, right."""
    first, _colon, last = ref.partition(":")
    start = cell_position(first)
    end = cell_position(last or first)
    if start is None or end is None:
        return None
    return start[0], start[1], end[0], end[1]


class SheetXmlCheck:
    """Expat handlers that stop at the first limit a worksheet's XML crosses."""

    def __init__(self, name: str, limits: ReadingLimits):
        self.name = name
        self.limits = limits
        self.rows = 0
        self.columns = 0
        self.merges = 0

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        tag = tag.rpartition(":")[2]
        if tag == "c":
            position = cell_position(attrs.get("r", ""))
            if position is not None:
                self.grow(*position)
        elif tag == "row":
            number = attrs.get("r", "")
            self.grow(int(number) if number.isdigit() else self.rows + 1, 0)
        elif tag == "dimension":
            extent = range_extent(attrs.get("ref", ""))
            if extent is not None:
                self.check_extent(extent)
        elif tag == "mergeCell":
            self.merges += 1
            if self.merges > self.limits.max_merged_ranges:
                raise LimitExceeded(
                    MERGED_RANGES, self.limits.max_merged_ranges, self.merges, self.name
                )
            self.check_merge(attrs.get("ref", ""))

    def grow(self, row: int, column: int) -> None:
        if row > self.rows:
            self.rows = row
            if row > self.limits.max_rows:
                raise LimitExceeded(ROWS, self.limits.max_rows, row, self.name)
        if column > self.columns:
            self.columns = column
            if column > self.limits.max_columns:
                raise LimitExceeded(COLUMNS, self.limits.max_columns, column, self.name)
        if self.rows * self.columns > self.limits.max_cells:
            raise LimitExceeded(CELLS, self.limits.max_cells, self.rows * self.columns, self.name)

    def check_merge(self, ref: str) -> None:
        """A merged range is copied into every cell it covers: it must fit the limits too."""
        extent = range_extent(ref)
        if extent is None:
            return
        _top, _left, bottom, right = extent
        if (bottom > self.limits.max_rows or right > self.limits.max_columns
                or bottom * right > self.limits.max_cells):
            maximum = f"{self.limits.max_rows}×{self.limits.max_columns}"
            raise LimitExceeded(MERGED_EXTENT, maximum, ref, self.name)

    def check_extent(self, extent: tuple[int, int, int, int]) -> None:
        """A declared dimension or merged range must fit in the limits as if it held cells."""
        _top, _left, bottom, right = extent
        if bottom > self.limits.max_rows:
            raise LimitExceeded(ROWS, self.limits.max_rows, bottom, self.name)
        if right > self.limits.max_columns:
            raise LimitExceeded(COLUMNS, self.limits.max_columns, right, self.name)
        if bottom * right > self.limits.max_cells:
            raise LimitExceeded(CELLS, self.limits.max_cells, bottom * right, self.name)


def _refuse_doctype(*_args) -> None:
    # No workbook needs a DTD; refusing it rules out entity expansion ("billion laughs").
    raise UnreadableFile("doctype")


def check_xml_part(archive: zipfile.ZipFile, part: str, handler: SheetXmlCheck,
                   deadline: Deadline) -> None:
    parser = expat.ParserCreate(namespace_separator=":")
    parser.StartElementHandler = handler.start
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(CHUNK):
                parser.Parse(chunk, False)
                deadline.check()
            parser.Parse(b"", True)
    except (expat.ExpatError, zipfile.BadZipFile, OSError, EOFError) as exc:
        raise UnreadableFile("xml") from exc


def check_xlsx(source: bytes, limits: ReadingLimits, deadline: Deadline | None = None) -> None:
    """Every check an ``.xlsx`` must pass before calamine opens it."""
    deadline = deadline or limits.deadline()
    check_file_size(source, limits)
    with open_archive(source) as archive:
        check_archive(archive, limits, deadline)
        for part in archive.namelist():
            if part.startswith("xl/worksheets/") and part.endswith(".xml"):
                name = part.rpartition("/")[2].removesuffix(".xml")
                check_xml_part(archive, part, SheetXmlCheck(name, limits), deadline)


# --- Legacy .xls (BIFF8 inside an OLE compound file) -----------------------------------------

# Records that start with (row, column) of a cell, and MULRK/MULBLANK whose last column ends them.
_CELL_RECORDS = {0x0006, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD}
_MULTI_CELL_RECORDS = {0x00BD, 0x00BE}
_ROW_RECORD = 0x0208
_MERGEDCELLS = 0x00E5


def workbook_stream(source: bytes) -> bytes:
    """The BIFF ``Workbook`` stream of an .xls file (xlrd's compound-document reader)."""
    from xlrd import compdoc  # only for .xls uploads

    try:
        document = compdoc.CompDoc(source, logfile=io.StringIO())
        for name in ("Workbook", "Book"):
            memory, base, size = document.locate_named_stream(name)
            if memory is not None:
                return bytes(memory[base:base + size])
    except Exception as exc:  # compdoc raises CompDocError, struct.error, IndexError...
        raise UnreadableFile("xls") from exc
    raise UnreadableFile("xls")


def check_xls(source: bytes, limits: ReadingLimits, deadline: Deadline | None = None) -> None:
    """Scan the BIFF records for the cells and merged ranges really present."""
    deadline = deadline or limits.deadline()
    check_file_size(source, limits)
    stream = workbook_stream(source)
    handler = SheetXmlCheck("xls", limits)
    position, end = 0, len(stream)
    records = 0
    while position + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, position)
        body = position + 4
        if kind == 0x0809:  # BOF: a new sheet starts, its extent is counted afresh
            handler = SheetXmlCheck("xls", limits)
        elif (kind in _CELL_RECORDS or kind == _ROW_RECORD) and length >= 4:
            row, column = struct.unpack_from("<HH", stream, body)
            handler.grow(row + 1, 0 if kind == _ROW_RECORD else column + 1)
        elif kind in _MULTI_CELL_RECORDS and length >= 6:
            row, _first = struct.unpack_from("<HH", stream, body)
            (last,) = struct.unpack_from("<H", stream, body + length - 2)
            handler.grow(row + 1, last + 1)
        elif kind == _MERGEDCELLS and length >= 2:
            (count,) = struct.unpack_from("<H", stream, body)
            for number in range(min(count, (length - 2) // 8)):
                offset = body + 2 + 8 * number
                top, bottom, left, right = struct.unpack_from("<HHHH", stream, offset)
                handler.merges += 1
                if handler.merges > limits.max_merged_ranges:
                    raise LimitExceeded(MERGED_RANGES, limits.max_merged_ranges, handler.merges)
                handler.check_merge(f"{column_letters(left + 1)}{top + 1}:"
                                    f"{column_letters(right + 1)}{bottom + 1}")
        position = body + length
        records += 1
        if records % 50_000 == 0:
            deadline.check()


# --- Reading, once checked ---------------------------------------------------------------------


_remembered_reads: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "remembered_reads", default=None
)


@contextlib.contextmanager
def reads_remembered():
    """Within this block a workbook is checked and read once, however often it is asked for.

    An import reads its table, then stores it as a document whose privacy check reads the same
    bytes again (0.13 s of a 10,000-row import's 2.2 s). What was read is held only until the
    block ends, so a long-running process keeps no upload in memory.
    """
    token = _remembered_reads.set({})
    try:
        yield
    finally:
        _remembered_reads.reset(token)


def read_workbook(source: bytes, limits: ReadingLimits, *, first_only: bool = False) -> list[Sheet]:
    """The sheets of an .xlsx or .xls workbook, after every check, read with python-calamine
    (once per :func:`reads_remembered` block)."""
    remembered = _remembered_reads.get()
    if remembered is None:
        return _read_workbook(source, limits, first_only)
    key = (hashlib.sha256(source).digest(), limits, first_only)
    if key not in remembered:
        remembered[key] = _read_workbook(source, limits, first_only)
    # Copies: a caller may change its rows without changing what the next caller gets.
    return [Sheet(sheet.name, [list(row) for row in sheet.rows], list(sheet.merged))
            for sheet in remembered[key]]


def _read_workbook(source: bytes, limits: ReadingLimits, first_only: bool) -> list[Sheet]:
    deadline = limits.deadline()
    if source.startswith(ZIP_MAGIC):
        check_xlsx(source, limits, deadline)
    elif source.startswith(OLE_MAGIC):
        check_xls(source, limits, deadline)
    else:
        raise UnreadableFile("workbook")
    from python_calamine import CalamineWorkbook  # loaded only when a workbook is read

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(source))
    except Exception as exc:  # calamine raises CalamineError, ZipError, XmlError...
        raise UnreadableFile("workbook") from exc
    sheets = []
    try:
        for name in workbook.sheet_names[: 1 if first_only else None]:
            sheets.append(read_sheet(workbook, name, limits, deadline))
    finally:
        workbook.close()
    return sheets


def read_sheet(workbook, name: str, limits: ReadingLimits, deadline: Deadline) -> Sheet:
    try:
        calamine_sheet = workbook.get_sheet_by_name(name)
    except Exception as exc:  # a damaged sheet part
        raise UnreadableFile("sheet") from exc
    # The XML checks bound what calamine allocates; this bounds what it then reports.
    if calamine_sheet.total_height > limits.max_rows:
        raise LimitExceeded(ROWS, limits.max_rows, calamine_sheet.total_height, name)
    if calamine_sheet.total_width > limits.max_columns:
        raise LimitExceeded(COLUMNS, limits.max_columns, calamine_sheet.total_width, name)
    sheet = Sheet(name=name)
    for number, values in enumerate(calamine_sheet.to_python(skip_empty_area=False)):
        sheet.rows.append([None if value == "" else value for value in values])
        if number % 5_000 == 0:
            deadline.check()
    while sheet.rows and all(value is None for value in sheet.rows[-1]):
        sheet.rows.pop()
    merged = calamine_sheet.merged_cell_ranges or []
    if len(merged) > limits.max_merged_ranges:
        raise LimitExceeded(MERGED_RANGES, limits.max_merged_ranges, len(merged), name)
    sheet.merged = [(top, left, bottom, right) for (top, left), (bottom, right) in merged]
    return sheet


def read_csv_records(text: str, limits: ReadingLimits,
                     deadline: Deadline | None = None) -> Iterator[list[str]]:
    """CSV records one at a time, refusing at the first record past the row or column limit."""
    deadline = deadline or limits.deadline()
    csv.field_size_limit(max(csv.field_size_limit(), limits.max_file_bytes + 1))
    # A first pass only counts (in C, keeping nothing), so a long file is refused before any
    # of its rows is built.
    records = sum(1 for _ in itertools.islice(csv.reader(io.StringIO(text, newline="")),
                                              limits.max_rows + 1))
    if records > limits.max_rows:
        raise LimitExceeded(ROWS, limits.max_rows, f"{limits.max_rows}+")
    for number, record in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        if number > limits.max_rows:
            raise LimitExceeded(ROWS, limits.max_rows, f"{limits.max_rows}+")
        if len(record) > limits.max_columns:
            raise LimitExceeded(COLUMNS, limits.max_columns, len(record), f"{number}")
        if number % 5_000 == 0:
            deadline.check()
        yield record


def check_text_lines(text: str, limits: ReadingLimits) -> None:
    """Text pasted from a PDF: at most as many lines as a sheet may have rows."""
    lines = text.count("\n") + 1
    if lines > limits.max_rows:
        raise LimitExceeded(ROWS, limits.max_rows, lines)
