"""Every WAGTAIL_DISCLOSURE_* setting has its default in conf.DEFAULTS, is documented in
docs/settings.md, and is read through get_setting."""

import re
from pathlib import Path

import pytest

from wagtail_disclosure import conf

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "wagtail_disclosure"
SETTING = re.compile(r"WAGTAIL_DISCLOSURE_[A-Z_]+")


def documented_settings():
    text = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
    return {m.group(1) for m in re.finditer(r"^\| `(WAGTAIL_DISCLOSURE_[A-Z_]+)` \|", text, re.M)}


def test_the_settings_page_documents_exactly_the_settings_the_app_has():
    assert documented_settings() == set(conf.DEFAULTS)


def test_every_setting_the_code_names_has_a_default():
    named = set()
    for path in PACKAGE.rglob("*.py"):
        if "migrations" not in path.parts:
            named |= set(SETTING.findall(path.read_text(encoding="utf-8")))
    assert named <= set(conf.DEFAULTS)


def test_no_module_reads_a_setting_behind_get_settings_back():
    direct = re.compile(r"settings\.WAGTAIL_DISCLOSURE_|getattr\(\s*settings\s*,\s*[\"']WAGTAIL_")
    offenders = [
        str(path.relative_to(REPO))
        for path in PACKAGE.rglob("*.py")
        if path.name != "conf.py" and direct.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_an_unknown_setting_name_is_refused():
    with pytest.raises(KeyError, match="WAGTAIL_DISCLOSURE_NOPE"):
        conf.get_setting("WAGTAIL_DISCLOSURE_NOPE")
