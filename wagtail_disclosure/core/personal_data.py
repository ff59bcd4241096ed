"""A quick look for personal data typed into text the public sends (comments, feedback).

:func:`personal_data_found` recognises resident ID numbers (with a valid check character),
mainland mobile numbers, landline numbers with an area code and email addresses. The fuller
pre-publication privacy check (``privacy/``: bank cards, passports, permits, the ID owner's
name, the site's own patterns) replaces it through :func:`register_personal_data_finder` in
``AppConfig.ready()``, so comments are judged by the same rules as pages; core itself names no
domain. The moderation screens call it through :func:`personal_data_warning` only.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from .identity_numbers import is_valid_resident_id

RESIDENT_ID = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)")
LANDLINE = re.compile(r"(?<!\d)0\d{2,3}[- ]\d{7,8}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

_finder = None


def register_personal_data_finder(finder) -> None:
    """Judge text with ``finder(text) -> list of translated kind names`` from now on."""
    global _finder
    _finder = finder


def personal_data_found(text: str) -> list[str]:
    """The kinds of personal data ``text`` seems to hold, as translated names (empty: none)."""
    if _finder is not None:
        return _finder(text or "")
    return simple_personal_data_found(text)


def simple_personal_data_found(text: str) -> list[str]:
    """The built-in pattern check, used when no fuller finder is registered."""
    text = text or ""
    kinds = []
    if any(is_valid_resident_id(m.group()) for m in RESIDENT_ID.finditer(text)):
        kinds.append(_("a resident ID number"))
    if MOBILE.search(text) or LANDLINE.search(text):
        kinds.append(_("a phone number"))
    if EMAIL.search(text):
        kinds.append(_("an email address"))
    return kinds


def personal_data_warning(text: str) -> str:
    """A sentence for the moderator, or "" when the text looks free of personal data."""
    kinds = personal_data_found(text)
    if not kinds:
        return ""
    return _("This text seems to contain personal data (%(kinds)s).") % {"kinds": "、".join(kinds)}
