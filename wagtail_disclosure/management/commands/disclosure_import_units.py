from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wagtail_disclosure.core.imports import ImportFileError, load_dataset, run_import
from wagtail_disclosure.core.spreadsheets import SpreadsheetError, read_file_within_limit
from wagtail_disclosure.units.imports import COLUMNS, REQUIRED_COLUMNS, UnitRegisterResource
from wagtail_disclosure.units.models import UnitIndexPage


class Command(BaseCommand):
    help = (
        "Import the responsible units register "
        "(csv or xlsx: name, full_name, kind, parent, groups, aliases)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="units register, .csv or .xlsx")
        parser.add_argument(
            "--dry-run", action="store_true", help="check and report, write nothing"
        )
        parser.add_argument(
            "--parent", help="slug of the unit directory page to create units under"
        )

    def handle(self, file, dry_run=False, parent=None, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": file})
        parent_page = None
        if parent:
            parent_page = UnitIndexPage.objects.filter(slug=parent).first()
            if parent_page is None:
                raise CommandError(
                    _("No unit directory page with slug “%(slug)s”.") % {"slug": parent}
                )
        try:
            data = read_file_within_limit(path)
            dataset = load_dataset(data, path.name, REQUIRED_COLUMNS, COLUMNS)
        except (ImportFileError, SpreadsheetError) as exc:
            raise CommandError(f"{path.name}: {exc}") from exc
        report = run_import(UnitRegisterResource(parent_page=parent_page), dataset, dry_run=dry_run)
        if report.problems:
            for problem in report.problems:
                self.stderr.write(f"{path.name}: {problem}")
            raise CommandError(_("Nothing was imported: the file has errors."))
        totals = report.totals
        message = _("%(new)s new, %(update)s updated, %(skip)s unchanged.") % {
            "new": totals.get("new", 0),
            "update": totals.get("update", 0),
            "skip": totals.get("skip", 0),
        }
        prefix = _("Dry run, nothing written: ") if dry_run else ""
        self.stdout.write(prefix + message)
