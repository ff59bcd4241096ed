"""The demo's year: the Jining 2022 plan, moved to the year the demo is built in.

A training site should look like a live office on the day it is set up: some work done, some in
progress, a few items overdue, requests waiting within their time limit. The real table is from
2022, so run as it is every deadline has passed and nearly everything reads 已逾期. The demo
therefore imports the same table with its years moved to the current year (2022 → this year,
2023 → next year, in the title, the deadlines and the notice), dates the progress reports and
recent requests relative to today, and leaves the 2022 request register and its annual reports
as the office's past year. "Today" is the app's clock (``WAGTAIL_DISCLOSURE_TODAY`` when set),
so a screenshot site can fix it. The tests use the real 2022 table as it is.
"""

from __future__ import annotations

import datetime
import io
import re

from wagtail_disclosure.core import clock

#: The year the table was written for.
SOURCE_YEAR = 2022
YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def demo_year() -> int:
    return clock.today().year


def shift_text(text: str, year: int | None = None) -> str:
    """``text`` with the table's years moved to ``year`` (this year by default)."""
    offset = (year or demo_year()) - SOURCE_YEAR
    if not offset or not isinstance(text, str):
        return text
    return YEAR.sub(lambda m: str(int(m[1]) + offset) if int(m[1]) >= SOURCE_YEAR else m[1], text)


def shift_date(day: datetime.date, year: int | None = None) -> datetime.date:
    target = day.year + (year or demo_year()) - SOURCE_YEAR
    try:
        return day.replace(year=target)
    except ValueError:  # 29 February
        return day.replace(year=target, day=28)


def shifted_workbook(data: bytes, year: int | None = None) -> bytes:
    """The .xlsx ``data`` with the years of every text cell moved (see :func:`shift_text`)."""
    import openpyxl  # only the demo rewrites workbooks

    book = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.value = shift_text(cell.value, year)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
