"""Where each requirement stands, for each unit that answers for it.

A requirement is assigned to units directly and to groups; a group fans out to its member units
(explicit members and the units of its member kinds), and each member is expected to report for
itself (who answers for what: :mod:`.responsibilities`). The latest report of a unit on a
requirement decides that unit's state:

- done: the unit reported it completed;
- ongoing: the unit reports long-term work on a requirement that is ongoing or recurring, or
  on any requirement before its due date;
- overdue: the due date has passed (in ``WAGTAIL_DISCLOSURE_TIME_ZONE``) and it is not done;
- in progress / not started: as reported, or not started when nothing was reported.

The latest report per (requirement, unit) and its state are chosen in the database (``Exists``
and ``Case``/``When``); assignments come from a fixed number of queries on the relation tables,
so a page's query count does not grow with the number of requirements. ``today`` is a parameter
everywhere, so the rules are tested on fixed dates.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import CharField, Exists, OuterRef, Q, Value, When
from django.db.models.expressions import Case

from wagtail_disclosure.core import clock
from wagtail_disclosure.plans.models import Requirement, TaskPage
from wagtail_disclosure.units.models import UnitPage

from .models import ProgressReport, ProgressState, ProgressStatus
from .responsibilities import (
    GroupMembers,
    Responsibility,
    group_members,
    requirement_pks,
    responsibilities,
)

DONE = ProgressState.DONE.value
ONGOING = ProgressState.ONGOING.value
IN_PROGRESS = ProgressState.IN_PROGRESS.value
NOT_STARTED = ProgressState.NOT_STARTED.value
OVERDUE = ProgressState.OVERDUE.value

#: Worst first: the order panels and ledgers list states in.
STATE_ORDER = [OVERDUE, NOT_STARTED, IN_PROGRESS, ONGOING, DONE]




# -- the rule, in Python and in SQL --------------------------------------------------------------
def compute_state(status, *, due_date, is_ongoing=False, is_recurring=False, today) -> str:
    """The state of a requirement for a unit whose latest reported status is ``status``
    (None when it has not reported)."""
    if status == ProgressStatus.DONE:
        return DONE
    if status == ProgressStatus.ONGOING and (is_ongoing or is_recurring):
        return ONGOING
    if due_date is not None and due_date < today:
        return OVERDUE
    if status == ProgressStatus.ONGOING:
        return ONGOING
    if status == ProgressStatus.IN_PROGRESS:
        return IN_PROGRESS
    return NOT_STARTED


def state_expression(today, prefix="requirement__"):
    """:func:`compute_state` as a database expression over progress reports."""
    ongoing_kind = Q(**{prefix + "is_ongoing": True}) | Q(**{prefix + "is_recurring": True})
    return Case(
        When(status=ProgressStatus.DONE, then=Value(DONE)),
        When(Q(status=ProgressStatus.ONGOING) & ongoing_kind, then=Value(ONGOING)),
        When(**{prefix + "due_date__lt": today}, then=Value(OVERDUE)),
        When(status=ProgressStatus.ONGOING, then=Value(ONGOING)),
        When(status=ProgressStatus.IN_PROGRESS, then=Value(IN_PROGRESS)),
        default=Value(NOT_STARTED),
        output_field=CharField(),
    )


def latest_reports(requirements, today, unit_ids=None):
    """The latest report of each unit on each of ``requirements``, annotated with ``state``."""
    newer = ProgressReport.objects.filter(
        requirement_id=OuterRef("requirement_id"), unit_id=OuterRef("unit_id")
    ).filter(Q(date__gt=OuterRef("date")) | Q(date=OuterRef("date"), pk__gt=OuterRef("pk")))
    reports = ProgressReport.objects.filter(requirement__in=requirement_pks(requirements)).filter(
        ~Exists(newer)
    )
    if unit_ids is not None:
        reports = reports.filter(unit_id__in=unit_ids)
    return reports.annotate(state=state_expression(today)).defer("evidence")


def combine_states(states, *, due_date=None, today=None) -> str:
    """One state for a requirement from the states of its units (the worst wins)."""
    states = list(states)
    if not states:
        return compute_state(None, due_date=due_date, today=today or clock.today())
    if OVERDUE in states:
        return OVERDUE
    if all(s == DONE for s in states):
        return DONE
    if all(s in (DONE, ONGOING) for s in states):
        return ONGOING
    if any(s in (DONE, ONGOING, IN_PROGRESS) for s in states):
        return IN_PROGRESS
    return NOT_STARTED


# -- a snapshot of progress ----------------------------------------------------------------------
@dataclass
class Tally:
    """How many (requirement, unit) pairs are in each state."""

    done: int = 0
    ongoing: int = 0
    in_progress: int = 0
    not_started: int = 0
    overdue: int = 0

    def add(self, state):
        setattr(self, state, getattr(self, state) + 1)

    @property
    def total(self):
        return self.done + self.ongoing + self.in_progress + self.not_started + self.overdue

    @property
    def percent_done(self):
        return round(100 * self.done / self.total) if self.total else 0


@dataclass
class UnitProgress:
    unit: UnitPage
    role: str
    group_id: int | None
    report: ProgressReport | None
    state: str

    @property
    def state_label(self):
        return ProgressState(self.state).label


@dataclass
class RequirementProgress:
    requirement: Requirement
    named: Responsibility
    units: list[UnitProgress]
    state: str
    tally: Tally

    @property
    def task(self):
        return self.requirement.task

    @property
    def state_label(self):
        return ProgressState(self.state).label

    def for_unit(self, unit_id):
        return next((u for u in self.units if u.unit.pk == unit_id), None)


def with_tasks(requirements: list[Requirement]) -> list[Requirement]:
    """Give each requirement its task page, one instance per task (one query): joining the
    task to every row would build a page instance, all of its columns, per requirement."""
    tasks = TaskPage.objects.in_bulk({r.task_id for r in requirements})
    field = Requirement._meta.get_field("task")
    for requirement in requirements:
        field.set_cached_value(requirement, tasks[requirement.task_id])
    return requirements


class ProgressSnapshot:
    """The progress of a set of requirements for every unit expected to report on them.

    Costs a fixed number of queries whatever the number of requirements, units and reports.
    """

    def __init__(self, requirements=None, *, today=None, unit_ids=None, members=None):
        self.today = today or clock.today()
        if requirements is None:
            requirements = Requirement.objects.all()
        self.members = members or GroupMembers()
        self.requirements = with_tasks(
            list(requirements.order_by("task__path", "sort_order", "pk"))
        )
        if not self.requirements:
            self.rows: list[RequirementProgress] = []
            self.units: dict[int, UnitPage] = {}
            return
        pks = requirements.values("pk")
        named, expected = responsibilities(pks, self.members)
        if unit_ids is not None:
            unit_ids = set(unit_ids)
            expected = {
                r: {u: a for u, a in by_unit.items() if u in unit_ids}
                for r, by_unit in expected.items()
            }
        needed_units = {u for by_unit in expected.values() for u in by_unit}
        for responsibility in named.values():
            needed_units.update(responsibility.lead_units)
            needed_units.update(responsibility.cooperating_units)
        self.units = {
            u.pk: u
            for u in UnitPage.objects.filter(pk__in=needed_units).only(
                "id", "title", "url_path", "path", "depth", "live", "kind", "slug"
            )
        }
        reports = {
            (r.requirement_id, r.unit_id): r
            for r in latest_reports(pks, self.today, unit_ids=unit_ids)
        }
        self.rows = []
        for requirement in self.requirements:
            units = []
            tally = Tally()
            by_unit = expected.get(requirement.pk, {})
            for unit_id, assignment in sorted(
                by_unit.items(), key=lambda kv: (kv[1].rank, self.units[kv[0]].path)
            ):
                report = reports.get((requirement.pk, unit_id))
                state = (
                    report.state
                    if report is not None
                    else compute_state(
                        None,
                        due_date=requirement.due_date,
                        is_ongoing=requirement.is_ongoing,
                        is_recurring=requirement.is_recurring,
                        today=self.today,
                    )
                )
                tally.add(state)
                units.append(
                    UnitProgress(
                        self.units[unit_id], assignment.role, assignment.group_id, report, state
                    )
                )
            state = combine_states(
                [u.state for u in units], due_date=requirement.due_date, today=self.today
            )
            self.rows.append(
                RequirementProgress(
                    requirement, named.get(requirement.pk, Responsibility()), units, state, tally
                )
            )

    # -- views of the snapshot ---------------------------------------------------------------
    def narrowed(self, *, plan=None, section=None, unit_ids=None, within=None):
        """The same progress for one plan, section or set of units (or the plans under the tree
        path ``within``: a site's), without another query.

        Equal to a snapshot built for that scope: a requirement is kept when one of the units
        answers for it, and its state and tally are those of the kept units.
        """
        view = object.__new__(type(self))
        view.today, view.members, view.units = self.today, self.members, self.units
        view.rows = []
        for row in self.rows:
            task = row.requirement.task
            if plan is not None and not (
                task.path.startswith(plan.path) and task.depth == plan.depth + 1
            ):
                continue
            if section is not None and task.section_number != section:
                continue
            if within is not None and not task.path.startswith(within):
                continue
            units = row.units
            if unit_ids is not None:
                units = [u for u in units if u.unit.pk in unit_ids]
                if not units:
                    continue
            tally = Tally()
            for unit_progress in units:
                tally.add(unit_progress.state)
            state = combine_states(
                [u.state for u in units], due_date=row.requirement.due_date, today=self.today
            )
            view.rows.append(RequirementProgress(row.requirement, row.named, units, state, tally))
        view.requirements = [row.requirement for row in view.rows]
        return view

    def pairs(self):
        for row in self.rows:
            for unit_progress in row.units:
                yield row, unit_progress

    def tally(self) -> Tally:
        tally = Tally()
        for _row, unit_progress in self.pairs():
            tally.add(unit_progress.state)
        return tally

    def requirement_tally(self) -> Tally:
        tally = Tally()
        for row in self.rows:
            tally.add(row.state)
        return tally

    def by_unit(self, unit_ids=None) -> list[tuple[UnitPage, Tally]]:
        tallies: dict[int, Tally] = defaultdict(Tally)
        for _row, unit_progress in self.pairs():
            if unit_ids is None or unit_progress.unit.pk in unit_ids:
                tallies[unit_progress.unit.pk].add(unit_progress.state)
        return [
            (self.units[u], t)
            for u, t in sorted(tallies.items(), key=lambda kv: self.units[kv[0]].path)
        ]

    def by_section(self) -> list[tuple[tuple[int, str], Tally]]:
        tallies: dict[tuple[int, str], Tally] = {}
        for row, unit_progress in self.pairs():
            key = (row.task.section_number, row.task.section_title)
            tallies.setdefault(key, Tally()).add(unit_progress.state)
        return sorted(tallies.items(), key=lambda kv: kv[0][0])

    def sections(self):
        """[(number, title, [(task, [RequirementProgress])])] in the plan's order."""
        sections: dict[int, tuple[str, dict]] = {}
        for row in self.rows:
            task = row.task
            title, tasks = sections.setdefault(task.section_number, (task.section_title, {}))
            tasks.setdefault(task.pk, (task, []))[1].append(row)
        return [
            (number, title, list(tasks.values()))
            for number, (title, tasks) in sorted(sections.items())
        ]

    def filter_rows(self, *, unit_id=None, group_id=None, section=None, state=None):
        """Rows for one unit (or a group's members), section and state; a unit's own state
        is used when filtering by unit."""
        rows = self.rows
        if section is not None:
            rows = [r for r in rows if r.task.section_number == section]
        if group_id is not None:
            members = self.members.of(group_id)
            rows = [
                r
                for r in rows
                if group_id in r.named.lead_groups + r.named.cooperating_groups
                or any(u.unit.pk in members for u in r.units)
            ]
        if unit_id is not None:
            rows = [r for r in rows if r.for_unit(unit_id) is not None]
        if state:
            if unit_id is not None:
                rows = [r for r in rows if r.for_unit(unit_id).state == state]
            else:
                rows = [r for r in rows if r.state == state]
        return rows


def live_progress(request=None) -> ProgressSnapshot:
    """The progress of every live requirement, built once per request.

    A dashboard shows several panels and a unit editor's own work; each is a
    :meth:`ProgressSnapshot.narrowed` view of this one snapshot, so the page costs the same
    queries whatever the number of panels.
    """
    if request is None:
        return ProgressSnapshot(Requirement.objects.filter(task__live=True))
    snapshot = getattr(request, "_disclosure_live_progress", None)
    if snapshot is None:
        snapshot = ProgressSnapshot(
            Requirement.objects.filter(task__live=True), members=group_members(request)
        )
        request._disclosure_live_progress = snapshot
    return snapshot


def plan_requirements(plan, *, live_only=True):
    """The requirements of a plan (those of its live tasks, for public pages)."""
    condition = Q(task__path__startswith=plan.path, task__depth=plan.depth + 1)
    if live_only:
        condition &= Q(task__live=True)
    return Requirement.objects.filter(condition)
