"""How the open-data API writes each value: one small serializer field per shape.

Every relation is written by these fields, never by the API's automatic nested serializers, so
what a relation shows is decided here: pages only when live and public (a draft issuer or
interpreted document is left out), and only their id and title.
"""

from __future__ import annotations

from dataclasses import dataclass

from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.rich_text import expand_db_html

from wagtail_disclosure.core.visibility import is_public_page, restricted_paths


def request_restricted_paths(context) -> list[str]:
    """The restricted page paths, read once per API request."""
    request = context["request"]
    paths = getattr(request, "_disclosure_restricted_paths", None)
    if paths is None:
        paths = request._disclosure_restricted_paths = restricted_paths()
    return paths


def page_ref(page, context):
    """``{"id", "title"}`` of a public page; None for a draft, unpublished or restricted one."""
    if page is None or not is_public_page(page, request_restricted_paths(context)):
        return None
    return {"id": page.pk, "title": page.title}


class Computed(Field):
    """A value computed from the whole object by ``fn(instance, context)``."""

    def __init__(self, fn, **kwargs):
        self.fn = fn
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        return self.fn(instance, self.context)


def choice_label(name):
    """The Chinese label of a choice field, as the site shows it."""
    return lambda instance, context: str(getattr(instance, f"get_{name}_display")())


def page(name):
    """A foreign key to a page, written as :func:`page_ref`."""
    return lambda instance, context: page_ref(getattr(instance, name), context)


def pages(name):
    """A many-to-many relation to pages (prefetched), public ones only."""

    def write(instance, context):
        refs = (page_ref(p, context) for p in getattr(instance, name).all())
        return [ref for ref in refs if ref is not None]

    return write


def rich_text(name):
    """A rich text field as HTML with its links resolved (the public page's markup)."""
    return lambda instance, context: expand_db_html(getattr(instance, name) or "")


# -- schema helpers -----------------------------------------------------------------------------

STRING = {"type": "string"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}
DATE = {"type": "string", "format": "date", "nullable": True}
HTML = {"type": "string", "description": "HTML"}
PAGE_REF = {"$ref": "#/components/schemas/PageRef"}
NULLABLE_PAGE_REF = {"allOf": [PAGE_REF], "nullable": True}
PAGE_REFS = {"type": "array", "items": PAGE_REF}


def enum(choices, nullable=False):
    schema = {"type": "string", "enum": [value for value, _label in choices]}
    if nullable:
        schema["nullable"] = True
    return schema


def array_of(properties):
    return {"type": "array", "items": {"type": "object", "properties": properties}}


def obj(properties, nullable=False):
    schema = {"type": "object", "properties": properties}
    if nullable:
        schema["nullable"] = True
    return schema


@dataclass
class Spec:
    """One field of an endpoint: its name, how it is written and its OpenAPI schema.

    ``detail``: shown on the detail view only (costly or long values).
    """

    name: str
    schema: dict
    fn: object = None
    detail: bool = False

    def api_field(self) -> APIField:
        if self.fn is None:
            return APIField(self.name)
        return APIField(self.name, serializer=Computed(self.fn))


def plain(name, schema, detail=False):
    """A model column written as it is (dates and numbers serialise themselves)."""
    return Spec(name, schema, None, detail)
