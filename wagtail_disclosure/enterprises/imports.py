"""Spreadsheets of the enterprise column: covered-entity lists and disclosure entries.

- Covered entities (适用主体清单): ``sector, name, full_name, address, phone, link``; keyed by
  sector and name, created as live pages under their sector page with a revision.
- Disclosure entries: ``entity, item, date, content, link`` (and ``sector`` where two sectors
  list entities of the same name); keyed by entity, item and date, so importing a file again
  updates the entries in place.

An editor imports only what they may manage: rows for other sectors or entities are errors.
"""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from wagtail_disclosure.attributes.choices import DisclosureAttribute
from wagtail_disclosure.core.audit import AuditedImportMixin
from wagtail_disclosure.core.text import normalize_name

from .models import (
    CatalogueItem,
    DisclosureEntry,
    EnterpriseColumnPage,
    EnterprisePage,
    SectorPage,
)
from .permissions import editable_enterprises, managed_sectors

ENTITY_COLUMNS = ["sector", "name", "full_name", "address", "phone", "link"]
ENTITY_REQUIRED = ["sector", "name"]
ENTRY_COLUMNS = ["entity", "item", "date", "content", "link", "sector"]
ENTRY_REQUIRED = ["entity", "item", "date", "content"]

_CN_DATE = re.compile(r"^\s*(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?\s*$")


