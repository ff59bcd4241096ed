"""Bad files give a clear error with its row and write nothing, on the command line and in the
admin, which never answers 500."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from tests.plans.bad_files import BAD_FILES, as_upload

pytestmark = pytest.mark.django_db
IDS = [case[0] for case in BAD_FILES]


def nothing_written():
    from wagtail.models import Revision

    from wagtail_disclosure.plans.models import Requirement, TaskPage, TaskPlanPage

    return not (
        TaskPlanPage.objects.exists()
        or TaskPage.objects.exists()
        or Requirement.objects.exists()
        or Revision.objects.filter(content_type__model="taskpage").exists()
    )


@pytest.mark.parametrize("case,name,data,words,status", BAD_FILES, ids=IDS)
def test_the_command_refuses_a_bad_file(case, name, data, words, status, tmp_path, plans_index):
    path = tmp_path / name
    path.write_bytes(data)
    out = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError) as failure:
        call_command("disclosure_import_plan", str(path), "--json", stdout=out)
    assert failure.value.returncode == status
    document = json.loads(out.getvalue())
    messages = " ".join(e["message"] for e in document["errors"])
    assert words in messages
    if case in ("5mb-cell", "units-without-requirement"):
        assert all(e["row"] for e in document["errors"]), "row errors name their row"
        assert f"Row {document['errors'][0]['row']}" in messages
    assert nothing_written()


@pytest.mark.parametrize("case,name,data,words,status", BAD_FILES, ids=IDS)
def test_the_admin_shows_the_error_and_writes_nothing(
    case, name, data, words, status, client, manager, plans_index
):
    client.force_login(manager)
    with translation.override("en"):
        response = client.post(
            reverse("wagtail_disclosure_admin:import_plan"),
            {"file": as_upload(name, data), "parent": plans_index.pk},
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 200
    html = response.content.decode()
    if case in ("empty", "blank-csv"):
        # Django's upload form refuses an empty file before it is read.
        assert "empty" in html
    else:
        assert "The file has errors: nothing will be imported" in html
        assert words in html
    assert "Confirm import" not in html
    assert nothing_written()


def test_a_file_that_is_not_a_table_type_is_refused_by_the_form(client, manager, plans_index):
    client.force_login(manager)
    with translation.override("en"):
        response = client.post(
            reverse("wagtail_disclosure_admin:import_plan"),
            {"file": as_upload("plan.exe", b"MZ\x90\x00"), "parent": plans_index.pk},
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 200
    assert "File extension “exe” is not allowed" in response.content.decode()
    assert nothing_written()
