"""Admin wiring of policy documents, interpretations and the Q&A library."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Page

from wagtail_disclosure.core.menu import DisclosureMenuGroup
from wagtail_disclosure.units.sections import UnitSection

from .admin_views import confirm_unpublish_interpretation, refuse_bulk_unpublish
from .forms import scheduled_in_future
from .interpretations import InterpretationPage
from .models import PolicyDocumentPage
from .publishing import (
    INTERPRETATION_EXEMPTED,
    INTERPRETATION_KEPT_LIVE,
    RELEASE_BLOCKED,
    UNPUBLISHED_WITH_INTERPRETATION,
    kept_live_reason,
    release_prepared_interpretations,
)
from .viewsets import PolicyQuestionViewSet, SubjectCategoryViewSet


class PoliciesMenu(DisclosureMenuGroup):
    """政策与解读: the subject categories and the Q&A library (documents and interpretations
    are pages, edited in the page explorer)."""

    group = "policies"
    menu_label = _("Policies and interpretations")
    menu_icon = "doc-full"
    items = (PolicyQuestionViewSet, SubjectCategoryViewSet)


@hooks.register("register_admin_viewset")
def register_policies_menu():
    return PoliciesMenu()


@hooks.register("before_publish_page")
def release_interpretation_with_document(request, page):
    """Publish button: release the prepared interpretation just before the document goes live."""
    page = page.specific
    if not isinstance(page, PolicyDocumentPage) or scheduled_in_future(page):
        return None
    if PolicyDocumentPage.objects.filter(pk=page.pk, live=True).exists():
        return None
    if page.needs_interpretation:
        release_prepared_interpretations(page, user=request.user)
    return None


@hooks.register("before_unpublish_page")
def keep_documents_interpreted(request, page):
    """Unpublishing the last live interpretation of a live document that needs one: the editor
    unpublishes both or keeps both (see ``admin_views.confirm_unpublish_interpretation``)."""
    page = page.specific
    if isinstance(page, InterpretationPage):
        return confirm_unpublish_interpretation(request, page)
    return None


@hooks.register("before_bulk_action")
def keep_documents_interpreted_in_bulk(request, action_type, objects, action_class_instance):
    if action_type != "unpublish":
        return None
    if not all(isinstance(obj, Page) for obj in objects):
        return None
    return refuse_bulk_unpublish(request, objects, action_class_instance.next_url)


@hooks.register("register_page_header_buttons")
def new_interpretation_button(page, user, view_name, next_url=None):
    """新建解读 in a policy document's header menu, once the document is saved."""
    page = page.specific
    if not isinstance(page, PolicyDocumentPage) or not page.pk:
        return
    if not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        _("New interpretation"),
        reverse("wagtail_disclosure_admin:new_interpretation", args=[page.pk]),
        icon_name="doc-full-inverse",
        priority=16,
    )


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def log_interpretation_exemption(request, page):
    """An exemption from the release-together rule is kept in the page's history with its
    reason, each time it is given or changed."""
    page = page.specific
    if not isinstance(page, PolicyDocumentPage):
        return None
    revisions = list(page.revisions.order_by("-created_at", "-pk")[:2])
    if not revisions:
        return None
    latest = revisions[0].as_object()
    if latest.requires_interpretation or not latest.interpretation_exemption:
        return None
    if len(revisions) > 1:
        before = revisions[1].as_object()
        if (not before.requires_interpretation
                and before.interpretation_exemption == latest.interpretation_exemption):
            return None
    log(instance=page, action=INTERPRETATION_EXEMPTED, user=request.user,
        data={"reason": latest.interpretation_exemption})
    return None


class KeptLiveFormatter(LogFormatter):
    """Unpublishing an interpretation outside the admin was refused; the comment says why."""

    label = _("Interpretation kept live")
    message = _("Not unpublished: a live document would be left without interpretation")

    def format_comment(self, log_entry):
        return kept_live_reason(log_entry.data)


class ExemptionFormatter(LogFormatter):
    """The history shows the exemption with its reason as the entry's comment."""

    label = _("Exempted from interpretation")
    message = _("Exempted from the release-together rule (no interpretation)")

    def format_comment(self, log_entry):
        return log_entry.data.get("reason", "")


@hooks.register("register_log_actions")
def register_release_log_actions(actions):
    actions.register_action(
        RELEASE_BLOCKED,
        _("Publishing refused: no interpretation"),
        _("Publishing refused: the document requires an interpretation and none is ready"),
    )
    actions.register_action(INTERPRETATION_EXEMPTED)(ExemptionFormatter)
    actions.register_action(INTERPRETATION_KEPT_LIVE)(KeptLiveFormatter)
    actions.register_action(
        UNPUBLISHED_WITH_INTERPRETATION,
        _("Unpublished with its interpretation"),
        _("Unpublished together with its only live interpretation"),
    )


@hooks.register("disclosure_unit_page_sections")
def documents_issued_section(unit, request):
    documents = (
        PolicyDocumentPage.objects.live().public().filter(issuer=unit)
        .order_by("-date_published", "-pk")[:20]
    )
    documents = list(documents)
    if not documents:
        return None
    return UnitSection(
        title=_("Policy documents issued"),
        template="wagtail_disclosure/policies/unit_documents.html",
        context={"documents": documents},
        order=40,
    )
