"""The five progress panel kinds, registered with ``register_disclosure_report_panel_kind``.

Each kind renders a chart (inline SVG) or a list, always with a data table, from one
:class:`~wagtail_disclosure.progress.ProgressSnapshot` of the panel's scope.
"""

from __future__ import annotations

import datetime

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from wagtail_disclosure.core.charts import Bar, bar_chart
from wagtail_disclosure.core.panels import PanelKind
from wagtail_disclosure.core.permissions import is_manager, unit_ids
from wagtail_disclosure.core.sites import current_site
from wagtail_disclosure.plans.models import Requirement

from .models import ProgressState
from .responsibilities import GroupMembers, group_members, requirements_for_units
from .states import DONE, OVERDUE, ProgressSnapshot, live_progress, plan_requirements

#: Longest list an overdue / deadline panel shows; the admin reports have the rest.
LIST_LIMIT = 20


def public_site_path(request) -> str | None:
    """On a public page, the tree path of the site serving it: a panel naming no plan shows the
    plans of that site only (a county's page never counts the city's plans). None in the admin,
    where the dashboard's panels cover every site the user may see."""
    match = getattr(request, "resolver_match", None)
    if request is None or match is None or match.url_name != "wagtail_serve":
        return None
    site = current_site(request)
    return site.root_page.path if site is not None else None


def panel_requirements(panel, within=None):
    requirements = (
        plan_requirements(panel.plan)
        if panel.plan_id
        else Requirement.objects.filter(task__live=True)
    )
    if within is not None:
        requirements = requirements.filter(task__path__startswith=within)
    if panel.section_number:
        requirements = requirements.filter(task__section_number=panel.section_number)
    return requirements


def panel_unit_ids(panel, members=None):
    if panel.unit_id:
        return {panel.unit_id}
    if panel.group_id:
        return (members or GroupMembers()).of(panel.group_id)
    return None


def panel_snapshot(panel, today=None, request=None):
    """The progress in the panel's scope.

    Within a request, every panel is a view of the request's one snapshot of live progress;
    a fixed ``today`` (reports for another day) builds its own.
    """
    members = group_members(request)
    unit_ids = panel_unit_ids(panel, members)
    within = public_site_path(request) if not panel.plan_id else None
    if request is not None and today is None:
        return live_progress(request).narrowed(
            plan=panel.plan if panel.plan_id else None,
            section=panel.section_number or None,
            unit_ids=unit_ids,
            within=within,
        )
    requirements = panel_requirements(panel, within)
    if unit_ids is not None:
        requirements = requirements.filter(
            pk__in=requirements_for_units(unit_ids, members).values("pk")
        )
    return ProgressSnapshot(requirements, today=today, unit_ids=unit_ids, members=members)


def visible_in_scope(panel, user, request=None) -> bool:
    """Managers see every panel; a unit editor sees plan-wide panels and those of their units
    (or of a group their unit belongs to)."""
    if is_manager(user):
        return True
    units = unit_ids(user)
    if not units:
        return False
    if panel.unit_id:
        return panel.unit_id in units
    if panel.group_id:
        return bool(group_members(request).of(panel.group_id) & units)
    return True


def _chart_id(panel, request):
    # Unique per panel and per page render (a page may show a panel twice).
    counter = getattr(request, "_disclosure_chart_counter", 0) + 1 if request else 1
    if request is not None:
        request._disclosure_chart_counter = counter
    return f"disclosure-panel-{panel.pk}-{counter}"


def _render(template, panel, request, **context):
    context.update(panel=panel, chart_id=_chart_id(panel, request), request=request)
    return mark_safe(render_to_string(template, context, request=request))


def _scope_text(panel):
    parts = []
    if panel.plan_id:
        parts.append(panel.plan.title)
    if panel.section_number:
        parts.append(_("section %(number)s") % {"number": panel.section_number})
    if panel.unit_id:
        parts.append(panel.unit.title)
    elif panel.group_id:
        parts.append(panel.group.name)
    return "，".join(parts)


