"""The public subscribe form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.core.visibility import public_pages
from wagtail_disclosure.policies.choices import PolicyKind
from wagtail_disclosure.policies.models import SubjectCategory
from wagtail_disclosure.units.models import UnitPage


class UnitChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_(
            "We send a confirmation link to this address; nothing is sent to it before you "
            "confirm. It is used for these mails only and is never published."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Subject categories"),
        queryset=SubjectCategory.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    units = UnitChoiceField(
        label=_("Issuing units"),
        queryset=UnitPage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    kinds = forms.MultipleChoiceField(
        label=_("Kinds of document"),
        choices=PolicyKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, site=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = SubjectCategory.objects.all()
        units = public_pages(UnitPage, site) if site is not None else UnitPage.objects.none()
        self.fields["units"].queryset = units.order_by("path")

    def clean(self):
        data = super().clean()
        if not (data.get("categories") or data.get("units") or data.get("kinds")):
            raise forms.ValidationError(
                _("Choose at least one subject category, unit or kind of document to follow.")
            )
        return data
