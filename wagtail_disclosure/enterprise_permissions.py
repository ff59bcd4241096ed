"""Who may do what in the public-enterprise column.

Wagtail's page permissions are per subtree and per group: a site gives the competent
departments' editors a group with add/change/publish on the column. On top of that, the pages of
the column narrow what those permissions allow:

- disclosure managers (superusers, the managers group) keep whatever Wagtail grants them;
- anyone else may change a sector page, and the entities under it, only if they edit for the
  sector's competent department (a :class:`~wagtail_disclosure.models.UnitMembership`); the column
  page itself is the managers';
- an entity's editors (members of the entity's unit, or :class:`EnterpriseEditor` rows) change no
  page at all: they add the entity's disclosure entries (:class:`DisclosureEntryPermissionPolicy`).

The narrowing lives in the pages' ``permissions_for_user``, which every Wagtail page view (edit,
create, delete, publish, move, copy, bulk actions, listings' buttons) asks.
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.models import PagePermissionTester
from wagtail.permission_policies.base import BasePermissionPolicy

from .permissions import is_disclosure_manager

_UNITS_CACHE = "_disclosure_unit_ids"


def unit_ids(user) -> frozenset[int]:
    """The ids of the units ``user`` edits for, cached on the user for the request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, _UNITS_CACHE, None)
    if cached is None:
        from .models import UnitMembership

        cached = frozenset(
            UnitMembership.objects.filter(user=user).values_list("unit_id", flat=True)
        )
        setattr(user, _UNITS_CACHE, cached)
    return cached


def managed_sectors(user):
    """Sector pages whose pages and catalogue ``user`` manages."""
    from .models import SectorPage

    if is_disclosure_manager(user):
        return SectorPage.objects.all()
    return SectorPage.objects.filter(competent_department_id__in=unit_ids(user))


def editable_enterprises(user):
    """Covered entities whose disclosure entries ``user`` may add and change."""
    from .models import EnterprisePage

    if is_disclosure_manager(user):
        return EnterprisePage.objects.all()
    if not user.is_authenticated:
        return EnterprisePage.objects.none()
    units = unit_ids(user)
    return EnterprisePage.objects.filter(
        Q(sector__competent_department_id__in=units)
        | Q(unit_id__in=units)
        | Q(editors__user=user)
    ).distinct()


def can_manage_sector(user, sector) -> bool:
    if is_disclosure_manager(user):
        return True
    return sector is not None and sector.competent_department_id in unit_ids(user)


def can_edit_entries(user, enterprise) -> bool:
    if enterprise is None:
        return False
    if is_disclosure_manager(user) or enterprise.unit_id in unit_ids(user):
        return True
    if can_manage_sector(user, enterprise.sector):
        return True
    return user.is_authenticated and enterprise.editors.filter(user=user).exists()


def _sector_of(page):
    from .models import EnterprisePage, SectorPage

    if isinstance(page, SectorPage):
        return page
    if isinstance(page, EnterprisePage):
        return page.sector if page.sector_id else page.get_parent().specific
    return None


def may_manage_page(user, page) -> bool:
    """May ``user`` change ``page`` (a column, sector or entity page), whatever Wagtail grants?"""
    if is_disclosure_manager(user):
        return True
    sector = _sector_of(page)
    return sector is not None and sector.competent_department_id in unit_ids(user)


class EnterprisePagePermissionTester(PagePermissionTester):
    """Wagtail's tester, narrowed to the sectors a user's units supervise."""

    def _narrow(self, allowed):
        return bool(allowed) and may_manage_page(self.user, self.page)

    def can_add_subpage(self):
        return self._narrow(super().can_add_subpage())

    def can_edit(self):
        return self._narrow(super().can_edit())

    def can_delete(self, ignore_bulk=False):
        return self._narrow(super().can_delete(ignore_bulk=ignore_bulk))

    def can_unpublish(self):
        return self._narrow(super().can_unpublish())

    def can_publish(self):
        return self._narrow(super().can_publish())

    def can_publish_subpage(self):
        return self._narrow(super().can_publish_subpage())

    def can_reorder_children(self):
        return self._narrow(super().can_reorder_children())

    def can_lock(self):
        return self._narrow(super().can_lock())

    def can_unlock(self):
        return self._narrow(super().can_unlock())

    def can_set_view_restrictions(self):
        return self._narrow(super().can_set_view_restrictions())

    def can_move_to(self, destination):
        # Wagtail reads the destination's raw group permissions; ask its narrowed tester too.
        return super().can_move_to(destination) and (
            destination.specific.permissions_for_user(self.user).can_add_subpage()
        )


class DisclosureEntryPermissionPolicy(BasePermissionPolicy):
    """Entries belong to their entity: its editors, its sector's department and managers."""

    def user_has_permission(self, user, action):
        if not user.is_active:
            return False
        return editable_enterprises(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return user.is_active and can_edit_entries(user, instance.enterprise)

    def instances_user_has_any_permission_for(self, user, actions):
        from .models import DisclosureEntry

        if not user.is_active:
            return DisclosureEntry.objects.none()
        return DisclosureEntry.objects.filter(
            enterprise__in=editable_enterprises(user).values("pk")
        )


#: The Django group a site gives the competent departments' editors (see docs/enterprises.md).
SECTOR_EDITORS_GROUP = "公共企事业单位主管部门"


def ensure_sector_editors_group(column, name=SECTOR_EDITORS_GROUP):
    """A group with admin access and add/change/publish on ``column``'s subtree.

    Members still change only the sectors of the units they edit for: the pages narrow it.
    """
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=column,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return group
