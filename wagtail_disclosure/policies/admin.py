"""Admin wiring of policy documents, interpretations and the Q&A library."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from wagtail_disclosure.core.menu import DisclosureMenuGroup
from wagtail_disclosure.units.sections import UnitSection

from .forms import scheduled_in_future
from .models import PolicyDocumentPage
from .publishing import RELEASE_BLOCKED, release_prepared_interpretations
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
    if page.requires_interpretation:
        release_prepared_interpretations(page, user=request.user)
    return None


@hooks.register("register_log_actions")
def register_release_log_actions(actions):
    actions.register_action(
        RELEASE_BLOCKED,
        _("Publishing refused: no interpretation"),
        _("Publishing refused: the document requires an interpretation and none is ready"),
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
