"""Text helpers shared by imports, pages and the plan parser (plain Python, no Django)."""

from __future__ import annotations

import re
import unicodedata


def normalize_name(text: str | None) -> str:
    """The key under which a unit or group name is matched: NFKC, no spaces.

    Offices write the same name with full- or half-width brackets and stray spaces
    (``各县（市、区）政府`` and ``各县(市、区) 政府``, ``市 教育局``); the plan parser and every
    import compare names in this one form.
    """
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(text.split())


#: The plan parser's name for it.
normalize_unit_name = normalize_name


def split_aliases(text: str | None) -> list[str]:
    """Aliases as editors type them: one per line, or separated by ``;`` / ``；``."""
    parts = re.split(r"[;；\n\r]+", text or "")
    return [p.strip() for p in parts if p.strip()]
