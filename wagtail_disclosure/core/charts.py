"""Server-rendered, accessible inline SVG charts (no JavaScript).

Each chart is an ``<svg role="img">`` labelled by its own ``<title>`` and ``<desc>``; the page
shows the same figures in a data table beside it, so nothing is only in the picture.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string

#: Colours with at least 3:1 contrast against white (non-text contrast), text at 4.5:1.
BAR_COLOUR = "#1d5fa8"
TRACK_COLOUR = "#e6e6e6"
TEXT_COLOUR = "#1a1a1a"


@dataclass
class Bar:
    label: str
    percent: int
    value_text: str


def bar_chart(*, chart_id: str, title: str, description: str, bars: list[Bar]) -> str:
    """A horizontal bar chart of percentages, one bar per label."""
    row_height = 26
    label_width = 220
    bar_width = 300
    width = label_width + bar_width + 90
    rows = []
    for i, bar in enumerate(bars):
        percent = max(0, min(100, int(bar.percent)))
        rows.append(
            {
                "y": i * row_height,
                "text_y": i * row_height + 17,
                "label": bar.label if len(bar.label) <= 14 else bar.label[:13] + "…",
                "full_label": bar.label,
                "width": round(bar_width * percent / 100, 1),
                "value_text": bar.value_text,
            }
        )
    return render_to_string(
        "wagtail_disclosure/progress/charts/bar_chart.html",
        {
            "chart_id": chart_id,
            "title": title,
            "description": description,
            "rows": rows,
            "width": width,
            "height": max(row_height, len(rows) * row_height),
            "label_width": label_width,
            "bar_width": bar_width,
            "value_x": label_width + bar_width + 8,
            "bar_colour": BAR_COLOUR,
            "track_colour": TRACK_COLOUR,
            "text_colour": TEXT_COLOUR,
        },
    )
