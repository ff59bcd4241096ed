"""The annual report's tables in the national format (国办公开办函〔2021〕30号), and their checks.

Plain data and arithmetic: rows, columns and the checks every column must pass. Models compute
the figures and templates lay them out; both read the structure from here, so the public page,
the XLSX export and the checks cannot drift apart.

A table's figures are a dict ``{cell key: number}``; keys are ``"t2.<row>.<column>"``,
``"t3.<row>.<column>"`` and ``"t4.<column>"``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.requests.outcomes import (  # noqa: F401 (part of the format)
    APPLICANT_COLUMNS,
    RESULT_CODES,
    RESULT_GROUPS,
    RESULT_ROWS,
    outcome_choices,
)

# --- Table 二: proactive disclosure ---------------------------------------------------------


@dataclass(frozen=True)
class Block:
    heading: object
    columns: tuple  # ((code, label), ...)
    rows: tuple  # ((code, label), ...)


T2_BLOCKS = (
    Block(
        _("Article 20, item (1)"),
        (
            ("issued", _("Issued this year")),
            ("repealed", _("Repealed this year")),
            ("in_force", _("In force at year end")),
        ),
        (("rules", _("Rules")), ("normative", _("Normative documents"))),
    ),
    Block(
        _("Article 20, item (5)"),
        (("decisions", _("Decisions this year")),),
        (("licensing", _("Administrative licensing")),),
    ),
    Block(
        _("Article 20, item (6)"),
        (("decisions", _("Decisions this year")),),
        (
            ("penalties", _("Administrative penalties")),
            ("compulsion", _("Administrative compulsion")),
        ),
    ),
    Block(
        _("Article 20, item (8)"),
        (("amount", _("Fees charged this year (10,000 yuan)")),),
        (("fees", _("Administrative fees")),),
    ),
)

#: Table 二 cells computed from the policy documents; the other cells are entered.
T2_COMPUTED = tuple(
    f"t2.{row}.{col}"
    for row in ("rules", "normative")
    for col in ("issued", "repealed", "in_force")
)
T2_ENTERED = (
    "t2.licensing.decisions",
    "t2.penalties.decisions",
    "t2.compulsion.decisions",
    "t2.fees.amount",
)

# --- Table 三: requests ------------------------------------------------------------------------

ORGANISATION_COLUMNS = APPLICANT_COLUMNS[1:]
T3_COLUMNS = APPLICANT_COLUMNS + (("total", _("Total")),)


T3_ROWS = (
    ("received", _("I. New requests received this year")),
    ("carried_over", _("II. Requests carried over from last year")),
    *((code, label or group) for code, group, label in RESULT_ROWS),
    ("results_total", _("(7) Total")),
    ("carried_forward", _("IV. Carried forward to next year")),
)
T3_RESULTS_HEADING = _("III. Results this year")
T3_ROW_NUMBERS = {
    "received": "一",
    "carried_over": "二",
    "results_total": "三（七）",
    "carried_forward": "四",
}
_GROUP_NUMBERS = {
    "disclosed": "（一）",
    "partly": "（二）",
    "withheld": "（三）",
    "unavailable": "（四）",
    "declined": "（五）",
    "other": "（六）",
}
for _group_code, _label, _rows in RESULT_GROUPS:
    if not _rows:
        T3_ROW_NUMBERS[_group_code] = "三" + _GROUP_NUMBERS[_group_code]
    for _i, (_code, _row_label) in enumerate(_rows, start=1):
        T3_ROW_NUMBERS[_code] = f"三{_GROUP_NUMBERS[_group_code]}{_i}"

T3_COMPUTED = tuple(f"t3.{row}.{col}" for row, _l in T3_ROWS for col, _c in T3_COLUMNS)

# --- Table 四: review and litigation ----------------------------------------------------------

T4_RESULTS = (
    ("upheld", _("Upheld")),
    ("corrected", _("Corrected")),
    ("other", _("Other result")),
    ("pending", _("Not yet concluded")),
    ("total", _("Total")),
)
T4_GROUPS = (
    ("review", _("Administrative review")),
    ("direct", _("Litigation without prior review")),
    ("after_review", _("Litigation after review")),
)
T4_ENTERED = tuple(f"t4.{group}.{result}" for group, _g in T4_GROUPS for result, _r in T4_RESULTS)

ENTERED_CELLS = T2_ENTERED + T4_ENTERED
COMPUTED_CELLS = T2_COMPUTED + T3_COMPUTED


def cell_label(key: str) -> str:
    """A cell's name for an editor: “表三 第三（七）行 总计列”."""
    parts = key.split(".")
    if parts[0] == "t3":
        columns = dict(T3_COLUMNS)
        return _("Table 3, row %(row)s, column “%(column)s”") % {
            "row": T3_ROW_NUMBERS[parts[1]],
            "column": columns[parts[2]],
        }
    if parts[0] == "t2":
        rows = {code: label for block in T2_BLOCKS for code, label in block.rows}
        columns = {code: label for block in T2_BLOCKS for code, label in block.columns}
        return _("Table 2, row “%(row)s”, column “%(column)s”") % {
            "row": rows[parts[1]],
            "column": columns[parts[2]],
        }
    groups, results = dict(T4_GROUPS), dict(T4_RESULTS)
    return _("Table 4, “%(group)s”, “%(result)s”") % {
        "group": groups[parts[1]],
        "result": results[parts[2]],
    }


