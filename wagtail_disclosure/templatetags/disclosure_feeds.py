"""``{% load disclosure_feeds %}``: feed links in a page's head (feeds.templatetags)."""

from wagtail_disclosure.feeds.templatetags import register  # noqa: F401
