"""A large spreadsheet is checked and imported in the background: the editor sees a progress
bar, then the preview, confirms, and sees the result; nothing of it runs inside the request."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from tests.builders import make_manager
from tests.worker import run_worker
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

