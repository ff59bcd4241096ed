"""Where the Jining 2022 seed files are, and how the import check compares texts."""

from __future__ import annotations

import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
JINING_DIR = REPO / "example_site" / "demo" / "data" / "jining-2022"


def nf(text: str | None) -> str:
    """How check_plan_import.py compares texts: NFKC, no spaces."""
    return unicodedata.normalize("NFKC", text or "").replace(" ", "").replace("\u3000", "")
