"""The example site deploys: DEBUG is off unless asked for, static files are served with it off,
and ``check --deploy`` has nothing to say about the production settings."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.test import Client

REPO = Path(__file__).resolve().parents[2]
SITE = REPO / "example_site"
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "example_site.settings_production",
    "DJANGO_SECRET_KEY": "k7Qf-9vX2mL0pR4tY8wZ1nB6cH3jD5sG0aE2uI7oK9lM4qW8xV1zT6yN3bF5hJ0r",
    "DJANGO_ALLOWED_HOSTS": "disclosure.example.gov.cn",
    "DATABASE_URL": "sqlite:///:memory:",
}


def run_in_site(*args, env=None):
    environment = {**os.environ, **PRODUCTION_ENV, **(env or {})}
    # Set by the test suite for Playwright; a server never has it (check --deploy says so).
    for name in ("DJANGO_DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        environment.pop(name, None)
    return subprocess.run(
        [sys.executable, *args], cwd=SITE, env=environment, capture_output=True, text=True,
        timeout=600,
    )


def test_debug_is_off_unless_the_environment_turns_it_on():
    code = "import example_site.settings as s; print(s.DEBUG)"
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_DEBUG"}
    off = subprocess.run([sys.executable, "-c", code], cwd=SITE, env=environment,
                         capture_output=True, text=True)
    on = subprocess.run([sys.executable, "-c", code], cwd=SITE,
                        env={**environment, "DJANGO_DEBUG": "1"}, capture_output=True, text=True)
    assert (off.stdout.strip(), on.stdout.strip()) == ("False", "True")


def test_check_deploy_has_nothing_to_say_about_the_production_settings():
    result = run_in_site("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_production_settings_refuse_to_start_without_a_secret_key():
    result = run_in_site("manage.py", "check", env={"DJANGO_SECRET_KEY": ""})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_static_files_are_served_with_debug_off(db):
    assert settings.DEBUG is False
    response = Client().get("/static/wagtail_disclosure/disclosure.css")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)


def test_collected_static_files_are_served_hashed_and_cached_far_ahead_in_production(tmp_path):
    script = """
import django
from django.core.management import call_command
django.setup()
call_command("collectstatic", interactive=False, verbosity=0)
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client
url = staticfiles_storage.url("wagtail_disclosure/disclosure.css")
response = Client().get(url, secure=True, HTTP_HOST="disclosure.example.gov.cn")
print("|".join([url, str(response.status_code), response.get("Cache-Control", "")]))
"""
    result = run_in_site("-c", script, env={"DJANGO_STATIC_ROOT": str(tmp_path)})
    assert result.returncode == 0, result.stderr[-2000:]
    url, status, cache_control = result.stdout.strip().splitlines()[-1].split("|")
    assert url.startswith("/static/wagtail_disclosure/disclosure.") and url != (
        "/static/wagtail_disclosure/disclosure.css"
    )
    assert status == "200"
    assert "max-age=315360000" in cache_control
