"""Which column holds what: as the reader chose it, and as the editor reassigns it.

The preview shows the reader's choice by role; when a table's labels are unknown or the guess is
wrong, the editor names the column of each role (by its letter, as the spreadsheet shows it) and
previews again. The choice is keyed by the header's text, so the next table of the same shape
is read the same way.
"""

from __future__ import annotations

from dataclasses import replace

from .headers import Columns, Header
from .headers import header_key as header_cell_key
from .tables import Grid
from .unit_names import COOPERATING, LEAD

SECTION, TASK, REQUIREMENT = "section", "task", "requirement"
UNITS, LEAD_UNITS, COOPERATING_UNITS, DEADLINE = "units", "lead", "cooperating", "deadline"
#: The roles the editor may assign, in the order the preview lists them.
ROLES = (SECTION, TASK, REQUIREMENT, UNITS, LEAD_UNITS, COOPERATING_UNITS, DEADLINE)
#: Also in the editor's choice: the number of the header row, as the spreadsheet shows it, for a
#: table whose header the reader does not recognise (otherwise it is found by its texts).
HEADER_ROW = "header_row"
#: Rows searched from the top of a sheet for a header the reader does not recognise.
HEADER_SEARCH_ROWS = 30


def column_letter(column: int) -> str:
    letters = ""
    column += 1
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def column_number(letters: str) -> int | None:
    """``A`` → 0, ``AB`` → 27; None for anything else."""
    letters = (letters or "").strip().upper()
    if not letters.isascii() or not letters.isalpha() or len(letters) > 3:
        return None
    number = 0
    for char in letters:
        number = number * 26 + (ord(char) - 64)
    return number - 1


def header_key(header: Header) -> str:
    """The shape of a table: its header texts, in order (empty cells dropped at the end)."""
    cells = list(header.cells)
    while cells and not cells[-1]:
        cells.pop()
    return "|".join(cells)


def describe(columns: Columns) -> dict[str, list[int]]:
    """Role → the columns holding it, as the reader settled them."""
    roles: dict[str, list[int]] = {role: [] for role in ROLES}
    if columns.section is not None:
        roles[SECTION].append(columns.section)
    if columns.task is not None:
        roles[TASK].append(columns.task)
    roles[REQUIREMENT].extend(columns.requirements)
    for column, role in columns.units:
        roles[LEAD_UNITS if role == LEAD and len(columns.units) > 1 else
              UNITS if role == LEAD else COOPERATING_UNITS].append(column)
    if columns.deadline is not None:
        roles[DEADLINE].append(columns.deadline)
    return roles


def apply_choice(columns: Columns, choice: dict[str, list[int]]) -> Columns:
    """``columns`` with the roles the editor assigned; roles not given stay as read."""
    if not choice:
        return columns
    current = describe(columns)
    chosen = {role: list(choice.get(role) or current[role]) for role in ROLES}
    if not chosen[REQUIREMENT]:
        return columns
    units = [(c, LEAD) for c in chosen[UNITS] + chosen[LEAD_UNITS]]
    units += [(c, COOPERATING) for c in chosen[COOPERATING_UNITS]]
    return replace(
        columns,
        section=(chosen[SECTION] or [None])[0],
        task=(chosen[TASK] or [None])[0],
        requirements=sorted(chosen[REQUIREMENT]),
        units=sorted(units),
        deadline=(chosen[DEADLINE] or [None])[0],
    )


def row_key(cells) -> str:
    """The shape of a table whose header is ``cells`` (see :func:`header_key`)."""
    keys = [header_cell_key(cell) for cell in cells]
    while keys and not keys[-1]:
        keys.pop()
    return "|".join(keys)


def chosen_header(grid: Grid, choice: dict[str, list[int]], row_number: int | None = None
                  ) -> Header | None:
    """The header of a table the reader did not recognise, with the columns the editor gave:
    the row ``row_number`` (as the spreadsheet numbers it), or else the first row with
    different texts in the requirement column and another chosen column (a title row, merged
    across the table, has the same text in all of them)."""
    requirement = (choice.get(REQUIREMENT) or [None])[0]
    if requirement is None:
        return None
    chosen = sorted({c for role in ROLES for c in choice.get(role) or []})
    rows = grid.rows[:HEADER_SEARCH_ROWS] if row_number is None else grid.rows
    for index in range(len(rows)):
        if row_number is not None:
            if grid.row_numbers[index] != row_number:
                continue
        elif index in grid.loose_rows or not looks_like_header(grid, index, requirement, chosen):
            continue
        return header_at(grid, index, choice)
    return None


def looks_like_header(grid: Grid, index: int, requirement: int, chosen: list[int]) -> bool:
    texts = [str(grid.value(index, column) or "").strip() for column in chosen]
    return bool(str(grid.value(index, requirement) or "").strip()) and len(
        {text for text in texts if text}) >= 2


def header_at(grid: Grid, index: int, choice: dict[str, list[int]]) -> Header:
    cells = grid.rows[index]
    columns = apply_choice(Columns(), choice)
    columns.names = {column: str(value).strip() for column, value in enumerate(cells)
                     if value is not None and str(value).strip()}
    return Header(grid=grid, row=index, columns=columns,
                  cells=tuple(header_cell_key(cell) for cell in cells))


def remembered_header(grid: Grid, remembered) -> Header | None:
    """A header the reader does not recognise but an editor assigned columns for before
    (``remembered(shape)`` gives that choice, or None)."""
    for index, cells in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
        if index in grid.loose_rows or not any(cells):
            continue
        choice = remembered(row_key(cells))
        if choice:
            return header_at(grid, index, choice)
    return None
