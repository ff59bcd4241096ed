"""Upload → preview → confirm, inside the Wagtail admin, for any django-import-export resource.

The shape of wagtail.contrib.redirects' importer: the upload is dry-run and kept in
django-import-export's temporary storage; the confirm step imports those same bytes, so what the
editor previewed is what is written. A file of more than
``WAGTAIL_DISCLOSURE_IMPORT_BACKGROUND_ROWS`` rows is dry-run and imported by a background task
(:mod:`.import_tasks`) while the screen shows its progress.
"""

from types import SimpleNamespace

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from import_export.tmp_storages import MediaStorage
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wagtail_disclosure.conf import get_setting

from .forms import ConfirmImportForm, SpreadsheetUploadForm
from .import_tasks import (
    TMP_FOLDER,
    TaskResultStatus,
    enqueue_import,
    import_result,
    is_interrupted,
    is_waiting_long,
    progress_of,
    spreadsheet_outcome,
)
from .imports import ImportFileError, ImportReport, RowProblem, load_dataset, run_import


class BackgroundImportMixin:
    """The screens of an import that runs as a background task: its progress (``?task=``),
    an interrupted import started again (``restart_task``), then ``task_done(outcome)``."""

    def get(self, request, *args, **kwargs):
        if "task" in request.GET:
            return self.task_status(request, request.GET["task"])
        return super().get(request, *args, **kwargs)

    def view_path(self):
        return f"{type(self).__module__}.{type(self).__qualname__}"

    def own_task(self, request, task_id):
        """The editor's own background import of this screen, else 404."""
        try:
            result = import_result(task_id)
        except Exception as exc:  # unknown or malformed id: TaskResultDoesNotExist, ValueError
            raise Http404 from exc
        if list(result.args[:1]) != [self.view_path()] or result.args[3] != request.user.pk:
            raise Http404  # another screen's or another editor's import
        return result

    def restart(self, request, task_id):
        """Start an interrupted import again, from the same stored upload."""
        result = self.own_task(request, task_id)
        if not is_interrupted(result, progress_of(task_id)):
            return redirect(f"{request.path}?task={task_id}")
        view_path, stored_name, file_name, user_id, dry_run, *rest = result.args
        try:
            MediaStorage(name=stored_name, MEDIA_FOLDER=TMP_FOLDER).read()
        except OSError:
            messages.error(request, _("The upload of the interrupted import is no longer kept; "
                                      "upload the file again."))
            return redirect(request.path)
        again = enqueue_import(view_path, stored_name, file_name, user_id, dry_run,
                               rest[0] if rest else None)
        return redirect(f"{request.path}?task={again.id}")

    def task_status(self, request, task_id):
        result = self.own_task(request, task_id)
        if result.status == TaskResultStatus.FAILED:
            messages.error(request, _("The import failed on the server; nothing was written. "
                                      "Try again, or ask an administrator to look at the log."))
            return redirect(request.path)
        if result.status != TaskResultStatus.SUCCESSFUL:
            progress = progress_of(task_id)
            context = self.get_context_data(
                task_running=True, done=progress.done, total=progress.total,
                stage=progress.stage, dry_run=result.args[4], file_name=result.args[2],
                task_id=task_id, interrupted=is_interrupted(result, progress),
                waiting_long=is_waiting_long(result),
                stale_minutes=get_setting("WAGTAIL_DISCLOSURE_IMPORT_STALE_MINUTES"),
            )
            return self.render_to_response(context)
        return self.task_done(request, result.return_value)

    def task_done(self, request, outcome):
        raise NotImplementedError


