"""A site developer adds the app to a brand-new Wagtail site by following docs/install.md, and
gets the Jining 2022 plan on a public page and the 政务公开 menu in the admin.

The site is made by ``wagtail start`` (the installed Wagtail's own project template) in a
temporary folder. The code blocks of docs/install.md that follow an ``install-test`` comment
are applied exactly as written: the settings appended to the settings file, the URL line put in
``urlpatterns``, ``base.html`` replaced, the commands run with ``manage.py``. The package itself
is the one installed in this environment (``pip install`` of the doc's step 2 is what made it).
The site runs in its own processes, on its own SQLite database, served by ``runserver``.
"""

import http.cookiejar
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.jining import DATA, REPO, expected_outline

DOC = REPO / "docs" / "install.md"
PASSWORD = "install-test-password"


def doc_blocks() -> dict[str, str]:
    """The code blocks of docs/install.md the test applies, by the name in their comment."""
    text = DOC.read_text(encoding="utf-8")
    pattern = r"<!-- install-test: (\S+) -->\n```[a-z]*\n(.*?)\n```"
    return {name: code for name, code in re.findall(pattern, text, flags=re.S)}


def site_environment() -> dict[str, str]:
    """This environment less what points at the example site (pytest-django's settings)."""
    env = {
        k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    }
    env.update(
        DJANGO_SUPERUSER_USERNAME="admin",
        DJANGO_SUPERUSER_EMAIL="admin@example.com",
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
        PYTHONUNBUFFERED="1",
    )
    return env


def run(site: Path, args: list[str], stdin: str | None = None) -> str:
    done = subprocess.run(
        args,
        cwd=site,
        env=site_environment(),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, f"{shlex.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def manage(site: Path, command_line: str, stdin: str | None = None) -> str:
    """Run a ``python manage.py …`` line of the doc; a superuser is made without prompting."""
    args = shlex.split(command_line)
    assert args[:2] == ["python", "manage.py"], command_line
    if args[2] == "createsuperuser":
        args.append("--noinput")
    return run(site, [sys.executable, *args[1:]], stdin=stdin)


def wagtail_start(folder: Path) -> Path:
    wagtail = Path(sys.executable).with_name("wagtail")
    command = [str(wagtail)] if wagtail.exists() else [sys.executable, "-m", "wagtail.bin.wagtail"]
    run(folder, [*command, "start", "mysite", str(folder)])
    return folder


def apply_settings_and_templates(site: Path, blocks: dict[str, str]) -> None:
    settings = site / "mysite" / "settings" / "base.py"
    settings.write_text(settings.read_text(encoding="utf-8") + "\n" + blocks["settings"] + "\n")
    urls = site / "mysite" / "urls.py"
    text = urls.read_text(encoding="utf-8")
    assert "urlpatterns = [\n" in text
    urls.write_text(
        text.replace("urlpatterns = [\n", "urlpatterns = [\n" + blocks["urls"] + "\n", 1)
    )
    (site / "mysite" / "templates" / "base.html").write_text(blocks["base.html"] + "\n")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Browser:
    """urllib with cookies: enough to read pages and log in to the admin like a person."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path: str) -> tuple[int, str]:
        with self.opener.open(self.base + path, timeout=60) as response:
            return response.status, response.read().decode("utf-8")

    def post(self, path: str, fields: dict[str, str]) -> tuple[int, str]:
        data = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(
            self.base + path, data=data, headers={"Referer": self.base + path}
        )
        with self.opener.open(request, timeout=60) as response:
            return response.status, response.read().decode("utf-8")

    def cookie(self, name: str) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == name)


def serve(site: Path, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=site,
        env=site_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"runserver stopped:\n{server.stdout.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    pytest.fail("runserver did not start within 60 s")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A `wagtail start` site with the app installed as docs/install.md says, the register and
    the Jining 2022 table imported, served on a free port."""
    blocks = doc_blocks()
    site = wagtail_start(tmp_path_factory.mktemp("fresh-site"))
    apply_settings_and_templates(site, blocks)
    for line in blocks["commands"].splitlines():
        manage(site, line)
    (site / "column.py").write_text(blocks["column.py"], encoding="utf-8")
    manage(site, "python manage.py shell", stdin=blocks["column.py"])
    shutil.copy(DATA / "units.csv", site / "units.csv")
    shutil.copy(DATA / "task-table.xlsx", site / "task-table.xlsx")
    outputs = [manage(site, line) for line in blocks["imports"].splitlines()]
    port = free_port()
    server = serve(site, port)
    yield {"root": site, "url": f"http://127.0.0.1:{port}", "outputs": outputs}
    server.terminate()
    server.wait(timeout=30)


def test_the_doc_names_every_step_the_test_applies():
    assert set(doc_blocks()) == {
        "settings",
        "urls",
        "base.html",
        "commands",
        "column.py",
        "imports",
    }


def test_the_register_and_the_plan_import_without_errors(site):
    units, plan, _index = site["outputs"]
    counts = expected_outline()["counts"]

    assert "新增 54 条" in units
    assert (
        f"{counts['sections']} 个部分，{counts['tasks']} 项任务，"
        f"{counts['requirements']} 条具体要求" in plan
    )
    # Every unit the table names is found in the register, but for two collective phrases that
    # name no one unit: they are kept as written.
    unmatched = set(re.findall(r"单位“([^”]+)”不在单位名录中", plan))
    assert unmatched == {"市政府有关部门、单位", "县级政府办公室"}


def test_the_public_plan_page_shows_the_jining_plan_in_chinese(site):
    status, html = Browser(site["url"]).get("/plans/2022/")

    assert status == 200
    assert '<html lang="zh-Hans">' in html
    assert '<main id="main"' in html
    assert expected_outline()["plan"]["title"] in html
    assert "市政府办公室" in html


def test_the_admin_shows_the_disclosure_menu_to_the_superuser(site):
    browser = Browser(site["url"])
    status, _login = browser.get("/admin/login/")
    assert status == 200

    status, dashboard = browser.post(
        "/admin/login/",
        {
            "username": "admin",
            "password": PASSWORD,
            "csrfmiddlewaretoken": browser.cookie("csrftoken"),
        },
    )

    assert status == 200
    assert 'name="password"' not in dashboard  # logged in, not sent back to the form
    # The sidebar is JSON in the page: its labels are escaped there.
    assert json.dumps("政务公开") in dashboard or "政务公开" in dashboard
    status, import_page = browser.get("/admin/disclosure/plans/import/")
    assert status == 200
    assert "导入任务分解表" in import_page
