"""Admin wiring for consultations: the moderation queue in the 政务公开 menu, the dashboard
panel, the reporting panel kind, the annual report's paragraph and the moderation log. The
logic lives in admin_views.py and reporting.py."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.log_actions import LogFormatter

from wagtail_disclosure.core.audit import record
from wagtail_disclosure.core.menu import DisclosureMenuGroup
from wagtail_disclosure.core.permissions import works_in_disclosure
from wagtail_disclosure.units.sections import UnitSection

from .admin_views import ConsultationCommentViewSet, ParticipationPanel
from .models import CommentStatus, ConsultationComment
from .pages import ConsultationPage
from .reporting import panel_kind, year_summary


class ConsultationsMenu(DisclosureMenuGroup):
    """意见征集: the comments to moderate."""

    group = "consultations"
    menu_label = _("Consultations")
    menu_icon = "comment"
    items = (ConsultationCommentViewSet,)


@hooks.register("register_admin_viewset")
def register_consultations_menu():
    return ConsultationsMenu()


@hooks.register("construct_homepage_panels")
def add_consultations_panel(request, panels):
    if works_in_disclosure(request.user):
        panels.append(ParticipationPanel(request.user))


@hooks.register("register_disclosure_report_panel_kind")
def register_consultations_kind():
    return panel_kind()


@hooks.register("disclosure_annual_report_work")
def consultations_for_annual_report(unit, year):
    return year_summary(unit, year)


@hooks.register("disclosure_unit_page_sections")
def unit_consultations_section(unit, request):
    pages = list(
        ConsultationPage.objects.live().public().filter(unit=unit).order_by("-opens_on")[:10]
    )
    if not pages:
        return None
    return UnitSection(
        title=_("Consultations"),
        template="wagtail_disclosure/consultations/unit_section.html",
        context={"consultations": pages},
        order=350,
    )


class ExportCommentsMenuItem(ActionMenuItem):
    """In a consultation's editor: download its comments as a spreadsheet."""

    label = _("Export comments (XLSX)")
    name = "export-comments"
    icon_name = "download"

    def is_shown(self, context):
        page = context.get("page")
        return isinstance(page, ConsultationPage) and page.pk and context["view"] == "edit"

    def get_url(self, context):
        return reverse(
            "wagtail_disclosure_admin:consultation_comments_export", args=[context["page"].pk]
        )


@hooks.register("register_page_action_menu_item")
def export_comments_menu_item():
    return ExportCommentsMenuItem(order=90)


# -- the moderation log ------------------------------------------------------------------------

#: A comment was published or hidden (with the reason), or its status changed back.
MODERATION_LOG_ACTION = "wagtail_disclosure.comment_moderated"
_BEFORE = "_wagtail_disclosure_comment_status"


class CommentModerationFormatter(LogFormatter):
    label = _("Comment moderated")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        status = CommentStatus(data.get("status", CommentStatus.PENDING)).label
        if data.get("reason"):
            return _("Comment %(status)s: %(reason)s") % {
                "status": status,
                "reason": data["reason"],
            }
        return _("Comment %(status)s") % {"status": status}


@hooks.register("register_log_actions")
def register_consultation_log_actions(actions):
    actions.register_action(MODERATION_LOG_ACTION)(CommentModerationFormatter)


@hooks.register("before_edit_snippet")
def remember_comment_status(request, instance):
    if isinstance(instance, ConsultationComment):
        fresh = ConsultationComment.objects.filter(pk=instance.pk).values_list(
            "status", "hidden_reason"
        )
        setattr(request, _BEFORE, fresh.first())


@hooks.register("after_edit_snippet")
def record_comment_moderation(request, instance):
    before = getattr(request, _BEFORE, None)
    if not isinstance(instance, ConsultationComment) or before is None:
        return
    if (instance.status, instance.hidden_reason) != tuple(before):
        record(
            instance,
            MODERATION_LOG_ACTION,
            request.user,
            status=instance.status,
            reason=instance.hidden_reason if instance.status == CommentStatus.HIDDEN else "",
        )
