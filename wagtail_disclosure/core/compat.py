"""Differences between the supported Wagtail and Django versions, written once.

Wagtail 8 keeps a registry of permission policies by model, which its generic views, choosers
and reports consult; Wagtail 7.4 asks the viewset's ``permission_policy``. The app does both:
:func:`register_permission_policy` fills the registry where there is one, and every viewset of a
scoped model names its policy as a class attribute (``permission_policy = ...``).
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
