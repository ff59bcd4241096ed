"""The 政务公开 menu of the admin: one submenu per domain, in the order an office works.

Each domain defines a :class:`DisclosureMenuGroup` (Wagtail's ``ViewSetGroup``) holding its
viewsets, whose menu items ask the viewsets' permission policies whether to show. Screens that
are not viewsets (imports, reports, the carry-over review) are :class:`PolicyMenuItem` entries
that ask a permission policy too; a domain adds them to a group through the group's
``submenu_hook``, so a domain can add an item to another domain's group without importing it.

A site adds a group or an item of its own with the ``register_disclosure_menu_item`` hook (see
docs/architecture.md).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.base import ViewSetGroup

from wagtail_disclosure.core.compat import menu_item_order

#: Hook for the items of the 政务公开 menu itself (the domain groups, or a site's own items).
MENU_HOOK = "register_disclosure_menu_item"

#: The groups' places in the 政务公开 menu: the order in which an office works.
ORDER = {
    "units": 100,
    "plans": 200,
    "policies": 300,
    "decisions": 350,
    "statutory": 370,
    "enterprises": 400,
    "requests": 500,
    "annual_reports": 600,
    "consultations": 700,
    "open_days": 750,
}

disclosure_menu = Menu(
    register_hook_name=MENU_HOOK, construct_hook_name="construct_disclosure_menu"
)


def disclosure_submenu():
    """The 政务公开 item of the admin's main menu (shown when any of its items is)."""
    return SubmenuMenuItem(
        _("Disclosure"), disclosure_menu, icon_name="doc-full-inverse", name="disclosure", order=250
    )


def submenu_hook(group: str) -> str:
    """The hook through which items are added to a domain's group, e.g. ``units``."""
    return f"register_disclosure_{group}_menu_item"


class PolicyMenuItem(MenuItem):
    """A menu item shown to users who may take one of ``actions`` under ``policy``."""

    def __init__(self, label, url, *, policy, actions=("view",), **kwargs):
        super().__init__(label, url, **kwargs)
        self.policy = policy
        self.actions = tuple(actions)

    def is_shown(self, request):
        return self.policy.user_has_any_permission(request.user, self.actions)


class DisclosureMenuGroup(ViewSetGroup):
    """One domain's submenu inside 政务公开.

    Subclasses set ``group`` (a key of :data:`ORDER`), ``menu_label``, ``menu_icon`` and
    ``items`` (the domain's viewsets). Its viewsets keep ``add_to_admin_menu = False``: they are
    reached through the group.
    """

    group = None
    menu_hook = MENU_HOOK

    @property
    def menu_order(self):
        return ORDER[self.group]

    @property
    def menu_name(self):
        return f"disclosure-{self.group.replace('_', '-')}"

    def get_submenu_items(self):
        items = super().get_submenu_items()
        items += [fn() for fn in hooks.get_hooks(submenu_hook(self.group))]
        return items

    def get_menu_item(self, order=None):
        return SubmenuMenuItem(
            label=self.menu_label,
            menu=Menu(items=self.get_submenu_items()),
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=menu_item_order(self, order),
        )
