"""Interpretations (政策解读) of policy documents and the Q&A library (政策问答库)."""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, Page, RevisionMixin
from wagtail.search import index

from wagtail_disclosure.attributes.models import (
    DisclosureAttributeMixin,
    disclosure_attribute_panel,
)
from wagtail_disclosure.core.permissions import UnitPageMixin
from wagtail_disclosure.core.publication import PublicationGateMixin
from wagtail_disclosure.core.sites import site_of_page

from .blocks import InterpretationStreamBlock
from .forms import InterpretationPageForm
from .models import (
    PER_PAGE,
    PolicyDocumentPage,
    SubjectCategory,
    querystring_without_page,
    ranked_search,
)
from .publishing import unpublish_unless_needed

__all__ = [
    "InterpretationForm",
    "InterpreterRole",
    "InterpretationIndexPage",
    "InterpretationPage",
    "PolicyQuestion",
    "QALibraryPage",
]


class InterpretationForm(models.TextChoices):
    TEXT = "text", _("Text (文字解读)")
    QA = "qa", _("Questions and answers (问答)")
    GRAPHIC = "graphic", _("Graphic (图解)")
    VIDEO = "video", _("Video (视频解读)")
    EXPERT_MEDIA = "expert_media", _("Expert or media (专家/媒体解读)")


class InterpreterRole(models.TextChoices):
    DRAFTING_UNIT = "drafting_unit", _("Drafting unit (起草单位)")
    PRINCIPAL = "principal", _("Principal official (主要负责人)")
    SPOKESPERSON = "spokesperson", _("Spokesperson (新闻发言人)")
    EXPERT = "expert", _("Expert (专家学者)")
    MEDIA = "media", _("Media (新闻媒体)")