class SpreadsheetImportView(BackgroundImportMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtail_disclosure/core/spreadsheet_import.html"
    header_icon = "upload"
    resource_class = None
    columns: list[str] = []
    required_columns: list[str] = []
    #: headings offices write, mapped to column names (e.g. {"具体要求": "requirement"})
    column_aliases: dict[str, str] = {}
    success_url_name = "wagtailadmin_home"
    page_title = gettext_lazy("Import")

    def has_permission(self, user):
        return user.is_superuser

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_resource(self):
        return self.resource_class(user=self.request.user)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("upload_form", SpreadsheetUploadForm())
        context["columns"] = self.columns
        context["required_columns"] = self.required_columns
        return context

    def post(self, request, *args, **kwargs):
        if "restart_task" in request.POST:
            return self.restart(request, request.POST["restart_task"])
        if "import_file_name" in request.POST:
            return self.confirm(request)
        return self.preview(request)

    # -- reading and importing (also what the background task runs) --------------------------

    def load(self, data, file_name):
        return load_dataset(data, file_name, self.required_columns, self.columns,
                            self.column_aliases)

    def import_bytes(self, data, file_name, *, dry_run, on_resource=None) -> ImportReport:
        """Read and import ``data``: a report of problems (nothing written) or of the rows."""
        try:
            dataset = self.load(data, file_name)
        except ImportFileError as exc:
            return ImportReport(problems=[RowProblem(None, None, str(exc))])
        resource = self.get_resource()
        if on_resource is not None:
            on_resource(resource, len(dataset))
        return run_import(resource, dataset, dry_run=dry_run)

    def background_import(self, data, file_name, *, dry_run, options, progress) -> dict:
        """What the background task runs: the import, its rows counted into ``progress``."""
        report = self.import_bytes(data, file_name, dry_run=dry_run,
                                   on_resource=progress.count_rows)
        return spreadsheet_outcome(report)

    def runs_in_background(self, data, file_name) -> bool:
        """Whether the file has more rows than an import does inside a request."""
        try:
            rows = len(self.load(data, file_name))
        except ImportFileError:
            return False
        return rows > get_setting("WAGTAIL_DISCLOSURE_IMPORT_BACKGROUND_ROWS")

    def enqueue(self, request, stored_name, file_name, *, dry_run):
        result = enqueue_import(self.view_path(), stored_name, file_name, request.user.pk, dry_run)
        return redirect(f"{request.path}?task={result.id}")

    # -- step 2: the preview ----------------------------------------------------------------

    def preview(self, request):
        form = SpreadsheetUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(upload_form=form))
        upload = form.cleaned_data["file"]
        data = upload.read()
        if self.runs_in_background(data, upload.name):
            storage = MediaStorage(MEDIA_FOLDER=TMP_FOLDER)
            storage.save(data)
            return self.enqueue(request, storage.name, upload.name, dry_run=True)
        report = self.dry_run(data, upload.name)
        context = self.get_context_data(upload_form=form, report=report, file_name=upload.name)
        if report.ok:
            storage = MediaStorage(MEDIA_FOLDER=TMP_FOLDER)
            storage.save(data)
            context["confirm_form"] = ConfirmImportForm(
                initial={"import_file_name": storage.name, "original_file_name": upload.name}
            )
        return self.render_to_response(context)

    def dry_run(self, data, file_name) -> ImportReport:
        return self.import_bytes(data, file_name, dry_run=True)

    # -- step 3: confirm --------------------------------------------------------------------

    def confirm(self, request):
        form = ConfirmImportForm(request.POST)
        if not form.is_valid():
            messages.error(
                request, _("The upload to confirm was not found; upload the file again.")
            )
            return redirect(request.path)
        storage = MediaStorage(name=form.cleaned_data["import_file_name"], MEDIA_FOLDER=TMP_FOLDER)
        try:
            data = storage.read()
        except OSError:
            messages.error(request, _("The upload to confirm has expired; upload the file again."))
            return redirect(request.path)
        file_name = form.cleaned_data["original_file_name"]
        if self.runs_in_background(data, file_name):
            return self.enqueue(request, storage.name, file_name, dry_run=False)
        report = self.import_bytes(data, file_name, dry_run=False)
        if report.problems:
            return self.render_to_response(
                self.get_context_data(report=report, file_name=file_name)
            )
        storage.remove()
        return self.imported(request, file_name, report.totals)

    def imported(self, request, file_name, totals):
        messages.success(
            request,
            _("Imported “%(name)s”: %(new)s new, %(update)s updated, %(skip)s unchanged.")
            % {
                "name": file_name,
                "new": totals.get("new", 0),
                "update": totals.get("update", 0),
                "skip": totals.get("skip", 0),
            },
        )
        return redirect(self.success_url_name)

    # -- a background import's result -------------------------------------------------------

    def task_done(self, request, outcome):
        """The screen once the background import has finished: its preview or its result."""
        report = SimpleNamespace(
            ok=outcome["ok"], problems=outcome["problems"], result=outcome["ok"] or None,
            totals=outcome["totals"], rows=[(*row, None) for row in outcome["rows"]],
        )
        if outcome["dry_run"] or not outcome["ok"]:
            context = self.get_context_data(report=report, file_name=outcome["file_name"])
            if outcome["ok"]:
                context["confirm_form"] = ConfirmImportForm(initial={
                    "import_file_name": outcome["stored_name"],
                    "original_file_name": outcome["file_name"],
                })
            return self.render_to_response(context)
        return self.imported(request, outcome["file_name"], outcome["totals"])
