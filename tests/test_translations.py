"""The Chinese catalogue is complete: every message of the plugin is translated."""

import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parent.parent / "wagtail_disclosure" / "locale" / "zh_Hans"
PO = LOCALE / "LC_MESSAGES" / "django.po"


def po_entries(text):
    """(flags, msgid, msgstr) of every entry of a PO file (a small reader, enough for this)."""
    for block in re.split(r"\n\s*\n", text):
        flags = " ".join(line for line in block.splitlines() if line.startswith("#,"))
        fields, current = {}, None
        for line in block.splitlines():
            match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if "msgid" in fields:
            msgstr = fields.get("msgstr", fields.get("msgstr[0]", ""))
            yield flags, fields["msgid"], msgstr


def test_every_message_has_a_chinese_translation():
    entries = [e for e in po_entries(PO.read_text(encoding="utf-8")) if e[1]]

    assert len(entries) > 800
    untranslated = [msgid for flags, msgid, msgstr in entries if not msgstr]
    fuzzy = [msgid for flags, msgid, msgstr in entries if "fuzzy" in flags]
    assert not untranslated, untranslated[:10]
    assert not fuzzy, fuzzy[:10]


def test_the_compiled_catalogue_is_not_older_than_its_source():
    mo = PO.with_suffix(".mo")
    assert mo.exists()
    assert mo.stat().st_mtime >= PO.stat().st_mtime - 1


@pytest.mark.parametrize("msgid, expected", [("Disclosure", "政务公开"), ("unit", "单位")])
def test_the_admin_speaks_chinese(msgid, expected):
    from django.utils import translation

    with translation.override("zh-hans"):
        assert translation.gettext(msgid) == expected
