"""What the public plan, task and unit pages show of plans and progress.

Nothing here renders what is not public: reports are shown without their author, only live
tasks and plans are listed, and evidence pages only when live.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail_disclosure.core.sites import child_sites, site_of_page, site_unit_ids
from wagtail_disclosure.plans.models import TaskPlanPage, UnitRole
from wagtail_disclosure.units.sections import UnitSection

from .cache import cached_html, public_page_key
from .models import ProgressReport, ProgressState
from .responsibilities import requirements_for_units
from .states import ProgressSnapshot, Tally, plan_requirements


@dataclass
class NamedUnit:
    name: str
    url: str | None
    role: str
    is_group: bool = False


def unit_url(unit, snapshot, request):
    """A live unit's page URL, resolved once per snapshot (a unit is named on many rows)."""
    urls = snapshot.__dict__.setdefault("unit_urls", {})
    if unit.pk not in urls:
        urls[unit.pk] = unit.get_url(request) if unit.live else None
    return urls[unit.pk]


def responsible_units(row, snapshot, request):
    """The units and groups a requirement names, as the table names them, linked to unit
    pages; names no unit matched are kept as written."""
    named = row.named
    out = []
    for unit_ids, group_ids, role in (
        (named.lead_units, named.lead_groups, UnitRole.LEAD),
        (named.cooperating_units, named.cooperating_groups, UnitRole.COOPERATING),
    ):
        for group_id in group_ids:
            out.append(NamedUnit(snapshot.members.name(group_id), None, role, True))
        for unit_id in unit_ids:
            unit = snapshot.units.get(unit_id)
            if unit is not None:
                out.append(NamedUnit(unit.title, unit_url(unit, snapshot, request), role))
    for item in row.requirement.unmatched_units or []:
        name = item.get("name") if isinstance(item, dict) else str(item)
        role = item.get("role", UnitRole.LEAD) if isinstance(item, dict) else UnitRole.LEAD
        out.append(NamedUnit(name, None, role))
    return out


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def plan_filter_parts(request) -> tuple:
    """The filters of a plan page request, as ``plan_page_context`` reads them: what a cached
    table varies on (other query parameters change nothing and are not part of the key)."""
    params = request.GET if request is not None else {}
    unit_param = params.get("unit", "")
    if unit_param and (unit_param[:1] not in ("u", "g") or _int_or_none(unit_param[1:]) is None):
        unit_param = "?"  # filters nothing, but the form shows "Show all"
    state = params.get("state") if params.get("state") in ProgressState.values else ""
    return unit_param, _int_or_none(params.get("section")), state


def plan_page_context(plan, request, today=None):
    """The plan table, filtered by ``?unit=u12`` / ``?unit=g3``, ``?section=2``, ``?state=``."""
    snapshot = ProgressSnapshot(plan_requirements(plan), today=today)
    params = request.GET if request is not None else {}
    unit_param = params.get("unit", "")
    unit_id = group_id = None
    if unit_param[:1] == "u":
        unit_id = _int_or_none(unit_param[1:])
    elif unit_param[:1] == "g":
        group_id = _int_or_none(unit_param[1:])
    section = _int_or_none(params.get("section"))
    state = params.get("state") if params.get("state") in ProgressState.values else ""
    rows = snapshot.filter_rows(unit_id=unit_id, group_id=group_id, section=section, state=state)
    for row in rows:
        row.responsible = responsible_units(row, snapshot, request)
        row.shown = row.for_unit(unit_id) if unit_id else None

    visible = {r.requirement.pk for r in rows}
    sections = []
    for number, title, tasks in snapshot.sections():
        kept = [
            (task, [r for r in task_rows if r.requirement.pk in visible])
            for task, task_rows in tasks
        ]
        kept = [(task, task_rows) for task, task_rows in kept if task_rows]
        if kept:
            sections.append({"number": number, "title": title, "tasks": kept})

    units_in_plan = sorted(snapshot.units.values(), key=lambda u: u.path)
    group_ids = sorted(
        {g for r in snapshot.rows for g in r.named.lead_groups + r.named.cooperating_groups},
        key=snapshot.members.name,
    )
    return {
        "snapshot": snapshot,
        "sections": sections,
        "shown_count": len(rows),
        "total_count": len(snapshot.rows),
        "tally": snapshot.requirement_tally(),
        "filters": {
            "units": [(f"u{u.pk}", u.title) for u in units_in_plan],
            "groups": [(f"g{g}", snapshot.members.name(g)) for g in group_ids],
            "sections": [(n, t) for n, t, _tasks in snapshot.sections()],
            "states": ProgressState.choices,
            "unit": unit_param,
            "section": section,
            "state": state,
            "active": bool(unit_param or section or state),
        },
        "unit_filter_name": (
            snapshot.units[unit_id].title
            if unit_id in snapshot.units
            else snapshot.members.name(group_id)
            if group_id
            else ""
        ),
        "filtering_unit": unit_id in snapshot.units,
    }


