"""Upload → preview → confirm, inside the Wagtail admin, for any django-import-export resource.

The shape of wagtail.contrib.redirects' importer: the upload is dry-run and kept in
django-import-export's temporary storage; the confirm step imports those same bytes, so what the
editor previewed is what is written.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from import_export.tmp_storages import MediaStorage
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import ConfirmImportForm, SpreadsheetUploadForm
from .imports import ImportFileError, ImportReport, RowProblem, load_dataset, run_import


class SpreadsheetImportView(WagtailAdminTemplateMixin, TemplateView):
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
        if "import_file_name" in request.POST:
            return self.confirm(request)
        return self.preview(request)

    def preview(self, request):
        form = SpreadsheetUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(upload_form=form))
        upload = form.cleaned_data["file"]
        data = upload.read()
        report = self.dry_run(data, upload.name)
        context = self.get_context_data(upload_form=form, report=report, file_name=upload.name)
        if report.ok:
            storage = MediaStorage(MEDIA_FOLDER="wagtail_disclosure_imports")
            storage.save(data)
            context["confirm_form"] = ConfirmImportForm(
                initial={"import_file_name": storage.name, "original_file_name": upload.name}
            )
        return self.render_to_response(context)

    def dry_run(self, data, file_name) -> ImportReport:
        try:
            dataset = load_dataset(
                data, file_name, self.required_columns, self.columns, self.column_aliases
            )
        except ImportFileError as exc:
            return ImportReport(problems=[RowProblem(None, None, str(exc))])
        return run_import(self.get_resource(), dataset, dry_run=True)

    def confirm(self, request):
        form = ConfirmImportForm(request.POST)
        if not form.is_valid():
            messages.error(
                request, _("The upload to confirm was not found; upload the file again.")
            )
            return redirect(request.path)
        storage = MediaStorage(
            name=form.cleaned_data["import_file_name"], MEDIA_FOLDER="wagtail_disclosure_imports"
        )
        try:
            data = storage.read()
        except OSError:
            messages.error(request, _("The upload to confirm has expired; upload the file again."))
            return redirect(request.path)
        file_name = form.cleaned_data["original_file_name"]
        try:
            dataset = load_dataset(
                data, file_name, self.required_columns, self.columns, self.column_aliases
            )
            report = run_import(self.get_resource(), dataset, dry_run=False)
        except ImportFileError as exc:
            report = ImportReport(problems=[RowProblem(None, None, str(exc))])
        if report.problems:
            return self.render_to_response(
                self.get_context_data(report=report, file_name=file_name)
            )
        storage.remove()
        totals = report.totals
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
