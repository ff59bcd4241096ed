"""The Chinese catalogue is complete, and the compiled one the site loads says what the source
says: every message of the plugin is translated."""

import ast
import gettext
import re
import struct

import pytest

from tests.jining import REPO

PO = REPO / "wagtail_disclosure" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def po_entries(text):
    """(flags, msgctxt, msgid, msgid_plural, msgstr) of every entry of a PO file (a small
    reader, enough for this; obsolete ``#~`` entries are left out)."""
    for block in re.split(r"\n\s*\n", text):
        flags = " ".join(line for line in block.splitlines() if line.startswith("#,"))
        fields, current = {}, None
        for line in block.splitlines():
            match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if "msgid" in fields:
            msgstr = fields.get("msgstr", fields.get("msgstr[0]", ""))
            yield (
                flags,
                fields.get("msgctxt"),
                unescape(fields["msgid"]),
                unescape(fields["msgid_plural"]) if "msgid_plural" in fields else None,
                unescape(msgstr),
            )


def unescape(value):
    """A PO string's C escapes (\\n, \\", \\\\) read as Python reads them."""
    return ast.literal_eval(f'"{value}"')


def entries():
    return [e for e in po_entries(PO.read_text(encoding="utf-8")) if e[2]]


def test_every_message_has_a_chinese_translation():
    found = entries()

    assert len(found) > 800
    untranslated = [msgid for _f, _c, msgid, _p, msgstr in found if not msgstr]
    fuzzy = [msgid for flags, _c, msgid, _p, _s in found if "fuzzy" in flags]
    assert not untranslated, untranslated[:10]
    assert not fuzzy, fuzzy[:10]


def test_the_compiled_catalogue_says_exactly_what_the_source_says():
    """django.mo is django.po compiled: the same messages, each with the same translation (run
    ``make messages`` after editing the .po)."""
    with open(MO, "rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    # A .mo file's header: magic, revision, then the number of strings (the header entry too).
    count = struct.unpack("<I", MO.read_bytes()[8:12])[0]

    found = entries()
    differing = []
    for _flags, context, msgid, plural, msgstr in found:
        if plural is not None:
            compiled = catalogue.ngettext(msgid, plural, 1)
        elif context is not None:
            compiled = catalogue.pgettext(context, msgid)
        else:
            compiled = catalogue.gettext(msgid)
        if compiled != msgstr:
            differing.append((msgid, msgstr, compiled))
    assert differing == []
    assert count == len(found) + 1


@pytest.mark.parametrize("msgid, expected", [("Disclosure", "政务公开"), ("unit", "单位")])
def test_the_admin_speaks_chinese(msgid, expected):
    from django.utils import translation

    with translation.override("zh-hans"):
        assert translation.gettext(msgid) == expected
