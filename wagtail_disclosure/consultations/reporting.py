"""Counts of consultations for the dashboard, the reporting panel kind and the annual report.

A consultation is counted by its state today (:class:`periods.ConsultationState`); a feedback
report is on time when it first went public within ``WAGTAIL_DISCLOSURE_FEEDBACK_REPORT_DAYS``
calendar days of the close; a closed consultation without one past that is overdue.
"""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core import clock
from wagtail_disclosure.core.charts import Bar, bar_chart
from wagtail_disclosure.core.panels import PanelKind

from .models import ConsultationComment
from .pages import ConsultationPage
from .periods import ConsultationState

CODE = "consultations_by_state"
LABEL = gettext_lazy("Consultations by state, and feedback reports on time")

_ids = itertools.count(1)


def report_days() -> int:
    return get_setting("WAGTAIL_DISCLOSURE_FEEDBACK_REPORT_DAYS")


def report_due(consultation) -> datetime.date:
    return consultation.closes_on + datetime.timedelta(days=report_days())


def consultations(unit_ids=None):
    """Live consultations, of ``unit_ids`` only when given, with what the counts read."""
    pages = ConsultationPage.objects.live().select_related("unit", "feedback_report_publication")
    if unit_ids is not None:
        pages = pages.filter(unit_id__in=unit_ids)
    return pages.order_by("closes_on", "pk")


def published_on(consultation):
    # A missing one-to-one raises RelatedObjectDoesNotExist, an AttributeError.
    publication = getattr(consultation, "feedback_report_publication", None)
    return publication.published_on if publication else None


def is_overdue(consultation, today) -> bool:
    """Closed more than the allowed days ago, and no feedback report out."""
    return (
        consultation.state_on(today) == ConsultationState.CLOSED
        and today > report_due(consultation)
    )


@dataclass
class StateFigures:
    by_state: dict = field(default_factory=dict)
    reported: int = 0
    on_time: int = 0
    overdue: int = 0

    @property
    def total(self):
        return sum(self.by_state.values())

    @property
    def on_time_percent(self):
        return round(100 * self.on_time / self.reported) if self.reported else None


def state_figures(pages, today=None) -> StateFigures:
    today = today or clock.today()
    figures = StateFigures(by_state={state: 0 for state in ConsultationState.values})
    for page in pages:
        state = page.state_on(today)
        figures.by_state[state] += 1
        if state == ConsultationState.REPORTED:
            figures.reported += 1
            day = published_on(page)
            if day is not None and day <= report_due(page):
                figures.on_time += 1
        elif is_overdue(page, today):
            figures.overdue += 1
    return figures


def render_figures(figures: StateFigures, title: str) -> str:
    """Safe HTML: a bar chart of the states and a table of the same figures."""
    total = figures.total or 1
    bars = [
        Bar(str(ConsultationState(state).label), round(100 * count / total), str(count))
        for state, count in figures.by_state.items()
    ]
    chart = bar_chart(
        chart_id=f"consultations-by-state-{next(_ids)}",
        title=title,
        description=_("Consultations by state: %(states)s")
        % {
            "states": "；".join(
                f"{ConsultationState(state).label} {count}"
                for state, count in figures.by_state.items()
            )
        },
        bars=bars,
    )
    return mark_safe(
        render_to_string(
            "wagtail_disclosure/consultations/panels/by_state.html",
            {
                "chart": mark_safe(chart),
                "figures": figures,
                "states": [
                    (ConsultationState(state).label, count)
                    for state, count in figures.by_state.items()
                ],
                "title": title,
                "report_days": report_days(),
            },
        )
    )


def render_panel(panel, request=None) -> str:
    unit = getattr(panel, "unit", None)
    pages = consultations([unit.pk] if unit is not None else None)
    return render_figures(state_figures(pages), getattr(panel, "title", None) or str(LABEL))


def visible_to(panel, user) -> bool:
    """Counts of live pages: public information, any admin user may see them."""
    return user.is_active


def panel_kind():
    return PanelKind(
        code=CODE, label=LABEL, render=render_panel, scope_fields=("unit",), visible_to=visible_to
    )


def year_summary(unit, year) -> str | None:
    """A sentence for the unit's annual report: its consultations of the year, the comments they
    received and the feedback reports published; None when it held none."""
    pages = list(
        ConsultationPage.objects.live()
        .filter(unit=unit, opens_on__year=year)
        .select_related("feedback_report_publication")
    )
    if not pages:
        return None
    comments = ConsultationComment.objects.filter(consultation__in=pages).count()
    reported = sum(1 for page in pages if page.publish_feedback_report)
    return _(
        "In %(year)s the unit put %(count)s drafts out for public comment, which received "
        "%(comments)s comments; the feedback reports of %(reported)s of them have been "
        "published, with how the comments were adopted."
    ) % {"year": year, "count": len(pages), "comments": comments, "reported": reported}
