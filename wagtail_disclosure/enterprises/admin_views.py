"""Admin screens of the enterprise column: entries, entity editors, imports and the report."""

from __future__ import annotations

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import F, FloatField
from django.db.models.functions import Cast, NullIf, Round
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet

from wagtail_disclosure.core import clock
from wagtail_disclosure.core.import_views import SpreadsheetImportView
from wagtail_disclosure.core.spreadsheets import escape_formula
from wagtail_disclosure.enterprises import compliance

from .imports import (
    ENTITY_COLUMNS,
    ENTITY_REQUIRED,
    ENTRY_COLUMNS,
    ENTRY_REQUIRED,
    EnterpriseListResource,
    EntryResource,
)
from .models import CatalogueItem, DisclosureEntry, EnterpriseEditor, EnterprisePage, SectorPage
from .permissions import (
    editable_enterprises,
    editor_policy,
    entry_policy,
    managed_sectors,
    sector_policy,
)
from .reporting import render_compliance, sector_rows

# -- disclosure entries ----------------------------------------------------------------------


class DisclosureEntryForm(WagtailAdminModelForm):
    """Only the entities the editor may add entries for, and their sectors' catalogue items."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None:
            return
        entities = editable_enterprises(user)
        self.fields["enterprise"].queryset = EnterprisePage.objects.filter(
            pk__in=entities.values("pk")
        ).order_by("path")
        items = self.fields["item"]
        items.queryset = (
            CatalogueItem.objects.filter(sector__in=entities.values("sector"))
            .select_related("sector")
            .order_by("sector__path", "sort_order")
        )
        items.label_from_instance = lambda item: f"{item.sector.title} · {item.name}"


class ScopedEntriesMixin:
    """Every entry view shows and changes only the entries the user may edit."""

    def get_base_queryset(self):
        return entry_policy.instances_user_has_permission_for(
            self.request.user, "change"
        ).select_related("enterprise", "item")


class EntryIndexView(ScopedEntriesMixin, generic.IndexView):
    pass


class EntryEditView(generic.EditView):
    def get_object(self, queryset=None):
        entry = super().get_object(queryset)
        if not self.user_has_permission_for_instance("change", entry):
            raise PermissionDenied
        return entry


class EntryDeleteView(generic.DeleteView):
    def get_object(self, queryset=None):
        entry = super().get_object(queryset)
        if not self.user_has_permission_for_instance("delete", entry):
            raise PermissionDenied
        return entry


class DisclosureEntryViewSet(ModelViewSet):
    model = DisclosureEntry
    icon = "doc-full"
    name = "disclosure_enterprise_entries"
    menu_label = _("Disclosure entries")
    add_to_admin_menu = False
    index_view_class = EntryIndexView
    edit_view_class = EntryEditView
    delete_view_class = EntryDeleteView
    list_display = ["enterprise", "item", "date", "content"]
    search_fields = ["content"]
    search_backend_name = None
    copy_view_enabled = False
    permission_policy = entry_policy
    inspect_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("enterprise"), FieldPanel("item")]),
            FieldPanel("date"),
            FieldPanel("content"),
            FieldRowPanel([FieldPanel("url"), FieldPanel("document")]),
        ],
        base_form_class=DisclosureEntryForm,
    )


class EnterpriseEditorViewSet(ModelViewSet):
    model = EnterpriseEditor
    icon = "user"
    name = "disclosure_enterprise_editors"
    menu_label = _("Covered entity editors")
    add_to_admin_menu = False
    list_display = ["user", "enterprise"]
    form_fields = ["user", "enterprise"]
    copy_view_enabled = False
    inspect_view_enabled = False
    permission_policy = editor_policy


# -- imports ---------------------------------------------------------------------------------


class EnterpriseListImportView(SpreadsheetImportView):
    page_title = _("Import covered entities")
    resource_class = EnterpriseListResource
    columns = ENTITY_COLUMNS
    required_columns = ENTITY_REQUIRED
    success_url_name = "wagtail_disclosure_admin:enterprise_compliance"

    def has_permission(self, user):
        return sector_policy.user_has_permission(user, "add")


class EntryImportView(SpreadsheetImportView):
    page_title = _("Import disclosure entries")
    resource_class = EntryResource
    columns = ENTRY_COLUMNS
    required_columns = ENTRY_REQUIRED
    success_url_name = "disclosure_enterprise_entries:index"

    def has_permission(self, user):
        return entry_policy.user_has_permission(user, "add")


# -- the compliance report -------------------------------------------------------------------


class ComplianceReportFilterSet(WagtailFilterSet):
    sector = django_filters.ModelChoiceFilter(
        label=_("Sector"), queryset=SectorPage.objects.order_by("path")
    )

    class Meta:
        model = EnterprisePage
        fields = ["sector"]


def _percent(part, whole):
    return Round(Cast(F(part), FloatField()) * 100.0 / NullIf(F(whole), 0))


class ComplianceReportView(ReportView):
    """Per covered entity: catalogue items, disclosed and up to date, exportable."""

    page_title = _("Public enterprise compliance")
    header_icon = "doc-full"
    index_url_name = "wagtail_disclosure_admin:enterprise_compliance"
    index_results_url_name = "wagtail_disclosure_admin:enterprise_compliance_results"
    filterset_class = ComplianceReportFilterSet
    export_filename = "enterprise-compliance"
    model = EnterprisePage
    list_export = [
        "sector.title",
        "title",
        "sector.competent_department.title",
        "item_count",
        "disclosed_count",
        "current_count",
        "disclosed_percent",
        "current_percent",
    ]
    export_headings = {
        "sector.title": _("Sector"),
        "title": _("Covered entity"),
        "sector.competent_department.title": _("Competent department"),
        "item_count": _("Catalogue items"),
        "disclosed_count": _("Disclosed"),
        "current_count": _("Up to date"),
        "disclosed_percent": _("Disclosed (%)"),
        "current_percent": _("Up to date (%)"),
    }
    columns = [
        Column("sector", label=_("Sector"), accessor="sector.title"),
        TitleColumn("title", label=_("Covered entity"), url_name="wagtailadmin_pages:edit"),
        Column(
            "department",
            label=_("Competent department"),
            accessor="sector.competent_department.title",
        ),
        Column("item_count", label=_("Catalogue items")),
        Column("disclosed_count", label=_("Disclosed")),
        Column("current_count", label=_("Up to date")),
        Column("current_percent", label=_("Up to date (%)")),
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        escape = {self.FORMAT_XLSX: escape_formula, self.FORMAT_CSV: escape_formula}
        self.custom_value_preprocess = {**self.custom_value_preprocess, str: escape}

    def dispatch(self, request, *args, **kwargs):
        if not entry_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        entities = EnterprisePage.objects.live().filter(
            pk__in=editable_enterprises(self.request.user).values("pk")
        )
        return (
            compliance.annotate_enterprises(entities, on=clock.today())
            .annotate(
                disclosed_percent=_percent("disclosed_count", "item_count"),
                current_percent=_percent("current_count", "item_count"),
            )
            .select_related("sector__competent_department")
            .order_by("sector__path", "path")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = clock.today()
        return context


# -- dashboard -------------------------------------------------------------------------------


class EnterpriseCompliancePanel(Component):
    """On the dashboard: the compliance of the sectors the user manages."""

    name = "enterprise_compliance"
    order = 160
    template_name = "wagtail_disclosure/enterprises/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        sectors = managed_sectors(self.request.user)
        return {
            "body": render_compliance(
                sector_rows(sectors, request=self.request), title=str(_("My sectors"))
            ),
            "report_url": "wagtail_disclosure_admin:enterprise_compliance",
        }
