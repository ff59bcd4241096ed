"""An enterprise import leaves one entry in the column's history; a preview leaves none."""

import pytest
from wagtail.models import PageLogEntry

from tests.enterprises.test_imports import ENTITIES, ENTRIES, import_file
from wagtail_disclosure.enterprises.imports import (
    ENTITY_COLUMNS,
    ENTITY_REQUIRED,
    ENTRY_COLUMNS,
    ENTRY_REQUIRED,
    EnterpriseListResource,
    EntryResource,
)

pytestmark = pytest.mark.django_db


def test_imports_of_entities_and_entries_are_in_the_columns_history(column, manager):
    logged = PageLogEntry.objects.filter(action__startswith="wagtail_disclosure.import_enterp")
    resource = EnterpriseListResource(user=manager)
    import_file(resource, ENTITIES, ENTITY_COLUMNS, ENTITY_REQUIRED, dry_run=True)
    assert not logged.exists()

    import_file(resource, ENTITIES, ENTITY_COLUMNS, ENTITY_REQUIRED)
    import_file(EntryResource(user=manager), ENTRIES, ENTRY_COLUMNS, ENTRY_REQUIRED)

    entities, entries = logged.order_by("pk")
    assert entities.action == "wagtail_disclosure.import_enterprises"
    assert entities.page_id == column.page.pk and entities.user == manager
    assert entries.action == "wagtail_disclosure.import_enterprise_entries"
    assert entries.data["new"] + entries.data["update"] >= 1
