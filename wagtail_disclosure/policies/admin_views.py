"""Admin views of the release-together rule: 新建解读 from a document, and unpublishing the last
live interpretation of a live document (unpublish both, or keep both live)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin.views.pages.create import CreateView
from wagtail.log_actions import log

from .interpretations import InterpretationIndexPage, InterpretationPage
from .models import PolicyDocumentPage
from .publishing import UNPUBLISHED_WITH_INTERPRETATION, documents_left_without_interpretation

#: The POST field of the choice the editor makes on the unpublish step.
WITH_DOCUMENTS = "unpublish_documents"


def interpretation_parent(document, user):
    """The interpretation index a new interpretation of ``document`` goes under: among those the
    user may add pages to, the one nearest the document in the page tree (its own site's)."""
    candidates = [
        index for index in InterpretationIndexPage.objects.order_by("path")
        if index.permissions_for_user(user).can_add_subpage()
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda index: len(common_prefix(index.path, document.path)))


def common_prefix(first, second):
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return first[:length]


class NewInterpretationView(CreateView):
    """新建解读: Wagtail's page creation form for an interpretation, with the document chosen,
    its issuer as the interpreting unit and a title from the document's, ready to be released
    with the document. Saving and publishing are Wagtail's own create view's."""

    def dispatch(self, request, document_id):
        self.document = get_object_or_404(PolicyDocumentPage, pk=document_id)
        if not self.document.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        parent = interpretation_parent(self.document, request.user)
        if parent is None:
            messages.error(request, _(
                "There is no interpretation index you may add pages to. Ask a site "
                "administrator to create one (政策解读) or to give you access to it."
            ))
            return redirect("wagtailadmin_pages:edit", self.document.pk)
        return super().dispatch(
            request, "wagtail_disclosure", "interpretationpage", parent.pk
        )

    def get(self, request):
        self.page.title = _("Interpretation of “%(title)s”") % {"title": self.document.title}
        self.page.interpreted_documents = [self.document]
        self.page.interpreter = self.document.issuer
        self.page.release_with_document = True
        return super().get(request)


def confirm_unpublish_interpretation(request, interpretation):
    """The ``before_unpublish_page`` step for an interpretation: if unpublishing it would leave
    live documents that need one without any, the editor chooses to unpublish them too or to
    keep everything live. ``None`` lets Wagtail unpublish the interpretation."""
    documents = documents_left_without_interpretation(interpretation)
    if not documents:
        return None
    if request.POST.get(WITH_DOCUMENTS) == "yes":
        unpublish_documents(documents, interpretation, request.user)
        return None
    return TemplateResponse(
        request,
        "wagtail_disclosure/policies/confirm_unpublish_interpretation.html",
        {
            "page": interpretation,
            "documents": documents,
            "field_name": WITH_DOCUMENTS,
            "action_url": request.get_full_path(),
            "cancel_url": reverse("wagtailadmin_pages:edit", args=[interpretation.pk]),
            "include_descendants": request.POST.get("include_descendants", ""),
            "next": request.POST.get("next", ""),
        },
    )


def unpublish_documents(documents, interpretation, user):
    """Unpublish ``documents`` because their only live interpretation goes; say so in their
    history."""
    for document in documents:
        if not document.permissions_for_user(user).can_unpublish():
            raise PermissionDenied
    for document in documents:
        UnpublishPageAction(document, user=user).execute(skip_permission_checks=True)
        log(instance=document, action=UNPUBLISHED_WITH_INTERPRETATION, user=user,
            data={"interpretation": interpretation.pk, "title": interpretation.title})


def refuse_bulk_unpublish(request, pages, next_url):
    """Bulk unpublish cannot ask page by page: it is refused when an interpretation in it is the
    only live one of a live document that needs one and is not unpublished with it."""
    chosen = {page.pk for page in pages}
    left = []
    for page in pages:
        page = page.specific
        if isinstance(page, InterpretationPage):
            left += [d for d in documents_left_without_interpretation(page) if d.pk not in chosen]
    if not left:
        # Documents first: their interpretations then leave no live document behind
        # (``InterpretationPage.unpublish`` refuses that).
        pages.sort(key=lambda page: isinstance(page.specific, InterpretationPage))
        return None
    messages.error(request, _(
        "Not unpublished: these documents would stay live without an interpretation: "
        "%(documents)s. Unpublish the interpretations one by one to choose, or select the "
        "documents too."
    ) % {"documents": "、".join(f"《{document.title}》" for document in left)})
    return redirect(next_url or "wagtailadmin_explore_root")
