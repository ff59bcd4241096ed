"""Forms shared by the domains: the imports' upload and confirm forms, and what every public
form does (length limits that name the field, errors tied to their inputs)."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
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


class LengthLimit(MaxLengthValidator):
    """Too long: says which field, its limit and how long the text was."""

    def __init__(self, label, limit):
        self.label = label
        super().__init__(limit)

    def __call__(self, value):
        if len(value) > self.limit_value:
            raise ValidationError(
                _("“%(field)s” can be at most %(limit)s characters; this has %(count)s.")
                % {"field": self.label, "limit": self.limit_value, "count": len(value)},
                code="max_length",
            )


class AccessibleFormMixin:
    """Ties each field's error message to its input (aria-describedby, aria-invalid)."""

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            bound = self[name]
            described = []
            if field.help_text:
                described.append(f"{bound.auto_id}_helptext")
            if name in self.errors:
                described.append(f"{bound.auto_id}_errors")
                field.widget.attrs["aria-invalid"] = "true"
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)
