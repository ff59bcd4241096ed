"""Admin screens of statutory content: the catalogue, filed items, the compliance report and its
dashboard panel."""

from __future__ import annotations

import django_filters
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet

from wagtail_disclosure.core import clock
from wagtail_disclosure.core.permissions import (
    UnitScopedFormMixin,
    UnitScopedViewSetMixin,
    is_manager,
    unit_ids,
    unit_scope,
)
from wagtail_disclosure.core.spreadsheets import escape_formula
from wagtail_disclosure.units.models import UnitPage

from .compliance import compliance_rows, units_for
from .freshness import Status
from .models import StatutoryCategory, StatutoryItem
from .permissions import category_policy, item_policy
from .reporting import render_compliance

# -- the catalogue ---------------------------------------------------------------------------


class StatutoryCategoryViewSet(ModelViewSet):
    model = StatutoryCategory
    icon = "list-ol"
    name = "disclosure_statutory_categories"
    menu_label = _("Statutory categories")
    add_to_admin_menu = False
    list_display = ["number", "short_name", "period_label", "applies_label", "active"]
    search_fields = ["short_name", "name"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = False
    permission_policy = category_policy


# -- filed items -----------------------------------------------------------------------------


class StatutoryItemForm(UnitScopedFormMixin, WagtailAdminModelForm):
    """An item published elsewhere: its title, address and date are needed. A unit editor files
    for their own units only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "url", "date"):
            if name in self.fields:
                self.fields[name].required = True


class ExternalItemsOnlyMixin:
    """The admin edits the links; a filed page's items change with the page's revisions."""

    def get_object(self, *args, **kwargs):
        item = super().get_object(*args, **kwargs)
        if item.page_id is not None:
            raise Http404
        return item


class ExternalItemIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super().get_base_queryset()
            .filter(page__isnull=True)
            .select_related("category", "unit")
        )


class ExternalItemEditView(ExternalItemsOnlyMixin, generic.EditView):
    pass


class ExternalItemDeleteView(ExternalItemsOnlyMixin, generic.DeleteView):
    pass


class StatutoryItemViewSet(UnitScopedViewSetMixin, ModelViewSet):
    """Items published elsewhere (a link). A page is filed on the page itself, in its
    “statutory proactive content” panel, so that filing goes live with the page."""

    model = StatutoryItem
    icon = "link-external"
    name = "disclosure_statutory_items"
    menu_label = _("Statutory content items")
    add_to_admin_menu = False
    list_display = ["title", "category", "unit", "date"]
    list_filter = ["category"]
    search_fields = ["title"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = False
    permission_policy = item_policy
    base_form_class = StatutoryItemForm

    index_view_class = ExternalItemIndexView
    edit_view_class = ExternalItemEditView
    delete_view_class = ExternalItemDeleteView


# -- the compliance report -------------------------------------------------------------------


def _units(request):
    units = UnitPage.objects.live().order_by("path")
    if request is not None and not is_manager(request.user):
        units = units.filter(pk__in=unit_ids(request.user))
    return units


class ComplianceFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=_units, method="keep")
    category = django_filters.ModelChoiceFilter(
        label=_("Category"), queryset=StatutoryCategory.objects.active(), method="keep"
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(s, Status.LABELS[s]) for s in Status.ORDER],
        method="keep",
    )

    class Meta:
        model = StatutoryItem
        fields = []

    def keep(self, queryset, name, value):
        # The rows are (unit, category) pairs computed by compliance.compliance_rows().
        return queryset


class StatutoryComplianceReportView(ReportView):
    """Per unit and category: the newest public item, and whether it is missing or out of date.
    A unit editor sees their own units only, in the listing and the export."""

    page_title = _("Statutory content compliance")
    header_icon = "list-ol"
    index_url_name = "wagtail_disclosure_admin:statutory_compliance"
    index_results_url_name = "wagtail_disclosure_admin:statutory_compliance_results"
    filterset_class = ComplianceFilterSet
    export_filename = "statutory-compliance"
    list_export = ["unit_title", "category_name", "period", "latest", "due_by", "status_label"]
    export_headings = {
        "unit_title": _("Unit"),
        "category_name": _("Category"),
        "period": _("Update period"),
        "latest": _("Newest item"),
        "due_by": _("Up to date until"),
        "status_label": _("Status"),
    }
    columns = [
        TitleColumn("unit_title", label=_("Unit"), get_url=lambda row: row.unit.url),
        Column("category_name", label=_("Category")),
        Column("period", label=_("Update period")),
        Column("latest", label=_("Newest item")),
        Column("due_by", label=_("Up to date until")),
        Column("status_label", label=_("Status")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not item_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filtered_queryset(self):
        data = {}
        if self.filters is not None and self.filters.is_valid():
            data = self.filters.form.cleaned_data
        units = units_for(self.request.user)
        if data.get("unit") is not None:
            units = units.filter(pk=data["unit"].pk)
        categories = StatutoryCategory.objects.active()
        if data.get("category") is not None:
            categories = categories.filter(pk=data["category"].pk)
        rows = compliance_rows(units, categories, on=clock.today())
        if data.get("status"):
            rows = [row for row in rows if row.status == data["status"]]
        return rows

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        return {name: escape_formula(value) for name, value in row.items()}

    def get_heading(self, queryset, field):
        return str(self.export_headings.get(field, field))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = clock.today()
        return context


# -- dashboard -------------------------------------------------------------------------------


#: Units shown on the dashboard (those with most to do first); the report lists them all.
DASHBOARD_UNITS = 10


class StatutoryCompliancePanel(Component):
    """On the dashboard: the statutory content of the user's units (every unit for managers)."""

    name = "statutory_compliance"
    order = 170
    template_name = "wagtail_disclosure/statutory/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def kept_for(self) -> tuple:
        """Its HTML depends only on the viewer's units and the data (kept: ``KeptPanel``)."""
        return unit_scope(self.request.user)

    def get_context_data(self, parent_context):
        units = units_for(self.request.user)
        title = _("All units") if is_manager(self.request.user) else _("My units")
        return {
            "body": render_compliance(units, title=str(title), limit=DASHBOARD_UNITS),
            "report_url": "wagtail_disclosure_admin:statutory_compliance",
        }
