"""A site's own patterns of personal data (``WAGTAIL_DISCLOSURE_PRIVACY_PATTERNS``).

The setting maps a name, shown to editors as the kind of finding (e.g. ``"社保卡号"``), to a
regular expression. A pattern that does not compile stops the site at startup with a system
check error naming it, rather than failing on the first publication.
"""

from __future__ import annotations

import re

from django.core import checks

from wagtail_disclosure.conf import get_setting

SETTING = "WAGTAIL_DISCLOSURE_PRIVACY_PATTERNS"


def site_patterns() -> dict[str, re.Pattern]:
    """The site's patterns, compiled (names as given); a bad one raises ``re.error``."""
    configured = get_setting(SETTING) or {}
    return {str(name): re.compile(pattern) for name, pattern in configured.items()}


def check_site_patterns(app_configs=None, **kwargs):
    """System check: every pattern of the setting is a regular expression that compiles."""
    configured = get_setting(SETTING)
    if configured is None:
        return []
    if not isinstance(configured, dict):
        return [checks.Error(
            f"{SETTING} must be a dict of name → regular expression, not "
            f"{type(configured).__name__}.",
            id="wagtail_disclosure.E101",
        )]
    errors = []
    for name, pattern in configured.items():
        if not isinstance(pattern, str):
            errors.append(checks.Error(
                f"{SETTING}[{name!r}] must be a regular expression as a string.",
                id="wagtail_disclosure.E102",
            ))
            continue
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            errors.append(checks.Error(
                f"{SETTING}[{name!r}] is not a valid regular expression: {exc} "
                f"(pattern {pattern!r}).",
                hint="Fix or remove the pattern; Python's re syntax applies.",
                id="wagtail_disclosure.E103",
            ))
            continue
        if compiled.match(""):
            errors.append(checks.Error(
                f"{SETTING}[{name!r}] matches empty text, so it would flag every page "
                f"(pattern {pattern!r}).",
                id="wagtail_disclosure.E104",
            ))
    return errors
