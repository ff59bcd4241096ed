"""Matching unit names as tables write them to units and groups.

Every import (units register, task plans, progress, enterprises, requests) resolves names here,
so ``市发改委``, ``济宁市发展和改革委员会`` and ``市 发展改革委`` all mean the same unit everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail_disclosure.core.text import normalize_name

from .models import UnitGroup, UnitKind, UnitPage
from .variants import kind_collective, spelling_variants


@dataclass(frozen=True)
class Suggestion:
    """What an unknown name probably means: a unit or group, or every unit of a kind.

    ``confidence`` is 0–1; ``steps`` are the rewrites that lead from the name to the register's
    spelling, shown to the editor who confirms the guess.
    """

    name: str
    confidence: float
    steps: tuple[str, ...] = ()
    target: UnitPage | UnitGroup | None = None
    kind: str | None = None

    @property
    def label(self) -> str:
        if self.target is not None:
            return self.target.get_display_name()
        return str(UnitKind(self.kind).label)

    @property
    def is_likely(self) -> bool:
        return self.confidence >= LIKELY


#: A suggestion at least this sure is preselected in the preview; weaker ones are only shown.
LIKELY = 0.7


class UnitNameIndex:
    """Every known spelling of every unit and group, keyed by :func:`normalize_name`.

    Built once per import (a few hundred keys) so resolving thousands of cells costs no queries.
    Units win over groups when a spelling is claimed by both.
    """

    def __init__(self, units=None, groups=None):
        self.by_key: dict[str, UnitPage | UnitGroup] = {}
        groups = UnitGroup.objects.all() if groups is None else groups
        units = UnitPage.objects.all() if units is None else units
        for group in groups:
            self.add(group)
        for unit in units:
            self.add(unit)

    def add(self, unit_or_group):
        for key in unit_or_group.match_keys():
            self.by_key[key] = unit_or_group

    def match(self, text: str | None) -> UnitPage | UnitGroup | None:
        key = normalize_name(text)
        return self.by_key.get(key) if key else None

    def suggest(self, text: str | None) -> Suggestion | None:
        """The unit or group an unknown spelling probably means (never an exact match: those
        resolve without asking), or the kind a collective name stands for."""
        if not text or self.match(text) is not None:
            return None
        kind = kind_collective(text)
        if kind is not None:
            return Suggestion(name=text, confidence=0.8, steps=(), kind=kind)
        for variant in spelling_variants(text):
            found = self.by_key.get(variant.key)
            if found is not None:
                return Suggestion(name=text, confidence=variant.confidence,
                                  steps=variant.steps, target=found)
        return None

    def canonical_name(self, text: str | None) -> str | None:
        """The register's name for ``text`` (the parsers' ``resolve`` callable), or None."""
        found = self.match(text)
        return found.get_display_name() if found is not None else None


def match_unit(text: str | None) -> UnitPage | UnitGroup | None:
    """The unit or group named ``text`` (by name, full name or alias), or None.

    >>> match_unit("市发改委")            # doctest: +SKIP
    <UnitPage: 市发展改革委>
    """
    return UnitNameIndex().match(text)
