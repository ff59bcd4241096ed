"""What the import preview shows of each change: the old and the new value of every field that
changes, in the words of the table (the editor compares them before confirming)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.core.templatetags import cn_date

FIELD_LABELS = {
    "text": _("Specific requirement"),
    "units_raw": _("Responsible units (as written)"),
    "units": _("Responsible units"),
    "deadline_raw": _("Deadline (as written)"),
    "due_date": _("Due date"),
    "is_ongoing": _("Ongoing"),
    "is_recurring": _("Recurring"),
    "task": _("Task"),
}


@dataclass
class Difference:
    label: str
    old: str
    new: str


def shown(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if hasattr(value, "year"):
        return cn_date(value)
    return str(value)


def differences(change, task) -> list[Difference]:
    """Old and new values of a changed requirement (``change``, in the new table's ``task``)."""
    stored = change.existing
    if stored is None:
        return []
    result = []
    for name in change.changed_fields:
        if name == "task":
            old = change.moved_from.title if change.moved_from is not None else ""
            new = task.display_title
        elif name == "units":
            old, new = stored_units(stored), "、".join(
                [*change.outline.lead_units, *change.outline.cooperating_units])
        else:
            old, new = getattr(stored, name, ""), change.values.get(name, "")
        result.append(Difference(str(FIELD_LABELS.get(name, name)), shown(old), shown(new)))
    return result


def stored_units(requirement) -> str:
    names = [unit.title for unit in requirement.lead_units.all()]
    names += [group.name for group in requirement.lead_groups.all()]
    names += [unit.title for unit in requirement.cooperating_units.all()]
    names += [group.name for group in requirement.cooperating_groups.all()]
    names += [entry.get("name", "") for entry in (requirement.unmatched_units or [])]
    return "、".join(names)
