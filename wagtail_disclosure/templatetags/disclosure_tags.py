"""``{% load disclosure_tags %}``: Chinese dates and elder-friendly mode (core.templatetags)."""

from wagtail_disclosure.core.templatetags import register  # noqa: F401
