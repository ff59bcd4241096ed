"""Items with a disclosure attribute, across every content type that has one, as a user may see
them: the rows of the attribute reports and of the request officers' lookup.

Content types are found by the mixin (a site's own page types that opt in are included), one
query per type. A manager sees every unit's items; a unit editor those of their units: the
unit the type names (``disclosure_unit_field``) and, for pages, the pages under their unit
pages — as page permissions follow units (``core.permissions``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page

from wagtail_disclosure.core import clock
from wagtail_disclosure.core.permissions import is_manager, unit_ids, unit_paths

from .choices import NON_PUBLIC
from .models import DisclosureAttributeMixin
from .rules import attribute_label, basis_label


def attribute_models() -> list[type]:
    """Every concrete model with the disclosure attribute, in a stable order."""
    found = [
        model
        for model in apps.get_models()
        if issubclass(model, DisclosureAttributeMixin) and not model._meta.abstract
    ]
    return sorted(found, key=lambda m: (m._meta.app_label, m._meta.model_name))


def item_key(obj) -> str:
    """``app_label.model:pk``: one item among all the types (the bulk form's values)."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def parse_key(key: str):
    """(model, pk) of :func:`item_key`, or ``None`` for anything else."""
    label, _sep, pk = (key or "").partition(":")
    model = next((m for m in attribute_models() if m._meta.label_lower == label), None)
    if model is None or not pk.isdigit():
        return None
    return model, int(pk)


def scope_q(model, user) -> Q | None:
    """The items of ``model`` ``user`` may see (``Q()``: all; ``None``: none)."""
    if is_manager(user):
        return Q()
    ids = unit_ids(user)
    if not ids:
        return None
    q = Q(pk__in=[])
    if model.disclosure_unit_field:
        q |= Q(**{f"{model.disclosure_unit_field}__in": ids})
    if issubclass(model, Page):
        for path in unit_paths(user):
            q |= Q(path__startswith=path)
    return q


def scoped(model, user, extra: Q | None = None):
    q = scope_q(model, user)
    extra = extra if extra is not None else Q()
    if q is None:
        return model._default_manager.none()
    queryset = model._default_manager.filter(q & extra)
    related = []
    if model.disclosure_unit_field:
        related.append(model.disclosure_unit_field)
    related.append("disclosure_set_by")
    return queryset.select_related(*related)


def user_may_see(user, obj) -> bool:
    return scoped(type(obj), user, Q(pk=obj.pk)).exists()


@dataclass
class AttributeRow:
    """One item in a report: what an office needs to find it and act on it."""

    obj: object
    key: str
    title: str
    kind: str
    unit: str
    attribute: str
    basis: str
    review_date: datetime.date | None
    set_by: str
    set_at: datetime.datetime | None
    live: bool
    edit_url: str | None

    @property
    def status(self) -> str:
        return _("live") if self.live else _("draft")


def _unit_title(obj) -> str:
    field = type(obj).disclosure_unit_field
    if not field:
        return ""
    value = obj
    for part in field.split("__"):
        value = getattr(value, part, None)
        if value is None:
            return ""
    return str(value)


def _row(obj, finder) -> AttributeRow:
    set_by = obj.disclosure_set_by
    basis = basis_label(obj.disclosure_basis)
    if obj.disclosure_basis_citation:
        basis = f"{basis}：{obj.disclosure_basis_citation}"
    return AttributeRow(
        obj=obj,
        key=item_key(obj),
        title=getattr(obj, "title", None) or str(obj),
        kind=str(type(obj)._meta.verbose_name),
        unit=_unit_title(obj),
        attribute=attribute_label(obj.disclosure_attribute),
        basis=basis,
        review_date=obj.disclosure_review_date,
        set_by=(set_by.get_full_name() or set_by.get_username()) if set_by else "",
        set_at=obj.disclosure_set_at,
        live=bool(getattr(obj, "live", False)),
        edit_url=finder.get_edit_url(obj),
    )


def rows(user, condition: Q, *, query: str = "", order=None) -> list[AttributeRow]:
    """Every item of every attribute type matching ``condition`` that ``user`` may see."""
    finder = AdminURLFinder(user)
    found = []
    for model in attribute_models():
        extra = condition
        if query:
            text = Q(title__icontains=query) if _has_field(model, "title") else Q(pk__in=[])
            for name in ("document_number", "index_number", "full_name"):
                if _has_field(model, name):
                    text |= Q(**{f"{name}__icontains": query})
            extra = extra & text
        found.extend(_row(obj, finder) for obj in scoped(model, user, extra))
    found.sort(key=order or (lambda r: (r.kind, r.title)))
    return found


def _has_field(model, name) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def undecided(user) -> list[AttributeRow]:
    """Items without an attribute: the historical conversion's work list."""
    return rows(user, Q(disclosure_attribute=""))


def withheld(user, query: str = "", attribute: str = "") -> list[AttributeRow]:
    """依申请公开 and 不予公开 items (for request officers), optionally of one attribute."""
    wanted = [attribute] if attribute in NON_PUBLIC else list(NON_PUBLIC)
    return rows(user, Q(disclosure_attribute__in=wanted), query=query)


def due_for_review(user, today=None) -> list[AttributeRow]:
    """Withheld items past their review date (or without one), oldest first."""
    today = today or clock.today()
    condition = Q(disclosure_attribute__in=list(NON_PUBLIC)) & (
        Q(disclosure_review_date__lte=today) | Q(disclosure_review_date__isnull=True)
    )
    return rows(
        user,
        condition,
        order=lambda r: (r.review_date or datetime.date.min, r.kind, r.title),
    )