def task_page_context(task, request, today=None):
    """A task's requirements, their units' states and every report filed (newest first)."""
    requirements = task.requirements.all()
    snapshot = ProgressSnapshot(requirements, today=today)
    history: dict[int, list[ProgressReport]] = {}
    reports = (
        ProgressReport.objects.filter(requirement__task=task)
        .select_related("unit")
        .order_by("-date", "-pk")
    )
    for report in reports:
        history.setdefault(report.requirement_id, []).append(report)
    for row in snapshot.rows:
        row.responsible = responsible_units(row, snapshot, request)
        row.history = history.get(row.requirement.pk, [])
    return {"rows": snapshot.rows, "snapshot": snapshot}


def unit_requirements_section(unit, request):
    """The unit page section: per plan, the requirements the unit leads or helps with; its HTML
    is kept until something it shows changes (:mod:`.cache`)."""

    def render():
        section = unit_requirements_section_uncached(unit, request)
        if section is None:
            return ""
        context = {"section": section, "unit": unit, "page": unit, "request": request}
        return render_to_string(section.template, context, request=request)

    html = cached_html(public_page_key("unit", unit, request), render)
    if not html:
        return None
    return UnitSection(
        title=_("Tasks and progress"),
        template="wagtail_disclosure/progress/unit_section_cached.html",
        context={"html": mark_safe(html)},  # noqa: S308 - rendered by our own template above
        order=20,
    )


def unit_requirements_section_uncached(unit, request):
    """The unit page section as data: per plan, the rows of the unit's requirements."""
    requirements = requirements_for_units([unit.pk]).filter(task__live=True)
    snapshot = ProgressSnapshot(requirements, unit_ids={unit.pk})
    if not snapshot.rows:
        return None
    plans = list(TaskPlanPage.objects.live().order_by("-year", "path"))
    by_plan = []
    for plan in plans:
        rows = [
            (row, row.for_unit(unit.pk))
            for row in snapshot.rows
            if row.task.path.startswith(plan.path) and row.for_unit(unit.pk) is not None
        ]
        if rows:
            by_plan.append((plan, rows))
    if not by_plan:
        return None
    return UnitSection(
        title=_("Tasks and progress"),
        template="wagtail_disclosure/progress/unit_section.html",
        context={"plans": by_plan},
        order=20,
    )


def plan_progress_by_county(plan, today=None):
    """The city-wide view of a city's plan: for each county site naming the plan's site as its
    city, how far the county's units are on the plan's requirements ([(site, Tally)]; empty on
    a site without counties)."""
    site = site_of_page(plan)
    counties = list(child_sites(site)) if site is not None else []
    if not counties:
        return []
    snapshot = ProgressSnapshot(plan_requirements(plan), today=today)
    by_county = []
    for county in counties:
        tally = Tally()
        for _unit, unit_tally in snapshot.by_unit(site_unit_ids(county)):
            for state in ("done", "ongoing", "in_progress", "not_started", "overdue"):
                setattr(tally, state, getattr(tally, state) + getattr(unit_tally, state))
        by_county.append((county, tally))
    return by_county


__all__ = [
    "plan_progress_by_county",
    "plan_page_context",
    "task_page_context",
    "unit_requirements_section",
    "plan_requirements",
]
