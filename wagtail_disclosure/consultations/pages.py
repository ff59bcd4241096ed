"""The consultation pages: the index of a column's consultations, and one consultation with its
draft, the public comment form and, once it has closed, its feedback report."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Count
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from wagtail_disclosure.attributes.models import (
    DisclosureAttributeMixin,
    disclosure_attribute_panel,
)
from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core import clock
from wagtail_disclosure.core.permissions import UnitPageMixin, UnitScopedFormMixin
from wagtail_disclosure.core.publication import PublicationGateMixin
from wagtail_disclosure.core.ratelimit import allow, client_ip
from wagtail_disclosure.core.submissions import text_key

from . import periods
from .forms import PublicCommentForm
from .models import CommentStatus, ConsultationComment, source_key

__all__ = [
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationClause",
    "FeedbackDecision",
    "FeedbackGroup",
]

#: Published comments shown on a consultation's page (the newest first).
COMMENTS_SHOWN = 100


class ConsultationIndexPage(PublicationGateMixin, UnitPageMixin, Page):
    """意见征集: the consultations of a column, open ones first."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["wagtail_disclosure.ConsultationPage"]
    #: Each unit puts out its own drafts (its editors act on those only).
    unit_editors_add_here = True
    template = "wagtail_disclosure/consultations/consultation_index_page.html"

    class Meta:
        verbose_name = _("consultation index")
        verbose_name_plural = _("consultation indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = clock.today()
        consultations = list(
            ConsultationPage.objects.child_of(self)
            .live()
            .public()
            .select_related("unit", "feedback_report_publication")
            .order_by("-opens_on", "-pk")
        )
        groups = {state: [] for state, _label in periods.ConsultationState.choices}
        for consultation in consultations:
            consultation.today = today
            groups[consultation.state].append(consultation)
        context["open_consultations"] = groups[periods.ConsultationState.OPEN]
        context["upcoming_consultations"] = groups[periods.ConsultationState.UPCOMING]
        context["closed_consultations"] = (
            groups[periods.ConsultationState.CLOSED] + groups[periods.ConsultationState.REPORTED]
        )
        return context


class ConsultationPageForm(UnitScopedFormMixin, WagtailAdminPageForm):
    """A unit editor puts out drafts in their own units' names only."""

    def clean(self):
        data = super().clean()
        opens_on, closes_on = data.get("opens_on"), data.get("closes_on")
        if opens_on and not closes_on:
            data["closes_on"] = closes_on = periods.default_close(opens_on)
            self.instance.closes_on = closes_on
        if opens_on and closes_on:
            if closes_on < opens_on:
                self.add_error("closes_on", _("The consultation closes after it opens."))
            elif periods.length_in_days(opens_on, closes_on) < periods.period_days() and not (
                data.get("shorter_period_reason") or ""
            ).strip():
                self.add_error(
                    "shorter_period_reason",
                    _(
                        "The consultation is open %(days)s days, less than the %(minimum)s days "
                        "the rules ask for: state the reason for the shorter period."
                    )
                    % {
                        "days": periods.length_in_days(opens_on, closes_on),
                        "minimum": periods.period_days(),
                    },
                )
        return data

    def is_valid(self):
        # The groups' rows are cleaned by their formset after clean(): check them after.
        valid = super().is_valid()
        if self.check_group_topics():
            valid = False
        return valid

    def check_group_topics(self) -> bool:
        """Comments are counted in a group by its topic: two groups may not share one. True
        when a topic is repeated."""
        formset = self.formsets.get("feedback_groups")
        seen, repeated = set(), False
        for form in getattr(formset, "forms", ()):
            data = getattr(form, "cleaned_data", None) or {}
            topic = (data.get("topic") or "").strip()
            if not topic or data.get("DELETE"):
                continue
            if topic in seen:
                form.add_error("topic", _("Another group has this topic already."))
                repeated = True
            seen.add(topic)
        return repeated


class ConsultationPage(
    PublicationGateMixin, DisclosureAttributeMixin, UnitPageMixin, RoutablePageMixin, Page
):
    """征求意见: a draft put out for public comment, and the feedback on it."""

    unit = models.ForeignKey(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("consulting unit"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="consultations",
    )
    summary = models.CharField(
        _("summary"), max_length=255, blank=True, help_text=_("One line shown in listings.")
    )
    draft = RichTextField(_("draft (full text)"), blank=True)
    draft_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("draft as a document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    explanation = RichTextField(_("explanation of the draft"), blank=True)
    how_to_take_part = RichTextField(
        _("how to take part"),
        blank=True,
        help_text=_("Other ways to comment (post, email, hearings) besides the form on this page."),
    )
    opens_on = models.DateField(_("opens on"), default=clock.today)
    closes_on = models.DateField(
        _("closes on"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty for the default period (30 days after opening, the opening day not "
            "counted)."
        ),
    )
    shorter_period_reason = models.CharField(
        _("reason for a shorter period"),
        max_length=255,
        blank=True,
        help_text=_("Required when the consultation is open for less than the rules ask for."),
    )

    publish_feedback_report = models.BooleanField(
        _("publish the feedback report"),
        default=False,
        help_text=_(
            "Tick once the consultation has closed and every group below has a decision (and "
            "each group not adopted, or partly, its reason): the page then shows the report."
        ),
    )
    feedback_summary = RichTextField(
        _("feedback report introduction"),
        blank=True,
        help_text=_("How comments were gathered and considered, and what happens next."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("unit"),
                FieldPanel("summary"),
                FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
                FieldPanel("shorter_period_reason"),
            ],
            heading=_("Consultation"),
        ),
        FieldPanel("draft"),
        FieldPanel("draft_document"),
        FieldPanel("explanation"),
        FieldPanel("how_to_take_part"),
        InlinePanel(
            "clauses",
            heading=_("Clauses people may comment on"),
            label=_("clause"),
            help_text=_("Offered in the comment form, e.g. 第三条 or 收费标准."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("feedback_summary"),
                InlinePanel("feedback_groups", label=_("group of comments")),
                FieldPanel("publish_feedback_report"),
            ],
            heading=_("Feedback report"),
        ),
        disclosure_attribute_panel(),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("draft"),
        index.SearchField("explanation"),
    ]
    parent_page_types = ["wagtail_disclosure.ConsultationIndexPage"]
    subpage_types = []
    base_form_class = ConsultationPageForm
    template = "wagtail_disclosure/consultations/consultation_page.html"

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def unit_ids_of_page(self):
        """The consulting unit's editors keep its consultations."""
        return (self.unit_id,)

    def clean(self):
        super().clean()
        if self.opens_on and not self.closes_on:
            self.closes_on = periods.default_close(self.opens_on)
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The consultation closes after it opens.")})

    def save(self, *args, **kwargs):
        if self.opens_on and not self.closes_on:
            self.closes_on = periods.default_close(self.opens_on)
        return super().save(*args, **kwargs)

    # --- where it stands -------------------------------------------------------------------

    @property
    def report_published(self) -> bool:
        return bool(self.live and self.publish_feedback_report)

    def state_on(self, today):
        return periods.state_on(
            self.opens_on, self.closes_on, today, reported=self.report_published
        )

    @property
    def state(self):
        return self.state_on(getattr(self, "today", None) or clock.today())

    def get_state_display(self):
        return periods.ConsultationState(self.state).label

    def is_open(self, today=None):
        return self.state_on(today or clock.today()) == periods.ConsultationState.OPEN

    def days_left(self, today=None):
        """Calendar days left to comment (0 on the last day), or None when not open."""
        today = today or clock.today()
        if self.state_on(today) != periods.ConsultationState.OPEN:
            return None
        return periods.days_left(self.closes_on, today)

    @property
    def period_length(self):
        if self.opens_on and self.closes_on:
            return periods.length_in_days(self.opens_on, self.closes_on)
        return None

    def clause_labels(self):
        return [clause.label for clause in self.clauses.all()]

    # --- the feedback report ---------------------------------------------------------------

    def feedback_report(self):
        """The groups with their counts, and the comments received, for the public report."""
        comments = ConsultationComment.objects.filter(consultation=self)
        received = comments.count()
        hidden = comments.filter(status=CommentStatus.HIDDEN).count()
        counts = dict(
            comments.exclude(status=CommentStatus.HIDDEN)
            .values_list("topic")
            .annotate(n=Count("pk"))
            .values_list("topic", "n")
        )
        groups = list(self.feedback_groups.all())
        for group in groups:
            group.comment_count = counts.get(group.topic, 0)
        return {
            "received": received,
            "hidden": hidden,
            "considered": received - hidden,
            "groups": groups,
            "by_decision": {
                decision: sum(g.comment_count for g in groups if g.decision == decision)
                for decision in FeedbackDecision.values
            },
        }

    # --- the public page -------------------------------------------------------------------

    @path("")
    def comment_view(self, request):
        """The consultation; a valid comment while it is open goes to the moderation queue.

        Posts are rate limited per address (every post, and more tightly every comment taken);
        over a limit the page answers 429 with the form as it was.
        """
        today = clock.today()
        self.today = today
        form = None
        status = 200
        problem = ""
        if self.is_open(today):
            form = PublicCommentForm(clauses=self.clause_labels())
        if request.method == "POST":
            if not self.is_open(today):
                problem = "closed"
                status = 403 if self.state_on(today) == periods.ConsultationState.UPCOMING else 410
            else:
                form = PublicCommentForm(request.POST, clauses=self.clause_labels())
                submissions, posts = _rate_limits()
                address = client_ip(request)
                if not allow("comment-post", address, *posts):
                    problem, status = "rate_limited", 429
                elif form.is_valid():
                    if not allow("comment-submit", address, *submissions):
                        problem, status = "rate_limited", 429
                    elif self.take_comment(form.cleaned_data, address):
                        return redirect(self.url + self.reverse_subpage("thanks"))
                    else:
                        problem, status = "duplicate", 409
        response = self.render(
            request,
            context_overrides={
                "form": form,
                "problem": problem,
                "today": today,
                "days_left": self.days_left(today),
                "comments": self.published_comments(),
                "report": self.feedback_report() if self.report_published else None,
                "max_length": get_setting("WAGTAIL_DISCLOSURE_COMMENT_MAX_LENGTH"),
            },
        )
        response.status_code = status
        add_never_cache_headers(response)
        return response

    @path("thanks/", name="thanks")
    def thanks_view(self, request):
        response = self.render(
            request,
            template="wagtail_disclosure/consultations/comment_thanks.html",
        )
        add_never_cache_headers(response)
        return response

    def published_comments(self):
        return ConsultationComment.objects.filter(
            consultation=self, status=CommentStatus.PUBLISHED
        ).order_by("-submitted_at", "-pk")[:COMMENTS_SHOWN]

    def take_comment(self, data, address) -> bool:
        """Store the comment for moderation; False if this sender sent the same text already."""
        keys = {"source_key": source_key(self.pk, address), "text_key": text_key(data["body"])}
        if ConsultationComment.objects.filter(consultation=self, **keys).exists():
            return False
        try:
            with transaction.atomic():
                ConsultationComment.objects.create(
                    consultation=self,
                    body=data["body"],
                    clause=data.get("clause") or "",
                    name=data.get("name") or "",
                    contact=data.get("contact") or "",
                    consent=True,
                    **keys,
                )
        except IntegrityError:  # the same comment, sent twice at once
            return False
        return True


def _rate_limits():
    return (
        get_setting("WAGTAIL_DISCLOSURE_PARTICIPATION_RATE_LIMIT"),
        get_setting("WAGTAIL_DISCLOSURE_PARTICIPATION_POST_LIMIT"),
    )


class ConsultationClause(Orderable):
    """A part of the draft the public may say a comment is about."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="clauses")
    label = models.CharField(_("clause"), max_length=100, help_text=_("E.g. 第三条 or 收费标准."))

    panels = [FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")

    def __str__(self):
        return self.label


class FeedbackDecision(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    PARTLY = "partly", _("Partly adopted")
    NOT_ADOPTED = "not_adopted", _("Not adopted")


class FeedbackGroup(Orderable):
    """Comments on one topic or clause, gathered by the office, and what it made of them."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="feedback_groups")
    topic = models.CharField(_("topic or clause"), max_length=255)
    opinions = models.TextField(
        _("what the comments said"), blank=True, help_text=_("A summary of the opinions.")
    )
    decision = models.CharField(
        _("decision"), max_length=16, choices=FeedbackDecision.choices, blank=True
    )
    reason = models.TextField(
        _("reason"),
        blank=True,
        help_text=_("Required when the comments were not adopted, or only partly: why not."),
    )

    panels = [
        FieldPanel("topic"),
        FieldPanel("opinions"),
        FieldPanel("decision", widget=forms.RadioSelect),
        FieldPanel("reason"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("group of comments")
        verbose_name_plural = _("groups of comments")

    def __str__(self):
        return self.topic

    @property
    def needs_reason(self):
        return self.decision in (FeedbackDecision.PARTLY, FeedbackDecision.NOT_ADOPTED)
