"""Inserting many rows whose values are already plain, as one prepared statement.

``bulk_create`` builds and compiles every value of every row: for a 10,000-requirement plan table
that is hundreds of thousands of field preparations and, on SQLite (999 parameters a statement),
a new statement every 90 rows. The bulk plan import writes rows it has just built itself, so
this module sends them to the database driver's ``executemany`` instead: the statement is
prepared once and each row is only a tuple. Values still go through each field's
``pre_save`` and ``get_db_prep_save`` (dates, JSON and UUIDs are adapted per database) except
for the plain fields whose preparation is the value itself.

It returns no primary keys (``executemany`` cannot); callers that need them read them back by a
natural key they know to be unique (a page's path, a requirement's page and position).

:func:`cycle_collection_paused` keeps Python's cyclic garbage collector out of such work.
"""

from __future__ import annotations

import functools
import gc
from contextlib import contextmanager

from django.db import connections, models, router


def insert_rows(model, objs, fields=None) -> None:
    """Insert ``objs`` into ``model``'s own table (``fields``: its local concrete fields but an
    automatic primary key), in one ``executemany``. Runs inside the caller's transaction."""
    if not objs:
        return
    fields = fields or [
        field
        for field in model._meta.local_concrete_fields
        if not isinstance(field, models.AutoField | models.BigAutoField | models.SmallAutoField)
    ]
    connection = connections[router.db_for_write(model)]
    preparers = [preparer(field, connection) for field in fields]
    rows = [tuple(prepare(obj) for prepare in preparers) for obj in objs]
    insert_tuples(model, [field.column for field in fields], rows)


def insert_tuples(model, columns: list[str], rows: list[tuple]) -> None:
    """Insert ``rows`` of values ready for the database into ``model``'s table (``columns``)."""
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(map(quote, columns)),
        ", ".join(["%s"] * len(columns)),
    )
    execute_many(connection, sql, rows)


def execute_many(connection, sql: str, rows: list[tuple]) -> None:
    """Run ``sql`` once per row (prepared once by the driver), inside the current transaction."""
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def preparer(field, connection):
    """How one field's value is read from an object and made ready for the database."""
    if is_plain(field):
        attname = field.attname
        return lambda obj: getattr(obj, attname)
    return lambda obj: field.get_db_prep_save(field.pre_save(obj, True), connection)


def is_plain(field) -> bool:
    """A text, whole number or yes/no column, or a key to such a primary key."""
    while isinstance(field, models.ForeignKey):  # a key to a page type ends at the page's id
        field = field.target_field
    # The exact classes: a subclass (a UUID or a slug with its own preparation) is not assumed
    # to keep the value as it is.
    return type(field) in PLAIN_FIELD_CLASSES


PLAIN_FIELD_CLASSES = {
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BigIntegerField,
    models.SmallIntegerField,
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.PositiveBigIntegerField,
    models.BooleanField,
    models.AutoField,
    models.BigAutoField,
    models.SmallAutoField,
}


@contextmanager
def cycle_collection_paused():
    """Pause Python's cyclic garbage collector for a bounded piece of bulk work.

    Reading and writing a 10,000-row table builds about a million short-lived objects (cells,
    model instances, dictionaries); each time enough have piled up, the collector walks every
    object of the process, the whole of Django and Wagtail included. For a 10,000-row plan that
    was a third of the import's time. The work is bounded by the import limits, and reference
    counting still frees nearly everything at once; cycles wait until the collector is back on.
    A collector that was already off (by the site, or an enclosing import) is left off.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def without_cycle_collection(function):
    """``function`` runs with :func:`cycle_collection_paused`."""

    @functools.wraps(function)
    def paused(*args, **kwargs):
        with cycle_collection_paused():
            return function(*args, **kwargs)

    return paused