def render_completion_by_unit(panel, request=None):
    snapshot = panel_snapshot(panel, request=request)
    rows = snapshot.by_unit(panel_unit_ids(panel, snapshot.members))
    chart = bar_chart(
        chart_id=_chart_id(panel, request),
        title=panel.title,
        description=_(
            "Share of requirements each unit has completed (%(scope)s); the table below gives "
            "the figures."
        )
        % {"scope": _scope_text(panel) or _("all plans")},
        bars=[Bar(unit.title, t.percent_done, f"{t.percent_done}%") for unit, t in rows],
    )
    return _render(
        "wagtail_disclosure/progress/panels/completion.html",
        panel,
        request,
        chart=chart,
        rows=[(unit.title, t) for unit, t in rows],
        row_heading=_("Unit"),
    )


def render_completion_by_section(panel, request=None):
    snapshot = panel_snapshot(panel, request=request)
    rows = snapshot.by_section()
    chart = bar_chart(
        chart_id=_chart_id(panel, request),
        title=panel.title,
        description=_(
            "Share of requirements completed in each section (%(scope)s); the table below "
            "gives the figures."
        )
        % {"scope": _scope_text(panel) or _("all plans")},
        bars=[Bar(title, t.percent_done, f"{t.percent_done}%") for (_n, title), t in rows],
    )
    return _render(
        "wagtail_disclosure/progress/panels/completion.html",
        panel,
        request,
        chart=chart,
        rows=[(title, t) for (_n, title), t in rows],
        row_heading=_("Section"),
    )


def render_overdue(panel, request=None):
    snapshot = panel_snapshot(panel, request=request)
    pairs = [(row, up) for row, up in snapshot.pairs() if up.state == OVERDUE]
    pairs.sort(key=lambda p: (p[0].requirement.due_date or datetime.date.max, p[1].unit.path))
    return _render(
        "wagtail_disclosure/progress/panels/pairs.html",
        panel,
        request,
        pairs=pairs[:LIST_LIMIT],
        total=len(pairs),
        empty=_("Nothing is overdue."),
    )


def render_upcoming(panel, request=None):
    snapshot = panel_snapshot(panel, request=request)
    until = snapshot.today + datetime.timedelta(days=panel.days)
    pairs = [
        (row, up)
        for row, up in snapshot.pairs()
        if up.state != DONE
        and row.requirement.due_date
        and snapshot.today <= row.requirement.due_date <= until
    ]
    pairs.sort(key=lambda p: (p[0].requirement.due_date, p[1].unit.path))
    return _render(
        "wagtail_disclosure/progress/panels/pairs.html",
        panel,
        request,
        pairs=pairs[:LIST_LIMIT],
        total=len(pairs),
        empty=_("No deadline falls in the next %(days)s days.") % {"days": panel.days},
    )


def render_unit_ledger(panel, request=None):
    if not panel.unit_id:
        return format_html("<p>{}</p>", _("Choose a unit for this panel."))
    snapshot = panel_snapshot(panel, request=request)
    rows = [(row, row.for_unit(panel.unit_id)) for row in snapshot.rows]
    rows = [(row, up) for row, up in rows if up is not None]
    tally = snapshot.tally()
    chart = bar_chart(
        chart_id=_chart_id(panel, request),
        title=panel.title,
        description=_("%(unit)s: %(done)s of %(total)s requirements done, %(overdue)s overdue.")
        % {
            "unit": panel.unit.title,
            "done": tally.done,
            "total": tally.total,
            "overdue": tally.overdue,
        },
        bars=[
            Bar(label, round(100 * n / tally.total) if tally.total else 0, str(n))
            for label, n in state_counts(tally)
        ],
    )
    return _render(
        "wagtail_disclosure/progress/panels/ledger.html",
        panel,
        request,
        chart=chart,
        rows=rows,
        tally=tally,
    )


render_unit_ledger.required_scope = ("unit",)


def state_counts(tally):
    return [(str(label), getattr(tally, value)) for value, label in ProgressState.choices]


