"""Admin screens of consultations: the moderation queue, the comments' export and the
dashboard panel. A unit editor sees only their units' consultations and comments."""

from __future__ import annotations

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from wagtail_disclosure.core import clock
from wagtail_disclosure.core.permissions import (
    UnitScopedViewSetMixin,
    acts_for_unit,
    is_manager,
    unit_ids,
    unit_scope,
)
from wagtail_disclosure.core.personal_data import personal_data_found
from wagtail_disclosure.core.spreadsheets import table_workbook
from wagtail_disclosure.core.versions import submissions_version

from .forms import CommentModerationForm
from .models import CommentStatus, ConsultationComment
from .pages import ConsultationPage
from .periods import ConsultationState
from .permissions import comment_policy
from .reporting import consultations, is_overdue, report_due


def _user_consultations(request):
    pages = ConsultationPage.objects.order_by("-opens_on", "pk")
    if request is None or is_manager(request.user):
        return pages
    return pages.filter(unit__in=unit_ids(request.user))


class CommentFilterSet(WagtailFilterSet):
    consultation = django_filters.ModelChoiceFilter(
        label=_("Consultation"), queryset=_user_consultations
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CommentStatus.choices)

    class Meta:
        model = ConsultationComment
        fields = []


class PersonalDataColumn(Column):
    def get_value(self, instance):
        return _("Check for personal data") if personal_data_found(instance.body) else ""


class ConsultationCommentViewSet(UnitScopedViewSetMixin, SnippetViewSet):
    """意见审核: the moderation queue, newest first; filter by consultation or status."""

    model = ConsultationComment
    icon = "comment"
    menu_label = _("Comments to moderate")
    add_to_admin_menu = False
    base_form_class = CommentModerationForm
    filterset_class = CommentFilterSet
    search_fields = ["body", "name", "clause"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        "__str__",
        "consultation",
        "clause",
        Column("status", label=_("Status"), accessor="get_status_display"),
        PersonalDataColumn("personal_data", label=_("Personal data")),
        "submitted_at",
    ]
    ordering = ["-submitted_at", "-pk"]
    permission_policy = comment_policy

    def get_queryset(self, request):
        return ConsultationComment.objects.for_user(request.user).select_related(
            "consultation", "consultation__unit"
        )


def export_comments(request, consultation_id):
    """Every comment of one consultation as XLSX, contact details included (the office's
    working copy): only for those who act for the consultation's unit."""
    consultation = get_object_or_404(ConsultationPage, pk=consultation_id)
    if not acts_for_unit(request.user, consultation.unit_id):
        raise PermissionDenied
    headers = [
        _("Received"),
        _("Clause or topic"),
        _("Comment"),
        _("Name"),
        _("Contact details"),
        _("Status"),
        _("Reason for hiding"),
        _("Group in the feedback report"),
    ]
    rows = [
        [
            timezone.localtime(c.submitted_at, clock.time_zone()).strftime("%Y-%m-%d %H:%M"),
            c.clause,
            c.body,
            c.name,
            c.contact,
            str(c.get_status_display()),
            c.hidden_reason,
            c.topic,
        ]
        for c in consultation.comments.order_by("submitted_at", "pk")
    ]
    data = table_workbook(consultation.title, [str(h) for h in headers], rows)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="comments-{consultation.pk}.xlsx"'
    return response


class ParticipationPanel(Component):
    """On a unit's dashboard: its open consultations and its overdue feedback reports."""

    name = "disclosure_consultations"
    order = 140
    template_name = "wagtail_disclosure/consultations/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def kept_for(self) -> tuple:
        """Its HTML depends on the viewer's units, the pages, the day and the submissions: kept
        (``KeptPanel``) until a comment or a feedback report replaces the submissions token."""
        return (submissions_version(), *unit_scope(self.user))

    def get_context_data(self, parent_context):
        today = clock.today()
        scope = None if is_manager(self.user) else unit_ids(self.user)
        pages = list(consultations(scope).filter(opens_on__lte=today))
        pending = dict(
            ConsultationComment.objects.filter(
                consultation__in=pages, status=CommentStatus.PENDING
            )
            .values_list("consultation")
            .annotate(n=Count("pk"))
            .values_list("consultation", "n")
        )
        rows = []
        for page in pages:
            state = page.state_on(today)
            if state == ConsultationState.OPEN or is_overdue(page, today):
                rows.append(
                    {
                        "page": page,
                        "open": state == ConsultationState.OPEN,
                        "days_left": page.days_left(today),
                        "report_due": report_due(page),
                        "pending": pending.get(page.pk, 0),
                        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                        "queue_url": reverse(
                            "wagtailsnippets_wagtail_disclosure_consultationcomment:list"
                        )
                        + f"?consultation={page.pk}&status=pending",
                    }
                )
        return {"rows": rows}
