"""``{% load disclosure_column %}``: site navigation and breadcrumbs (column.templatetags)."""

from wagtail_disclosure.column.templatetags import register  # noqa: F401
