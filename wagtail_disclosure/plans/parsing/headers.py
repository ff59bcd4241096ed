"""Finding the header row of a task plan and what each column holds.

Tables arrive with cover sheets, title rows and notes above the header, so the header is looked
for rather than assumed to be the first row. It is recognised by the column names offices use.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .numbering import settle_columns_by_numbering
from .tables import CellValue, Grid
from .unit_names import COOPERATING, LEAD

TASK = "task"
REQUIREMENT = "requirement"
UNITS = "units"
LEAD_UNITS = "lead_units"
COOPERATING_UNITS = "cooperating_units"
DEADLINE = "deadline"
INDEX = "index"

COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    TASK: ("工作任务", "重点任务", "主要任务", "任务"),
    REQUIREMENT: ("具体要求", "工作要求", "工作措施", "主要内容", "具体措施", "工作内容"),
    UNITS: ("责任单位", "责任部门", "责任科室", "责任主体"),
    LEAD_UNITS: ("牵头单位", "牵头部门"),
    COOPERATING_UNITS: ("配合单位", "配合部门", "协办单位"),
    DEADLINE: ("完成时限", "时限要求", "完成时间", "时间节点", "完成期限"),
    INDEX: ("序号",),
}
# A header cell may carry a note: ``完成时限（截止日期）``.
MAX_HEADER_EXTRA_CHARS = 8


@dataclass
class Columns:
    """Which column (0-based) holds what, and the header text of each as the user wrote it."""

    task: int | None = None
    requirements: list[int] = field(default_factory=list)
    units: list[tuple[int, str]] = field(default_factory=list)  # (column, role)
    deadline: int | None = None
    index: int | None = None
    names: dict[int, str] = field(default_factory=dict)
    section: int | None = None  # a column of section headings, told by their numbering

    @property
    def first(self) -> int:
        used = [c for c in (self.section, self.task, self.deadline, *self.requirements)
                if c is not None]
        return min(used + [column for column, _ in self.units])


@dataclass
class Header:
    grid: Grid
    row: int  # index into grid.rows
    columns: Columns
    cells: tuple[str, ...]  # normalised header texts, to recognise the header repeated

    @property
    def row_number(self) -> int:
        return self.grid.row_numbers[self.row]


_SPACES = re.compile(r"\s+")


def header_key(value: CellValue) -> str:
    if value is None or not isinstance(value, str):
        return ""
    text = unicodedata.normalize("NFKC", value)
    return _SPACES.sub("", text).rstrip(":：")


def column_kind(value: CellValue) -> str | None:
    """What a header cell names, matching whole names first, then names followed by a note."""
    key = header_key(value)
    if not key:
        return None
    for kind, names in COLUMN_NAMES.items():
        if key in names:
            return kind
    for kind, names in COLUMN_NAMES.items():
        for name in names:
            if key.startswith(name) and len(key) - len(name) <= MAX_HEADER_EXTRA_CHARS:
                return kind
    return None


def read_columns(cells: list[CellValue]) -> Columns | None:
    """The column map a row describes, or None when the row is not a task-plan header."""
    columns = Columns()
    unit_columns: list[tuple[int, str]] = []
    for position, value in enumerate(cells):
        kind = column_kind(value)
        if kind is None:
            continue
        columns.names[position] = str(value).strip()
        if kind == TASK and columns.task is None:
            columns.task = position
        elif kind == REQUIREMENT:
            columns.requirements.append(position)
        elif kind in (UNITS, LEAD_UNITS, COOPERATING_UNITS):
            unit_columns.append((position, kind))
        elif kind == DEADLINE and columns.deadline is None:
            columns.deadline = position
        elif kind == INDEX and columns.index is None:
            columns.index = position
    columns.units = assign_unit_roles(unit_columns)
    return columns if is_task_plan_header(columns) else None


def assign_unit_roles(unit_columns: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """责任单位 means lead, unless a 牵头单位 column is there too; then it means cooperating."""
    has_lead_column = any(kind == LEAD_UNITS for _, kind in unit_columns)
    roles = []
    for position, kind in unit_columns:
        if kind == LEAD_UNITS:
            roles.append((position, LEAD))
        elif kind == COOPERATING_UNITS or has_lead_column:
            roles.append((position, COOPERATING))
        else:
            roles.append((position, LEAD))
    return roles


def is_task_plan_header(columns: Columns) -> bool:
    """A requirement (or task) column and at least one other column that plans have."""
    if not columns.requirements and columns.task is None:
        return False
    found = sum([columns.task is not None, bool(columns.requirements), bool(columns.units),
                 columns.deadline is not None])
    return found >= 2


def settle_text_columns(columns: Columns) -> Columns:
    """Two 具体要求 columns: the first holds sub-task headings, so it is the task column when
    there is none. A table with tasks but no requirement column lists requirements as tasks."""
    if len(columns.requirements) >= 2 and columns.task is None:
        columns.task = columns.requirements.pop(0)
    elif not columns.requirements and columns.task is not None:
        columns.requirements = [columns.task]
        columns.task = None
    return columns


def find_header(grid: Grid) -> Header | None:
    """The first row of the grid that reads as a task-plan header."""
    for row, cells in enumerate(grid.rows):
        if row in grid.loose_rows:
            continue
        columns = read_columns(cells)
        if columns is not None:
            columns = settle_columns_by_numbering(settle_text_columns(columns), grid, row)
            return Header(grid=grid, row=row, columns=columns,
                          cells=tuple(header_key(cell) for cell in cells))
    return None


def is_repeated_header(header: Header, cells: list[CellValue]) -> bool:
    """The header printed again at the top of each page (asked of every row: it stops at the
    first cell that differs, usually the first)."""
    wanted = header.cells
    for position in range(max(len(cells), len(wanted))):
        key = header_key(cells[position]) if position < len(cells) else ""
        if key != (wanted[position] if position < len(wanted) else ""):
            return False
    return True