def cell_choices():
    """Every computed cell, for choosing which one an editor overrides."""
    return [(key, cell_label(key)) for key in COMPUTED_CELLS]


# --- Checks -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckFailure:
    cell: str
    value: Decimal | int
    expected: Decimal | int

    def __str__(self):
        return _("%(cell)s: %(value)s ≠ %(expected)s") % {
            "cell": cell_label(self.cell),
            "value": self.value,
            "expected": self.expected,
        }


def check_figures(figures: dict) -> list[CheckFailure]:
    """Every check of the national format that does not hold, naming the failing cell.

    Table 三, in every column: 一 + 二 = 三（七）+ 四 and 三（七）= the sum of the 21 results; in
    every row: 总计 = 自然人 + the five organisation columns. Table 四: each 总计 is the sum of
    its four results. No figure is negative.
    """

    def get(key):
        return figures.get(key) or 0

    failures = []
    for key, value in figures.items():
        if value is not None and value < 0:
            failures.append(CheckFailure(key, value, 0))
    for row, _label in T3_ROWS:
        total = sum(get(f"t3.{row}.{col}") for col, _c in APPLICANT_COLUMNS)
        if get(f"t3.{row}.total") != total:
            failures.append(CheckFailure(f"t3.{row}.total", get(f"t3.{row}.total"), total))
    for col, _c in T3_COLUMNS:
        results = sum(get(f"t3.{code}.{col}") for code in RESULT_CODES)
        if get(f"t3.results_total.{col}") != results:
            failures.append(
                CheckFailure(f"t3.results_total.{col}", get(f"t3.results_total.{col}"), results)
            )
        handled = get(f"t3.results_total.{col}") + get(f"t3.carried_forward.{col}")
        incoming = get(f"t3.received.{col}") + get(f"t3.carried_over.{col}")
        if incoming != handled:
            # 四 is what is left once the results are counted: name it as the failing cell.
            failures.append(
                CheckFailure(
                    f"t3.carried_forward.{col}",
                    get(f"t3.carried_forward.{col}"),
                    incoming - get(f"t3.results_total.{col}"),
                )
            )
    for group, _g in T4_GROUPS:
        total = sum(get(f"t4.{group}.{r}") for r, _l in T4_RESULTS if r != "total")
        if get(f"t4.{group}.total") != total:
            failures.append(CheckFailure(f"t4.{group}.total", get(f"t4.{group}.total"), total))
    return failures