KINDS = [
    PanelKind(
        "completion_by_unit",
        gettext_lazy("Completion by unit"),
        render_completion_by_unit,
        ("plan", "section_number", "group"),
        visible_in_scope,
    ),
    PanelKind(
        "completion_by_section",
        gettext_lazy("Completion by section"),
        render_completion_by_section,
        ("plan", "unit", "group"),
        visible_in_scope,
    ),
    PanelKind(
        "overdue",
        gettext_lazy("Overdue requirements"),
        render_overdue,
        ("plan", "section_number", "unit", "group"),
        visible_in_scope,
    ),
    PanelKind(
        "upcoming_deadlines",
        gettext_lazy("Deadlines in the next N days"),
        render_upcoming,
        ("plan", "section_number", "unit", "group", "days"),
        visible_in_scope,
    ),
    PanelKind(
        "unit_ledger",
        gettext_lazy("One unit's ledger"),
        render_unit_ledger,
        ("plan", "section_number", "unit"),
        visible_in_scope,
    ),
]


@hooks.register("register_disclosure_report_panel_kind")
def register_progress_panel_kinds():
    return KINDS


# -- The dashboard's summaries ------------------------------------------------------------------

#: Bars in a dashboard summary's chart: the units (or sections) furthest behind.
SUMMARY_BARS = 5
#: Rows a list panel (overdue, upcoming) shows on the dashboard before the link to its report.
SUMMARY_ROWS = 5
PROGRESS_KINDS = {"completion_by_unit", "completion_by_section", "overdue", "upcoming_deadlines",
                  "unit_ledger"}


def summarise(panel, request=None):
    """A panel as the dashboard shows it: a few numbers, a short chart of what is furthest
    behind, and a link to the full report (the whole table is a paginated report, not
    dashboard content). Kinds of other domains render as they are."""
    if panel.kind not in PROGRESS_KINDS:
        return panel.render(request)
    snapshot = panel_snapshot(panel, request=request)
    if panel.kind == "unit_ledger" and panel.unit_id:
        snapshot = snapshot.narrowed(unit_ids={panel.unit_id})
    tally = snapshot.tally()
    context = {"tally": tally, "report_url": full_report_url(panel)}
    if panel.kind in ("overdue", "upcoming_deadlines"):
        pairs = listed_pairs(panel, snapshot)
        context.update(pairs=pairs[:SUMMARY_ROWS], total=len(pairs))
    else:
        rows = (snapshot.by_section() if panel.kind == "completion_by_section"
                else [(unit.title, t) for unit, t in
                      snapshot.by_unit(panel_unit_ids(panel, snapshot.members))])
        rows = [(title if isinstance(title, str) else title[1], t) for title, t in rows]
        behind = sorted(rows, key=lambda r: (r[1].percent_done, -r[1].overdue))[:SUMMARY_BARS]
        if len(rows) > 1:
            context["chart"] = bar_chart(
                chart_id=_chart_id(panel, request),
                title=panel.title,
                description=_(
                    "The %(count)s furthest behind of %(total)s, by share of requirements done."
                ) % {"count": len(behind), "total": len(rows)},
                bars=[Bar(label, t.percent_done, f"{t.percent_done}%") for label, t in behind],
            )
        context["compared"] = len(rows)
    return _render("wagtail_disclosure/progress/panels/summary.html", panel, request, **context)


def listed_pairs(panel, snapshot):
    if panel.kind == "overdue":
        pairs = [(row, up) for row, up in snapshot.pairs() if up.state == OVERDUE]
        pairs.sort(key=lambda p: (p[0].requirement.due_date or datetime.date.max, p[1].unit.path))
        return pairs
    until = snapshot.today + datetime.timedelta(days=panel.days)
    pairs = [(row, up) for row, up in snapshot.pairs()
             if up.state != DONE and row.requirement.due_date
             and snapshot.today <= row.requirement.due_date <= until]
    pairs.sort(key=lambda p: (p[0].requirement.due_date, p[1].unit.path))
    return pairs


def full_report_url(panel):
    """The admin report holding the whole table behind a summary, filtered to its scope."""
    name = "overdue" if panel.kind == "overdue" else "ledger"
    params = {}
    if panel.plan_id:
        params["plan"] = panel.plan_id
    if panel.section_number:
        params["section"] = panel.section_number
    if panel.unit_id:
        params["unit"] = panel.unit_id
    url = reverse(f"wagtail_disclosure_admin:{name}")
    return f"{url}?{urlencode(params)}" if params else url
