"""The decision form of the bulk action: the attribute, its basis, the citation, a review date."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from .choices import ARTICLE_WORDS, DisclosureAttribute, LegalBasis
from .rules import decision_errors


class AttributeDecisionForm(forms.Form):
    items = forms.MultipleChoiceField(widget=forms.MultipleHiddenInput)
    attribute = forms.ChoiceField(
        label=_("disclosure attribute"), choices=DisclosureAttribute.choices
    )
    basis = forms.ChoiceField(
        label=_("legal basis"),
        choices=[("", "---------"), *LegalBasis.choices],
        required=False,
        help_text=ARTICLE_WORDS,
    )
    citation = forms.CharField(label=_("citation of the other law"), max_length=255, required=False)
    review_date = forms.DateField(
        label=_("review date"),
        required=False,
        widget=AdminDateInput,
        help_text=_("Left empty, a year (the site's setting) after today."),
    )

    def __init__(self, *args, item_keys=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = [(key, key) for key in item_keys]

    def clean(self):
        data = super().clean()
        errors = decision_errors(data.get("attribute"), data.get("basis"), data.get("citation"))
        names = {
            "disclosure_basis": "basis",
            "disclosure_basis_citation": "citation",
        }
        for field, message in errors.items():
            self.add_error(names.get(field, "attribute"), message)
        return data


class ReviewAgainForm(forms.Form):
    """Reviewed and still withheld: when to review it next."""

    review_date = forms.DateField(
        label=_("next review date"),
        required=False,
        widget=AdminDateInput,
        help_text=_("Left empty, a year (the site's setting) after today."),
    )
