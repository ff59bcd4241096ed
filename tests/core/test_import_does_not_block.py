"""While a large import runs in the background (one long database transaction), the office
goes on working: an editor logs in and a citizen submits a request, and the editor watching the
import sees its progress. Holds on PostgreSQL; SQLite has one writer at a time, so there the
import's transaction does hold other writes back (docs/deployment.md: production uses
PostgreSQL)."""

import threading
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection, connections
from django.db.models.signals import post_save
from django.test import Client, override_settings
from django.urls import reverse

from tests import builders
from tests.worker import run_worker

ROWS = 120
REGISTER = "name,full_name,kind,parent,groups,aliases\n" + "".join(
    f"市第{n}办公室,济宁市第{n}办公室,municipal_department,,,\n" for n in range(1, ROWS + 1)
)
REQUEST = {
    "applicant_type": "natural_person",
    "applicant_name": "王某某",
    "id_number": "11010519491231002X",
    "phone": "13800000000",
    "description": "申请公开2022年度市政府办公室部门预算。",
    "delivery": "email",
    "email": "wang@example.com",
}
#: Longest another write may take while the import holds its transaction.
WRITE_SECONDS = 5


class ImportPausedMidway:
    """Holds the worker inside the import's transaction after some rows (a post_save receiver:
    the import's own code runs unchanged), until the test lets it go on."""

    def __init__(self, after_rows):
        self.after_rows, self.saved = after_rows, 0
        self.paused, self.go_on = threading.Event(), threading.Event()

    def __call__(self, sender, instance, created, **kwargs):
        from wagtail_disclosure.units.models import UnitPage

        if not isinstance(instance, UnitPage) or not instance.title.startswith("市第"):
            return
        self.saved += 1
        if self.saved == self.after_rows // 2:
            time.sleep(1.1)  # the worker records progress at most once a second
        if self.saved == self.after_rows:
            self.paused.set()
            self.go_on.wait(timeout=60)


def in_thread(work):
    """Run ``work`` on its own connection; (finished within the limit, seconds, failure)."""
    outcome = {}

    def run():
        started = time.monotonic()
        try:
            work()
        except Exception as exc:  # reported by the test
            outcome["failure"] = repr(exc)
        finally:
            outcome["seconds"] = time.monotonic() - started
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=WRITE_SECONDS)
    return (not thread.is_alive()), outcome


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(
    WAGTAIL_DISCLOSURE_IMPORT_BACKGROUND_ROWS=50,
    WAGTAIL_DISCLOSURE_REQUEST_RATE_LIMIT=(1000, 3600),
    CACHES={"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                        "LOCATION": "wagtail_disclosure_test_cache"}},
)
def test_a_running_import_does_not_block_other_writes():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one connection write at a time: an import's transaction holds "
                    "every other write back there; this is a PostgreSQL property")
    from wagtail_disclosure.core.import_tasks import progress_of
    from wagtail_disclosure.requests.models import DisclosureRequest
    from wagtail_disclosure.requests.pages import DisclosureRequestPage
    from wagtail_disclosure.units.models import UnitPage

    call_command("createcachetable", verbosity=0)
    office = builders.units_by_title()["市政府办公室"]
    request_page = DisclosureRequestPage(title="申请政府信息公开", slug="apply-while-importing")
    builders.home_page().add_child(instance=request_page)
    manager = builders.make_manager()
    another = builders.make_manager("another-manager")
    another.set_password("secret-password-42")
    another.save()
    editor = Client()
    editor.force_login(manager)
    queued = editor.post(reverse("wagtail_disclosure_admin:import_units"),
                         {"file": SimpleUploadedFile("units.csv", REGISTER.encode())})
    task_id = queued["Location"].split("task=")[1]

    pause = ImportPausedMidway(after_rows=60)
    post_save.connect(pause, weak=False)
    worker = threading.Thread(target=lambda: (run_worker(), connections.close_all()))
    worker.start()
    try:
        assert pause.paused.wait(timeout=60), "the import did not reach its 60th row"

        # The editor who started it sees how far it got.
        watching = editor.get(queued["Location"]).content.decode()
        progress = progress_of(task_id)
        assert 0 < progress.done < ROWS and progress.total == ROWS
        assert f"已处理 {progress.done} / {ROWS}" in watching

        # A citizen submits a request; another manager logs in.
        submitted, submitting = in_thread(lambda: Client(REMOTE_ADDR="10.0.0.9").post(
            request_page.url, {**REQUEST, "unit": office.pk}))
        logged_in, logging_in = in_thread(lambda: Client().login(
            username="another-manager", password="secret-password-42"))

        assert submitted and "failure" not in submitting, submitting
        assert logged_in and "failure" not in logging_in, logging_in
        assert DisclosureRequest.objects.count() == 1
        assert not UnitPage.objects.filter(title__startswith="市第").exists(), (
            "the import's rows are not visible before it commits")
    finally:
        pause.go_on.set()
        worker.join(timeout=120)
        post_save.disconnect(pause)
    preview = editor.get(queued["Location"]).content.decode()
    assert "确认导入" in preview
