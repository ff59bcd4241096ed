"""Policy documents (政策文件), their subject categories and their validity (有效性)."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from wagtail_disclosure.attributes.models import (
    DisclosureAttributeMixin,
    disclosure_attribute_panel,
)
from wagtail_disclosure.core.permissions import UnitPageMixin, UnitScopedInlinePanel
from wagtail_disclosure.core.publication import PublicationGateMixin

from .choices import CURRENT_VALIDITIES, ENDED_VALIDITIES, PolicyKind, Validity
from .forms import PolicyDocumentPageForm, PolicyFilterForm
from .publishing import (
    kind_requires_interpretation,
    publish_unless_blocked,
    release_problem,
)

__all__ = [
    "PolicyKind",
    "Validity",
    "SubjectCategory",
    "PolicyIndexPage",
    "PolicyDocumentPage",
    "PolicyAttachment",
    "ValidityChange",
]


#: Documents or questions on one page of a public listing.
PER_PAGE = 20


class SubjectCategory(index.Indexed, models.Model):
    """主题分类: a subject documents and questions are filed under (e.g. 城乡建设、环境保护)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, allow_unicode=True,
        help_text=_("Used in addresses of filtered listings."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("slug"), FieldPanel("sort_order")])]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("subject category")
        verbose_name_plural = _("subject categories")

    def __str__(self):
        return self.name


class PolicyIndexPage(PublicationGateMixin, UnitPageMixin, RoutablePageMixin, Page):
    """政策文件库: the library of policy documents, filtered by GET parameters.

    Two dedicated listings hang off it: ``current/`` (every normative document still in force,
    as the notice asks to be published together) and ``ended/`` (repealed or expired).
    """

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["wagtail_disclosure.PolicyDocumentPage"]
    #: Each unit adds the documents it issues (its editors act on those only).
    unit_editors_add_here = True
    template = "wagtail_disclosure/policies/policy_index_page.html"

    class Meta:
        verbose_name = _("policy document library")
        verbose_name_plural = _("policy document libraries")

    def documents(self):
        """Live, public documents of this library (never drafts or restricted pages)."""
        return PolicyDocumentPage.objects.child_of(self).live().public()

    @path("")
    def index_route(self, request):
        return self.serve_listing(request, listing="all")

    @path("current/", name="current")
    def current_normative(self, request):
        return self.serve_listing(request, listing="current")

    @path("ended/", name="ended")
    def repealed_or_expired(self, request):
        return self.serve_listing(request, listing="ended")

    def serve_listing(self, request, listing):
        """One listing of the library, narrowed by the GET filter form and by keywords."""
        base = self.documents().filter(documents_filter_q(listing))
        form = PolicyFilterForm(
            request.GET or None, base, listing, categories=SubjectCategory.objects.all()
        )
        documents = base
        query = ""
        if form.is_bound and form.is_valid():
            documents = form.filter_documents(base)
            query = form.cleaned_data.get("q", "").strip()
        documents = documents.select_related("issuer").prefetch_related("categories")
        if query:
            documents = ranked_search(documents, query)
        else:
            documents = documents.order_by("-date_published", "-pk")
        return self.render(
            request,
            context_overrides={
                "listing": listing,
                "form": form,
                "documents": Paginator(documents, PER_PAGE).get_page(request.GET.get("page")),
                "query": query,
                "querystring": querystring_without_page(request),
            },
        )


