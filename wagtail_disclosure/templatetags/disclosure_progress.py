"""``{% load disclosure_progress %}``: plan and task progress tables (see progress.templatetags)."""

from wagtail_disclosure.progress.templatetags import register  # noqa: F401
