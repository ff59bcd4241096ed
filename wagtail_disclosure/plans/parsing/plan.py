"""``parse_plan``: from an uploaded file to a task plan outline, never raising on bad input.

The Django side shows the outline as a preview and saves it only when there are no errors, so
every way a file can be wrong must come back as a problem, not an exception.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from wagtail_disclosure.core.bounded_reader import ReadingLimits

from . import problems as P
from .column_choice import (
    HEADER_ROW,
    apply_choice,
    chosen_header,
    describe,
    header_key,
    remembered_header,
)
from .headers import Header, find_header
from .outline import NOTE_ROW, OutlineReader, PlanOutline, Resolver, clean_text, resolve_units
from .tables import Grid, read_tables

YEAR_IN_TITLE = re.compile(r"(20\d{2})\s*年")
YEAR_IN_FILENAME = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
TITLE_WORDS = ("表", "清单", "任务", "要点", "分工", "方案")
ATTACHMENT_PREFIX = re.compile(r"^(附件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?)")


def parse_plan(source: bytes, filename: str, plan_year: int | None,
               resolve: Resolver | None = None,
               columns: dict[str, list[int]] | None = None,
               limits: ReadingLimits | None = None,
               remembered=None) -> PlanOutline:
    """Read a task plan (.xlsx, .xls, .csv, .docx or text pasted from a PDF) into an outline.

    ``plan_year`` places deadlines such as 全年 and 6月底; when None it is taken from the title or
    the file name. ``columns`` (role → column numbers) overrides the roles the reader would give
    the columns (see ``column_choice``). ``resolve(name)`` returns a unit's canonical name, or
    None for names the units register does not know (they are kept as written and reported as
    warnings). ``limits`` bounds what is read of the file (see
    :mod:`wagtail_disclosure.core.bounded_reader`). A header the reader does not recognise is
    read with the columns the editor assigned (``columns``, with the header row under
    ``header_row`` or found), or with the columns assigned before for a table of that header
    (``remembered(shape)``, a lookup of the choices kept).
    """
    try:
        grids, problems = read_tables(source, filename, limits)
    except P.TableReadError as failure:
        return empty_outline(filename, plan_year, [failure.problem])
    parts, others = choose_tables(grids)
    remembered_used = False
    if not parts:
        parts, remembered_used = unrecognised_header(grids, columns, remembered)
    if not parts:
        return empty_outline(filename, plan_year, problems + [no_header_problem(filename, grids)])
    roles = {role: numbers for role, numbers in (columns or {}).items() if role != HEADER_ROW}
    for part in parts:
        part.columns = apply_choice(part.columns, roles)
    header = parts[0]
    if others:
        problems.append(P.warning(P.OTHER_TABLES_IGNORED, table=header.grid.name or "",
                                  others=[grid.name or "" for grid in others]))
    # Never the file name: it is what the office's computer called the file (附件2.xlsx), and it
    # would become the public title of the plan. The editor gives the title when the table has none.
    title = find_title(header)
    year = plan_year if plan_year is not None else find_year(title, filename)
    if year is None:
        problems.append(P.error(P.YEAR_NOT_FOUND, title=title or "", filename=filename))
    elif title_year(title) not in (None, year):
        problems.append(P.warning(P.YEAR_DIFFERS_FROM_TITLE, year=year, title=title or ""))
    sections, units_cells = [], []
    for part in parts:
        reader = OutlineReader(part, year)
        part_sections = reader.read()
        if len(parts) > 1:
            name_untitled_sections(part_sections, part, title)
        sections.extend(part_sections)
        problems.extend(reader.problems)
        units_cells.extend(reader.units_cells)
    problems.extend(resolve_units(units_cells, resolve))
    if not any(task.requirements for section in sections for task in section.tasks):
        problems.append(P.error(P.NO_REQUIREMENTS, header.row_number))
    problems.sort(key=lambda problem: (problem.row is not None, problem.row or 0))
    return PlanOutline(title=title, year=year, sections=sections, problems=problems,
                       sheet_name=header.grid.name, header_row=header.row_number,
                       columns=describe(header.columns), header_names=header_names(header),
                       shape=header_key(header), columns_remembered=remembered_used)


def unrecognised_header(grids, columns, remembered) -> tuple[list[Header], bool]:
    """The header of a table whose header texts the reader does not know: as the editor
    assigned its columns now, or for an earlier table of the same header; ([], False) if none."""
    if columns:
        row = (columns.get(HEADER_ROW) or [None])[0]
        for grid in grids:
            header = chosen_header(grid, columns, row)
            if header is not None:
                return [header], False
    if remembered is not None:
        for grid in grids:
            header = remembered_header(grid, remembered)
            if header is not None:
                return [header], True
    return [], False


def header_names(header: Header) -> dict[int, str]:
    """Column number → the header text as written, for the preview."""
    row = header.grid.rows[header.row]
    return {column: clean_text(value) for column, value in enumerate(row) if clean_text(value)}


def empty_outline(filename: str, plan_year: int | None, problems: list[P.Problem]) -> PlanOutline:
    return PlanOutline(title=None, year=plan_year, sections=[], problems=problems,
                       sheet_name=None, header_row=None)


def choose_tables(grids: list[Grid]) -> tuple[list[Header], list[Grid]]:
    """The sheets or tables that make the plan, and the others that also have a header.

    A workbook split into one sheet per section repeats the same header on every sheet: those
    sheets are read one after another as one plan. A sheet with a different header is another
    table (a summary, last year's plan) and is left out with a warning.
    """
    headers = [header for header in map(find_header, grids) if header is not None]
    if not headers:
        return [], []
    first = headers[0]
    parts = [h for h in headers if same_header(h, first)]
    return parts, [h.grid for h in headers if not same_header(h, first)]


def same_header(header: Header, other: Header) -> bool:
    return tuple(filter(None, header.cells)) == tuple(filter(None, other.cells))


def name_untitled_sections(sections, header: Header, plan_title: str | None) -> None:
    """A sheet of a split workbook without section rows is one section: its title row (when it
    is not the plan's title) or else the sheet's name."""
    own_title = find_title(header)
    name = own_title if own_title and own_title != plan_title else header.grid.name
    for section in sections:
        if section.title is None:
            section.title = name


def no_header_problem(filename: str, grids: list[Grid]) -> P.Problem:
    """A binary extension on a text file usually explains a missing header better."""
    extension = PurePath(filename or "").suffix.lower()
    if grids and grids[0].kind in ("csv", "text") and extension in (".xlsx", ".xls", ".docx"):
        return P.error(P.WRONG_FORMAT, filename=filename, extension=extension)
    return P.error(P.HEADER_NOT_FOUND, filename=filename)


def find_title(header: Header) -> str | None:
    """The title written above the header: the nearest line naming a table, else the first."""
    candidates = list(header.grid.lines_before)
    for index in range(header.row):
        texts = {clean_text(value) for value in header.grid.rows[index] if clean_text(value)}
        if len(texts) == 1:
            candidates.append(texts.pop())
    candidates = [text for text in map(tidy_title, candidates) if text and not NOTE_ROW.match(text)]
    for text in reversed(candidates):
        if any(word in text for word in TITLE_WORDS) and len(text) <= 100:
            return text
    return candidates[0] if candidates and len(candidates[0]) <= 100 else None


def tidy_title(text: str) -> str:
    text = text.strip().lstrip("#*").strip().strip("*").strip()
    return ATTACHMENT_PREFIX.sub("", text).strip()


def title_year(title: str | None) -> int | None:
    match = YEAR_IN_TITLE.search(title or "")
    return int(match[1]) if match else None


def find_year(title: str | None, filename: str) -> int | None:
    year = title_year(title)
    if year is not None:
        return year
    match = YEAR_IN_FILENAME.search(PurePath(filename or "").name)
    return int(match[1]) if match else None
