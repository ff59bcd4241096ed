"""Telling sections, tasks and requirements apart by how they are numbered.

Offices label columns loosely: one table heads its section column 工作任务 and prints 具体要求 over
both the task and the requirement columns. The numbering inside the cells is more reliable than
the labels: sections are numbered ``一、``, tasks ``（一）`` and requirements ``1.`` or ``（1）``.
So once the header is found, the text columns are given their roles by what their cells hold.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .tables import CellValue, Grid

SECTION = "section"
TASK = "task"
ITEM = "item"

CHINESE_NUMERAL = "一二三四五六七八九十百零〇两"
NUMBERINGS = (
    (SECTION, re.compile(rf"^\s*[{CHINESE_NUMERAL}]+\s*[、.．]")),
    (TASK, re.compile(rf"^\s*[（(]\s*[{CHINESE_NUMERAL}]+\s*[）)]")),
    (ITEM, re.compile(r"^\s*(?:[0-9０-９]+\s*[.．、](?![0-9０-９])|[（(]\s*[0-9０-９]+\s*[）)])")),
)
#: Share of a column's numbered cells one numbering must have to name the column's role.
DOMINANT_SHARE = 0.6
#: Rows under the header looked at (enough for any outline; cheap on huge tables).
SAMPLE_ROWS = 400


def numbering_of(text: CellValue) -> str | None:
    """``SECTION`` for ``一、…``, ``TASK`` for ``（一）…``, ``ITEM`` for ``1.…``, else None."""
    if not isinstance(text, str):
        return None
    for kind, pattern in NUMBERINGS:
        if pattern.match(text):
            return kind
    return None


def column_numbering(grid: Grid, first_row: int, column: int) -> str | None:
    """The numbering most of the column's own cells (merged copies left out) start with."""
    counts: Counter[str] = Counter()
    for row in range(first_row, min(len(grid.rows), first_row + SAMPLE_ROWS)):
        if row in grid.loose_rows or grid.is_copy_from_above(row, column):
            continue
        kind = numbering_of(grid.value(row, column))
        if kind is not None:
            counts[kind] += 1
    if not counts:
        return None
    kind, count = counts.most_common(1)[0]
    return kind if count / sum(counts.values()) >= DOMINANT_SHARE else None


def settle_columns_by_numbering(columns, grid: Grid, header_row: int):
    """The columns with roles taken from the numbering of their cells where it is clear.

    A column numbered like sections becomes the section column, one numbered like tasks the
    task column; the other text columns hold requirements (the last one their text). When the
    numbering says nothing new, or would leave no requirement column, the columns stay as the
    header labels said.
    """
    text_columns = sorted(c for c in (columns.task, *columns.requirements) if c is not None)
    if len(text_columns) < 2:
        return columns
    kinds = {column: column_numbering(grid, header_row + 1, column) for column in text_columns}
    section = next((c for c in text_columns if kinds[c] == SECTION), None)
    task = next((c for c in text_columns if kinds[c] == TASK and c != section), None)
    if section is None and (task is None or task == columns.task):
        return columns
    if task is None and section != columns.task:
        task = columns.task
    requirements = [c for c in text_columns if c not in (section, task)]
    if not requirements:
        return columns
    return replace(columns, section=section, task=task, requirements=requirements)
