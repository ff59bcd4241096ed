"""A large spreadsheet is checked and imported in the background: the editor sees a progress
bar, then the preview, confirms, and sees the result; nothing of it runs inside the request."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from tests.builders import make_manager
from tests.worker import claimed_by_a_worker_that_was_killed, run_worker
from wagtail_disclosure.units.models import UnitPage

pytestmark = pytest.mark.django_db

URL = "wagtail_disclosure_admin:import_units"
REGISTER = "name,full_name,kind,parent,groups,aliases\n" + "".join(
    f"市第{n}局,济宁市第{n}局,municipal_department,,,\n" for n in range(1, 8)
)


@override_settings(WAGTAIL_DISCLOSURE_IMPORT_BACKGROUND_ROWS=5)
def test_a_large_file_is_previewed_and_imported_by_a_background_task(client, empty_register):
    client.force_login(make_manager())

    queued = client.post(reverse(URL), {"file": SimpleUploadedFile("units.csv", REGISTER.encode())})
    assert queued.status_code == 302
    status_url = queued["Location"]
    assert "?task=" in status_url
    waiting = client.get(status_url).content.decode()
    assert "<progress" in waiting and 'http-equiv="refresh"' in waiting
    assert UnitPage.objects.count() == 0

    run_worker()
    preview = client.get(status_url).content.decode()
    assert "市第7局" in preview and "确认导入" in preview
    assert UnitPage.objects.count() == 0  # the preview wrote nothing

    stored = re.search(r'name="import_file_name" value="([^"]+)"', preview)[1]
    applying = client.post(status_url, {"import_file_name": stored,
                                        "original_file_name": "units.csv"})
    assert applying.status_code == 302 and "?task=" in applying["Location"]
    run_worker()
    done = client.get(applying["Location"], follow=True).content.decode()

    assert "已导入“units.csv”：新增 7 条" in done
    assert UnitPage.objects.count() == 7


@override_settings(WAGTAIL_DISCLOSURE_IMPORT_BACKGROUND_ROWS=5)
def test_another_editor_cannot_follow_someone_elses_import(client, empty_register):
    client.force_login(make_manager())
    queued = client.post(reverse(URL), {"file": SimpleUploadedFile("units.csv", REGISTER.encode())})

    client.force_login(make_manager("another-manager"))
    assert client.get(queued["Location"]).status_code == 404


def test_a_small_file_is_still_previewed_in_the_request(client, empty_register):
    client.force_login(make_manager())
    response = client.post(reverse(URL), {"file": SimpleUploadedFile("units.csv",
                                                                     REGISTER.encode())})
    assert response.status_code == 200 and "确认导入" in response.content.decode()



DATABASE_CACHE = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                              "LOCATION": "test_import_progress_cache"}}


@override_settings(WAGTAIL_DISCLOSURE_IMPORT_BACKGROUND_ROWS=5, CACHES=DATABASE_CACHE)
def test_the_progress_is_kept_with_the_database_cache_that_make_run_uses(client, empty_register):
    """`make run` and the production settings share a database cache. The import runs in one
    database transaction: progress written to that cache from inside it was rolled back with
    the dry run (and, until then, invisible to the server), so the bar stayed at 0."""
    from django.core.management import call_command

    from wagtail_disclosure.core.import_tasks import progress_of

    call_command("createcachetable", verbosity=0)
    client.force_login(make_manager())
    queued = client.post(reverse(URL), {"file": SimpleUploadedFile("units.csv", REGISTER.encode())})
    task_id = queued["Location"].split("task=")[1]

    run_worker()

    progress = progress_of(task_id)
    assert (progress.done, progress.total) == (7, 7)
    assert progress.at is not None


@override_settings(WAGTAIL_DISCLOSURE_IMPORT_BACKGROUND_ROWS=5,
                   WAGTAIL_DISCLOSURE_IMPORT_STALE_MINUTES=10)
def test_an_import_whose_worker_was_killed_is_shown_as_interrupted_and_can_start_again(
    client, empty_register
):
    client.force_login(make_manager())
    queued = client.post(reverse(URL), {"file": SimpleUploadedFile("units.csv", REGISTER.encode())})
    status_url = queued["Location"]
    task_id = status_url.split("task=")[1]

    claimed_by_a_worker_that_was_killed(task_id, minutes_ago=3)
    running = client.get(status_url).content.decode()
    assert "<progress" in running and "导入已中断" not in running, "3 minutes is not yet stale"

    claimed_by_a_worker_that_was_killed(task_id, minutes_ago=11)
    page = client.get(status_url).content.decode()
    assert "导入已中断" in page
    assert "后台进程已超过 10 分钟没有报告进度" in page and "本次导入没有写入任何内容" in page
    assert 'http-equiv="refresh"' not in page, "an interrupted import stops refreshing"
    assert UnitPage.objects.count() == 0

    again = client.post(status_url, {"restart_task": task_id})
    assert again.status_code == 302 and again["Location"] != status_url
    run_worker()
    preview = client.get(again["Location"]).content.decode()
    assert "市第7局" in preview and "确认导入" in preview


@override_settings(WAGTAIL_DISCLOSURE_IMPORT_BACKGROUND_ROWS=5,
                   WAGTAIL_DISCLOSURE_IMPORT_STALE_MINUTES=10)
def test_an_import_that_is_still_running_cannot_be_started_twice(client, empty_register):
    from django_tasks_db.models import DBTaskResult

    client.force_login(make_manager())
    queued = client.post(reverse(URL), {"file": SimpleUploadedFile("units.csv", REGISTER.encode())})
    task_id = queued["Location"].split("task=")[1]
    claimed_by_a_worker_that_was_killed(task_id, minutes_ago=1)

    response = client.post(queued["Location"], {"restart_task": task_id})

    assert response["Location"] == queued["Location"]
    assert DBTaskResult.objects.count() == 1


@override_settings(WAGTAIL_DISCLOSURE_IMPORT_BACKGROUND_ROWS=5,
                   WAGTAIL_DISCLOSURE_IMPORT_STALE_MINUTES=10)
def test_an_import_no_worker_takes_says_to_ask_whether_the_worker_runs(client, empty_register):
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    client.force_login(make_manager())
    queued = client.post(reverse(URL), {"file": SimpleUploadedFile("units.csv", REGISTER.encode())})
    task_id = queued["Location"].split("task=")[1]
    assert "是否在运行" not in client.get(queued["Location"]).content.decode()

    DBTaskResult.objects.filter(pk=task_id).update(
        enqueued_at=timezone.now() - timezone.timedelta(minutes=12))
    page = client.get(queued["Location"]).content.decode()

    assert "导入已等待后台进程超过 10 分钟" in page and "manage.py db_worker" in page
    assert 'http-equiv="refresh"' in page, "it still waits: the worker may come back"
