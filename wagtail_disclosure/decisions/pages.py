"""The major decisions directory (重大行政决策事项目录): yearly directories, their decision items
and each item's timeline of linked materials, with the public registration of delegates.

A directory is published by one government (a unit) for one year; its children are the decision
items. An item's timeline links the materials where they already are (policy documents,
interpretations, consultations, any page, or a document) rather than copying them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
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
from wagtail_disclosure.core.permissions import UnitPageMixin
from wagtail_disclosure.core.publication import PublicationGateMixin
from wagtail_disclosure.core.ratelimit import allow, client_ip
from wagtail_disclosure.plans.parsing.deadlines import parse_deadline
from wagtail_disclosure.policies.models import PolicyDocumentPage

from .choices import FINISHED_STAGES, KIND_ORDER, DecisionStage, MaterialKind
from .forms import (
    DecisionDirectoryPageForm,
    DecisionItemPageForm,
    DelegateRegistrationForm,
    DuplicateRegistration,
)
from .models import DecisionMeeting, DelegateRegistration

__all__ = [
    "DecisionIndexPage",
    "DecisionDirectoryPage",
    "DecisionItemPage",
    "DecisionMaterial",
]


class DecisionIndexPage(PublicationGateMixin, UnitPageMixin, Page):
    """重大行政决策: every government's yearly directories, newest first."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["wagtail_disclosure.DecisionDirectoryPage"]
    #: Each government's office adds its own directories.
    unit_editors_add_here = True
    template = "wagtail_disclosure/decisions/decision_index_page.html"

    class Meta:
        verbose_name = _("major decisions index")
        verbose_name_plural = _("major decisions indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["directories"] = (
            DecisionDirectoryPage.objects.child_of(self)
            .live()
            .public()
            .select_related("unit")
            .order_by("-year", "path")
        )
        return context


