"""What the package says about itself is what is tested and shipped: its declared versions are
the version matrix's, its licence is in the distributions, its README reads on the package index,
and its compiled translations are exactly what the sources compile to.

Building the distributions themselves (and ``twine check``) is the ``package`` session of
noxfile.py, which .ci/run runs.
"""

import ast
import re
import shutil
import subprocess
import tomllib

import pytest
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from tests.jining import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
CATALOGUES = [
    REPO / "wagtail_disclosure" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po",
    REPO / "example_site" / "example_site" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po",
]
# The main combination, which `make test` runs with the browser tests on both databases.
MAIN = ("3.11", "5.2", "8.0")


def matrix() -> list[tuple[str, str, str]]:
    """(Python, Django, Wagtail) of every tested combination: noxfile.py's MATRIX and the main."""
    tree = ast.parse((REPO / "noxfile.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MATRIX":
            return [MAIN, *ast.literal_eval(node.value)]
    raise AssertionError("noxfile.py has no MATRIX")


def classified(prefix: str) -> set[str]:
    return {
        classifier.removeprefix(prefix)
        for classifier in PYPROJECT["classifiers"]
        if classifier.startswith(prefix) and classifier.removeprefix(prefix)[:1].isdigit()
    }


def requirement(name: str) -> SpecifierSet:
    for line in PYPROJECT["dependencies"]:
        match = re.fullmatch(rf"{name}([<>=!~,.\d\s]+)", line, flags=re.I)
        if match:
            return SpecifierSet(match.group(1))
    raise AssertionError(f"{name} is not a dependency")


def test_the_classifiers_name_exactly_the_tested_pythons_djangos_and_wagtails():
    combinations = matrix()

    pythons = {v for v in classified("Programming Language :: Python :: ") if "." in v}
    assert pythons == {python for python, _d, _w in combinations}
    assert classified("Framework :: Django :: ") == {django for _p, django, _w in combinations}
    assert classified("Framework :: Wagtail :: ") == {
        wagtail.split(".")[0] for _p, _d, wagtail in combinations
    }


def test_the_declared_ranges_admit_every_tested_line_and_no_untested_one():
    combinations = matrix()
    python = SpecifierSet(PYPROJECT["requires-python"])
    django, wagtail = requirement("Django"), requirement("wagtail")

    for python_line, django_line, wagtail_line in combinations:
        assert Version(python_line) in python
        assert Version(django_line) in django
        assert Version(wagtail_line if "." in wagtail_line else f"{wagtail_line}.0") in wagtail
    newest_python = max(Version(p) for p, _d, _w in combinations)
    assert Version(f"{newest_python.major}.{newest_python.minor + 1}") not in python
    newest_django = max(Version(d) for _p, d, _w in combinations)
    assert Version(f"{newest_django.major}.{newest_django.minor + 1}") not in django
    assert Version("7.3") not in wagtail and Version("9.0") not in wagtail
    assert Version("5.1") not in django


def test_the_licence_is_bsd_3_clause_and_ships_in_the_distributions():
    text = (REPO / "LICENSE").read_text(encoding="utf-8")

    assert PYPROJECT["license"] == "BSD-3-Clause"
    assert PYPROJECT["license-files"] == ["LICENSE"]
    assert text.startswith("BSD 3-Clause License")
    assert "Neither the name of the copyright holder" in text


def test_the_source_distribution_holds_the_docs_tests_and_example_site():
    manifest = (REPO / "MANIFEST.in").read_text(encoding="utf-8").split()

    for folder in ["docs", "tests", "example_site", "benchmarks"]:
        assert folder in manifest[manifest.index("graft") :], folder
    for name in ["LICENSE", "CHANGELOG.md", "noxfile.py"]:
        assert name in manifest


def test_the_readme_links_work_on_the_package_index():
    """The index shows README.md away from the repository: a relative link there is broken."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)]+)\)", readme) + re.findall(r'href="([^"]+)"', readme)

    assert [t for t in targets if not t.startswith(("https://", "#"))] == []


def test_the_changelog_keeps_a_changelog():
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", text, flags=re.M)

    assert text.startswith("# Changelog\n")
    assert "https://keepachangelog.com/en/1.1.0/" in text
    assert headings[0] == ("Unreleased", "")
    released = [Version(version) for version, _date in headings[1:]]
    assert released == sorted(released, reverse=True)
    assert all(date for _version, date in headings[1:])
    sections = set(re.findall(r"^### (.+)$", text, flags=re.M))
    assert sections <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("po", CATALOGUES, ids=lambda po: po.parts[-5])
def test_the_compiled_translations_are_exactly_what_msgfmt_makes_of_the_sources(po, tmp_path):
    """`make messages` compiles the same bytes every time (no timestamps in a .mo), so the
    committed .mo is checked byte for byte against its .po."""
    compiled = tmp_path / "django.mo"

    subprocess.run(["msgfmt", "--check-format", "-o", compiled, po], check=True)

    assert compiled.read_bytes() == po.with_suffix(".mo").read_bytes()
