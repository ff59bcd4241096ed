"""Admin wiring for units: the unit groups snippet, unit editors, the register import."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from wagtail_disclosure.core.permissions import is_manager

from .models import UnitGroup, UnitMembership
from .views import UnitRegisterImportView


class UnitGroupViewSet(SnippetViewSet):
    model = UnitGroup
    icon = "group"
    menu_label = _("Unit groups")
    list_display = ["name", "other_names"]
    search_fields = ["name", "other_names"]
    add_to_admin_menu = False


class UnitMembershipViewSet(ModelViewSet):
    model = UnitMembership
    icon = "user"
    menu_label = _("Unit editors")
    name = "disclosure_unit_editors"
    list_display = ["user", "unit"]
    list_filter = ["unit"]
    form_fields = ["user", "unit"]
    add_to_admin_menu = False


class ManagerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_manager(request.user)


register_snippet(UnitGroupViewSet)


@hooks.register("register_admin_viewset")
def register_unit_viewsets():
    return UnitMembershipViewSet()


@hooks.register("register_admin_urls")
def register_units_admin_urls():
    return [
        path(
            "disclosure/units/import/",
            UnitRegisterImportView.as_view(),
            name="wagtail_disclosure_import_units",
        ),
    ]


@hooks.register("register_disclosure_menu_item")
def units_import_menu_item():
    return ManagerMenuItem(
        _("Import units register"),
        reverse("wagtail_disclosure_import_units"),
        icon_name="upload",
        order=900,
    )


@hooks.register("register_disclosure_menu_item")
def unit_groups_menu_item():
    return ManagerMenuItem(
        _("Unit groups"),
        reverse("wagtailsnippets_wagtail_disclosure_unitgroup:list"),
        icon_name="group",
        order=800,
    )


@hooks.register("register_disclosure_menu_item")
def unit_editors_menu_item():
    return ManagerMenuItem(
        _("Unit editors"), reverse("disclosure_unit_editors:index"), icon_name="user", order=810
    )
