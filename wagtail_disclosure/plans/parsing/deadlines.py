"""Reading the deadline column (完成时限) into a due date, ongoing and recurring.

Offices write deadlines as words (全年, 年底前, 长期坚持), as dates in many spellings, or as an
Excel date cell. Anything not understood keeps its text and is flagged, never rejected: the
requirement still matters even when its deadline has to be read by a person.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

CHINESE_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                  "六": 6, "七": 7, "八": 8, "九": 9}

_NUMBER = r"[0-9]+|[〇零一二两三四五六七八九十]+"

ONGOING_WORDS = ("长期坚持", "持续推进", "长期", "常态化", "持续开展", "持续")
RECURRING_WORDS = ("定期更新", "定期", "每季度", "每个季度", "每月", "每年", "每半年", "每周",
                   "按季度", "按月", "按年", "逐月", "逐季")

_FULL_DATE = re.compile(r"(\d{4})[年\-./](\d{1,2})[月\-./](\d{1,2})日?")
_YEAR_MONTH = re.compile(rf"(\d{{4}})年(?:度)?({_NUMBER})月(?:份)?(底|末|上旬|中旬|下旬)?")
_MONTH_DAY = re.compile(rf"(?<![\d年])({_NUMBER})月({_NUMBER})日")
_MONTH = re.compile(rf"(?<![\d年])({_NUMBER})月(?:份)?(底|末)?")
_QUARTER = re.compile(r"(?:(\d{4})年)?第?([1-4一二三四])季度")
_YEAR_END = re.compile(r"(\d{4})年(?:年)?(?:底|末|内|全年|12月)?")
_HALF_YEAR = re.compile(r"(?:(\d{4})年)?(上|下)半年")
_PLAN_YEAR_END_WORDS = ("全年", "年底", "年末", "年内", "本年度", "当年")


@dataclass(frozen=True)
class Deadline:
    """A deadline as written (``raw``) and as understood.

    ``due`` is the last day the work is due (None when there is no single date), ``ongoing``
    means it goes on after that (长期坚持), ``recurring`` that it repeats (定期更新, 每季度).
    ``understood`` is False when the text could not be read; it is then kept only as written.
    """

    raw: str
    due: date | None = None
    ongoing: bool = False
    recurring: bool = False
    understood: bool = False


def normalize_deadline_text(text: str) -> str:
    """Full-width digits and punctuation to half-width, all spaces removed, for matching only."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text)


def parse_number(text: str) -> int | None:
    """``10`` or ``十`` or ``十二`` or ``二十``: the small numbers months and quarters use."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in CHINESE_DIGITS and ch != "十" for ch in text):
        return None
    if "十" in text:
        tens, _, units = text.partition("十")
        value = (CHINESE_DIGITS[tens] if tens else 1) * 10
        return value + (CHINESE_DIGITS[units] if units else 0)
    value = 0
    for ch in text:
        value = value * 10 + CHINESE_DIGITS[ch]
    return value


def month_end(year: int, month: int) -> date | None:
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_deadline(text: object, plan_year: int | None) -> Deadline:
    """Understand one deadline cell; ``text`` may also be a date or datetime from Excel.

    Dates without a year (``6月底前``, ``年底前``, ``全年``) belong to ``plan_year``; when it is
    None they cannot be placed and only ongoing/recurring are read.
    """
    if isinstance(text, datetime):
        return Deadline(raw=text.date().isoformat(), due=text.date(), understood=True)
    if isinstance(text, date):
        return Deadline(raw=text.isoformat(), due=text, understood=True)
    raw = "" if text is None else str(text).strip()
    if not raw:
        return Deadline(raw="")
    normal = normalize_deadline_text(raw)
    ongoing = any(word in normal for word in ONGOING_WORDS)
    recurring = any(word in normal for word in RECURRING_WORDS)
    due = find_due_date(normal, plan_year)
    understood = due is not None or ongoing or recurring
    return Deadline(raw=raw, due=due, ongoing=ongoing, recurring=recurring, understood=understood)


def find_due_date(normal: str, plan_year: int | None) -> date | None:
    """The first date the normalised text names, from the most to the least precise form.

    A form that matches but names no real date (``13月底``) ends the search: guessing a
    vaguer date from the same words would hide the mistake.
    """
    for reader in (_read_full_date, _read_year_month, _read_quarter, _read_half_year,
                   _read_month_day, _read_month, _read_year_end, _read_plan_year_end):
        matched, due = reader(normal, plan_year)
        if matched:
            return due
    return None


Reading = tuple[bool, "date | None"]
NO_MATCH: Reading = (False, None)


def _read_full_date(normal: str, plan_year: int | None) -> Reading:
    match = _FULL_DATE.search(normal)
    if not match:
        return NO_MATCH
    return True, safe_date(int(match[1]), int(match[2]), int(match[3]))


def _read_year_month(normal: str, plan_year: int | None) -> Reading:
    match = _YEAR_MONTH.search(normal)
    if not match:
        return NO_MATCH
    month = parse_number(match[2])
    return True, _within_month(int(match[1]), month, match[3]) if month is not None else None


def _within_month(year: int, month: int, part: str | None) -> date | None:
    """``上旬`` ends on the 10th, ``中旬`` on the 20th; anything else at the month's end."""
    if part == "上旬":
        return safe_date(year, month, 10)
    if part == "中旬":
        return safe_date(year, month, 20)
    return month_end(year, month)


def _read_quarter(normal: str, plan_year: int | None) -> Reading:
    match = _QUARTER.search(normal)
    if not match:
        return NO_MATCH
    year = int(match[1]) if match[1] else plan_year
    quarter = parse_number(match[2])
    if year is None or quarter is None:
        return True, None
    return True, month_end(year, quarter * 3)


def _read_half_year(normal: str, plan_year: int | None) -> Reading:
    match = _HALF_YEAR.search(normal)
    if not match:
        return NO_MATCH
    year = int(match[1]) if match[1] else plan_year
    if year is None:
        return True, None
    return True, date(year, 6, 30) if match[2] == "上" else date(year, 12, 31)


def _read_month_day(normal: str, plan_year: int | None) -> Reading:
    match = _MONTH_DAY.search(normal)
    if not match:
        return NO_MATCH
    month, day = parse_number(match[1]), parse_number(match[2])
    if plan_year is None or month is None or day is None:
        return True, None
    return True, safe_date(plan_year, month, day)


def _read_month(normal: str, plan_year: int | None) -> Reading:
    match = _MONTH.search(normal)
    if not match:
        return NO_MATCH
    month = parse_number(match[1])
    if plan_year is None or month is None:
        return True, None
    return True, month_end(plan_year, month)


def _read_year_end(normal: str, plan_year: int | None) -> Reading:
    match = _YEAR_END.search(normal)
    if not match:
        return NO_MATCH
    return True, date(int(match[1]), 12, 31)


def _read_plan_year_end(normal: str, plan_year: int | None) -> Reading:
    if plan_year is not None and any(word in normal for word in _PLAN_YEAR_END_WORDS):
        return True, date(plan_year, 12, 31)
    return NO_MATCH
