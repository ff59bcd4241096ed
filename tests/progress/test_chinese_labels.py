"""Deadlines read as the notice writes them (2022年10月31日前, 长期坚持, 定期更新)."""

import datetime

import pytest
from django.utils import translation

from wagtail_disclosure.plans.models import Requirement
from wagtail_disclosure.progress.templatetags import deadline_label


@pytest.mark.parametrize(
    "due, ongoing, recurring, expected",
    [
        (datetime.date(2022, 10, 31), False, False, "2022年10月31日前"),
        (datetime.date(2022, 10, 31), True, False, "2022年10月31日前完成，长期坚持"),
        (None, True, False, "长期坚持"),
        (None, False, True, "定期更新"),
    ],
)
def test_deadlines_in_chinese(due, ongoing, recurring, expected):
    requirement = Requirement(due_date=due, is_ongoing=ongoing, is_recurring=recurring)

    with translation.override("zh-hans"):
        assert deadline_label(requirement) == expected
