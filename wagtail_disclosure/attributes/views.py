"""Admin views of disclosure attributes: the reports (items without an attribute, withheld items
due for review), the request officers' lookup of withheld items, the bulk decision, the
conversion to 主动公开, and the confirmation asked before an edit withdraws a live item."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from wagtail_disclosure.core.publication import PublicationRefused
from wagtail_disclosure.core.spreadsheets import escape_formula

from .actions import (
    convert_to_proactive,
    review_again,
    set_attributes,
    user_may,
    validation_messages,
)
from .choices import NON_PUBLIC, DisclosureAttribute
from .forms import AttributeDecisionForm, ReviewAgainForm
from .inventory import due_for_review, parse_key, scoped, undecided, withheld
from .models import DisclosureAttributeMixin
from .permissions import attribute_report_policy
from .rules import attribute_label


def _edit_url(row):
    return row.edit_url


class AttributeReportView(ReportView):
    """Rows of :mod:`inventory` (several content types at once), not one queryset."""

    header_icon = "doc-full"
    results_template_name = "wagtail_disclosure/attributes/admin/report_results.html"
    #: What each row offers: ``"select"`` (bulk decision) or ``"convert"``.
    row_action = None
    list_export = ["title", "kind", "unit", "attribute", "basis", "review_date", "status"]
    export_headings = {
        "title": gettext_lazy("Title"),
        "kind": gettext_lazy("Type"),
        "unit": gettext_lazy("Unit"),
        "attribute": gettext_lazy("Disclosure attribute"),
        "basis": gettext_lazy("Legal basis"),
        "review_date": gettext_lazy("Review date"),
        "status": gettext_lazy("Status"),
    }
    columns = [
        TitleColumn("title", label=gettext_lazy("Title"), get_url=_edit_url),
        Column("kind", label=gettext_lazy("Type")),
        Column("unit", label=gettext_lazy("Unit")),
        Column("status", label=gettext_lazy("Status")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not attribute_report_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["row_action"] = self.row_action
        return context

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        return {field: escape_formula(value) for field, value in row.items()}

    def get_heading(self, queryset, field):
        return str(self.export_headings.get(field, field))


class UndecidedReportView(AttributeReportView):
    """Items without an attribute: the historical conversion, with the bulk decision."""

    page_title = gettext_lazy("Items without a disclosure attribute")
    index_url_name = "wagtail_disclosure_admin:attributes_undecided"
    index_results_url_name = "wagtail_disclosure_admin:attributes_undecided_results"
    export_filename = "items-without-disclosure-attribute"
    row_action = "select"
    no_results_message = gettext_lazy("Every item has a disclosure attribute.")

    def get_filtered_queryset(self):
        return undecided(self.request.user)


class ReviewReportView(AttributeReportView):
    """依申请公开 and 不予公开 items past their review date: release them or review them again."""

    page_title = gettext_lazy("Withheld items due for review")
    index_url_name = "wagtail_disclosure_admin:attributes_review"
    index_results_url_name = "wagtail_disclosure_admin:attributes_review_results"
    export_filename = "withheld-items-due-for-review"
    row_action = "convert"
    no_results_message = gettext_lazy("No withheld item is due for review.")
    columns = AttributeReportView.columns[:3] + [
        Column("attribute", label=gettext_lazy("Disclosure attribute")),
        Column("basis", label=gettext_lazy("Legal basis")),
        DateColumn("review_date", label=gettext_lazy("Review date")),
    ]

    def get_filtered_queryset(self):
        return due_for_review(self.request.user)


class WithheldLookupView(AttributeReportView):
    """For request officers: the information not proactively disclosed, searchable, so that a
    request for it can be answered (依申请公开 / 不予公开, with the basis)."""

    page_title = gettext_lazy("Information not proactively disclosed")
    index_url_name = "wagtail_disclosure_admin:attributes_withheld"
    index_results_url_name = "wagtail_disclosure_admin:attributes_withheld_results"
    export_filename = "information-not-proactively-disclosed"
    no_results_message = gettext_lazy("No item matches.")
    columns = ReviewReportView.columns[:3] + [
        Column("attribute", label=gettext_lazy("Disclosure attribute")),
        Column("basis", label=gettext_lazy("Legal basis")),
        Column("set_by", label=gettext_lazy("Set by")),
        DateColumn("set_at", label=gettext_lazy("Set at")),
    ]

    def get_filtered_queryset(self):
        self.query = self.request.GET.get("q", "").strip()[:100]
        self.attribute = self.request.GET.get("attribute", "")
        return withheld(self.request.user, query=self.query, attribute=self.attribute)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            lookup=True,
            query=self.query,
            attribute=self.attribute,
            attribute_choices=[(value, attribute_label(value)) for value in NON_PUBLIC],
        )
        return context


# -- acting on items ------------------------------------------------------------------------------


def _items_for(user, keys):
    """The items behind ``keys`` that ``user`` may see; anything else is refused whole."""
    items = []
    for key in keys:
        parsed = parse_key(key)
        if parsed is None:
            raise PermissionDenied
        model, pk = parsed
        item = scoped(model, user).filter(pk=pk).first()
        if item is None:
            raise PermissionDenied
        items.append(item)
    return items


class BulkAttributeView(WagtailAdminTemplateMixin, TemplateView):
    """Set one decision on the items chosen in the report: first the form, then applied."""

    template_name = "wagtail_disclosure/attributes/admin/bulk_set.html"
    page_title = gettext_lazy("Set the disclosure attribute")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not attribute_report_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return redirect("wagtail_disclosure_admin:attributes_undecided")

    def post(self, request, *args, **kwargs):
        keys = request.POST.getlist("items")
        if not keys:
            messages.error(request, _("Choose at least one item."))
            return redirect("wagtail_disclosure_admin:attributes_undecided")
        items = _items_for(request.user, keys)
        keys = [f"{item._meta.label_lower}:{item.pk}" for item in items]
        if "apply" not in request.POST:
            form = AttributeDecisionForm(initial={"items": keys}, item_keys=keys)
            return self.render_to_response(self.get_context_data(form=form, items=items))
        form = AttributeDecisionForm(request.POST, item_keys=keys)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, items=items))
        data = form.cleaned_data
        try:
            changed = set_attributes(
                items,
                request.user,
                attribute=data["attribute"],
                basis=data["basis"],
                citation=data["citation"],
                review_date=data["review_date"],
            )
        except ValidationError as error:
            for message in validation_messages(error):
                form.add_error(None, message)
            return self.render_to_response(self.get_context_data(form=form, items=items))
        messages.success(
            request,
            _("Disclosure attribute “%(attribute)s” set on %(count)s item(s).")
            % {"attribute": attribute_label(data["attribute"]), "count": len(changed)},
        )
        return redirect("wagtail_disclosure_admin:attributes_undecided")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["live_items"] = [item for item in kwargs.get("items", ()) if item.live]
        return context


class ConvertView(WagtailAdminTemplateMixin, TemplateView):
    """转为主动公开: after review, release a withheld item through the publication gate."""

    template_name = "wagtail_disclosure/attributes/admin/convert.html"
    page_title = gettext_lazy("Convert to proactive disclosure")
    header_icon = "doc-full"

    def dispatch(self, request, key, *args, **kwargs):
        if not attribute_report_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        (self.item,) = _items_for(request.user, [key])
        if not user_may(request.user, self.item, "publish"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("review_form", ReviewAgainForm())
        context.update(item=self.item, edit_url=AdminURLFinder(self.request.user).get_edit_url(
            self.item
        ))
        return context

    def post(self, request, *args, **kwargs):
        if "review_again" in request.POST:
            return self.review_again(request)
        try:
            convert_to_proactive(self.item, request.user)
        except PublicationRefused as refused:
            reasons = "；".join(problem.message for problem in refused.problems)
            messages.error(
                request,
                _("“%(title)s” was not converted: %(reasons)s")
                % {"title": str(self.item), "reasons": reasons},
            )
            return redirect("wagtail_disclosure_admin:attributes_review")
        except ValidationError as error:
            messages.error(request, " ".join(validation_messages(error)))
            return redirect("wagtail_disclosure_admin:attributes_review")
        messages.success(
            request,
            _("“%(title)s” is now proactive disclosure and has been published.")
            % {"title": str(self.item)},
        )
        return redirect("wagtail_disclosure_admin:attributes_review")

    def review_again(self, request):
        """Still withheld after review: the next review date, the decision kept."""
        form = ReviewAgainForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(review_form=form))
        kept = review_again(self.item, request.user, form.cleaned_data["review_date"])
        messages.success(
            request,
            _("“%(title)s” stays %(attribute)s; next review on %(date)s.")
            % {
                "title": str(self.item),
                "attribute": attribute_label(kept.disclosure_attribute),
                "date": kept.disclosure_review_date.isoformat(),
            },
        )
        return redirect("wagtail_disclosure_admin:attributes_review")


# -- an edit that would withdraw a live item -------------------------------------------------------

#: The field the confirmation page adds to the re-sent edit form.
CONFIRM_FIELD = "disclosure-withdraw-confirmed"


def confirm_withdrawal(request, obj):
    """``before_edit_page`` / ``before_edit_snippet``: an edit that makes a live item 依申请公开
    or 不予公开 unpublishes it; ask first. Confirmed, the same form is sent again and the save
    withdraws the item (``DisclosureAttributeMixin.save_revision``) and logs it."""
    obj = getattr(obj, "specific", obj)
    if request.method != "POST" or not isinstance(obj, DisclosureAttributeMixin):
        return None
    if not obj.live or request.POST.get(CONFIRM_FIELD):
        return None
    new_attribute = request.POST.get("disclosure_attribute", "")
    if new_attribute not in NON_PUBLIC or obj.disclosure_attribute in NON_PUBLIC:
        return None
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name != "csrfmiddlewaretoken"
        for value in values
    ]
    return TemplateResponse(
        request,
        "wagtail_disclosure/attributes/admin/confirm_withdrawal.html",
        {
            "object": obj,
            "attribute": DisclosureAttribute(new_attribute).label,
            "fields": fields,
            "confirm_field": CONFIRM_FIELD,
            "action": request.get_full_path(),
            "edit_url": AdminURLFinder(request.user).get_edit_url(obj) or request.get_full_path(),
            "has_files": bool(request.FILES),
        },
    )
