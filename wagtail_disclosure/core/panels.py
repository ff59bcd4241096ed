"""The kinds of reporting panel, registered by each domain.

A ``ReportPanel`` snippet stores the code of its kind; what the kind computes and how it renders
lives with its domain (progress, compliance, requests), which registers it with the
``register_disclosure_report_panel_kind`` hook returning a :class:`PanelKind`. Kinds are not
model choices, so adding one needs no migration.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from wagtail import hooks


@dataclass(frozen=True)
class PanelKind:
    #: stored in ReportPanel.kind, e.g. "completion_by_unit"
    code: str
    #: shown to editors (a lazy translation)
    label: str
    #: (panel, request or None) -> safe HTML of the panel body (chart + data table)
    render: Callable
    #: the scope fields of ReportPanel this kind uses, e.g. ("plan", "unit", "group")
    scope_fields: tuple[str, ...] = field(default_factory=tuple)
    #: (panel, user) -> bool: may this user see the panel on their dashboard
    visible_to: Callable | None = None


def panel_kinds() -> dict[str, PanelKind]:
    """Every registered kind, by code, in registration order."""
    kinds = {}
    for fn in hooks.get_hooks("register_disclosure_report_panel_kind"):
        result = fn()
        for kind in result if isinstance(result, list | tuple) else [result]:
            kinds[kind.code] = kind
    return kinds


def kind_choices():
    return [(code, kind.label) for code, kind in panel_kinds().items()]
