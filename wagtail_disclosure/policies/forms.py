"""Forms of policy documents: the admin form, which tells the editor why the document cannot go
live yet, and the public filter form of the library.

The page models use both, so nothing here imports them: the filter form is given the documents
and subject categories to offer.
"""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from wagtail_disclosure.core.permissions import UnitScopedFormMixin
from wagtail_disclosure.units.models import UnitPage

from .choices import PolicyKind, Validity
from .publishing import kind_requires_interpretation, may_be_exempted, release_problem


class PolicyDocumentPageForm(UnitScopedFormMixin, WagtailAdminPageForm):
    #: A unit editor issues documents in their own units' names only.
    unit_field = "issuer"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and "requires_interpretation" in self.fields:
            # The notice: every rule and normative document is interpreted; other kinds as the
            # site's setting says for the kind a new document starts with.
            self.initial["requires_interpretation"] = kind_requires_interpretation(
                self.initial.get("kind", self.instance.kind)
            )

    def clean(self):
        cleaned_data = super().clean()
        self.refuse_exempting_kinds_always_interpreted(cleaned_data)
        if not self._publishing_or_submitting():
            if not self.instance.pk:
                # A new page is live until Wagtail saves it as a draft; say so before the model's
                # check, so that saving a draft is never held back by the release rule.
                self.instance.live = False
            return cleaned_data
        if self.instance.live:
            return cleaned_data
        document = self.instance
        document.kind = cleaned_data.get("kind", document.kind)
        document.requires_interpretation = cleaned_data.get(
            "requires_interpretation", document.requires_interpretation
        )
        problem = release_problem(document, count_prepared=True)
        if problem:
            self.add_error(None, problem)
        return cleaned_data

    def refuse_exempting_kinds_always_interpreted(self, cleaned_data):
        """Rules and normative documents are always interpreted: the box cannot be unticked."""
        kind = cleaned_data.get("kind", self.instance.kind)
        if "requires_interpretation" not in self.fields or may_be_exempted(kind):
            return
        if cleaned_data.get("requires_interpretation"):
            return
        newly_unticked = not self.instance.pk or "requires_interpretation" in self.changed_data
        if newly_unticked or "kind" in self.changed_data:
            self.add_error("requires_interpretation", _(
                "Documents of the kind “%(kind)s” are always released together with an "
                "interpretation; “requires interpretation” cannot be unticked."
            ) % {"kind": PolicyKind(kind).label})

    def _publishing_or_submitting(self):
        """Publishing (now or scheduled) or sending up for approval: the notice returns a policy
        sent up without its interpretation (未同步报送解读材料的退文)."""
        data = self.data
        return bool(data.get("action-publish") or data.get("action-submit"))


def scheduled_in_future(page):
    return bool(page.go_live_at and page.go_live_at > timezone.now())


class PolicyFilterForm(forms.Form):
    """The library's filters, a GET form that works without JavaScript.

    ``documents`` are those of the listing (they decide which issuers and years are offered);
    ``categories`` are the subject categories to offer.
    """

    q = forms.CharField(label=_("Keywords"), required=False, max_length=100)
    issuer = forms.ModelChoiceField(
        label=_("Issuing body"), queryset=UnitPage.objects.none(), required=False,
        empty_label=_("All"),
    )
    category = forms.ModelChoiceField(
        label=_("Subject category"), queryset=None, required=False,
        to_field_name="slug", empty_label=_("All"),
    )
    year = forms.TypedChoiceField(label=_("Year published"), required=False, coerce=int,
                                  empty_value=None)
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("All"))] + PolicyKind.choices)
    validity = forms.ChoiceField(label=_("Validity"), required=False,
                                 choices=[("", _("All"))] + Validity.choices)

    def __init__(self, data, documents, listing, *, categories):
        super().__init__(data)
        self.fields["category"].queryset = categories
        self.fields["issuer"].queryset = UnitPage.objects.filter(
            pk__in=documents.values("issuer")
        ).order_by("path")
        years = sorted(
            {d.year for d in documents.exclude(date_published=None)
             .values_list("date_published", flat=True)},
            reverse=True,
        )
        self.fields["year"].choices = [("", _("All"))] + [(y, str(y)) for y in years]
        if listing != "all":
            # The dedicated listings fix kind and validity.
            del self.fields["kind"]
            del self.fields["validity"]

    def filter_documents(self, documents):
        """``documents`` narrowed by the valid filters (not by keywords: the page searches)."""
        data = self.cleaned_data
        filters = Q()
        if data.get("issuer"):
            filters &= Q(issuer=data["issuer"])
        if data.get("year"):
            filters &= Q(date_published__year=data["year"])
        if data.get("kind"):
            filters &= Q(kind=data["kind"])
        if data.get("validity"):
            filters &= Q(validity=data["validity"])
        documents = documents.filter(filters)
        if data.get("category"):
            documents = documents.filter(categories=data["category"])
        return documents


class InterpretationPageForm(UnitScopedFormMixin, WagtailAdminPageForm):
    """A unit editor interprets in their own units' names only."""

    unit_field = "interpreter"
