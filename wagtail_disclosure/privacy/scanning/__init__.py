"""Finding personal data in text and in office files, in plain Python.

No Django here: functions take text or bytes and return dataclasses. The Django side
(``wagtail_disclosure.privacy.check``) reads a page's fields and attached documents, words the
findings and stops a publication that holds any.
"""

from __future__ import annotations

from .detection import (
    BANK_CARD,
    BUILT_IN_KINDS,
    ID_OWNER_NAME,
    MANUAL_REVIEW,
    MOBILE,
    PASSPORT,
    RESIDENT_ID,
    TRAVEL_PERMIT,
    Finding,
    apply_masks,
    find_personal_data,
    mask_text,
    public_spans,
)
from .files import Extraction, ExtractionLimits, extract_text
from .masking import mask_value

__all__ = [
    "BANK_CARD",
    "BUILT_IN_KINDS",
    "Extraction",
    "ExtractionLimits",
    "Finding",
    "ID_OWNER_NAME",
    "MANUAL_REVIEW",
    "MOBILE",
    "PASSPORT",
    "RESIDENT_ID",
    "TRAVEL_PERMIT",
    "apply_masks",
    "extract_text",
    "find_personal_data",
    "mask_text",
    "mask_value",
    "public_spans",
]
