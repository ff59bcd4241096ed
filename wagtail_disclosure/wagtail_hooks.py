"""Wiring only: admin URLs, menu items and viewsets. Logic lives in views/ and viewsets.py."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .admin_hooks import enterprises, plans, policies, progress, requests  # noqa: F401
from .permissions import is_disclosure_manager
from .views.units import UnitRegisterImportView
from .viewsets import UnitGroupViewSet, UnitMembershipViewSet


class ManagerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_disclosure_manager(request.user)


register_snippet(UnitGroupViewSet)


@hooks.register("register_admin_viewset")
def register_unit_viewsets():
    return UnitMembershipViewSet()


@hooks.register("register_admin_urls")
def register_disclosure_admin_urls():
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


@hooks.register("register_admin_menu_item")
def register_disclosure_menu():
    from .menu import disclosure_submenu

    return disclosure_submenu()
