"""Which column holds what: as the reader chose it, and as the editor reassigns it.

The preview shows the reader's choice by role; when a table's labels are unknown or the guess is
wrong, the editor names the column of each role (by its letter, as the spreadsheet shows it) and
previews again. The choice is keyed by the header's text, so the next table of the same shape
is read the same way.
"""

from __future__ import annotations

from dataclasses import replace

from .headers import Columns, Header
from .unit_names import COOPERATING, LEAD

SECTION, TASK, REQUIREMENT = "section", "task", "requirement"
UNITS, LEAD_UNITS, COOPERATING_UNITS, DEADLINE = "units", "lead", "cooperating", "deadline"
#: The roles the editor may assign, in the order the preview lists them.
ROLES = (SECTION, TASK, REQUIREMENT, UNITS, LEAD_UNITS, COOPERATING_UNITS, DEADLINE)


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
