"""Who may do what with statutory content: managers keep the catalogue; each unit files and
sees its own items and its own rows of the compliance report."""

from wagtail_disclosure.core.permissions import ManagerPermissionPolicy, UnitScopedPermissionPolicy

from .models import StatutoryCategory, StatutoryItem

category_policy = ManagerPermissionPolicy(StatutoryCategory)
item_policy = UnitScopedPermissionPolicy(
    StatutoryItem, editor_actions=("add", "change", "delete", "view")
)

POLICIES = {StatutoryCategory: category_policy, StatutoryItem: item_policy}
