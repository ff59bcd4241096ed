"""The year's work in a new annual report, pre-filled from what other columns know.

The annual report may not read the task plans (annual reports use requests, policies and units
only), so the domains that know the year's work answer a hook instead:
``disclosure_annual_report_work`` functions take ``(unit, year)`` and return a paragraph of
plain text, or ``None``. The paragraphs start the report's overview; the editor edits them.
"""

from django.utils.html import format_html_join
from wagtail import hooks

HOOK = "disclosure_annual_report_work"


def work_paragraphs(unit, year) -> list[str]:
    paragraphs = []
    for fn in hooks.get_hooks(HOOK):
        text = fn(unit, year)
        if text:
            paragraphs.append(str(text))
    return paragraphs


def prefilled_overview(unit, year) -> str:
    """Rich text for the overview of a new report, or "" when no domain knows the year."""
    return str(format_html_join("", "<p>{}</p>", ((p,) for p in work_paragraphs(unit, year))))
