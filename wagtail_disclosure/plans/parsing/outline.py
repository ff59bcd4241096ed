"""Turning the rows under a task plan's header into sections, tasks and requirements.

Offices lay the table out for reading, not for machines: a task or unit cell left empty means
"as above", a section heading is a row of its own, and a PDF cuts cells at page breaks. This
module undoes that layout and keeps, for each requirement, the rows it came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import problems as P
from .deadlines import Deadline, parse_deadline
from .headers import Columns, Header, is_repeated_header
from .tables import CellValue
from .unit_names import Role, UnitRef, split_units

Resolver = Callable[[str], "str | None"]

# Longest cell text accepted; longer cells are a row error (no real requirement is this long,
# and a pasted document in one cell should not end up on a page).
MAX_CELL_CHARS = 20_000

CHINESE_NUMERAL = "一二三四五六七八九十百零〇两"
SECTION_HEADING = re.compile(rf"^[{CHINESE_NUMERAL}]+\s*[、.．]")
TASK_HEADING = re.compile(rf"^\s*[（(]\s*([{CHINESE_NUMERAL}]+|[0-9０-９]+)\s*[）)]")
NOTE_ROW = re.compile(r"^(注|备注|说明|填表说明)\s*[:：]?")
UNIT_CELL_CUT = ("、", "，", ",", "；", ";")


@dataclass
class Requirement:
    """One row of work (具体要求) with its responsible units and deadline.

    ``lead_units`` and ``cooperating_units`` hold canonical names where the resolver knew the
    unit, otherwise the name as written; those are also in ``unmatched_units``.
    ``source_rows`` are the row (or line) numbers the requirement was read from.
    """

    text: str
    lead_units: list[str]
    cooperating_units: list[str]
    unmatched_units: list[str]
    deadline: Deadline
    source_rows: list[int]
    units_raw: str


@dataclass
class Task:
    """A numbered task (``(一) 抓好…``); ``number`` is ``一`` or None, ``title`` as written."""

    number: str | None
    title: str | None
    requirements: list[Requirement] = field(default_factory=list)
    source_row: int | None = None


@dataclass
class Section:
    """A top-level heading (``一、…``); title None for tables without section rows."""

    title: str | None
    tasks: list[Task] = field(default_factory=list)
    source_row: int | None = None


@dataclass
class PlanOutline:
    """Everything read from one task plan file, ready for the Django side to save or show."""

    title: str | None
    year: int | None
    sections: list[Section]
    problems: list[P.Problem]
    sheet_name: str | None
    header_row: int | None
    columns: dict[str, list[int]] = field(default_factory=dict)  # role → columns, as read
    header_names: dict[int, str] = field(default_factory=dict)  # column → header text
    shape: str = ""  # the header's texts: tables of the same shape are read the same way
    columns_remembered: bool = False  # read with the columns chosen for an earlier table

    @property
    def errors(self) -> list[P.Problem]:
        return [problem for problem in self.problems if problem.is_error]

    @property
    def warnings(self) -> list[P.Problem]:
        return [problem for problem in self.problems if not problem.is_error]

    @property
    def tasks(self) -> list[Task]:
        return [task for section in self.sections for task in section.tasks]

    @property
    def requirements(self) -> list[Requirement]:
        return [req for task in self.tasks for req in task.requirements]


_ANY_SPACE = re.compile(r"\s")  # every line break splitlines() knows is a space here too
_SPACES = re.compile(r"[ \t\u3000\xa0]+")


def clean_text(text: CellValue) -> str:
    """Cell text on one line: line breaks inside Chinese text vanish, other spaces shrink to one.

    Cells wrapped by hand (Alt+Enter) or by a PDF must give the same text as unwrapped ones.
    """
    if text is None:
        return ""
    text = str(text)
    if not _ANY_SPACE.search(text):  # most cells: one line, nothing to shrink
        return text
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    result = ""
    for line in filter(None, lines):
        result = join_wrapped(result, line)
    return result


def join_wrapped(first: str, second: str) -> str:
    """Join two pieces of a wrapped text: no space between Chinese characters."""
    if not first:
        return second
    if first[-1].isascii() and second[0].isascii():
        return f"{first} {second}"
    return first + second


@dataclass
class RowCells:
    """The cells of one table row that matter, with "as above" copies already left out."""

    index: int
    number: int
    task: str
    requirement: str
    units: list[tuple[int, str, Role]]
    deadline: CellValue
    index_value: str
    section: str = ""

    @property
    def has_deadline(self) -> bool:
        return self.deadline is not None and str(self.deadline).strip() != ""


@dataclass
class UnitsCell:
    """A responsible-units cell and the requirements it covers (it may be merged down)."""

    row: int
    raws: dict[int, tuple[str, Role]]
    requirements: list[Requirement] = field(default_factory=list)

    @property
    def raw_text(self) -> str:
        return "；".join(text for text, _ in self.raws.values())

    def refs(self) -> list[UnitRef]:
        return [ref for text, role in self.raws.values() for ref in split_units(text, role)]

    def is_cut(self) -> bool:
        """Ends in 、 or a comma: the rest of the cell is on the next page."""
        return any(text.rstrip().endswith(UNIT_CELL_CUT) for text, _ in self.raws.values())


class OutlineReader:
    """Walks the rows under the header once, keeping the "as above" state."""

    def __init__(self, header: Header, plan_year: int | None):
        self.header = header
        self.grid = header.grid
        self.columns: Columns = header.columns
        self.plan_year = plan_year
        self.sections: list[Section] = []
        self.problems: list[P.Problem] = []
        self.units_cells: list[UnitsCell] = []
        self.section: Section | None = None
        self.task: Task | None = None
        self.units: UnitsCell | None = None
        self.last_requirement: Requirement | None = None
        self.after_page_break = False

    def read(self) -> list[Section]:
        for index in range(self.header.row + 1, len(self.grid.rows)):
            if index in self.grid.loose_rows:
                continue
            self.read_row(index)
        self.report_empty_tasks()
        return [section for section in self.sections if section.tasks]

    def read_row(self, index: int) -> None:
        cells = self.grid.rows[index]
        if not any(cell is not None and str(cell).strip() for cell in cells):
            return
        if is_repeated_header(self.header, cells):
            self.after_page_break = True
            return
        row = self.row_cells(index)
        if row is not None:
            self.place_row(row)
        self.after_page_break = False

    def row_cells(self, index: int) -> RowCells | None:
        """The row's cells by meaning, or None (with an error) when a cell is too long."""
        number = self.grid.row_numbers[index]
        for column, value in enumerate(self.grid.rows[index]):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                self.problems.append(P.error(
                    P.CELL_TOO_LONG, number, column=self.column_name(column),
                    length=len(value), limit=MAX_CELL_CHARS))
                return None
        columns = self.columns
        return RowCells(
            index=index,
            number=number,
            task=self.own_text(index, columns.task),
            requirement=self.requirement_text(index),
            units=[(column, text, role) for column, role in columns.units
                   if (text := self.own_text(index, column))],
            deadline=self.grid.value(index, columns.deadline),
            index_value=self.own_text(index, columns.index),
            section=self.own_text(index, columns.section),
        )

    def own_text(self, index: int, column: int | None) -> str:
        """The cell's text, or "" when it is empty or the lower part of a cell merged down."""
        if column is None or self.grid.is_copy_from_above(index, column):
            return ""
        return clean_text(self.grid.value(index, column))

    def requirement_text(self, index: int) -> str:
        """Several requirement columns: headings (merged down or not) lead the last column."""
        *headings, last = self.columns.requirements
        parts = [clean_text(self.grid.value(index, column)) for column in headings]
        parts.append(self.own_text(index, last))
        return "：".join(part.rstrip("：:") if n < len(parts) - 1 else part
                        for n, part in enumerate(parts) if part)

    def column_name(self, column: int) -> str:
        return self.columns.names.get(column) or column_letter(column)

    def place_row(self, row: RowCells) -> None:
        if row.section:
            self.enter_section(row)
            if not (row.task or row.requirement or row.units or row.has_deadline):
                return
        kind = self.heading_kind(row)
        if kind == "section":
            self.start_section(row)
        elif kind == "note":
            self.problems.append(P.warning(P.NOTE_ROW_SKIPPED, row.number,
                                           text=self.single_text(row)[:200]))
        elif kind == "task":
            self.start_task(row.task, row.number)
        elif row.requirement:
            self.place_requirement_row(row)
        else:
            self.place_row_without_requirement(row)

    def single_text(self, row: RowCells) -> str:
        values = self.own_values(row.index)
        return values[0][1] if values else ""

    def own_values(self, index: int) -> list[tuple[int, str]]:
        """Non-empty cells that are not copies of a merged cell, leaving out the index and section
        columns."""
        values = []
        for column, value in enumerate(self.grid.rows[index]):
            if column in (self.columns.index, self.columns.section):
                continue
            if (index, column) in self.grid.merged_from:
                continue
            text = clean_text(value) if not hasattr(value, "year") else str(value)
            if text:
                values.append((column, text))
        return values

    def heading_kind(self, row: RowCells) -> str | None:
        """A row holding one text only is a section heading, a task heading or a note."""
        values = self.own_values(row.index)
        if len(values) != 1:
            return None
        column, text = values[0]
        if NOTE_ROW.match(text):
            return "note"
        if column == self.columns.task and TASK_HEADING.match(text):
            return "task"
        if row.index in self.grid.merged_across_rows:
            return "section"
        if column in self.columns.requirements:
            return None
        if SECTION_HEADING.match(text) or column == self.columns.first:
            return "section"
        return None

    def start_section(self, row: RowCells) -> None:
        title = self.single_text(row)
        if row.index_value and not title.startswith(row.index_value):
            title = f"{row.index_value}、{title}"
        self.section = Section(title=title, source_row=row.number)
        self.sections.append(self.section)
        self.task = None
        self.units = None
        self.last_requirement = None

    def enter_section(self, row: RowCells) -> None:
        """A section column's cell: a new section, unless it repeats the current one."""
        if self.section is not None and same_text(self.section.title, row.section):
            return
        self.section = Section(title=row.section, source_row=row.number)
        self.sections.append(self.section)
        self.task = None
        self.units = None
        self.last_requirement = None

    def current_section(self) -> Section:
        if self.section is None:
            self.section = Section(title=None)
            self.sections.append(self.section)
        return self.section

    def start_task(self, title: str, number: int) -> Task:
        if self.task is not None and same_text(self.task.title, title):
            return self.task  # the task written again on each row means "as above"
        match = TASK_HEADING.match(title)
        self.task = Task(number=match[1] if match else None, title=title, source_row=number)
        self.current_section().tasks.append(self.task)
        return self.task

    def current_task(self, number: int) -> Task:
        if self.task is None:
            self.task = Task(number=None, title=None, source_row=number)
            self.current_section().tasks.append(self.task)
        return self.task

    def is_cut_requirement(self, row: RowCells) -> bool:
        """Only requirement text, right after a requirement, where a page break cut it."""
        return (
            self.last_requirement is not None
            and not row.task
            and not row.units
            and not row.has_deadline
            and self.columns.deadline is not None
            and (self.after_page_break or self.grid.kind == "text")
        )

    def is_cut_units(self, row: RowCells) -> bool:
        return bool(row.units) and not row.task and self.units is not None and self.units.is_cut()

    def place_requirement_row(self, row: RowCells) -> None:
        if self.is_cut_requirement(row):
            self.join_to_last_requirement(row)
            return
        if row.task:
            self.start_task(row.task, row.number)
        task = self.current_task(row.number)
        units = self.units_for(row)
        requirement = Requirement(
            text=row.requirement, lead_units=[], cooperating_units=[], unmatched_units=[],
            deadline=self.deadline_for(row), source_rows=[row.number],
            units_raw=units.raw_text if units else "",
        )
        if units is not None:
            units.requirements.append(requirement)
        task.requirements.append(requirement)
        self.last_requirement = requirement

    def join_to_last_requirement(self, row: RowCells) -> None:
        requirement = self.last_requirement
        assert requirement is not None
        requirement.text = join_wrapped(requirement.text, row.requirement)
        requirement.source_rows.append(row.number)
        self.problems.append(P.warning(P.REQUIREMENT_JOINED, row.number,
                                       joined_to=requirement.source_rows[0]))

    def units_for(self, row: RowCells) -> UnitsCell | None:
        """This row's units cell: its own, the one above ("as above"), or the one above
        completed by this row when a page break cut it."""
        if self.is_cut_units(row):
            self.join_units(row)
        elif row.units:
            self.units = UnitsCell(row=row.number,
                                   raws={column: (text, role) for column, text, role in row.units})
            self.units_cells.append(self.units)
        elif self.units is None:
            self.problems.append(P.warning(P.UNITS_MISSING, row.number))
        return self.units

    def join_units(self, row: RowCells) -> None:
        units = self.units
        assert units is not None
        for column, text, role in row.units:
            before, _ = units.raws.get(column, ("", role))
            units.raws[column] = (before + text, role)
        for requirement in units.requirements:
            requirement.units_raw = units.raw_text
        self.problems.append(P.warning(P.UNITS_JOINED, row.number, joined_to=units.row))

    def deadline_for(self, row: RowCells) -> Deadline:
        deadline = parse_deadline(row.deadline, self.plan_year)
        if self.columns.deadline is None:
            return deadline
        column = self.column_name(self.columns.deadline)
        if not deadline.raw:
            self.problems.append(P.warning(P.DEADLINE_MISSING, row.number, column=column))
        elif not deadline.understood:
            self.problems.append(P.warning(P.DEADLINE_NOT_UNDERSTOOD, row.number,
                                           column=column, text=deadline.raw))
        return deadline

    def place_row_without_requirement(self, row: RowCells) -> None:
        """A task heading row may carry units for the rows below; bare units or deadlines
        cannot be attached to anything."""
        if row.task:
            self.start_task(row.task, row.number)
            if row.units:
                self.units_for(row)
            return
        if self.is_cut_units(row):
            self.join_units(row)
            return
        column = self.column_name(self.columns.requirements[-1])
        if row.units:
            self.problems.append(P.error(P.UNITS_WITHOUT_REQUIREMENT, row.number, column=column,
                                         units=" ".join(text for _, text, _ in row.units)))
        elif row.has_deadline:
            self.problems.append(P.error(P.DEADLINE_WITHOUT_REQUIREMENT, row.number,
                                         column=column, deadline=str(row.deadline)))

    def report_empty_tasks(self) -> None:
        for section in self.sections:
            for task in section.tasks:
                if not task.requirements:
                    self.problems.append(P.warning(P.TASK_WITHOUT_REQUIREMENTS, task.source_row,
                                                   title=task.title or ""))
            section.tasks = [task for task in section.tasks if task.requirements]


