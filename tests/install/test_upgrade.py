"""A site that upgrades the app keeps its data, and the models need no migration the app lacks,
on whichever supported Wagtail and Django this runs (the version matrix runs it on each).

``LAST_RELEASE`` is the app's last migration in the last release. A database at that state is
migrated forward to this version, and every row it held must still be there, column by column.
No release has shipped yet, so it is the first migration, and the database is the test data
(the Jining register and plan) with the schema taken back to that state: the test then also
proves every newer migration reversible. When a release ships, set ``LAST_RELEASE`` to its last
migration (CHANGELOG.md's release steps say so).
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail_disclosure.plans.models import Requirement
from wagtail_disclosure.units.models import UnitPage

APP = "wagtail_disclosure"
LAST_RELEASE = "0001_initial"


def release_columns(executor) -> dict[str, list[str]]:
    """{table: its columns} of the app's tables as the last release left them."""
    state = executor.loader.project_state((APP, LAST_RELEASE))
    tables = {}
    for model in state.apps.get_app_config(APP).get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            tables[model._meta.db_table] = [
                field.column for field in model._meta.local_concrete_fields
            ]
    return tables


def snapshot(tables: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """Every row of ``tables``, in those columns only, in a stable order."""
    quote = connection.ops.quote_name
    rows = {}
    with connection.cursor() as cursor:
        for table, columns in tables.items():
            names = ", ".join(quote(column) for column in columns)
            cursor.execute(f"SELECT {names} FROM {quote(table)} ORDER BY {names}")
            rows[table] = [tuple(str(value) for value in row) for row in cursor.fetchall()]
    return rows


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_of_the_last_release_migrates_forward_without_losing_data():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes(APP)
    executor.migrate([(APP, LAST_RELEASE)])
    tables = release_columns(MigrationExecutor(connection))
    at_release = snapshot(tables)

    MigrationExecutor(connection).migrate(latest)

    assert MigrationExecutor(connection).migration_plan(latest) == []
    after = snapshot(tables)
    assert len(at_release[UnitPage._meta.db_table]) == 54  # the Jining register
    assert len(at_release[Requirement._meta.db_table]) == 84  # and the 2022 plan
    lost = {table: len(at_release[table]) - len(after[table]) for table in tables}
    assert {table: n for table, n in lost.items() if n} == {}
    assert after == at_release


@pytest.mark.django_db
def test_the_models_need_no_migration_the_app_lacks():
    # makemigrations --check exits 1 (SystemExit) when a model change has no migration.
    call_command("makemigrations", APP, check=True, dry_run=True, verbosity=0)