class PolicyDocumentPage(PublicationGateMixin, DisclosureAttributeMixin, UnitPageMixin, Page):
    """A published policy document with the metadata the national rules require.

    ``validity`` is the current status; ``validity_changes`` keep each change with its date and
    the document that caused it. Adding a change updates ``validity`` (see :meth:`clean`), so the
    status shown and its history cannot disagree.
    """

    kind = models.CharField(
        _("kind"), max_length=16, choices=PolicyKind.choices, default=PolicyKind.OTHER
    )
    index_number = models.CharField(_("index number"), max_length=64, blank=True)
    issuer = models.ForeignKey(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("issuing body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="issued_policy_documents",
    )
    document_number = models.CharField(_("document number"), max_length=128, blank=True)
    date_written = models.DateField(_("date written"), null=True, blank=True)
    date_published = models.DateField(_("date published"), null=True, blank=True)
    validity = models.CharField(
        _("validity"),
        max_length=16,
        choices=Validity.choices,
        default=Validity.IN_FORCE,
        help_text=_("Follows the latest change in the validity history below."),
    )
    categories = ParentalManyToManyField(
        SubjectCategory,
        verbose_name=_("subject categories"),
        blank=True,
        related_name="policy_documents",
    )
    # Ticked for new documents in the editor as their kind asks (see PolicyDocumentPageForm);
    # False in code only with an exemption reason where the kind requires interpretation.
    requires_interpretation = models.BooleanField(
        _("requires interpretation"),
        default=False,
        help_text=_(
            "Rules, normative documents and policies affecting people or businesses must be "
            "released together with an interpretation (同步解读). While ticked, the document "
            "cannot go live unless an interpretation of it is live or goes live with it. Rules "
            "and normative documents always require one."
        ),
    )
    interpretation_exemption = models.CharField(
        _("reason no interpretation is needed"),
        max_length=500,
        blank=True,
        help_text=_(
            "Required when “requires interpretation” is unticked; kept in the page's history."
        ),
    )
    body = RichTextField(_("body"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("body"),
        index.SearchField("document_number"),
        index.SearchField("index_number"),
        index.RelatedFields("issuer", [index.SearchField("title")]),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("validity"),
        index.FilterField("issuer"),
        index.FilterField("date_published"),
    ]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("validity", read_only=True)]),
                FieldRowPanel([FieldPanel("index_number"), FieldPanel("document_number")]),
                FieldPanel("issuer"),
                FieldRowPanel([FieldPanel("date_written"), FieldPanel("date_published")]),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("requires_interpretation"),
                FieldPanel("interpretation_exemption"),
            ],
            heading=_("Metadata"),
        ),
        disclosure_attribute_panel(),
        FieldPanel("body"),
        InlinePanel("attachments", heading=_("Attachments"), label=_("attachment")),
        InlinePanel("validity_changes", heading=_("Validity history"), label=_("change")),
        # Filing the document under the statutory categories (法定主动公开内容) it belongs to.
        UnitScopedInlinePanel(
            "statutory_items",
            heading=_("Statutory proactive content"),
            label=_("category"),
            panels=[
                FieldRowPanel([FieldPanel("category"), FieldPanel("unit")]),
                FieldPanel("date"),
            ],
        ),
    ]
    parent_page_types = ["wagtail_disclosure.PolicyIndexPage"]
    subpage_types = []
    template = "wagtail_disclosure/policies/policy_document_page.html"
    base_form_class = PolicyDocumentPageForm
    disclosure_unit_field = "issuer"

    class Meta:
        verbose_name = _("policy document")
        verbose_name_plural = _("policy documents")

    def unit_ids_of_page(self):
        """The issuing body's editors keep its documents."""
        return (self.issuer_id,)

    # Validity -----------------------------------------------------------------------------

    def validity_history(self):
        """Changes oldest first (works on unsaved in-memory changes from the admin form too)."""
        return sorted(self.validity_changes.all(), key=lambda c: (c.changed_on, c.sort_order or 0))

    def validity_from_history(self):
        """The latest change's validity; without history, the validity as set."""
        history = self.validity_history()
        return history[-1].validity if history else self.validity

    def record_validity_change(self, validity, changed_on, by_document=None, note=""):
        """Add a change to the history (in memory; save or save a revision to keep it)."""
        changes = list(self.validity_changes.all())
        changes.append(
            ValidityChange(
                validity=validity, changed_on=changed_on, by_document=by_document, note=note,
                sort_order=len(changes),
            )
        )
        self.validity_changes = changes
        self.validity = self.validity_from_history()

    @property
    def is_current(self):
        return self.validity in CURRENT_VALIDITIES

    @cached_property
    def last_validity_change(self):
        history = self.validity_history()
        return history[-1] if history else None

    # Release together (同步) -----------------------------------------------------------------

    @property
    def needs_interpretation(self):
        """Whether the document goes live only with an interpretation."""
        return self.requires_interpretation

    def clean(self):
        super().clean()
        self.validity = self.validity_from_history()
        self.clean_interpretation_requirement()
        if self.live and self._going_live():
            problem = release_problem(self)
            if problem:
                raise ValidationError(problem)

    def clean_interpretation_requirement(self):
        """A document of a kind that requires interpretation is let off only with a reason.

        The editor's form also refuses to let off rules and normative documents at all; records
        loaded from an older site may carry the reason they were published without one.
        """
        self.interpretation_exemption = (self.interpretation_exemption or "").strip()
        if self.requires_interpretation:
            self.interpretation_exemption = ""
            return
        if kind_requires_interpretation(self.kind) and not self.interpretation_exemption:
            raise ValidationError({"interpretation_exemption": _(
                "Give the reason this document needs no interpretation, or tick “requires "
                "interpretation”."
            )})

    def _going_live(self):
        if not self.pk:
            return True
        return not PolicyDocumentPage.objects.filter(pk=self.pk, live=True).exists()

    def publish(self, revision, user=None, **kwargs):
        """Publish, releasing the prepared interpretation in the same action (scheduled publishing
        and workflow approval come through here; the editor's Publish button goes through the
        ``before_publish_page`` hook, see ``policies/admin.py``)."""
        return publish_unless_blocked(self, revision, user=user, **kwargs)

    def _publish_now(self, revision, user=None, **kwargs):
        return super().publish(revision, user=user, **kwargs)

    # Display --------------------------------------------------------------------------------

    def live_interpretations(self):
        return self.interpretations.live().public().order_by("-date_published", "pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["interpretations"] = self.live_interpretations()
        context["validity_history"] = self.validity_history()
        context["amends_or_repeals"] = (
            ValidityChange.objects.filter(by_document=self, document__live=True)
            .select_related("document")
            .order_by("changed_on")
        )
        return context


class PolicyAttachment(Orderable):
    """附件: a file published with a document (the signed PDF, tables, forms)."""

    document = ParentalKey(PolicyDocumentPage, on_delete=models.CASCADE, related_name="attachments")
    file = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Defaults to the file's title.")
    )

    panels = [FieldPanel("file"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    @property
    def display_title(self):
        return self.title or self.file.title


class ValidityChange(Orderable):
    """One change of a document's validity, with the document that caused it."""

    document = ParentalKey(
        PolicyDocumentPage, on_delete=models.CASCADE, related_name="validity_changes"
    )
    validity = models.CharField(_("validity"), max_length=16, choices=Validity.choices)
    changed_on = models.DateField(_("date"))
    by_document = models.ForeignKey(
        PolicyDocumentPage,
        verbose_name=_("amended or repealed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="caused_validity_changes",
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("validity"), FieldPanel("changed_on")]),
        FieldPanel("by_document"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("validity change")
        verbose_name_plural = _("validity changes")


def documents_filter_q(listing):
    """The Q of a dedicated listing: ``current`` normative documents or ``ended`` ones."""
    if listing == "current":
        return Q(kind=PolicyKind.NORMATIVE, validity__in=CURRENT_VALIDITIES)
    if listing == "ended":
        return Q(validity__in=ENDED_VALIDITIES)
    return Q()


def ranked_search(queryset, query):
    """The objects of ``queryset`` matching ``query``, best first (a list).

    The search runs on the ids of the filtered queryset so that every filter (many-to-many ones
    included, which the search backend cannot apply) holds for the results.
    """
    ids = list(queryset.values_list("pk", flat=True))
    results = get_search_backend().search(query, queryset.model.objects.filter(pk__in=ids))
    ranked = [result.pk for result in results]
    by_pk = queryset.in_bulk(ranked)
    return [by_pk[pk] for pk in ranked if pk in by_pk]


def querystring_without_page(request):
    """The listing's GET parameters for the pagination links, which add their own ``page``."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