class InterpretationIndexPage(PublicationGateMixin, UnitPageMixin, Page):
    """政策解读: the listing of interpretations."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["wagtail_disclosure.InterpretationPage"]
    #: Each unit adds interpretations of its own documents.
    unit_editors_add_here = True
    template = "wagtail_disclosure/policies/interpretation_index_page.html"

    class Meta:
        verbose_name = _("interpretation index")
        verbose_name_plural = _("interpretation indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        interpretations = (
            InterpretationPage.objects.child_of(self).live().public()
            .select_related("interpreter")
            .order_by("-date_published", "-pk")
        )
        form = request.GET.get("form", "")
        if form in InterpretationForm.values:
            interpretations = interpretations.filter(form=form)
        page = Paginator(interpretations, PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            interpretations=page, selected_form=form, forms=InterpretationForm.choices
        )
        return context


class InterpretationPage(PublicationGateMixin, DisclosureAttributeMixin, UnitPageMixin, Page):
    """政策解读: explains one or more policy documents in substance, not by repeating headings."""

    interpreted_documents = ParentalManyToManyField(
        "wagtail_disclosure.PolicyDocumentPage",
        verbose_name=_("interpreted documents"),
        related_name="interpretations",
    )
    form = models.CharField(
        _("form"),
        max_length=16,
        choices=InterpretationForm.choices,
        default=InterpretationForm.TEXT,
    )
    interpreter = models.ForeignKey(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("interpreting unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interpretations",
    )
    interpreter_role = models.CharField(
        _("interpreter's role"),
        max_length=16,
        choices=InterpreterRole.choices,
        default=InterpreterRole.DRAFTING_UNIT,
    )
    interpreter_name = models.CharField(
        _("interpreter's name"), max_length=100, blank=True,
        help_text=_("The person who interprets, if named (e.g. an official or an expert)."),
    )
    date_published = models.DateField(_("date published"), null=True, blank=True)
    last_reviewed = models.DateField(
        _("last reviewed"), null=True, blank=True,
        help_text=_("When the answers were last checked against the policy in force."),
    )
    release_with_document = models.BooleanField(
        _("release with the document"),
        default=True,
        help_text=_(
            "Publish this interpretation in the same action as the document it interprets "
            "(同步发布): publishing, scheduling or approving the document publishes it too."
        ),
    )
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(InterpretationStreamBlock(), verbose_name=_("body"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("interpreter_name"),
        index.RelatedFields(
            "interpreted_documents",
            [index.SearchField("title"), index.SearchField("document_number")],
        ),
        index.FilterField("form"),
    ]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("interpreted_documents", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("form"), FieldPanel("date_published")]),
                FieldRowPanel([FieldPanel("interpreter"), FieldPanel("interpreter_role")]),
                FieldRowPanel([FieldPanel("interpreter_name"), FieldPanel("last_reviewed")]),
                FieldPanel("release_with_document"),
            ],
            heading=_("Interpretation"),
        ),
        disclosure_attribute_panel(),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    parent_page_types = ["wagtail_disclosure.InterpretationIndexPage"]
    subpage_types = []
    template = "wagtail_disclosure/policies/interpretation_page.html"
    disclosure_unit_field = "interpreter"

    base_form_class = InterpretationPageForm

    class Meta:
        verbose_name = _("interpretation")
        verbose_name_plural = _("interpretations")

    def unit_ids_of_page(self):
        """The interpreting unit and the issuers of the documents interpreted."""
        issuers = [document.issuer_id for document in self.interpreted_documents.all()]
        return (self.interpreter_id, *issuers)

    def live_documents(self):
        return self.interpreted_documents.live().public().select_related("issuer")

    def unpublish(self, set_expired=False, commit=True, user=None, log_action=True):
        """Unpublished by code or by its expiry date (``publish_scheduled``): not while a live
        document needing an interpretation has no other (``publishing.unpublish_unless_needed``;
        the admin's unpublish screen asks the editor instead)."""
        return unpublish_unless_needed(
            self,
            lambda: super(InterpretationPage, self).unpublish(
                set_expired=set_expired, commit=commit, user=user, log_action=log_action),
            set_expired=set_expired, user=user,
        )

    def reviewed_on(self):
        if self.last_reviewed:
            return self.last_reviewed
        if self.last_published_at:
            return self.last_published_at.date()
        return self.date_published

    def question_answers(self):
        """The Q&A pairs of the body, in order."""
        return [block.value for block in self.body if block.block_type == "qa"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = self.live_documents()
        return context


class PolicyQuestion(DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    """One question and answer of the Q&A library (政策问答库).

    Editors write standalone questions as snippets. The Q&A pairs of every live interpretation are
    copied here when it is published (``interpretation`` set) and removed when it is unpublished
    or deleted, so the library lists, filters and searches one table.
    """

    question = models.CharField(_("question"), max_length=500)
    answer = RichTextField(_("answer"))
    topic = models.ForeignKey(
        "wagtail_disclosure.SubjectCategory",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    policy = models.ForeignKey(
        "wagtail_disclosure.PolicyDocumentPage",
        verbose_name=_("policy document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    interpretation = models.ForeignKey(
        InterpretationPage,
        verbose_name=_("from interpretation"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="library_questions",
    )
    sort_order = models.PositiveIntegerField(default=0, editable=False)
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "The site whose Q&A library lists this question, if it has no policy document. "
            "Empty: the default site's."
        ),
    )

    panels = [
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldRowPanel([FieldPanel("topic"), FieldPanel("last_reviewed")]),
        FieldPanel("policy"),
        FieldPanel("site"),
    ]
    search_fields = [
        index.SearchField("question", boost=2),
        index.SearchField("answer"),
        index.RelatedFields("topic", [index.SearchField("name")]),
        index.RelatedFields("policy", [index.SearchField("title")]),
        index.FilterField("id"),
        index.FilterField("live"),
        index.FilterField("topic"),
    ]

    class Meta:
        ordering = ["topic__sort_order", "sort_order", "pk"]
        verbose_name = _("policy question")
        verbose_name_plural = _("policy questions")

    def __str__(self):
        return self.question


class QALibraryPage(PublicationGateMixin, UnitPageMixin, Page):
    """政策问答库: every live question and answer, browsable by topic and searchable."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = []
    template = "wagtail_disclosure/policies/qa_library_page.html"

    class Meta:
        verbose_name = _("Q&A library")
        verbose_name_plural = _("Q&A libraries")

    def get_context(self, request, *args, **kwargs):
        """The questions, narrowed to a topic (``?topic=slug``) and by keywords (``?q=``)."""
        context = super().get_context(request, *args, **kwargs)
        questions = questions_in_site(visible_questions(), site_of_page(self))
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
            questions = ranked_search(questions, query)
        else:
            questions = questions.order_by("topic__sort_order", "topic__name", "sort_order", "pk")
        context.update(
            topics=topics,
            topic=topic,
            query=query,
            questions=Paginator(questions, PER_PAGE).get_page(request.GET.get("page")),
            querystring=querystring_without_page(request),
        )
        return context


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


def questions_in_site(questions, site):
    """The questions of ``site``'s library: those of the interpretations in its tree, the
    standalone ones about a policy document in its tree or named for it, and (on the default
    site) the standalone ones named for no site and no document."""
    if site is None:
        return questions
    root = site.root_page.path
    standalone = Q(site=site) | Q(site__isnull=True, policy__path__startswith=root)
    if site.is_default_site:
        standalone |= Q(site__isnull=True, policy__isnull=True)
    return questions.filter(
        Q(interpretation__path__startswith=root) | (Q(interpretation__isnull=True) & standalone)
    )
