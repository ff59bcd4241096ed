"""Rows written with one prepared statement read back exactly as ``bulk_create`` writes them:
texts, numbers, keys, dates and times, JSON and UUIDs, on SQLite and PostgreSQL alike."""

import datetime
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import PageLogEntry

from wagtail_disclosure.core.bulk_rows import insert_rows, is_plain
from wagtail_disclosure.plans.models import Requirement

pytestmark = pytest.mark.django_db

COMPARED = ("content_type_id", "label", "action", "data", "timestamp", "uuid", "user_id",
            "revision_id", "content_changed", "deleted", "page_id")


def log_entries(label, home):
    content_type = ContentType.objects.get_for_model(home)
    moment = timezone.make_aware(datetime.datetime(2022, 10, 31, 9, 30, 15, 123456))
    return [
        PageLogEntry(
            content_type=content_type, label=f"{label}{number}", action="wagtail.edit",
            data={"事项": ["政务公开", number], "nested": {"ok": True}}, timestamp=moment,
            uuid=uuid.UUID(int=number + 1), content_changed=number % 2 == 0, page_id=home.pk,
        )
        for number in range(5)
    ]


def stored(label):
    return [
        {name: getattr(entry, name) for name in COMPARED}
        for entry in PageLogEntry.objects.filter(label__startswith=label).order_by("label")
    ]


def test_inserted_rows_read_back_as_bulk_created_ones(home):
    PageLogEntry.objects.bulk_create(log_entries("bulk-", home))
    insert_rows(PageLogEntry, log_entries("rows-", home))

    by_bulk_create, by_insert_rows = stored("bulk-"), stored("rows-")
    for entry in by_bulk_create + by_insert_rows:
        entry.pop("label")
    assert len(by_insert_rows) == 5
    assert by_insert_rows == by_bulk_create


def test_only_fields_that_keep_their_value_skip_the_field_preparation():
    field = Requirement._meta.get_field
    assert is_plain(field("text")) and is_plain(field("is_ongoing")) and is_plain(field("task"))
    assert not is_plain(field("due_date")) and not is_plain(field("source_rows"))
    assert not is_plain(PageLogEntry._meta.get_field("uuid"))
