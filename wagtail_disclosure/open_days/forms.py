"""The public forms of an open day: registration, and feedback after the event."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core.forms import AccessibleFormMixin, LengthLimit


def limited(field, limit):
    field.max_length = limit
    field.widget.attrs["maxlength"] = str(limit)
    field.validators = [LengthLimit(field.label, limit)]
    return field


class RegistrationForm(AccessibleFormMixin, forms.Form):
    name = forms.CharField(label=_("Your name"), error_messages={"required": _("Enter your name.")})
    phone = forms.CharField(
        label=_("Mobile phone"),
        help_text=_("Only the office sees it, to confirm your place."),
        error_messages={"required": _("Enter a phone number the office can reach you on.")},
    )
    organisation = forms.CharField(
        label=_("Work or organisation"),
        required=False,
        help_text=_("Optional, e.g. 居民, 企业, 人大代表."),
    )
    consent = forms.BooleanField(
        label=_("I agree that the office keeps my name and phone number to organise the visit."),
        error_messages={"required": _("Tick the box to agree, or the place cannot be booked.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limited(self.fields["name"], 50)
        limited(self.fields["phone"], 20)
        limited(self.fields["organisation"], 100)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["phone"].widget.input_type = "tel"

    def clean_phone(self):
        phone = "".join(self.cleaned_data["phone"].split()).replace("-", "")
        if not (phone.lstrip("+").isdigit() and 7 <= len(phone.lstrip("+")) <= 15):
            raise forms.ValidationError(
                _("Enter a phone number of 7 to 15 digits, e.g. 0537-2967001 or 13800000000."),
                code="invalid",
            )
        return phone


class FeedbackForm(AccessibleFormMixin, forms.Form):
    body = forms.CharField(
        label=_("Your opinion or suggestion"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write your opinion or suggestion.")},
    )
    name = forms.CharField(label=_("Your name"), required=False, help_text=_("Optional."))
    contact = forms.CharField(
        label=_("Phone or email"),
        required=False,
        help_text=_("Optional. Only the office sees it, to answer you."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limited(self.fields["body"], get_setting("WAGTAIL_DISCLOSURE_COMMENT_MAX_LENGTH"))
        limited(self.fields["name"], 50)
        limited(self.fields["contact"], 100)