class DecisionDirectoryPage(PublicationGateMixin, UnitPageMixin, Page):
    """政府重大行政决策事项目录: one government's directory of decision items for one year."""

    unit = models.ForeignKey(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("issuing government"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="decision_directories",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    date_published = models.DateField(_("date published"), null=True, blank=True)
    document_number = models.CharField(
        _("document number"),
        max_length=128,
        blank=True,
        help_text=_("Of the notice publishing the directory, if there is one."),
    )
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("unit"),
                FieldRowPanel([FieldPanel("year"), FieldPanel("date_published")]),
                FieldPanel("document_number"),
            ],
            heading=_("Directory"),
        ),
        FieldPanel("intro"),
    ]
    parent_page_types = ["wagtail_disclosure.DecisionIndexPage"]
    subpage_types = ["wagtail_disclosure.DecisionItemPage"]
    base_form_class = DecisionDirectoryPageForm
    template = "wagtail_disclosure/decisions/decision_directory_page.html"

    class Meta:
        verbose_name = _("major decisions directory")
        verbose_name_plural = _("major decisions directories")

    def unit_ids_of_page(self):
        """The issuing government's editors keep its directory and add its items."""
        return (self.unit_id,)

    def items(self):
        """The directory's live, public items, in the directory's order, with what the table
        shows: a fixed number of queries however many items there are."""
        return (
            DecisionItemPage.objects.child_of(self)
            .live()
            .public()
            .select_related("responsible_unit")
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = list(self.items())
        counts = {}
        for item in items:
            counts[item.stage] = counts.get(item.stage, 0) + 1
        context["items"] = items
        context["stage_counts"] = [
            (label, counts[value]) for value, label in DecisionStage.choices if value in counts
        ]
        context["today"] = clock.today()
        return context


@dataclass
class TimelineEntry:
    """One step of a decision's timeline, as the public page shows it."""

    kind: str
    label: str
    date: date | None = None
    title: str = ""
    url: str = ""
    summary: str = ""
    document_number: str = ""
    file_extension: str = ""
    meeting: DecisionMeeting | None = None
    order: tuple = field(default=(), repr=False)


class DecisionItemPage(
    PublicationGateMixin, DisclosureAttributeMixin, UnitPageMixin, RoutablePageMixin, Page
):
    """One decision item of a directory, with its timeline and its meetings' delegates."""

    responsible_unit = models.ForeignKey(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("responsible unit"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="decision_items",
        help_text=_("The unit that drafts the decision (承办单位); its editors keep this item."),
    )
    summary = models.TextField(_("what is to be decided"), blank=True)
    planned_timing = models.CharField(
        _("planned timing, as written"),
        max_length=100,
        blank=True,
        help_text=_("As the directory writes it, e.g. “2022年6月底前”."),
    )
    planned_due = models.DateField(
        _("planned completion date"),
        null=True,
        blank=True,
        help_text=_(
            "Left empty, it is read from the planned timing when that names a date "
            "(in the directory's year)."
        ),
    )
    stage = models.CharField(
        _("current stage"),
        max_length=16,
        choices=DecisionStage.choices,
        default=DecisionStage.PLANNED,
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.FilterField("stage"),
        index.FilterField("responsible_unit"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("responsible_unit"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("planned_timing"), FieldPanel("planned_due")]),
        FieldPanel("stage"),
        InlinePanel(
            "materials",
            heading=_("Timeline: the materials of each stage"),
            label=_("material"),
            help_text=_(
                "Link each material where it is published (a policy document, an "
                "interpretation, a consultation page, any page or a document) rather than "
                "copying it. The decision meeting and its delegates are kept under "
                "Disclosure → Major decisions → Decision meetings."
            ),
        ),
        disclosure_attribute_panel(),
    ]
    parent_page_types = ["wagtail_disclosure.DecisionDirectoryPage"]
    subpage_types = []
    base_form_class = DecisionItemPageForm
    template = "wagtail_disclosure/decisions/decision_item_page.html"

    class Meta:
        verbose_name = _("decision item")
        verbose_name_plural = _("decision items")

    def unit_ids_of_page(self):
        """The responsible unit's editors keep the item, and so do the issuing government's."""
        return (self.responsible_unit_id, self.directory_unit_id)

    @cached_property
    def directory_unit_id(self):
        if not self.path or self.depth <= 1:
            return None
        parent_path = self.path[: -self.steplen]
        return (
            DecisionDirectoryPage.objects.filter(path=parent_path)
            .values_list("unit_id", flat=True)
            .first()
        )

    def directory_year(self):
        if not self.path or self.depth <= 1:
            return None
        return (
            DecisionDirectoryPage.objects.filter(path=self.path[: -self.steplen])
            .values_list("year", flat=True)
            .first()
        )

    def save(self, *args, **kwargs):
        if self.planned_timing and not self.planned_due:
            self.planned_due = parse_deadline(self.planned_timing, self.directory_year()).due
        return super().save(*args, **kwargs)

    # -- state -------------------------------------------------------------------------------

    @property
    def is_finished(self) -> bool:
        return self.stage in FINISHED_STAGES

    def is_overdue(self, today=None) -> bool:
        today = today or clock.today()
        return bool(self.planned_due and not self.is_finished and self.planned_due < today)

    def stage_steps(self):
        """The main stages in order, each marked done, current or to come (for the public
        progress line); a withdrawn item has none."""
        if self.stage == DecisionStage.WITHDRAWN:
            return []
        steps = [s for s in DecisionStage if s != DecisionStage.WITHDRAWN]
        current = steps.index(self.stage)
        return [
            {
                "label": step.label,
                "state": "done" if i < current else "current" if i == current else "todo",
            }
            for i, step in enumerate(steps)
        ]

    # -- the timeline ------------------------------------------------------------------------

    def meetings_for_public(self):
        return list(
            DecisionMeeting.objects.filter(item=self)
            .prefetch_related(
                "opinions",
                Prefetch(
                    "registrations",
                    queryset=DelegateRegistration.objects.published_delegates().order_by(
                        "submitted_at", "pk"
                    ),
                    to_attr="published_delegates",
                ),
            )
            .order_by("held_on", "pk")
        )

    def timeline(self, request=None, meetings=None):
        """The item's materials and meetings in the order of the decision process.

        Linked pages are shown only when live and public; a policy document shows its number.
        A fixed number of queries, whatever the number of materials.
        """
        materials = list(self.materials.select_related("page", "document").order_by("sort_order"))
        linked_ids = [m.page_id for m in materials if m.page_id]
        visible = set(
            Page.objects.filter(pk__in=linked_ids).live().public().values_list("pk", flat=True)
        ) if linked_ids else set()
        numbers = dict(
            PolicyDocumentPage.objects.filter(pk__in=visible).values_list("pk", "document_number")
        ) if visible else {}
        entries = []
        for material in materials:
            page = material.page if material.page_id in visible else None
            document = material.document
            url = ""
            if page is not None:
                url = page.get_url(request=request) or ""
            elif document is not None:
                url = document.url
            elif material.url:
                url = material.url
            title = material.title or (page.title if page else document.title if document else "")
            if not (url or title or material.summary):
                continue
            entries.append(
                TimelineEntry(
                    kind=material.kind,
                    label=material.get_kind_display(),
                    date=material.date,
                    title=title,
                    url=url,
                    summary=material.summary,
                    document_number=numbers.get(material.page_id, "") if page else "",
                    file_extension=(document.file_extension.upper() if document and not page
                                    else ""),
                    order=(KIND_ORDER.get(material.kind, 99), material.date or date.max,
                           material.sort_order or 0),
                )
            )
        for meeting in meetings if meetings is not None else self.meetings_for_public():
            entries.append(
                TimelineEntry(
                    kind=MaterialKind.MEETING,
                    label=MaterialKind.MEETING.label,
                    date=meeting.held_on,
                    title=meeting.title,
                    meeting=meeting,
                    order=(KIND_ORDER[MaterialKind.MEETING], meeting.held_on or date.max, -1),
                )
            )
        entries.sort(key=lambda entry: entry.order)
        return entries

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        meetings = self.meetings_for_public()
        today = clock.today()
        context.update(
            directory=DecisionDirectoryPage.objects.filter(path=self.path[: -self.steplen])
            .select_related("unit")
            .first(),
            timeline=self.timeline(request, meetings=meetings),
            meetings=meetings,
            today=today,
            overdue=self.is_overdue(today),
        )
        return context

    # -- delegate registration ---------------------------------------------------------------

    def public_meeting(self, meeting_id):
        meeting = DecisionMeeting.objects.filter(item=self, pk=meeting_id).first()
        if meeting is None or not meeting.has_registration:
            raise Http404
        return meeting

    @path("")
    def item_view(self, request):
        return self.render(request)

    @path("meetings/<int:meeting_id>/register/", name="register")
    def register_view(self, request, meeting_id):
        """The registration form while selection is open; refused, with the dates, otherwise.

        Posts are rate limited per address: every post, and (more tightly) every registration
        made; over either limit the form is shown again with status 429 and nothing is saved.
        """
        meeting = self.public_meeting(meeting_id)
        today = clock.today()
        state = meeting.registration_state(today)
        rate_limited = False
        form = None
        status = 200
        if state == "open":
            if request.method == "POST":
                form = DelegateRegistrationForm(request.POST, meeting=meeting)
                submissions, posts = _rate_limits()
                ip = client_ip(request)
                if not allow("delegate-post", ip, *posts):
                    rate_limited = True
                elif form.is_valid():
                    if allow("delegate-submit", ip, *submissions):
                        try:
                            with transaction.atomic():
                                form.save()
                        except IntegrityError:
                            form.add_error(None, DuplicateRegistration.message())
                        else:
                            return redirect(
                                self.url
                                + self.reverse_subpage("registered", args=[meeting.pk])
                            )
                    else:
                        rate_limited = True
                if rate_limited:
                    status = 429
            else:
                form = DelegateRegistrationForm(meeting=meeting)
        elif request.method == "POST":
            status = 403
        response = self.render(
            request,
            template="wagtail_disclosure/decisions/delegate_registration.html",
            context_overrides={
                "meeting": meeting,
                "form": form,
                "registration_state": state,
                "rate_limited": rate_limited,
            },
        )
        response.status_code = status
        add_never_cache_headers(response)
        return response

    @path("meetings/<int:meeting_id>/register/done/", name="registered")
    def registered_view(self, request, meeting_id):
        meeting = self.public_meeting(meeting_id)
        response = self.render(
            request,
            template="wagtail_disclosure/decisions/delegate_registered.html",
            context_overrides={"meeting": meeting},
        )
        add_never_cache_headers(response)
        return response


def _rate_limits():
    """(registrations, posts): each a (count, period in seconds) one address may make."""
    return (
        get_setting("WAGTAIL_DISCLOSURE_DELEGATE_RATE_LIMIT"),
        get_setting("WAGTAIL_DISCLOSURE_DELEGATE_POST_LIMIT"),
    )


class DecisionMaterial(Orderable):
    """One material of a decision's timeline: a link to where it is published, with a date
    and, where useful, a summary (e.g. how the consultation's comments were taken up)."""

    item = ParentalKey(DecisionItemPage, on_delete=models.CASCADE, related_name="materials")
    kind = models.CharField(_("stage"), max_length=24, choices=MaterialKind.choices)
    date = models.DateField(_("date"), null=True, blank=True)
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("Left empty, the linked page's or document's title is shown."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("linked page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The page where the material is published: the policy document of the decision, "
            "its interpretation, the consultation page, or any page."
        ),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("linked document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("link elsewhere"), blank=True)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_(
            "Shown under the link: e.g. how many comments came in and how they were adopted, "
            "with the reasons for not adopting frequent ones."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("title"),
        FieldPanel("page"),
        FieldRowPanel([FieldPanel("document"), FieldPanel("url")]),
        FieldPanel("summary"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("decision material")
        verbose_name_plural = _("decision materials")

    def clean(self):
        super().clean()
        links = [bool(self.page_id), bool(self.document_id), bool(self.url)]
        if sum(links) > 1:
            raise ValidationError(
                _("Link one thing: a page, a document or a link elsewhere.")
            )
        if not any(links) and not (self.summary or "").strip():
            raise ValidationError(
                {"page": _("Link the material (a page, a document or a link) or summarise it.")}
            )
