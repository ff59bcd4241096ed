"""The Jining 2022 data set the tests read: where its files are, and how its texts compare.

No Django here: the parser tests read the files with these helpers too.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "example_site" / "demo" / "data" / "jining-2022"


def nf(text: str | None) -> str:
    """How the shared plan-import checker compares texts: NFKC, no spaces."""
    return unicodedata.normalize("NFKC", text or "").replace(" ", "").replace("\u3000", "")


@cache
def expected_outline() -> dict:
    """expected.json: the plan, its 5 sections, 18 tasks and 84 requirements, read by hand."""
    return json.loads((DATA / "expected.json").read_text(encoding="utf-8"))


@cache
def _register() -> tuple[dict[str, str], frozenset[str]]:
    """units.csv: every name a unit goes by (normalised) → its register name; group names."""
    aliases: dict[str, str] = {}
    groups: set[str] = set()
    with open(DATA / "units.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for name in [row["name"], row["full_name"], *row["aliases"].split(";")]:
                if name:
                    aliases[nf(name)] = row["name"]
            groups.update(nf(group) for group in row["groups"].split(";") if group)
    return aliases, frozenset(groups)


def canonical_name(name: str) -> str:
    """A unit name as the register names it, normalised (names it does not know stay as they
    are)."""
    return nf(_register()[0].get(nf(name), name))


def resolve_in_register(name: str) -> str | None:
    """What the database resolver does, from units.csv alone: register names, full names,
    aliases and group names are known; anything else is None."""
    aliases, groups = _register()
    key = nf(name)
    if key in aliases:
        return aliases[key]
    return name if key in groups else None
