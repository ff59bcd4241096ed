"""What a page or snippet holds, as text the scanner reads.

Every text field (titles, plain and rich text), every block of a StreamField (walked down
through structs, lists and nested streams), the same in inline child objects (attachments'
titles, Q&A rows…), and the Wagtail documents the object links to — by a field, in an inline
child or in a document block. Each piece keeps the name of the field it came from (the key of
the object's revision content), so a hit can be masked where it is.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from django.db import models
from django.utils.encoding import force_str
from django.utils.text import capfirst
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

#: Fields of Wagtail's own that hold no content an editor wrote.
SKIPPED_FIELDS = {
    "path", "url_path", "slug", "draft_title", "translation_key", "content_type", "locale",
    "live_revision", "latest_revision", "locked_by", "owner", "alias_of", "first_published_at",
}

_BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|li|h[1-6]|td|th|tr|div|blockquote)>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def html_to_text(value: str) -> str:
    """Rich text as a reader sees it: tags gone, entities read, a line per block."""
    return html.unescape(_TAG.sub("", _BLOCK_END.sub("\n", value or "")))


@dataclass(frozen=True)
class TextSource:
    """One piece of text of an object: its content key, where it is, the text."""

    field: str
    label: str
    text: str


@dataclass(frozen=True)
class AttachedDocument:
    field: str
    label: str
    document: object


def _label(field) -> str:
    return capfirst(force_str(getattr(field, "verbose_name", None) or field.name))


def _is_text_field(field) -> bool:
    return (
        isinstance(field, models.CharField | models.TextField)
        and field.concrete
        and not field.choices
        and field.name not in SKIPPED_FIELDS
    )


class Holdings:
    """The texts and documents of one object (its revision's content, or what is live)."""

    def __init__(self):
        self.texts: list[TextSource] = []
        self.documents: list[AttachedDocument] = []

    def add_text(self, field, label, text):
        if text and text.strip():
            self.texts.append(TextSource(field, label, text))

    def add_document(self, field, label, document):
        if document is not None and not any(d.document.pk == document.pk for d in self.documents):
            self.documents.append(AttachedDocument(field, label, document))


def holdings_of(obj) -> Holdings:
    holdings = Holdings()
    _read_model(obj, holdings, key=None, prefix="")
    for relation in _child_relations(obj):
        name = relation.get_accessor_name()
        label = capfirst(force_str(relation.related_model._meta.verbose_name_plural))
        try:
            children = list(getattr(obj, name).all())
        except (AttributeError, ValueError):
            continue
        for number, child in enumerate(children, start=1):
            _read_model(child, holdings, key=name, prefix=f"{label} {number} › ")
    return holdings


def _child_relations(obj):
    try:
        from modelcluster.models import get_all_child_relations
    except ImportError:  # pragma: no cover - modelcluster comes with Wagtail
        return []
    return get_all_child_relations(obj) if hasattr(obj, "_meta") else []


def _read_model(obj, holdings: Holdings, key: str | None, prefix: str) -> None:
    document_model = get_document_model()
    for field in obj._meta.concrete_fields:
        content_key = key or field.name
        if isinstance(field, models.ForeignKey):
            if issubclass(field.related_model, document_model) and getattr(obj, field.attname):
                holdings.add_document(content_key, prefix + _label(field),
                                      getattr(obj, field.name, None))
        elif isinstance(field, StreamField):
            value = getattr(obj, field.name)
            if value:
                _walk_block(field.stream_block, value, holdings, content_key,
                            prefix + _label(field))
        elif isinstance(field, RichTextField):
            value = getattr(obj, field.attname)
            if value:
                holdings.add_text(content_key, prefix + _label(field), html_to_text(value))
        elif _is_text_field(field):
            value = getattr(obj, field.attname)
            if value and isinstance(value, str) and value.strip():
                holdings.add_text(content_key, prefix + _label(field), value)


def _walk_block(block, value, holdings: Holdings, key: str, label: str) -> None:
    """Every text in a block's value, down through structs, lists and streams."""
    if value is None:
        return
    if isinstance(block, blocks.StreamBlock) or isinstance(value, blocks.StreamValue):
        for number, child in enumerate(value, start=1):
            child_label = f"{label} › {number}. {capfirst(force_str(child.block.label))}"
            _walk_block(child.block, child.value, holdings, key, child_label)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            child_label = f"{label} › {capfirst(force_str(child_block.label))}"
            _walk_block(child_block, value.get(name), holdings, key, child_label)
    elif isinstance(block, blocks.ListBlock):
        children = value.bound_blocks if hasattr(value, "bound_blocks") else value
        for number, child in enumerate(children, start=1):
            child_value = getattr(child, "value", child)
            _walk_block(block.child_block, child_value, holdings, key, f"{label} {number}")
    elif isinstance(value, RichText):
        holdings.add_text(key, label, html_to_text(value.source))
    elif isinstance(value, get_document_model()):
        holdings.add_document(key, label, value)
    elif isinstance(value, str):
        text = html_to_text(value) if isinstance(block, blocks.RichTextBlock) else value
        holdings.add_text(key, label, text)
    elif isinstance(value, dict | list | tuple):
        # A block of another kind holding plain data (e.g. a table block's rows of cells).
        items = list(value.values() if isinstance(value, dict) else value)
        if items and all(isinstance(item, str | None) for item in items):
            holdings.add_text(key, label, "\t".join(item or "" for item in items))
            return
        for item in items:
            _walk_block(None, item, holdings, key, label)
