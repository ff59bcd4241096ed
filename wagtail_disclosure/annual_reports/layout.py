"""The tables of the annual report laid out as the national format: rows of cells with their
merges. The public page and the XLSX export both draw from this one layout."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .format import (
    APPLICANT_COLUMNS,
    ORGANISATION_COLUMNS,
    RESULT_GROUPS,
    T2_BLOCKS,
    T3_RESULTS_HEADING,
    T3_ROWS,
    T4_GROUPS,
    T4_RESULTS,
)


@dataclass
class Cell:
    text: object = ""
    header: bool = False
    scope: str | None = None
    colspan: int = 1
    rowspan: int = 1
    number: bool = False
    key: str | None = None


@dataclass
class Table:
    number: str
    caption: object
    head: list = field(default_factory=list)
    body: list = field(default_factory=list)
    width: int = 0


def format_number(value):
    if value is None:
        return "0"
    if isinstance(value, Decimal):
        value = value.normalize()
        return f"{value:f}"
    return str(value)


def _value(figures, key):
    return Cell(format_number(figures.get(key, 0)), number=True, key=key)


def table2(figures) -> Table:
    table = Table("二", _("II. Proactive disclosure of government information"), width=4)
    for block in T2_BLOCKS:
        span = 3 // len(block.columns)
        table.body.append([Cell(block.heading, header=True, scope="colgroup", colspan=4)])
        table.body.append(
            [Cell(_("Information"), header=True, scope="col")]
            + [Cell(label, header=True, scope="col", colspan=span) for _c, label in block.columns]
        )
        for row, label in block.rows:
            table.body.append(
                [Cell(label, header=True, scope="row")]
                + [
                    Cell(**{**_value(figures, f"t2.{row}.{col}").__dict__, "colspan": span})
                    for col, _l in block.columns
                ]
            )
    return table


def table3(figures) -> Table:
    table = Table("三", _("III. Requests for government information received and handled"))
    table.width = 3 + len(APPLICANT_COLUMNS) + 1
    table.head = [
        [
            Cell(
                _("(In every column: I plus II equals III plus IV.)"),
                header=True,
                colspan=3,
                rowspan=3,
            ),
            Cell(_("Applicants"), header=True, scope="colgroup", colspan=7),
        ],
        [
            Cell(APPLICANT_COLUMNS[0][1], header=True, scope="col", rowspan=2),
            Cell(
                _("Legal persons or other organisations"),
                header=True,
                scope="colgroup",
                colspan=len(ORGANISATION_COLUMNS),
            ),
            Cell(_("Total"), header=True, scope="col", rowspan=2),
        ],
        [Cell(label, header=True, scope="col") for _c, label in ORGANISATION_COLUMNS],
    ]

    def values(row):
        return [_value(figures, f"t3.{row}.{col}") for col, _l in APPLICANT_COLUMNS] + [
            _value(figures, f"t3.{row}.total")
        ]

    labels = dict(T3_ROWS)
    for row in ("received", "carried_over"):
        table.body.append([Cell(labels[row], header=True, scope="row", colspan=3), *values(row)])
    result_rows = sum(len(rows) or 1 for _c, _l, rows in RESULT_GROUPS) + 1
    first = True
    for group_code, group_label, rows in RESULT_GROUPS:
        lead = (
            [Cell(T3_RESULTS_HEADING, header=True, scope="rowgroup", rowspan=result_rows)]
            if first
            else []
        )
        first = False
        if not rows:
            table.body.append(
                [*lead, Cell(group_label, header=True, scope="row", colspan=2), *values(group_code)]
            )
            continue
        for index, (code, label) in enumerate(rows):
            group = (
                [Cell(group_label, header=True, scope="rowgroup", rowspan=len(rows))]
                if index == 0
                else []
            )
            table.body.append(
                [
                    *(lead if index == 0 else []),
                    *group,
                    Cell(label, header=True, scope="row"),
                    *values(code),
                ]
            )
    table.body.append(
        [
            Cell(labels["results_total"], header=True, scope="row", colspan=2),
            *values("results_total"),
        ]
    )
    table.body.append(
        [
            Cell(labels["carried_forward"], header=True, scope="row", colspan=3),
            *values("carried_forward"),
        ]
    )
    return table


def table4(figures) -> Table:
    table = Table("四", _("IV. Administrative review and litigation about disclosure"))
    per_group = len(T4_RESULTS)
    table.width = per_group * len(T4_GROUPS)
    review, direct, after = T4_GROUPS
    table.head = [
        [
            Cell(review[1], header=True, scope="colgroup", colspan=per_group),
            Cell(
                _("Administrative litigation"), header=True, scope="colgroup", colspan=per_group * 2
            ),
        ],
        [Cell(label, header=True, scope="col", rowspan=2) for _r, label in T4_RESULTS]
        + [
            Cell(direct[1], header=True, scope="colgroup", colspan=per_group),
            Cell(after[1], header=True, scope="colgroup", colspan=per_group),
        ],
        [Cell(label, header=True, scope="col") for _r, label in T4_RESULTS] * 2,
    ]
    table.body = [
        [
            _value(figures, f"t4.{group}.{result}")
            for group, _g in T4_GROUPS
            for result, _r in T4_RESULTS
        ]
    ]
    return table


def report_tables(figures):
    return [table2(figures), table3(figures), table4(figures)]


def place(rows):
    """(row, column, cell) of every cell, as a browser lays out rowspans and colspans."""
    taken = set()
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            yield r, c, cell
            c += cell.colspan
