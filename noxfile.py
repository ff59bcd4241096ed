"""The version matrix: every supported Python, Django and Wagtail line, tested.

``.ci/run`` runs the full suite (SQLite and PostgreSQL, browser tests included) on the main
combination through ``make test``, then ``nox`` for everything here: the suite without browser
tests, on SQLite, on each other combination, and the packaging checks. A developer runs
``make test``; ``nox -s "tests(py3.11-django5.2-wagtail7.4)"`` runs one combination, and
``nox -l`` lists them.

Each combination pins the feature line of Django and Wagtail and takes the newest patch release
the package index serves; ``wagtail8-newest`` takes the newest 8.x, so a new Wagtail feature
release is tested the day it appears. The declared ranges in ``pyproject.toml`` and its
classifiers name exactly these lines (``tests/core/test_packaging.py`` holds them together).
"""

import os
import shutil
import tarfile
import zipfile
from pathlib import Path

import nox

nox.needs_version = ">=2024.10.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.error_on_missing_interpreters = True
nox.options.download_python = "never"
nox.options.sessions = ["tests", "package"]

# (Python, Django line, Wagtail line). The main combination (Python 3.11, Django 5.2,
# Wagtail 8.0) is not here: `make test` runs it on both databases with the browser tests.
MATRIX = [
    ("3.11", "5.2", "7.4"),  # the oldest: Wagtail's LTS on the oldest Python
    ("3.12", "6.0", "7.4"),  # the LTS on the newest Django it supports
    ("3.12", "6.0", "8.0"),
    ("3.13", "5.2", "8.0"),
    ("3.13", "6.1", "8"),  # the newest: Django 6.1 with the newest Wagtail 8.x
]

DJANGO = {"5.2": "Django~=5.2.0", "6.0": "Django~=6.0.0", "6.1": "Django~=6.1.0"}
WAGTAIL = {"7.4": "wagtail~=7.4.0", "8.0": "wagtail~=8.0.0", "8": "wagtail>=8.0,<9"}


def session_id(python, django, wagtail):
    return f"py{python}-django{django}-wagtail{wagtail if wagtail != '8' else '8-newest'}"


def add_pyenv_interpreters():
    """Put pyenv's installed Pythons on PATH: its shims answer ``python3.12`` only for the
    versions selected in the shell, so nox would not find the others."""
    root = os.environ.get("PYENV_ROOT") or str(Path.home() / ".pyenv")
    found = sorted(Path(root).glob("versions/3.*/bin"), reverse=True)
    if found:
        os.environ["PATH"] = os.pathsep.join([*map(str, found), os.environ.get("PATH", "")])


add_pyenv_interpreters()


@nox.session
@nox.parametrize(
    "python,django,wagtail", MATRIX, ids=[session_id(*combination) for combination in MATRIX]
)
def tests(session, django, wagtail):
    """makemigrations --check, then the suite without browser tests, on SQLite."""
    session.install("-e", ".[test]", DJANGO[django], WAGTAIL[wagtail])
    session.run(
        "python",
        "-c",
        "import django, wagtail, sys; print('python', sys.version.split()[0], "
        "'django', django.__version__, 'wagtail', wagtail.__version__)",
    )
    sqlite = {"DATABASE_URL": None}
    session.run(
        "python",
        "example_site/manage.py",
        "makemigrations",
        "--check",
        "--dry-run",
        env=sqlite,
    )
    session.run("python", "-m", "pytest", "-m", "not browser", *session.posargs, env=sqlite)


#: What the distributions must hold (and what they must not).
SDIST_HOLDS = [
    "LICENSE",
    "CHANGELOG.md",
    "README.md",
    "noxfile.py",
    "docs/install.md",
    "tests/conftest.py",
    "tests/install/test_fresh_site.py",
    "example_site/manage.py",
    "example_site/demo/data/jining-2022/task-table.xlsx",
    "wagtail_disclosure/locale/zh_Hans/LC_MESSAGES/django.po",
    "wagtail_disclosure/locale/zh_Hans/LC_MESSAGES/django.mo",
]
WHEEL_HOLDS = [
    "wagtail_disclosure/migrations/0001_initial.py",
    "wagtail_disclosure/locale/zh_Hans/LC_MESSAGES/django.mo",
    "wagtail_disclosure/templates/wagtail_disclosure/base.html",
    "wagtail_disclosure/static/wagtail_disclosure/disclosure.css",
]
NEVER_SHIPPED = ("__pycache__/", ".pyc", ".sqlite3", "example_site/media/", ".nox/")


@nox.session(python="3.11")
def package(session):
    """Build the sdist and wheel, twine check them, check what they hold."""
    session.install("build", "twine")
    dist = Path(session.create_tmp()) / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.run("python", "-m", "build", "--outdir", str(dist), silent=True)
    session.run("python", "-m", "twine", "check", "--strict", *map(str, sorted(dist.iterdir())))
    problems = distribution_problems(dist)
    if problems:
        session.error("; ".join(problems))
    session.log(f"the distributions hold what they should: {', '.join(sorted(os.listdir(dist)))}")


def distribution_problems(dist: Path) -> list[str]:
    (sdist,) = dist.glob("*.tar.gz")
    (wheel,) = dist.glob("*.whl")
    with tarfile.open(sdist) as archive:
        in_sdist = {name.partition("/")[2] for name in archive.getnames()}
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = set(archive.namelist())
    problems = [f"the sdist lacks {name}" for name in SDIST_HOLDS if name not in in_sdist]
    problems += [f"the wheel lacks {name}" for name in WHEEL_HOLDS if name not in in_wheel]
    if not any(name.endswith(".dist-info/licenses/LICENSE") for name in in_wheel):
        problems.append("the wheel lacks LICENSE")
    problems += [
        f"the wheel holds {name}"
        for name in in_wheel
        if name.startswith(("tests/", "example_site/"))
    ]
    problems += [
        f"{name} is shipped"
        for name in in_sdist | in_wheel
        if any(part in name for part in NEVER_SHIPPED)
    ]
    return problems
