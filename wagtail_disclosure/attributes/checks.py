"""The attribute's rule in the publication gate: only 主动公开 items go live."""

from wagtail_disclosure.core.publication import register_publication_check

from .rules import CHECK_NAME, attribute_problems


def register() -> None:
    """Called from ``AppConfig.ready()``."""
    register_publication_check(CHECK_NAME, attribute_problems)