def parse_date(value) -> datetime.date:
    """2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, or an Excel date cell."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    match = _CN_DATE.match(str(value or ""))
    if not match:
        raise ValueError(_("“%(value)s” is not a date (write 2024-03-05)") % {"value": value})
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError as exc:
        raise ValueError(_("“%(value)s” is not a date") % {"value": value}) from exc


def _text(row, column):
    value = row.get(column)
    return "" if value is None else str(value).strip()


class _ScopedResource(AuditedImportMixin, resources.ModelResource):
    """A resource that knows who imports and which column (if any) it writes under."""

    def __init__(self, user=None, column=None):
        super().__init__()
        self.user = user
        self.column = column

    def import_log_targets(self, result):
        column = self.column or EnterpriseColumnPage.objects.order_by("path").first()
        return [column] if column else []

    def sectors(self):
        sectors = SectorPage.objects.all()
        if self.column is not None:
            sectors = sectors.child_of(self.column)
        return sectors


class EnterpriseListResource(_ScopedResource):
    import_log_action = "wagtail_disclosure.import_enterprises"
    sector = fields.Field(column_name="sector", attribute=None)
    name = fields.Field(attribute="title", column_name="name", widget=widgets.CharWidget())
    full_name = fields.Field(attribute="full_name", column_name="full_name")
    address = fields.Field(attribute="address", column_name="address")
    phone = fields.Field(attribute="phone", column_name="phone")
    link = fields.Field(attribute="website", column_name="link")

    class Meta:
        model = EnterprisePage
        fields = ENTITY_COLUMNS
        import_id_fields = ["name"]
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    def before_import(self, dataset, **kwargs):
        self.sector_by_key = {}
        for sector in self.sectors():
            self.sector_by_key.setdefault(normalize_name(sector.title), []).append(sector)
        allowed = managed_sectors(self.user) if self.user is not None else SectorPage.objects
        self.allowed_sector_ids = set(allowed.values_list("pk", flat=True))

    def resolve_sector(self, row):
        found = self.sector_by_key.get(normalize_name(_text(row, "sector")), [])
        return found[0] if len(found) == 1 else None

    def get_instance(self, instance_loader, row):
        sector = self.resolve_sector(row)
        name = _text(row, "name")
        if sector is None or not name:
            return None
        return EnterprisePage.objects.filter(sector=sector, title=name).first()

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        sector_name = _text(row, "sector")
        candidates = self.sector_by_key.get(normalize_name(sector_name), [])
        if not candidates:
            errors["sector"] = [_("there is no sector “%(name)s”") % {"name": sector_name}]
        elif len(candidates) > 1:
            errors["sector"] = [
                _("more than one sector is called “%(name)s”") % {"name": sector_name}
            ]
        elif candidates[0].pk not in self.allowed_sector_ids:
            errors["sector"] = [
                _("you do not manage the sector “%(name)s”") % {"name": sector_name}
            ]
        else:
            self.target_sector = candidates[0]
        if not _text(row, "name"):
            errors["name"] = [_("the entity's name is empty")]
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors.setdefault(field, []).extend(messages)
        if errors:
            raise ValidationError(errors)
        instance._import_sector = self.target_sector

    def do_instance_save(self, instance, is_create):
        """Entities are pages: created under their sector, published as a revision."""
        if is_create:
            instance.slug = ""
            # The list of covered entities is published by the competent department (主动公开).
            instance.disclosure_attribute = instance.disclosure_attribute or (
                DisclosureAttribute.PROACTIVE
            )
            instance._import_sector.add_child(instance=instance)
        revision = instance.save_revision(user=self.user, log_action=True)
        revision.publish(user=self.user, log_action=False)


class EntryResource(_ScopedResource):
    import_log_action = "wagtail_disclosure.import_enterprise_entries"
    entity = fields.Field(column_name="entity", attribute=None)
    item = fields.Field(column_name="item", attribute=None)
    date = fields.Field(column_name="date", attribute=None)
    content = fields.Field(attribute="content", column_name="content")
    link = fields.Field(attribute="url", column_name="link")

    class Meta:
        model = DisclosureEntry
        fields = ["entity", "item", "date", "content", "link"]
        import_id_fields = ["entity", "item", "date"]
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    def before_import(self, dataset, **kwargs):
        sectors = {s.pk: s for s in self.sectors()}
        self.entities_by_key = {}
        for entity in EnterprisePage.objects.filter(sector__in=list(sectors)):
            for key in {normalize_name(entity.title), normalize_name(entity.full_name)} - {""}:
                self.entities_by_key.setdefault(key, []).append(entity)
        self.items_by_key = {
            (item.sector_id, normalize_name(item.name)): item
            for item in CatalogueItem.objects.filter(sector__in=list(sectors))
        }
        self.sector_keys = {pk: normalize_name(s.title) for pk, s in sectors.items()}
        editable = editable_enterprises(self.user) if self.user is not None else None
        self.editable_ids = (
            None if editable is None else set(editable.values_list("pk", flat=True))
        )

    def resolve(self, row):
        """(entity, item, date, errors) of a row."""
        errors = {}
        name, sector_name = _text(row, "entity"), normalize_name(_text(row, "sector"))
        candidates = [
            e
            for e in self.entities_by_key.get(normalize_name(name), [])
            if not sector_name or self.sector_keys.get(e.sector_id) == sector_name
        ]
        entity = item = date = None
        if not candidates:
            errors["entity"] = [_("there is no covered entity “%(name)s”") % {"name": name}]
        elif len(candidates) > 1:
            errors["entity"] = [
                _("more than one sector lists “%(name)s”; add a “sector” column")
                % {"name": name}
            ]
        else:
            entity = candidates[0]
            if self.editable_ids is not None and entity.pk not in self.editable_ids:
                errors["entity"] = [
                    _("you do not edit the entries of “%(name)s”") % {"name": name}
                ]
            item = self.items_by_key.get((entity.sector_id, normalize_name(_text(row, "item"))))
            if item is None:
                errors["item"] = [
                    _("“%(item)s” is not in the catalogue of %(entity)s's sector")
                    % {"item": _text(row, "item"), "entity": entity.title}
                ]
        try:
            date = parse_date(row.get("date"))
        except ValueError as exc:
            errors["date"] = [str(exc)]
        return entity, item, date, errors

    def get_instance(self, instance_loader, row):
        entity, item, date, errors = self.resolve(row)
        if errors:
            return None
        return DisclosureEntry.objects.filter(enterprise=entity, item=item, date=date).first()

    def import_instance(self, instance, row, **kwargs):
        entity, item, date, errors = self.resolve(row)
        if not _text(row, "content"):
            errors["content"] = [_("the content is empty")]
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors.setdefault(field, []).extend(messages)
        if errors:
            raise ValidationError(errors)
        instance.enterprise, instance.item, instance.date = entity, item, date

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # The key (entity, item, date) is resolved above; the same key twice in one file is an
        # update of the first row, not a duplicate.
        super().validate_instance(instance, import_validation_errors, validate_unique=False)
