"""What every test can count on, and the browser.

The data tests only read is built once per test run (``django_db_setup``): the demo's columns,
the Jining units register and the Jining 2022 plan (from expected.json). Each test runs in a
transaction rolled back after it, so every test starts from exactly that data. Tests in a real
browser (``live_server``) need committed data: they are transactional, the database is flushed
after each, and serialized rollback puts the same data back before the next one.
"""

import os
import shutil
from pathlib import Path

import pytest

from tests import builders

# Playwright's sync API keeps an event loop running in the test thread; Django's ORM refuses
# to run beside a loop unless told it is safe (it is: tests are single-threaded).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HAVE_CHROMIUM = Path(CHROMIUM).exists()


def is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return (marker is not None and marker.kwargs.get("transaction", False)) or bool(
        {"live_server", "transactional_db"} & set(getattr(item, "fixturenames", ()))
    )


def pytest_collection_modifyitems(config, items):
    for item in items:
        marker = item.get_closest_marker("django_db")
        if is_transactional(item) and not (marker and marker.kwargs.get("serialized_rollback")):
            raise pytest.UsageError(
                f"{item.nodeid} commits to the database: mark it "
                "django_db(transaction=True, serialized_rollback=True) so that the register "
                "and the plan are there before it, whatever ran first."
            )
    if HAVE_CHROMIUM:
        return
    reason = f"no chromium at {CHROMIUM} (apt-get install chromium; .ci/run does this)"
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    browser = CHROMIUM if HAVE_CHROMIUM else "none (browser tests skipped)"
    return [f"database: {engine}", f"browser: {browser}"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """Tests log users in by the dozen; the production hasher's cost buys nothing here."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# -- data built once per run -------------------------------------------------------------------


DB_BLOCKER = pytest.StashKey()


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """The demo's columns, the units register and the Jining 2022 plan, built once: importing
    the register alone costs seconds, and every test is rolled back to this state."""
    from django.db import connections

    request.config.stash[DB_BLOCKER] = django_db_blocker
    with django_db_blocker.unblock():
        builders.demo_columns()
        builders.unit_register()
        builders.build_jining_2022_plan()
        for connection in connections.all():
            if hasattr(connection, "_test_serialized_contents"):
                keep_for_serialized_rollback(connection)


def keep_for_serialized_rollback(connection):
    """Make serialized rollback restore this data, not the bare migrated database Django
    serialized before it (restoring that over this data breaks the page tree: the home page
    comes back with no children while they are still there, and its pages answer 404).

    The snapshot goes on the connection's class as well as on the connection: once Playwright's
    sync API runs its event loop in this thread, Django's connections live in a context
    variable (asgiref's ``Local``), so browser tests use a connection object of their own,
    which must find the snapshot too.
    """
    contents = connection.creation.serialize_db_to_string()
    connection._test_serialized_contents = contents
    type(connection)._test_serialized_contents = contents


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test has flushed the database, put the data back at once: the
    next test in this process may be one that runs in a transaction and does not restore it
    (pytest-xdist may send the tests of a file after those of a browser test). A next test
    that is transactional restores the data itself as it starts (serialized rollback), so it
    is not restored twice."""
    result = yield
    blocker = item.config.stash.get(DB_BLOCKER, None)
    # After the last test the session fixtures have already dropped the test database.
    if (
        blocker is not None
        and nextitem is not None
        and is_transactional(item)
        and not is_transactional(nextitem)
    ):
        from django.contrib.contenttypes.models import ContentType
        from django.db import connections

        with blocker.unblock():
            if not ContentType.objects.exists():
                for connection in connections.all():
                    if hasattr(connection, "_test_serialized_contents"):
                        connection.creation.deserialize_db_from_string(
                            connection._test_serialized_contents
                        )
    return result


@pytest.fixture(scope="module")
def module_transaction(django_db_setup, django_db_blocker):
    """A transaction around the tests of a module, rolled back after the last: module fixtures
    build in it what the module's tests only read, once. Each test still runs in a savepoint
    rolled back after it. (Not for modules of transactional tests.)"""
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def uses_database(item) -> bool:
    return item.get_closest_marker("django_db") is not None or bool(
        {"db", "transactional_db", "live_server", "django_db_setup"}
        & set(getattr(item, "fixturenames", ()))
    )


@pytest.fixture(autouse=True)
def fresh_site_root_paths(request, django_db_blocker):
    """Wagtail caches the sites' root paths. A test that added a county site is rolled back,
    but the cache is not: the next test would see two sites (and absolute URLs). Each test
    starts with the cache as a running site has it: filled, from the sites it really has.

    Tests that use no database (the table parser's) need nothing of it: pytest-django creates
    no test database for a run of only those."""
    if not uses_database(request.node):
        yield
        return
    request.getfixturevalue("django_db_setup")
    from wagtail.models import Site

    with django_db_blocker.unblock():
        Site.clear_site_root_paths_cache()
        Site.get_site_root_paths()
    yield


@pytest.fixture
def home(db):
    """The home page, with the demo's columns: /units/, /plans/, /policies/."""
    return builders.home_page()


@pytest.fixture
def jining_units(db):
    """The Jining units register (54 units), by title."""
    return builders.units_by_title()


@pytest.fixture
def plan_2022(db):
    """The Jining 2022 plan at /plans/2022/, as expected.json reads it."""
    return builders.jining_2022_plan()


@pytest.fixture
def office(jining_units):
    """市政府办公室, the municipal government's office."""
    return jining_units["市政府办公室"]


@pytest.fixture
def rencheng(jining_units):
    """任城区人民政府, a county government."""
    return jining_units["任城区人民政府"]


@pytest.fixture
def manager(db):
    return builders.make_manager()


@pytest.fixture
def empty_register(db):
    """A site whose unit directory is still empty, for tests of the register import itself."""
    from wagtail_disclosure.units.models import UnitGroup

    builders.unit_directory().get_descendants().delete()
    UnitGroup.objects.all().delete()
    return builders.unit_directory()
