"""Edits made in the admin since the last import, and the rows of a new table that would undo them.

An import writes the difference between the table and the plan, so a requirement whose text,
units or deadline an editor corrected in the admin would silently go back to what the table
says. The plan keeps the file it was last imported from (its source document), and each
requirement the rows it came from: what that file says there is what the import left. Where the
requirement now differs, someone edited it since; where the new table also differs from that
edit, the preview shows a conflict with both values. The edit is kept unless the editor takes
the file's value for that row (on the command line, ``--overwrite-edits`` takes every one).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.core.text import normalize_name
from wagtail_disclosure.units.models import UnitGroup, UnitPage

#: What an editor changes in the admin and a table also says, compared as wholes.
GROUPS = ("text", "units", "deadline")
GROUP_LABELS = {
    "text": _("Requirement"),
    "units": _("Responsible units"),
    "deadline": _("Deadline"),
}
DEADLINE_FIELDS = ("deadline_raw", "due_date", "is_ongoing", "is_recurring")
#: ``take_file`` meaning every conflict takes the file's values (``--overwrite-edits``).
TAKE_ALL = "all"


@dataclass
class Side:
    """A requirement's values and links (``importer.Links``) as one side holds them."""

    values: dict[str, Any]
    links: Any


def group_key(side: Side, group: str):
    if group == "text":
        return normalize_name(side.values["text"])
    if group == "units":
        return side.links.key()
    return tuple(side.values[name] for name in DEADLINE_FIELDS)


@dataclass
class Conflict:
    """A requirement edited in the admin since the last import that the new table would change.

    ``groups`` are what differ (text, units, deadline); ``take_file`` is the editor's choice.
    """

    requirement_id: int
    groups: list[str]
    admin: Side
    file: Side
    take_file: bool = False

    def rows(self, names: dict[str, str]):
        """(what, the admin's value, the file's value) for each group in conflict."""
        return [
            (GROUP_LABELS[group], describe(self.admin, group, names),
             describe(self.file, group, names))
            for group in self.groups
        ]


def find_conflict(requirement_id: int, imported: Side | None, current: Side, file: Side,
                  take_file) -> Conflict | None:
    """A conflict when the admin changed a group since the import and the file says otherwise."""
    if imported is None:
        return None
    groups = [
        group
        for group in GROUPS
        if group_key(current, group) != group_key(imported, group)
        and group_key(file, group) != group_key(current, group)
    ]
    if not groups:
        return None
    take = take_file == TAKE_ALL or requirement_id in (take_file or ())
    return Conflict(requirement_id, groups, admin=current, file=file, take_file=take)


def keep_admin_values(change, conflict: Conflict) -> None:
    """Make the change write the admin's values for the groups in conflict (the default)."""
    for group in conflict.groups:
        if group == "text":
            change.values["text"] = conflict.admin.values["text"]
        elif group == "deadline":
            for name in DEADLINE_FIELDS:
                change.values[name] = conflict.admin.values[name]
        else:
            change.values["units_raw"] = conflict.admin.values["units_raw"]
            change.links = dataclasses.replace(conflict.admin.links)


def describe(side: Side, group: str, names: dict[str, str]) -> str:
    if group == "text":
        return side.values["text"]
    if group == "deadline":
        due = side.values["due_date"]
        raw = side.values["deadline_raw"] or "—"
        return f"{raw}（{due:%Y-%m-%d}）" if due else raw
    links = side.links
    lead = [names.get(f"unit:{pk}", "?") for pk in links.lead_units]
    lead += [names.get(f"group:{pk}", "?") for pk in links.lead_groups]
    cooperating = [names.get(f"unit:{pk}", "?") for pk in links.cooperating_units]
    cooperating += [names.get(f"group:{pk}", "?") for pk in links.cooperating_groups]
    for entry in links.unmatched:
        (lead if entry.get("role") == "lead" else cooperating).append(entry.get("name", ""))
    text = "、".join(lead) or "—"
    if cooperating:
        text += "；" + str(_("cooperating: %(units)s") % {"units": "、".join(cooperating)})
    return text


def link_names(conflicts: list[Conflict]) -> dict[str, str]:
    """The names of every unit and group the conflicts mention, in two queries."""
    unit_ids, group_ids = set(), set()
    for conflict in conflicts:
        for side in (conflict.admin, conflict.file):
            unit_ids.update(side.links.lead_units, side.links.cooperating_units)
            group_ids.update(side.links.lead_groups, side.links.cooperating_groups)
    names = {f"unit:{pk}": title
             for pk, title in UnitPage.objects.filter(pk__in=unit_ids).values_list("pk", "title")}
    names.update({f"group:{pk}": name
                  for pk, name in UnitGroup.objects.filter(pk__in=group_ids)
                  .values_list("pk", "name")})
    return names
