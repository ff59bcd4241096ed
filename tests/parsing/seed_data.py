"""Where the Jining 2022 seed files are, and how the import check compares texts."""

from __future__ import annotations

import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED_CANDIDATES = (
    REPO / "example_site" / "demo_data" / "jining-2022",
    REPO / "wagtail_disclosure" / "demo" / "data" / "jining-2022",
    Path("/work/shared/data/jining-2022"),
)
JINING_DIR = next(
    (path for path in SEED_CANDIDATES if (path / "expected.json").exists()), SEED_CANDIDATES[-1]
)


def nf(text: str | None) -> str:
    """How check_plan_import.py compares texts: NFKC, no spaces."""
    return unicodedata.normalize("NFKC", text or "").replace(" ", "").replace("\u3000", "")
