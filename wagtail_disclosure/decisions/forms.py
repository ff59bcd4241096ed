"""Forms of the decisions column: the public delegate registration and the admin forms, which
offer a unit editor only their own units' directories, items and meetings."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from wagtail_disclosure.core.forms import AccessibleFormMixin, LengthLimit
from wagtail_disclosure.core.permissions import UnitScopedFormMixin, is_manager, unit_ids
from wagtail_disclosure.plans.parsing.deadlines import parse_deadline

from .models import DecisionMeeting, DelegateRegistration, identity_key

#: The longest text the registration form takes in each field (characters); longer input is
#: refused with a message naming the field and the limit, before anything is stored.
REGISTRATION_LIMITS = {"name": 50, "sector": 100, "contact": 100, "reason": 1000}


class DuplicateRegistration:
    @staticmethod
    def message():
        return gettext(
            "You have already registered for this meeting with this name and contact. "
            "There is no need to register again; the office will contact you."
        )


class DelegateRegistrationForm(AccessibleFormMixin, forms.ModelForm):
    class Meta:
        model = DelegateRegistration
        fields = ["name", "sector", "contact", "reason", "consent_to_publish"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 5})}
        error_messages = {
            "name": {"required": _("Enter your name.")},
            "sector": {"required": _("Enter your sector or occupation.")},
            "contact": {"required": _("Give a phone number or an email address.")},
            "reason": {"required": _("Say why you want to attend the meeting.")},
        }

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        for name, limit in REGISTRATION_LIMITS.items():
            field = self.fields[name]
            field.max_length = limit
            field.widget.attrs["maxlength"] = str(limit)
            field.validators = [
                v for v in field.validators if not isinstance(v, MaxLengthValidator)
            ] + [LengthLimit(field.label, limit)]

    def clean_contact(self):
        contact = self.cleaned_data["contact"].strip()
        digits = contact.replace("-", "").replace(" ", "").lstrip("+")
        if "@" not in contact and not (digits.isdigit() and 7 <= len(digits) <= 15):
            raise forms.ValidationError(
                _("Enter a phone number (7 to 15 digits) or an email address."), code="invalid"
            )
        return contact

    def clean(self):
        data = super().clean()
        name, contact = data.get("name"), data.get("contact")
        if name and contact:
            duplicate = DelegateRegistration.objects.filter(
                meeting=self.meeting,
                name_key=identity_key(name)[:50],
                contact_key=identity_key(contact)[:100],
            ).exists()
            if duplicate:
                raise forms.ValidationError(DuplicateRegistration.message(), code="duplicate")
        return data

    def save(self, commit=True):
        registration = super().save(commit=False)
        registration.meeting = self.meeting
        if commit:
            registration.save()
        return registration


class DecisionDirectoryPageForm(UnitScopedFormMixin, WagtailAdminPageForm):
    """A unit editor publishes directories in their own government's name only."""

    unit_field = "unit"


class DecisionMeetingForm(WagtailAdminModelForm):
    """A unit editor adds meetings to their own units' decision items only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        field = self.fields.get("item")
        if field is not None and user is not None and not is_manager(user):
            field.queryset = field.queryset.filter(responsible_unit__in=unit_ids(user))


class DelegateRegistrationAdminForm(WagtailAdminModelForm):
    """Registrations recorded by the office (on paper, by phone) go to its own meetings."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        field = self.fields.get("meeting")
        if field is not None:
            meetings = DecisionMeeting.objects.select_related("item")
            if user is not None and not is_manager(user):
                meetings = meetings.filter(item__responsible_unit__in=unit_ids(user))
            field.queryset = meetings


class DecisionItemPageForm(WagtailAdminPageForm):
    """Reads the planned date again whenever the timing as written changes and the editor did
    not set the date themselves (``2022年6月底前`` → 30 June of the directory's year)."""

    def clean(self):
        data = super().clean()
        if "planned_timing" in self.changed_data and "planned_due" not in self.changed_data:
            parent = self.parent_page.specific if self.parent_page is not None else None
            year = getattr(parent, "year", None)
            data["planned_due"] = parse_deadline(data.get("planned_timing", ""), year).due
        return data