def resolve_units(units_cells: list[UnitsCell], resolve: Resolver | None) -> list[P.Problem]:
    """Give each requirement its units by canonical name; report the names nobody knows.

    Each name is resolved once (the Django resolver asks the database), and each unknown name
    is reported once per units cell, on the row where the cell is written.
    """
    known: dict[str, str | None] = {}
    problems: list[P.Problem] = []
    for cell in units_cells:
        lead: list[str] = []
        cooperating: list[str] = []
        unmatched: list[str] = []
        for ref in cell.refs():
            if resolve is None:
                name = ref.name
            else:
                if ref.name not in known:
                    known[ref.name] = resolve(ref.name)
                name = known[ref.name] or ref.name
                if known[ref.name] is None and ref.name not in unmatched:
                    unmatched.append(ref.name)
            target = lead if ref.role == "lead" else cooperating
            if name not in target:
                target.append(name)
        for requirement in cell.requirements:
            requirement.lead_units = list(lead)
            requirement.cooperating_units = list(cooperating)
            requirement.unmatched_units = list(unmatched)
        problems.extend(P.warning(P.UNIT_NOT_FOUND, cell.row, name=name) for name in unmatched)
    return problems


def same_text(first: str | None, second: str | None) -> bool:
    return (first or "").replace(" ", "") == (second or "").replace(" ", "")


def column_letter(column: int) -> str:
    """``A``, ``B``, … ``AA``: how a spreadsheet names the column."""
    letters = ""
    column += 1
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
