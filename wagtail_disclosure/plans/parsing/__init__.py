"""Reading task plans (工作任务分解表) from office files, in plain Python.

No Django here: this package takes bytes and returns dataclasses, so it can be tested and
benchmarked alone. The Django side (``wagtail_disclosure.plans.messages`` and the import views
and command) turns problems into translated messages and saves outlines.
"""

from __future__ import annotations

from .deadlines import Deadline, parse_deadline
from .outline import MAX_CELL_CHARS, PlanOutline, Requirement, Section, Task
from .plan import parse_plan
from .problems import ALL_CODES, ERROR_CODES, WARNING_CODES, Problem
from .serialisation import outline_to_dict
from .unit_names import UnitRef, normalize_unit_name, split_units

__all__ = [
    "ALL_CODES",
    "Deadline",
    "ERROR_CODES",
    "MAX_CELL_CHARS",
    "PlanOutline",
    "Problem",
    "Requirement",
    "Section",
    "Task",
    "UnitRef",
    "WARNING_CODES",
    "normalize_unit_name",
    "outline_to_dict",
    "parse_deadline",
    "parse_plan",
    "split_units",
]
