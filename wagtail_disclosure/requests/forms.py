"""The public request form: what Art. 29 of the regulations asks an applicant to give."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.core.forms import AccessibleFormMixin, LengthLimit
from wagtail_disclosure.core.identity_numbers import (
    is_valid_credit_code,
    is_valid_resident_id,
    normalize,
)
from wagtail_disclosure.core.sites import site_units
from wagtail_disclosure.units.models import UnitPage

from .models import ApplicantType, DeliveryMethod, DisclosureRequest

#: The longest text the public form takes in each field (characters). Longer input is refused
#: with a message naming the field and the limit, before anything is stored.
PUBLIC_FIELD_LIMITS = {
    "applicant_name": 100,
    "contact_person": 50,
    "id_number": 32,
    "phone": 32,
    "email": 254,
    "address": 200,
    "postcode": 6,
    "description": 2000,
}


class PublicRequestForm(AccessibleFormMixin, forms.ModelForm):
    unit = forms.ModelChoiceField(
        label=_("Office you are asking"),
        queryset=UnitPage.objects.none(),
        empty_label=_("Choose an office"),
        error_messages={"required": _("Choose the office that holds the information.")},
    )

    class Meta:
        model = DisclosureRequest
        fields = [
            "unit",
            "applicant_type",
            "applicant_name",
            "contact_person",
            "id_number",
            "phone",
            "email",
            "address",
            "postcode",
            "description",
            "delivery",
        ]
        widgets = {
            "applicant_type": forms.RadioSelect,
            "delivery": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {"applicant_type": _("You are applying as")}
        error_messages = {
            "applicant_type": {"required": _("Say whether you are a person or an organisation.")},
            "applicant_name": {"required": _("Enter your name, or your organisation's name.")},
            "id_number": {
                "required": _(
                    "Enter your resident ID number, or your organisation's unified social "
                    "credit code."
                )
            },
            "description": {"required": _("Describe the information you are asking for.")},
            "delivery": {"required": _("Choose how you want to receive the information.")},
            "email": {"invalid": _("Enter an email address like name@example.com.")},
        }

    def __init__(self, *args, unit=None, site=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed_unit = unit
        if unit is not None:
            del self.fields["unit"]
        else:
            # The offices of the site the form is on: a county's form offers its own units.
            units = site_units(site) if site is not None else UnitPage.objects.all()
            self.fields["unit"].queryset = units.live().order_by("path")
        self.fields["applicant_type"].choices = ApplicantType.choices
        self.fields["delivery"].choices = DeliveryMethod.choices
        for name in ("phone", "email", "address"):
            self.fields[name].widget.attrs["autocomplete"] = {
                "phone": "tel",
                "email": "email",
                "address": "street-address",
            }[name]
        self.fields["applicant_name"].widget.attrs["autocomplete"] = "name"
        self.limit_lengths()

    def limit_lengths(self):
        """Each text field takes at most its :data:`PUBLIC_FIELD_LIMITS` characters: the
        browser stops typing there, and the server refuses anything longer."""
        for name, limit in PUBLIC_FIELD_LIMITS.items():
            field = self.fields.get(name)
            if field is None:
                continue
            field.max_length = min(limit, field.max_length or limit)
            field.widget.attrs["maxlength"] = str(field.max_length)
            field.validators = [
                v for v in field.validators if not isinstance(v, MaxLengthValidator)
            ] + [LengthLimit(field.label, field.max_length)]

    def clean_id_number(self):
        return normalize(self.cleaned_data["id_number"])

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "").strip()
        digits = phone.replace("-", "").replace(" ", "").lstrip("+")
        if phone and not (digits.isdigit() and 7 <= len(digits) <= 15):
            raise forms.ValidationError(
                _("Enter a phone number of 7 to 15 digits, e.g. 0537-2967001 or 13800000000."),
                code="invalid",
            )
        return phone

    def clean_description(self):
        description = self.cleaned_data["description"].strip()
        if len(description) < 10:
            raise forms.ValidationError(
                _(
                    "Describe the information in a little more detail (at least 10 characters): "
                    "its title, document number or what it is about."
                ),
                code="too_short",
            )
        return description

    def clean(self):
        data = super().clean()
        applicant_type = data.get("applicant_type")
        id_number = data.get("id_number")
        if applicant_type and id_number:
            if applicant_type == ApplicantType.natural_person:
                if not is_valid_resident_id(id_number):
                    self.add_error(
                        "id_number",
                        _(
                            "This is not a valid resident ID number: check its 18 characters "
                            "(the last may be X)."
                        ),
                    )
            elif not is_valid_credit_code(id_number):
                self.add_error(
                    "id_number",
                    _("This is not a valid unified social credit code: check its 18 characters."),
                )
        if applicant_type and applicant_type != ApplicantType.natural_person:
            if not data.get("contact_person"):
                self.add_error(
                    "contact_person", _("Give the name of the person we should contact.")
                )
        if not data.get("phone") and not data.get("email") and "phone" not in self.errors:
            self.add_error(
                "phone", _("Give a phone number or an email address so the office can reach you.")
            )
        delivery = data.get("delivery")
        if delivery == DeliveryMethod.POST and not data.get("address"):
            self.add_error("address", _("Give the postal address to send the information to."))
        if (
            delivery == DeliveryMethod.EMAIL
            and not data.get("email")
            and "email" not in self.errors
        ):
            self.add_error("email", _("Give the email address to send the information to."))
        return data

    def save(self, commit=True):
        request = super().save(commit=False)
        if self.fixed_unit is not None:
            request.unit = self.fixed_unit
        if commit:
            request.save()
        return request
