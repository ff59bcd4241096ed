"""The 政务公开 submenu of the admin; each domain adds items with the
``register_disclosure_menu_item`` hook."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, SubmenuMenuItem

disclosure_menu = Menu(register_hook_name="register_disclosure_menu_item")


def disclosure_submenu():
    return SubmenuMenuItem(
        _("Disclosure"), disclosure_menu, icon_name="doc-full-inverse", name="disclosure", order=250
    )
