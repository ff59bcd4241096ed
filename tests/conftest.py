"""Shared fixtures: the real Jining data files, a demo site tree, users, and the browser."""

import io
import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop running in the test thread; Django's ORM refuses
# to run beside a loop unless told it is safe (it is: tests are single-threaded).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "example_site" / "demo" / "data" / "jining-2022"

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


def pytest_collection_modifyitems(config, items):
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


@pytest.fixture
def data_file():
    """Bytes of a file of the Jining 2022 data set."""

    def read(name):
        return (DATA / name).read_bytes()

    return read


class _Out(io.StringIO):
    pass


def load_base_data():
    """The demo's columns and the Jining units register, unless they are there already."""
    from demo import site, units

    from wagtail_disclosure.units.models import UnitPage

    site.load(_Out())
    if UnitPage.objects.count() < 54:
        units.load(_Out())


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """Tests log users in by the dozen; the production hasher's cost buys nothing here."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the units register once per session: importing it costs seconds, and every test
    runs in a transaction that is rolled back, so they all start from the same register.
    (Transactional tests flush the database; the fixtures below load it again there.)"""
    with django_db_blocker.unblock():
        load_base_data()


@pytest.fixture
def demo_site(db):
    """The demo's columns (unit directory, plan index, policy library) under the home page."""
    from demo import site

    site.load(_Out())
    return site.home_page()


@pytest.fixture
def jining_units(demo_site):
    """The Jining units register (54 units, 2 groups), as the demo imports it."""
    from wagtail_disclosure.units.models import UnitPage

    load_base_data()
    return {u.title: u for u in UnitPage.objects.all()}


@pytest.fixture
def empty_register(demo_site):
    """A site whose unit directory is still empty, for tests of the register import itself."""
    from wagtail_disclosure.units.models import UnitGroup, UnitPage

    for unit in UnitPage.objects.all():
        unit.delete()
    UnitGroup.objects.all().delete()
    return demo_site


@pytest.fixture
def manager(django_user_model):
    return django_user_model.objects.create_superuser("manager", "manager@example.com", "pw")


@pytest.fixture
def make_unit_editor(django_user_model):
    """A user who edits for ``unit`` only, with access to the Wagtail admin."""
    from django.contrib.auth.models import Group, Permission

    from wagtail_disclosure.units.models import UnitMembership

    def make(username, unit):
        user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
        editors, _ = Group.objects.get_or_create(name="Editors")
        # Wagtail's migrations give "Editors" admin access; a flushed test database has lost
        # that, so grant it again (the permission row itself comes back with post_migrate).
        editors.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        user.groups.add(editors)
        UnitMembership.objects.create(user=user, unit=unit)
        return user

    return make


# Units and requests of the request register and the annual report (without the whole register).
def _unit(title, full_name, kind):
    from wagtail_disclosure.units.models import UnitIndexPage, UnitPage

    existing = UnitPage.objects.filter(title=title).first()
    if existing:
        return existing
    index = UnitIndexPage.objects.get(slug="units")
    unit = UnitPage(title=title, full_name=full_name, kind=kind)
    index.add_child(instance=unit)
    return unit


@pytest.fixture
def office(demo_site):
    """市政府办公室 (a unit of its own, without importing the whole register)."""
    return _unit("市政府办公室", "济宁市人民政府办公室", "municipal_department")


@pytest.fixture
def rencheng(demo_site):
    return _unit("任城区人民政府", "济宁市任城区人民政府", "county_government")


@pytest.fixture
def make_request():
    """A request in the register, as an office would enter a letter it received."""
    from wagtail_disclosure.requests.models import DisclosureRequest

    def make(unit, received_on, **fields):
        defaults = {
            "applicant_type": "natural_person",
            "applicant_name": "王某某",
            "id_number": "11010519491231002X",
            "phone": "13800000000",
            "description": "申请公开2022年度部门预算。",
        }
        events = {
            k: fields.pop(k) for k in ("corrections", "consultations", "extensions") if k in fields
        }
        request = DisclosureRequest(unit=unit, received_on=received_on, **{**defaults, **fields})
        for name, rows in events.items():
            setattr(request, name, rows)
        request.save()
        return request

    return make
