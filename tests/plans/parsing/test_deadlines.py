"""Reading the deadline column the ways offices write it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from wagtail_disclosure.plans.parsing import parse_deadline

DUE_DATES = [
    ("全年", date(2022, 12, 31)),
    ("年底前", date(2022, 12, 31)),
    ("2022年底", date(2022, 12, 31)),
    ("２０２２年底", date(2022, 12, 31)),
    ("2022 年底", date(2022, 12, 31)),
    ("2022年10月底", date(2022, 10, 31)),
    ("２０２２ 年 ６ 月底", date(2022, 6, 30)),
    ("2023 年 1 月底", date(2023, 1, 31)),
    ("6月底前", date(2022, 6, 30)),
    ("６月底前", date(2022, 6, 30)),
    ("十月底", date(2022, 10, 31)),
    ("十二月底前", date(2022, 12, 31)),
    ("2022年9月15日", date(2022, 9, 15)),
    ("2022年9月15日前", date(2022, 9, 15)),
    ("２０２２年９月１５日前", date(2022, 9, 15)),
    ("9月15日前", date(2022, 9, 15)),
    ("2022-09-15", date(2022, 9, 15)),
    ("上半年", date(2022, 6, 30)),
    ("第三季度", date(2022, 9, 30)),
    ("三季度末", date(2022, 9, 30)),
    ("第2季度", date(2022, 6, 30)),
    ("第 ４ 季度", date(2022, 12, 31)),
]


@pytest.mark.parametrize(("text", "due"), DUE_DATES)
def test_a_written_deadline_gives_its_due_date(text, due):
    deadline = parse_deadline(text, 2022)
    assert (deadline.due, deadline.ongoing, deadline.recurring) == (due, False, False)
    assert deadline.understood
    assert deadline.raw == text.strip()


@pytest.mark.parametrize("value", [datetime(2022, 11, 30, 0, 0), date(2022, 11, 30)])
def test_an_excel_date_cell_is_its_own_due_date(value):
    deadline = parse_deadline(value, 2022)
    assert deadline.due == date(2022, 11, 30)
    assert deadline.raw == "2022-11-30"
    assert deadline.understood


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("2022年10月底前完成，长期坚持", date(2022, 10, 31)),
        ("2022年10月底前完成, 长期坚持", date(2022, 10, 31)),
        ("２０２２ 年 ７ 月底前完成，并长期坚持", date(2022, 7, 31)),
        ("2022 年底前完成, 并长期坚持", date(2022, 12, 31)),
        ("6月底前完成并持续推进", date(2022, 6, 30)),
    ],
)
def test_a_due_date_then_keep_going_is_due_and_ongoing(text, due):
    deadline = parse_deadline(text, 2022)
    assert (deadline.due, deadline.ongoing, deadline.recurring) == (due, True, False)


@pytest.mark.parametrize("text", ["长期坚持", "持续推进", " 长期坚持 "])
def test_ongoing_work_has_no_due_date(text):
    deadline = parse_deadline(text, 2022)
    assert (deadline.due, deadline.ongoing, deadline.recurring) == (None, True, False)
    assert deadline.understood


@pytest.mark.parametrize("text", ["定期更新", "每季度", "每月", "每年", "每 季度"])
def test_recurring_work_has_no_single_due_date(text):
    deadline = parse_deadline(text, 2022)
    assert (deadline.due, deadline.ongoing, deadline.recurring) == (None, False, True)
    assert deadline.understood


@pytest.mark.parametrize("text", ["视情况而定", "适时", "2022年13月底", "按上级要求"])
def test_an_unreadable_deadline_is_kept_as_written_and_not_understood(text):
    deadline = parse_deadline(text, 2022)
    assert deadline.raw == text
    assert deadline.due is None
    assert not deadline.understood


@pytest.mark.parametrize("text", ["", None, "   "])
def test_an_empty_deadline_is_not_understood(text):
    deadline = parse_deadline(text, 2022)
    assert (deadline.raw, deadline.due, deadline.understood) == ("", None, False)


def test_without_a_plan_year_relative_deadlines_have_no_date():
    assert parse_deadline("全年", None).due is None
    assert parse_deadline("2022年底", None).due == date(2022, 12, 31)
