"""Shared fixtures for the task-plan parser tests: the Jining 2022 seed files, a resolver built
from its units register, and small builders for workbooks laid out in other ways."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.parsing.seed_data import JINING_DIR, nf


def read_units_register() -> tuple[dict[str, str], set[str]]:
    aliases: dict[str, str] = {}
    groups: set[str] = set()
    with open(JINING_DIR / "units.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            names = [row["name"], row["full_name"]] + [a for a in row["aliases"].split(";") if a]
            for name in names:
                aliases[nf(name)] = row["name"]
            groups.update(nf(group) for group in row["groups"].split(";") if group)
    return aliases, groups


@pytest.fixture(scope="session")
def jining_dir() -> Path:
    if not (JINING_DIR / "expected.json").exists():
        pytest.skip(f"the Jining 2022 seed data is not at {JINING_DIR}")
    return JINING_DIR


@pytest.fixture(scope="session")
def jining_resolver(jining_dir) -> Callable[[str], str | None]:
    """What the Django side's database resolver does: register names, full names, aliases and
    group names are known; anything else is None."""
    aliases, groups = read_units_register()

    def resolve(name: str) -> str | None:
        key = nf(name)
        if key in aliases:
            return aliases[key]
        return name if key in groups else None

    return resolve


@pytest.fixture(scope="session")
def canonical_unit(jining_dir) -> Callable[[str], str]:
    aliases, _ = read_units_register()
    return lambda name: nf(aliases.get(nf(name), name))


@pytest.fixture(scope="session")
def jining_expected(jining_dir) -> dict:
    return json.loads((jining_dir / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def make_xlsx() -> Callable[..., bytes]:
    """Build an .xlsx in memory: ``sheets`` maps sheet names to rows; ``merges`` maps sheet
    names to ranges such as ``"A3:D3"``."""
    import openpyxl

    def build(
        sheets: dict[str, list[list[object]]], merges: dict[str, list[str]] | None = None
    ) -> bytes:
        workbook = openpyxl.Workbook()
        workbook.remove(workbook.active)
        for name, rows in sheets.items():
            sheet = workbook.create_sheet(name)
            for row in rows:
                sheet.append(row)
            for cell_range in (merges or {}).get(name, []):
                sheet.merge_cells(cell_range)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    return build


@pytest.fixture
def make_csv() -> Callable[..., bytes]:
    def build(rows: list[list[object]], encoding: str = "utf-8") -> bytes:
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        return buffer.getvalue().encode(encoding)

    return build
