"""Text helpers shared by imports and pages (Django-free)."""

from __future__ import annotations

import re

from .parsing import normalize_unit_name


def normalize_name(text: str | None) -> str:
    """The key under which a unit or group name is matched.

    Offices write the same name with full- or half-width brackets and stray spaces
    (``各县(市、区)政府(管委会)``, ``市 教育局``); the parsers' normalisation (NFKC, no spaces)
    is the one every import must share, so it is used here too.
    """
    return normalize_unit_name(text or "")


def split_aliases(text: str | None) -> list[str]:
    """Aliases as editors type them: one per line, or separated by ``;`` / ``；``."""
    parts = re.split(r"[;；\n\r]+", text or "")
    return [p.strip() for p in parts if p.strip()]
