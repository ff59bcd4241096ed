"""Differences between the supported Wagtail and Django versions, written once.

The app supports Wagtail 7.4 LTS and 8.x (on Django 5.2 to 6.1). Where they differ, the app
calls a function here instead of either version's API, so the next LTS is one module's work:

- Wagtail 8 keeps a registry of permission policies by model, which its generic views, choosers
  and reports consult; Wagtail 7.4 asks the viewset's ``permission_policy``. The app does both:
  :func:`register_permission_policy` fills the registry where there is one, and every viewset of
  a scoped model names its policy as a class attribute (``permission_policy = ...``).
- Wagtail 8 decides a menu item's order with ``get_menu_item_order`` (the item's own
  ``menu_order`` first); 7.4 has no such method: :func:`menu_item_order`.
"""

try:
    from wagtail.permissions import register_permission_policy as _register_permission_policy
except ImportError:  # Wagtail 7.x
    _register_permission_policy = None

HAS_POLICY_REGISTRY = _register_permission_policy is not None


def register_permission_policy(model, policy) -> None:
    """Make ``policy`` the one Wagtail asks about ``model`` (a no-op before Wagtail 8)."""
    if _register_permission_policy is not None:
        _register_permission_policy(model, policy, exact_class=True)


def menu_item_order(registerable, order=None) -> int:
    """The order of ``registerable``'s menu item: its ``menu_order``, else ``order`` (its place
    in a group), else 8999 (before Reports) — Wagtail 8's rule, applied on 7.4 as well."""
    get_order = getattr(registerable, "get_menu_item_order", None)
    if get_order is not None:  # Wagtail 8
        return get_order(order)
    return next(o for o in [registerable.menu_order, order, 8999] if o is not None)
