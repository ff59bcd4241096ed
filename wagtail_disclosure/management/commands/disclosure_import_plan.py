"""``disclosure_import_plan FILE``: import a task plan (工作任务分解表) as pages.

Exit status 0 when the file has no errors, 1 when it has (nothing is written), 2 for a wrong
command line or a file that cannot be read at all (or is over a reading limit), 3 when another
import of a plan is running. With ``--json`` standard output holds only
the outline as JSON (plus a ``changes`` key saying what the import creates, changes and removes).
"""

import json
from contextlib import nullcontext
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wagtail_disclosure.core.bounded_reader import reads_remembered
from wagtail_disclosure.core.imports import ImportBusy, import_lock
from wagtail_disclosure.core.spreadsheets import SpreadsheetError, read_file_within_limit
from wagtail_disclosure.plans.conflicts import TAKE_ALL, link_names
from wagtail_disclosure.plans.importer import (
    PLAN_IMPORT_LOCK,
    PlanImportError,
    apply_changes,
    default_parent,
    is_unreadable,
    outline_json,
    prepare_import,
)
from wagtail_disclosure.plans.messages import problem_message
from wagtail_disclosure.plans.models import TaskPlanIndexPage


class Command(BaseCommand):
    help = "Import a task plan table (.xlsx, .xls, .csv, .docx or text from a PDF) as pages."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the task table: .xlsx, .xls, .csv, .docx or .txt")
        parser.add_argument(
            "--year", type=int, help="the plan's year (default: found in the title or file name)"
        )
        parser.add_argument(
            "--plan",
            help="slug of the plan page (default: the plan of the table's year and title; "
            "a table without a title row makes a new plan unless named here)",
        )
        parser.add_argument(
            "--parent", help="slug of the task plan index a new plan goes under (default: first)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check and report, write nothing"
        )
        parser.add_argument(
            "--json", action="store_true", help="print only the outline as JSON on stdout"
        )
        parser.add_argument(
            "--delete-removed-with-progress",
            action="store_true",
            help="also delete removed requirements that have progress reports (and those reports)",
        )
        parser.add_argument("--user", help="username recorded on the revisions")
        parser.add_argument(
            "--overwrite-edits",
            action="store_true",
            help="take the file's values for requirements edited in the admin since the last "
            "import (by default those edits are kept and reported)",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = read_file_within_limit(path)
        except SpreadsheetError as exc:
            raise CommandError(f"{path.name}: {exc}", returncode=2) from exc
        except OSError as exc:
            raise CommandError(
                _("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc.strerror},
                returncode=2,
            ) from exc
        year = options["year"]
        if year is not None and not 1949 <= year <= 2200:
            raise CommandError(_("--year must be a year such as 2022."), returncode=2)
        parent = default_parent()
        if options["parent"]:
            parent = TaskPlanIndexPage.objects.filter(slug=options["parent"]).first()
            if parent is None:
                raise CommandError(
                    _("No task plan index page with slug “%(slug)s”.")
                    % {"slug": options["parent"]},
                    returncode=2,
                )
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(
                    _("No user “%(name)s”.") % {"name": options["user"]}, returncode=2
                )

        try:
            lock = nullcontext() if options["dry_run"] else import_lock(PLAN_IMPORT_LOCK,
                                                                        _("a task plan"))
            with lock:
                changes, document, result = self.import_file(data, path, year, parent, user,
                                                             options)
        except ImportBusy as exc:
            raise CommandError(str(exc), returncode=3) from exc
        outline = changes.outline
        if options["json"]:
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=1))
        else:
            self.report(path.name, changes, result, options["dry_run"])
        if outline.errors:
            message = _("Nothing was imported: %(file)s has errors.") % {"file": path.name}
            raise CommandError(message, returncode=2 if is_unreadable(outline) else 1)

    def import_file(self, data, path, year, parent, user, options):
        """Read the file, compare it with the plan and write it (unless a dry run)."""
        with reads_remembered():  # the table, then the same bytes as the plan's document
            return self._import_file(data, path, year, parent, user, options)

    def _import_file(self, data, path, year, parent, user, options):
        changes = prepare_import(
            data, path.name, year=year, slug=options["plan"], parent=parent,
            take_file=TAKE_ALL if options["overwrite_edits"] else None,
        )
        outline = changes.outline
        # The whole outline as data only for --json: for 10,000 rows it is 70,000 objects.
        document = outline_json(outline) if options["json"] else {}
        document["changes"] = changes.to_dict()
        document["dry_run"] = bool(options["dry_run"] or outline.errors)
        result = None
        if not document["dry_run"]:
            if changes.plan is None and parent is None:
                raise CommandError(
                    _("There is no task plan index page to create the plan under."), returncode=2
                )
            try:
                result = apply_changes(
                    changes,
                    parent=parent,
                    user=user,
                    delete_in_use=options["delete_removed_with_progress"],
                    file_name=path.name,
                )
            except PlanImportError as exc:
                raise CommandError(str(exc), returncode=1) from exc
            document["changes"]["plan"].update(
                id=result.plan.pk,
                url=result.plan.url_path,
                written=result.wrote,
                deleted=result.deleted,
                kept=result.kept,
            )
        return changes, document, result

    def report_conflicts(self, name, changes):
        """Each requirement edited in the admin since the last import that the file differs on."""
        conflicts = [change.conflict for change in changes.conflicts]
        names = link_names(conflicts) if conflicts else {}
        for change in changes.conflicts:
            rows = "、".join(str(row) for row in change.source_rows)
            if change.conflict.take_file:
                message = _("Row %(rows)s: the admin’s edit is replaced by the file (%(what)s).")
            else:
                message = _(
                    "Row %(rows)s: edited in the admin since the last import; the edit is kept "
                    "(%(what)s). Use --overwrite-edits to take the file’s values."
                )
            what = "；".join(
                f"{label}: {admin} ≠ {file}" for label, admin, file in change.conflict.rows(names)
            )
            self.stdout.write(f"{name}: " + message % {"rows": rows, "what": what})

    def report(self, name, changes, result, dry_run):
        outline = changes.outline
        for problem in outline.problems:
            stream = self.stderr if problem.is_error else self.stdout
            stream.write(f"{name}: {problem_message(problem)}")
        if outline.errors:
            return
        counts = changes.summary()
        self.stdout.write(
            _(
                "%(title)s (%(year)s): %(sections)s sections, %(tasks)s tasks, "
                "%(requirements)s requirements."
            )
            % {
                "title": outline.title,
                "year": outline.year,
                "sections": len(outline.sections),
                "tasks": len(outline.tasks),
                "requirements": len(outline.requirements),
            }
        )
        self.stdout.write(
            _(
                "%(created)s new, %(changed)s changed, %(unchanged)s unchanged, "
                "%(removed)s removed (%(removed_with_progress)s of them with progress)."
            )
            % counts
        )
        self.report_conflicts(name, changes)
        if dry_run:
            self.stdout.write(_("Dry run: nothing was written."))
        elif result is not None and not result.wrote:
            self.stdout.write(_("Nothing changed: nothing was written."))
        elif result is not None:
            self.stdout.write(_("Imported into %(url)s.") % {"url": result.plan.url_path})
            if result.kept:
                self.stdout.write(
                    _(
                        "%(count)s removed requirements have progress reports and were kept; "
                        "use --delete-removed-with-progress to delete them."
                    )
                    % {"count": result.kept}
                )
