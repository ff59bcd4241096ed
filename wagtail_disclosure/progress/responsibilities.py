"""Who answers for which requirement: the units a requirement names, and its groups' members.

A requirement is assigned to units directly and to groups; a group fans out to its member units
(explicit members and the units of its member kinds), and each member is expected to report for
itself. Only plans and units are read here, never progress, so the progress report model and its
admin form can ask "is this unit responsible?" without importing :mod:`.states`, which reads
the reports.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from wagtail_disclosure.plans.models import Requirement, UnitRole
from wagtail_disclosure.units.models import UnitGroup, UnitPage


def requirement_pks(requirements):
    """The primary keys of ``requirements`` (a queryset, as a subquery) or the keys as given."""
    return requirements.values("pk") if hasattr(requirements, "values") else requirements


class GroupMembers:
    """Every group's member unit ids (explicit and by kind), from at most three queries."""

    def __init__(self):
        self.groups = {
            pk: (name, kinds or [])
            for pk, name, kinds in UnitGroup.objects.values_list("pk", "name", "member_kinds")
        }
        self.members: dict[int, set[int]] = defaultdict(set)
        for group_id, unit_id in UnitGroup.members.through.objects.values_list(
            "unitgroup_id", "unitpage_id"
        ):
            self.members[group_id].add(unit_id)
        kinds = {k for _name, ks in self.groups.values() for k in ks}
        if kinds:
            by_kind = defaultdict(set)
            for unit_id, kind in UnitPage.objects.filter(kind__in=kinds).values_list("pk", "kind"):
                by_kind[kind].add(unit_id)
            for group_id, (_name, ks) in self.groups.items():
                for kind in ks:
                    self.members[group_id] |= by_kind[kind]

    def of(self, group_id) -> set[int]:
        return self.members.get(group_id, set())

    def groups_of(self, unit_ids) -> set[int]:
        unit_ids = set(unit_ids)
        return {g for g, members in self.members.items() if members & unit_ids}

    def name(self, group_id):
        return self.groups.get(group_id, ("", []))[0]


@dataclass(frozen=True)
class Assignment:
    requirement_id: int
    unit_id: int
    role: str
    group_id: int | None = None

    @property
    def rank(self):
        """Lead before cooperating, direct before through a group."""
        return (self.role != UnitRole.LEAD, self.group_id is not None)


RELATIONS = [
    ("lead_units", UnitRole.LEAD, "unitpage_id", False),
    ("cooperating_units", UnitRole.COOPERATING, "unitpage_id", False),
    ("lead_groups", UnitRole.LEAD, "unitgroup_id", True),
    ("cooperating_groups", UnitRole.COOPERATING, "unitgroup_id", True),
]


@dataclass
class Responsibility:
    """Who a requirement names, as the table names them (groups kept whole)."""

    lead_units: list = field(default_factory=list)
    lead_groups: list = field(default_factory=list)
    cooperating_units: list = field(default_factory=list)
    cooperating_groups: list = field(default_factory=list)


def responsibilities(requirements, members: GroupMembers):
    """(names as written per requirement, expected units per requirement), four queries."""
    named: dict[int, Responsibility] = defaultdict(Responsibility)
    expected: dict[int, dict[int, Assignment]] = defaultdict(dict)

    def expect(assignment):
        current = expected[assignment.requirement_id].get(assignment.unit_id)
        if current is None or assignment.rank < current.rank:
            expected[assignment.requirement_id][assignment.unit_id] = assignment

    pks = requirement_pks(requirements)
    for name, role, column, is_group in RELATIONS:
        through = getattr(Requirement, name).through
        rows = (
            through.objects.filter(requirement_id__in=pks)
            .order_by("pk")
            .values_list("requirement_id", column)
        )
        for requirement_id, target in rows:
            getattr(named[requirement_id], name).append(target)
            if is_group:
                for unit_id in members.of(target):
                    expect(Assignment(requirement_id, unit_id, role, target))
            else:
                expect(Assignment(requirement_id, target, role))
    return named, expected


def is_responsible(requirement, unit) -> bool:
    """Does ``unit`` answer for ``requirement``, directly or through a group?"""
    members = GroupMembers()
    _named, expected = responsibilities(Requirement.objects.filter(pk=requirement.pk), members)
    return unit.pk in expected.get(requirement.pk, {})


def group_members(request=None) -> GroupMembers:
    """The groups' members, read once per request: a dashboard asks for them in every panel."""
    if request is None:
        return GroupMembers()
    members = getattr(request, "_disclosure_group_members", None)
    if members is None:
        members = request._disclosure_group_members = GroupMembers()
    return members


def requirements_for_units(units, members=None):
    """Requirements the units lead or help with, directly or through a group."""
    unit_ids = (
        list(units.values_list("pk", flat=True))
        if hasattr(units, "values_list")
        else [u.pk if hasattr(u, "pk") else u for u in units]
    )
    group_ids = (members or GroupMembers()).groups_of(unit_ids)
    condition = Q(lead_units__in=unit_ids) | Q(cooperating_units__in=unit_ids)
    if group_ids:
        condition |= Q(lead_groups__in=group_ids) | Q(cooperating_groups__in=group_ids)
    return Requirement.objects.filter(pk__in=Requirement.objects.filter(condition).values("pk"))
