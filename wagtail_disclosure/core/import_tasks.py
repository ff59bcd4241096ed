"""Large imports run outside the web request, as background tasks.

A dry run of 50,000 rows takes minutes: inside a request it holds a server process (and on
SQLite the write lock) all that time. Beyond ``WAGTAIL_DISCLOSURE_IMPORT_BACKGROUND_ROWS`` rows
the import screens enqueue the work with Django's task framework (built into Django 6; the
``django-tasks`` backport on Django 5.2), which a worker runs (``manage.py db_worker`` with the
database backend of ``django-tasks-db``); the screen shows a progress bar, then the preview,
then the result.

Progress is written next to the stored upload (in the storage the upload is kept in, which the
server and the worker share anyway), never only in the cache: the import runs in one database
transaction, and a database cache (``make run``, the production default) written from inside it
is invisible to the server until the import ends, and rolled back with a dry run, so the bar
stayed at 0. Each progress record carries the time it was written: a running import whose
record is older than ``WAGTAIL_DISCLOSURE_IMPORT_STALE_MINUTES`` lost its worker (killed,
restarted, out of memory) and is shown as interrupted, with a button to start it again.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from import_export.tmp_storages import MediaStorage

from wagtail_disclosure.conf import get_setting

try:  # Django 6
    from django.tasks import TaskResultStatus, task, task_backends
except ImportError:  # Django 5.2: the backport, same API
    from django_tasks import TaskResultStatus, task, task_backends

__all__ = ["ImportProgress", "TaskResultStatus", "enqueue_import", "import_result",
           "is_interrupted", "progress_of"]

logger = logging.getLogger(__name__)

TMP_FOLDER = "wagtail_disclosure_imports"
#: Rows of the preview kept in the task's result (the totals count every row).
PREVIEW_ROWS = 1000
PROGRESS_SECONDS = 24 * 3600
#: Least time between two progress records of one import (the last row is always recorded).
PROGRESS_INTERVAL = 1.0


@dataclass
class Progress:
    """Where a background import is: ``done`` of ``total`` rows (or steps), what it is doing
    (``stage``, for imports that count steps) and when the worker last said so (``at``)."""

    done: int = 0
    total: int = 0
    stage: str = ""
    at: float | None = None


def progress_key(task_id) -> str:
    return f"wagtail_disclosure:import-progress:{task_id}"


def progress_storage(task_id) -> MediaStorage:
    return MediaStorage(name=f"{task_id}.progress.json", MEDIA_FOLDER=TMP_FOLDER)


class ImportProgress:
    """What the worker writes as it goes: outside the import's transaction, so the server sees
    it at once whatever the cache and database are."""

    def __init__(self, task_id):
        self.task_id = str(task_id)
        self.storage = progress_storage(self.task_id)
        self.written_at = 0.0
        self.done = self.total = 0
        self.stage = ""

    def report(self, done: int, total: int | None = None, stage: str | None = None, *,
               force: bool = False) -> None:
        self.done = done
        if total is not None:
            self.total = total
        if stage is not None:
            self.stage, force = stage, True
        now = time.time()
        if not force and self.done < self.total and now - self.written_at < PROGRESS_INTERVAL:
            return
        self.written_at = now
        record = {"done": self.done, "total": self.total, "stage": self.stage, "at": now}
        data = json.dumps(record).encode()
        backend = self.storage._storage
        path = self.storage.get_full_path()
        try:
            backend.delete(path)
            backend.save(path, ContentFile(data))
        except OSError:  # the bar is not worth failing the import for; the cache still has it
            logger.warning("Could not record the progress of import %s", self.task_id,
                           exc_info=True)
        cache.set(progress_key(self.task_id), record, PROGRESS_SECONDS)

    def count_rows(self, resource, total: int) -> None:
        """Record the rows a django-import-export resource imports, for the progress bar."""
        import_row = resource.import_row
        done = 0
        self.report(0, total, force=True)

        def counted(*args, **kwargs):
            nonlocal done
            result = import_row(*args, **kwargs)
            done += 1
            self.report(done)
            return result

        resource.import_row = counted

    def remove(self) -> None:
        self.storage._storage.delete(self.storage.get_full_path())
        cache.delete(progress_key(self.task_id))


def progress_of(task_id) -> Progress:
    """The last progress record of a background import (from the shared storage; the cache
    when the storage has none, e.g. for a moment while a record is replaced)."""
    try:
        record = json.loads(progress_storage(task_id).read())
    except (OSError, ValueError):
        record = cache.get(progress_key(task_id))
    if not isinstance(record, dict):
        return Progress()
    return Progress(done=int(record.get("done") or 0), total=int(record.get("total") or 0),
                    stage=str(record.get("stage") or ""), at=record.get("at"))


def stale_seconds() -> float:
    return get_setting("WAGTAIL_DISCLOSURE_IMPORT_STALE_MINUTES") * 60


def is_interrupted(result, progress: Progress) -> bool:
    """A running import whose worker has said nothing for longer than the stale limit."""
    if result.status != TaskResultStatus.RUNNING:
        return False
    last = progress.at
    if last is None:
        started = result.started_at or result.enqueued_at
        last = started.timestamp() if started else None
    return last is not None and time.time() - last > stale_seconds()


def is_waiting_long(result) -> bool:
    """Queued for longer than the stale limit: no worker seems to take imports."""
    if result.status != TaskResultStatus.READY or result.enqueued_at is None:
        return False
    return (timezone.now() - result.enqueued_at).total_seconds() > stale_seconds()


def import_backend() -> str:
    """The task backend imports go to: one that stores tasks for a worker (not Wagtail's
    default immediate backend, which would run them inside the request)."""
    return get_setting("WAGTAIL_DISCLOSURE_IMPORT_TASK_BACKEND")


def enqueue_import(view_path, stored_name, file_name, user_id, dry_run, options=None):
    """Queue an import screen's import of a stored upload. ``options`` (JSON) are what the
    screen needs besides the file (a plan import's form); the editor's language goes with it."""
    options = {"language": translation.get_language(), **(options or {})}
    return import_spreadsheet.using(backend=import_backend()).enqueue(
        view_path, stored_name, file_name, user_id, dry_run, options
    )


def import_result(task_id):
    return task_backends[import_backend()].get_result(task_id)


@task(takes_context=True)
def import_spreadsheet(context, view_path: str, stored_name: str, file_name: str, user_id: int,
                       dry_run: bool, options: dict | None = None) -> dict:
    """Run one import screen's import of a stored upload; the result is what the screen shows."""
    options = options or {}
    view = import_string(view_path)()
    view.request = SimpleNamespace(user=get_user_model().objects.get(pk=user_id))
    view.kwargs = {}
    storage = MediaStorage(name=stored_name, MEDIA_FOLDER=TMP_FOLDER)
    progress = ImportProgress(context.task_result.id)
    progress.report(0, 0, force=True)  # the worker has it: the heartbeat starts
    with translation.override(options.get("language")):
        outcome = view.background_import(storage.read(), file_name, dry_run=dry_run,
                                         options=options, progress=progress)
    if not dry_run and outcome.get("ok"):
        storage.remove()
    outcome.update({"dry_run": dry_run, "stored_name": stored_name, "file_name": file_name,
                    "user_id": user_id, "view": view_path})
    return outcome


def spreadsheet_outcome(report) -> dict:
    """What a django-import-export import's screen shows, as the task's (JSON) result."""
    return {
        "ok": report.ok,
        "problems": [str(problem) for problem in report.problems],
        "totals": report.totals,
        "rows": [[number, kind, str(text or "")]
                 for number, kind, text, _diff in report.rows()[:PREVIEW_ROWS]],
    }
