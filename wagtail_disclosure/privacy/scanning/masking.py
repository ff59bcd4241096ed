"""What may be published in place of a piece of personal data (plain Python).

The forms are those offices use: 370811********1232 for an ID number, 138****5678 for a mobile
number, 6222********1234 for a bank card, 张* for a name. A number written with spaces or
hyphens is masked without them; a country code before a mobile number is kept.
"""

from __future__ import annotations

import re


def _keep(value: str, head: int, tail: int) -> str:
    hidden = max(len(value) - head - tail, 1)
    return value[:head] + "*" * hidden + (value[-tail:] if tail else "")


def mask_resident_id(value: str) -> str:
    compact = re.sub(r"[\s-]", "", value)
    return _keep(compact, 6, 4)


def mask_mobile(value: str) -> str:
    match = re.match(r"^(.*?)(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})$", value)
    if not match:
        return _keep(value, 3, 4)
    prefix, first, _middle, last = match.groups()
    return f"{prefix}{first}****{last}"


def mask_bank_card(value: str) -> str:
    return _keep(re.sub(r"[\s-]", "", value), 4, 4)


def mask_document_number(value: str) -> str:
    """Passports and permits: the letter(s) and the last two digits stay."""
    head = 2 if len(value) > 8 and value[1].isalpha() else 1
    return _keep(value, head, 2)


def mask_name(value: str) -> str:
    return value[:1] + "*" * (len(value) - 1)


def mask_other(value: str) -> str:
    """A site's own pattern: the first and last quarter stay, at most four characters each."""
    if len(value) <= 2:
        return "*" * len(value)
    keep = min(max(len(value) // 4, 1), 4)
    return _keep(value, keep, keep)


_MASKS = {
    "resident_id": mask_resident_id,
    "mobile": mask_mobile,
    "bank_card": mask_bank_card,
    "passport": mask_document_number,
    "travel_permit": mask_document_number,
    "id_owner_name": mask_name,
}


def mask_value(kind: str, value: str) -> str:
    return _MASKS.get(kind, mask_other)(value)
