"""Large imports run outside the web request, as background tasks.

A dry run of 50,000 rows takes minutes: inside a request it holds a server process (and on
SQLite the write lock) all that time. Beyond ``WAGTAIL_DISCLOSURE_IMPORT_BACKGROUND_ROWS`` rows
the import screens enqueue the work with Django's task framework (built into Django 6; the
``django-tasks`` backport on Django 5.2), which a worker runs (``manage.py db_worker`` with the
database backend of ``django-tasks-db``); the screen shows a progress bar, then the preview,
then the result.
"""

from __future__ import annotations

from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils.module_loading import import_string
from import_export.tmp_storages import MediaStorage

from wagtail_disclosure.conf import get_setting

try:  # Django 6
    from django.tasks import TaskResultStatus, task, task_backends
except ImportError:  # Django 5.2: the backport, same API
    from django_tasks import TaskResultStatus, task, task_backends

__all__ = ["TaskResultStatus", "enqueue_import", "import_result", "progress_of"]

TMP_FOLDER = "wagtail_disclosure_imports"
#: Rows of the preview kept in the task's result (the totals count every row).
PREVIEW_ROWS = 1000
PROGRESS_SECONDS = 24 * 3600


def progress_key(task_id) -> str:
    return f"wagtail_disclosure:import-progress:{task_id}"


def progress_of(task_id) -> tuple[int, int]:
    """(rows done, rows in all) of a running import, from the shared cache."""
    done, total = cache.get(progress_key(task_id)) or (0, 0)
    return done, total


def count_rows(resource, task_id, total: int) -> None:
    """Report every 50th row the resource imports to the shared cache, for the progress bar."""
    import_row = resource.import_row
    done = 0
    cache.set(progress_key(task_id), (0, total), PROGRESS_SECONDS)

    def counted(*args, **kwargs):
        nonlocal done
        result = import_row(*args, **kwargs)
        done += 1
        if done % 50 == 0 or done == total:
            cache.set(progress_key(task_id), (done, total), PROGRESS_SECONDS)
        return result

    resource.import_row = counted


def import_backend() -> str:
    """The task backend imports go to: one that stores tasks for a worker (not Wagtail's
    default immediate backend, which would run them inside the request)."""
    return get_setting("WAGTAIL_DISCLOSURE_IMPORT_TASK_BACKEND")


def enqueue_import(*args):
    return import_spreadsheet.using(backend=import_backend()).enqueue(*args)


def import_result(task_id):
    return task_backends[import_backend()].get_result(task_id)


@task(takes_context=True)
def import_spreadsheet(context, view_path: str, stored_name: str, file_name: str, user_id: int,
                       dry_run: bool) -> dict:
    """Run one import screen's import of a stored upload; the result is what the screen shows."""
    view = import_string(view_path)()
    view.request = SimpleNamespace(user=get_user_model().objects.get(pk=user_id))
    view.kwargs = {}
    storage = MediaStorage(name=stored_name, MEDIA_FOLDER=TMP_FOLDER)
    task_id = context.task_result.id
    report = view.import_bytes(storage.read(), file_name, dry_run=dry_run,
                               on_resource=lambda resource, total: count_rows(resource, task_id,
                                                                              total))
    if not dry_run and report.ok:
        storage.remove()
    return {
        "dry_run": dry_run,
        "ok": report.ok,
        "problems": [str(problem) for problem in report.problems],
        "totals": report.totals,
        "rows": [[number, kind, str(text or "")]
                 for number, kind, text, _diff in report.rows()[:PREVIEW_ROWS]],
        "stored_name": stored_name,
        "file_name": file_name,
        "user_id": user_id,
        "view": view_path,
    }
