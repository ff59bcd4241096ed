"""The outline as plain JSON-ready data: the shape the import command prints and the preview
page reads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .deadlines import Deadline
from .outline import PlanOutline, Requirement
from .problems import Problem

MessageFormatter = Callable[[Problem], str]


def default_message(problem: Problem) -> str:
    """Untranslated: the code and its values, for logs and tests."""
    params = ", ".join(f"{key}={value}" for key, value in problem.params.items())
    return f"{problem.code}: {params}" if params else problem.code


def outline_to_dict(
    outline: PlanOutline, message: MessageFormatter | None = None
) -> dict[str, Any]:
    """``message`` turns a problem into text; the Django side passes its translated formatter."""
    message = message or default_message
    return {
        "plan": {"title": outline.title, "year": outline.year, "sheet_name": outline.sheet_name,
                 "header_row": outline.header_row},
        "counts": {"sections": len(outline.sections), "tasks": len(outline.tasks),
                   "requirements": len(outline.requirements)},
        "sections": [
            {"title": section.title,
             "tasks": [{"number": task.number, "title": task.title,
                        "requirements": [requirement_to_dict(r) for r in task.requirements]}
                       for task in section.tasks]}
            for section in outline.sections
        ],
        "warnings": [problem_to_dict(p, message) for p in outline.warnings],
        "errors": [problem_to_dict(p, message) for p in outline.errors],
    }


def requirement_to_dict(requirement: Requirement) -> dict[str, Any]:
    return {
        "text": requirement.text,
        "lead_units": list(requirement.lead_units),
        "cooperating_units": list(requirement.cooperating_units),
        "unmatched_units": list(requirement.unmatched_units),
        "units_raw": requirement.units_raw,
        "deadline": deadline_to_dict(requirement.deadline),
        "source_rows": list(requirement.source_rows),
    }


def deadline_to_dict(deadline: Deadline) -> dict[str, Any]:
    return {"raw": deadline.raw, "due": deadline.due.isoformat() if deadline.due else None,
            "ongoing": deadline.ongoing, "recurring": deadline.recurring,
            "understood": deadline.understood}


def problem_to_dict(problem: Problem, message: MessageFormatter) -> dict[str, Any]:
    return {"row": problem.row, "code": problem.code, "message": str(message(problem)),
            "params": dict(problem.params)}
