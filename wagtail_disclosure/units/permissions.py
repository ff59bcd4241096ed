"""Who may do what with the units register: it is the managers' (every other domain reads it)."""

from wagtail_disclosure.core.permissions import ManagerPermissionPolicy, ManagersOnlyPolicy
from wagtail_disclosure.core.sites import DisclosureSite

from .models import UnitGroup, UnitMembership, UnitPage

unit_group_policy = ManagerPermissionPolicy(UnitGroup)
unit_membership_policy = ManagerPermissionPolicy(UnitMembership)
#: Importing the register creates and renames unit pages: managers only.
unit_register_policy = ManagersOnlyPolicy(UnitPage)
#: Which units each site administers, its city and its editors' group: managers only.
disclosure_site_policy = ManagersOnlyPolicy(DisclosureSite)

POLICIES = {
    UnitGroup: unit_group_policy,
    UnitMembership: unit_membership_policy,
    DisclosureSite: disclosure_site_policy,
}
