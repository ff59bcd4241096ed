"""Fixtures of the task-plan parser tests: the Jining 2022 files, a resolver built from its units
register, and small builders of workbooks laid out in other ways."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.jining import DATA, expected_outline, resolve_in_register


@pytest.fixture(scope="session")
def jining_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def jining_resolver() -> Callable[[str], str | None]:
    """What the Django side's database resolver does, from units.csv alone."""
    return resolve_in_register


@pytest.fixture(scope="session")
def jining_expected() -> dict:
    return expected_outline()


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
