"""Admin screens: Wagtail viewsets for the plugin's snippets and models."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import UnitGroup, UnitMembership


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
