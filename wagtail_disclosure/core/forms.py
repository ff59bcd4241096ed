"""Admin forms shared by the imports."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.conf import get_setting


class SpreadsheetUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("CSV (UTF-8 or GBK) or Excel (.xlsx, .xls)."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = get_setting("WAGTAIL_DISCLOSURE_MAX_UPLOAD_SIZE")
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s bytes; the limit is %(limit)s bytes.")
                % {"size": upload.size, "limit": limit}
            )
        return upload


class ConfirmImportForm(forms.Form):
    import_file_name = forms.CharField(widget=forms.HiddenInput)
    original_file_name = forms.CharField(widget=forms.HiddenInput)

    def clean_import_file_name(self):
        name = self.cleaned_data["import_file_name"]
        if not name.isalnum():  # a uuid hex made by the preview, never a path
            raise forms.ValidationError(_("Unknown upload."))
        return name
