"""Matching unit names as tables write them to units and groups.

Every import (units register, task plans, progress, enterprises, requests) resolves names here,
so ``市发改委``, ``济宁市发展和改革委员会`` and ``市 发展改革委`` all mean the same unit everywhere.
"""

from __future__ import annotations

from wagtail_disclosure.core.text import normalize_name

from .models import UnitGroup, UnitPage


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
