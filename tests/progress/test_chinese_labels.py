"""Deadlines and states read as the notice writes them, through the zh_Hans fragment."""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import trans_real

from wagtail_disclosure.models import Requirement
from wagtail_disclosure.templatetags.disclosure_progress import deadline_label

FRAGMENT = (
    Path(__file__).resolve().parents[2]
    / "wagtail_disclosure/locale/zh_Hans/LC_MESSAGES/fragments/progress.po"
)


def read_po(path):
    text = path.read_text(encoding="utf-8")
    pairs = re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', text, re.M)
    return {msgid.replace('\\"', '"'): msgstr.replace('\\"', '"') for msgid, msgstr in pairs}


@pytest.fixture
def chinese():
    """The fragment's messages in the active zh-hans catalog, as the lead's merge will have."""
    catalog = read_po(FRAGMENT)
    with translation.override("zh-hans"):
        active = trans_real.translation("zh-hans")._catalog
        saved = {k: active.get(k) for k in catalog}
        for msgid, msgstr in catalog.items():
            active[msgid] = msgstr
        yield
        for msgid, old in saved.items():
            if old is not None:
                active[msgid] = old
            else:
                active._catalogs[0].pop(msgid, None)


def test_every_message_of_the_fragment_is_translated():
    catalog = read_po(FRAGMENT)
    assert len(catalog) > 150
    assert all(catalog.values())


@pytest.mark.parametrize(
    "due, ongoing, recurring, expected",
    [
        (datetime.date(2022, 10, 31), False, False, "2022年10月31日前"),
        (datetime.date(2022, 10, 31), True, False, "2022年10月31日前完成，长期坚持"),
        (None, True, False, "长期坚持"),
        (None, False, True, "定期更新"),
    ],
)
def test_deadlines_in_chinese(chinese, due, ongoing, recurring, expected):
    requirement = Requirement(due_date=due, is_ongoing=ongoing, is_recurring=recurring)
    assert deadline_label(requirement) == expected
