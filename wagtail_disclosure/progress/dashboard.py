"""Dashboard panels: the reporting panels marked for the dashboard, and a unit editor's own
work first."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from wagtail_disclosure.core.permissions import unit_ids
from wagtail_disclosure.core.versions import kept_under_main

from .cache import cached_html, fragment_key
from .models import ReportPanel
from .panels import summarise
from .states import DONE, STATE_ORDER, live_progress

#: How many open requirements "Your unit's work" lists before pointing to the ledger.
MY_WORK_LIMIT = 10


class ReportPanelDashboardPanel(Component):
    template_name = "wagtail_disclosure/progress/admin/dashboard_panel.html"

    def __init__(self, panel: ReportPanel, order: int):
        self.panel = panel
        self.order = order
        self.name = f"disclosure-report-panel-{panel.pk}"

    def render_html(self, parent_context=None):
        """The whole panel, kept: it shows the same to everyone allowed to see it
        (dashboard_panels asks) until progress or the panel changes (progress.cache)."""
        key = fragment_key("dashboard-report-panel", self.panel.pk)
        html = cached_html(key, lambda: str(super(ReportPanelDashboardPanel, self).render_html(
            parent_context
        )))
        return mark_safe(html)  # noqa: S308 - rendered by the panel's own template

    def get_context_data(self, parent_context):
        body = mark_safe(summarise(self.panel, parent_context.get("request")))  # noqa: S308
        return {"panel": self.panel, "body": body, "panel_id": self.name}


class MyUnitWorkPanel(Component):
    """A unit editor's open requirements, worst first, each with a link to file a report."""

    template_name = "wagtail_disclosure/progress/admin/my_unit_work.html"
    name = "disclosure-my-unit-work"
    order = 50

    def __init__(self, user):
        self.user = user

    def render_html(self, parent_context):
        """The panel's HTML for the user's units, kept until progress changes."""
        key = fragment_key("my-unit-work", *sorted(unit_ids(self.user)))
        html = cached_html(key, lambda: super(MyUnitWorkPanel, self).render_html(parent_context))
        return mark_safe(html)  # noqa: S308 - rendered by the panel's own template

    def get_context_data(self, parent_context):
        units = unit_ids(self.user)
        snapshot = live_progress(parent_context.get("request")).narrowed(unit_ids=units)
        order = {state: i for i, state in enumerate(STATE_ORDER)}
        pairs = [(row, up) for row, up in snapshot.pairs() if up.state != DONE]
        pairs.sort(
            key=lambda p: (order.get(p[1].state, 9), p[0].requirement.due_date or datetime.date.max)
        )
        add_url = reverse("wagtailsnippets_wagtail_disclosure_progressreport:add")
        return {
            "pairs": [
                (row, up, f"{add_url}?requirement={row.requirement.pk}&unit={up.unit.pk}")
                for row, up in pairs[:MY_WORK_LIMIT]
            ],
            "total": len(pairs),
            "tally": snapshot.tally(),
            "units": ", ".join(
                unit.title
                for unit in sorted(snapshot.units.values(), key=lambda u: u.path)
                if unit.pk in units
            ),
            "ledger_url": reverse("wagtail_disclosure_admin:ledger"),
            "heading": _("Your unit's work"),
        }


class KeptPanel(Component):
    """Another domain's dashboard panel, its HTML kept until what it shows changes.

    The panel names what its HTML depends on besides the data (the viewer's scope) with
    ``kept_for()``; the version, the day and the language are in every key (:mod:`.cache`).
    Whether the user sees the panel at all is still asked on every request, by the hook that
    adds it."""

    def __init__(self, panel):
        self.panel = panel
        self.name = panel.name
        self.order = panel.order

    @property
    def media(self):
        return self.panel.media

    def render_html(self, parent_context=None):
        key = fragment_key(f"dashboard-panel:{self.name}", *self.panel.kept_for())
        html = cached_html(key, lambda: str(self.panel.render_html(parent_context)))
        return mark_safe(html)  # noqa: S308 - rendered by the panel's own template


def keep_panels(panels) -> None:
    """Wrap, in place, the panels that say what their HTML depends on (``kept_for``)."""
    panels[:] = [KeptPanel(p) if hasattr(p, "kept_for") else p for p in panels]


def marked_for_dashboard() -> list[ReportPanel]:
    """The reporting panels marked for the dashboard, kept until a panel (or anything else under
    the version) changes: every dashboard asks, and the answer changes only when an editor edits
    a panel.

    Their plan, unit and group are not joined: the visibility checks need only their ids, and a
    summary reads them only when it is not kept (joining three page tables was most of the
    request's cost for these panels)."""
    return kept_under_main(
        "dashboard-report-panels", lambda: list(ReportPanel.objects.filter(show_on_dashboard=True))
    )


def dashboard_panels(request):
    """The panels marked for the dashboard that this user may see, in their order."""
    return [
        ReportPanelDashboardPanel(panel, order=60 + i)
        for i, panel in enumerate(marked_for_dashboard())
        if panel.is_visible_to(request.user)
    ]
