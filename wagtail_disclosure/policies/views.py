"""Public listings of the policy library and the Q&A library: GET filter forms, no JavaScript."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.search.backends import get_search_backend

from wagtail_disclosure.units.models import UnitPage

from .interpretations import InterpretationPage, PolicyQuestion
from .models import PolicyDocumentPage, PolicyKind, SubjectCategory, Validity, documents_filter_q

PER_PAGE = 20


class PolicyFilterForm(forms.Form):
    q = forms.CharField(label=_("Keywords"), required=False, max_length=100)
    issuer = forms.ModelChoiceField(
        label=_("Issuing body"), queryset=UnitPage.objects.none(), required=False,
        empty_label=_("All"),
    )
    category = forms.ModelChoiceField(
        label=_("Subject category"), queryset=SubjectCategory.objects.all(), required=False,
        to_field_name="slug", empty_label=_("All"),
    )
    year = forms.TypedChoiceField(label=_("Year published"), required=False, coerce=int,
                                  empty_value=None)
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("All"))] + PolicyKind.choices)
    validity = forms.ChoiceField(label=_("Validity"), required=False,
                                 choices=[("", _("All"))] + Validity.choices)

    def __init__(self, data, documents, listing):
        super().__init__(data)
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


def filter_documents(documents, data):
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


def policy_listing(request, index_page, listing="all"):
    base = index_page.documents().filter(documents_filter_q(listing))
    form = PolicyFilterForm(request.GET or None, base, listing)
    documents = base
    query = ""
    if form.is_bound and form.is_valid():
        documents = filter_documents(base, form.cleaned_data)
        query = form.cleaned_data.get("q", "").strip()
    documents = documents.select_related("issuer").prefetch_related("categories")
    if query:
        # Search on the filtered ids so every filter (M2M included) applies to the results.
        ids = list(documents.values_list("pk", flat=True))
        results = get_search_backend().search(query, PolicyDocumentPage.objects.filter(pk__in=ids))
        ranked = [d.pk for d in results]
        by_pk = documents.in_bulk(ranked)
        documents = [by_pk[pk] for pk in ranked if pk in by_pk]
    else:
        documents = documents.order_by("-date_published", "-pk")
    page = Paginator(documents, PER_PAGE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return TemplateResponse(
        request,
        "wagtail_disclosure/policies/policy_index_page.html",
        {
            "page": index_page,
            "self": index_page,
            "listing": listing,
            "form": form,
            "documents": page,
            "query": query,
            "querystring": params.urlencode(),
        },
    )


def visible_questions():
    """Questions the public may read: live, and from a live public interpretation if copied."""
    public_interpretations = InterpretationPage.objects.live().public().values("pk")
    return (
        PolicyQuestion.objects.filter(live=True)
        .filter(Q(interpretation__isnull=True) | Q(interpretation__in=public_interpretations))
        .select_related("topic")
        .prefetch_related(
            Prefetch("policy", queryset=PolicyDocumentPage.objects.live().public()),
            Prefetch("interpretation", queryset=InterpretationPage.objects.live().public()),
        )
    )


def qa_library(request, library_page):
    questions = visible_questions()
    topics = SubjectCategory.objects.filter(
        pk__in=questions.values("topic")
    ).order_by("sort_order", "name")
    topic = None
    topic_slug = request.GET.get("topic", "")
    if topic_slug:
        topic = topics.filter(slug=topic_slug).first()
        if topic is not None:
            questions = questions.filter(topic=topic)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        ids = list(questions.values_list("pk", flat=True))
        results = get_search_backend().search(query, PolicyQuestion.objects.filter(pk__in=ids))
        ranked = [q.pk for q in results]
        by_pk = questions.in_bulk(ranked)
        questions = [by_pk[pk] for pk in ranked if pk in by_pk]
    else:
        questions = questions.order_by("topic__sort_order", "topic__name", "sort_order", "pk")
    page = Paginator(questions, PER_PAGE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return TemplateResponse(
        request,
        "wagtail_disclosure/policies/qa_library_page.html",
        {
            "page": library_page,
            "self": library_page,
            "topics": topics,
            "topic": topic,
            "query": query,
            "questions": page,
            "querystring": params.urlencode(),
        },
    )
