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

The narrowing lives in the pages' ``permissions_for_user`` (``models.ColumnPagePermissionTester``),
which every Wagtail page view (edit, create, delete, publish, move, copy, bulk actions, listings'
buttons) asks.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Exists, Q
from wagtail.models import GroupPagePermission

from wagtail_disclosure.core.permissions import (
    ManagersOnlyPolicy,
    UnitScopedPermissionPolicy,
    answer_once,
    is_manager,
    unit_ids,
)
from wagtail_disclosure.core.versions import kept_under_main

from .models import DisclosureEntry, EnterpriseEditor, EnterprisePage, SectorPage


def managed_sectors(user):
    """Sector pages whose pages and catalogue ``user`` manages."""
    if is_manager(user):
        return SectorPage.objects.all()
    return SectorPage.objects.filter(competent_department_id__in=unit_ids(user))


def editable_enterprises(user):
    """Covered entities whose disclosure entries ``user`` may add and change."""
    if is_manager(user):
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
    if is_manager(user):
        return True
    return sector is not None and sector.competent_department_id in unit_ids(user)


def can_edit_entries(user, enterprise) -> bool:
    if enterprise is None:
        return False
    if is_manager(user) or enterprise.unit_id in unit_ids(user):
        return True
    if can_manage_sector(user, enterprise.sector):
        return True
    return user.is_authenticated and enterprise.editors.filter(user=user).exists()


def _column_roles(user) -> tuple[bool, bool]:
    """(adds entries for some entity, manages some sector), in one query.

    For a manager that is whether any entity and any sector exist: the same for every manager
    and changed only by saving pages, so it is kept under the main token (no query at all)."""
    if not user.is_authenticated:
        return False, False
    if is_manager(user):
        return kept_under_main("enterprise-column", lambda: _user_column_roles(user))
    return _user_column_roles(user)


def _user_column_roles(user) -> tuple[bool, bool]:
    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            entries=Exists(editable_enterprises(user)),
            sectors=Exists(managed_sectors(user)),
        )
        .values_list("entries", "sectors")
        .first()
    )
    return (bool(row[0]), bool(row[1])) if row else (False, False)


def edits_entries(user) -> bool:
    """Does ``user`` add disclosure entries for at least one entity?"""
    return answer_once(user, "column_roles", lambda: _column_roles(user))[0]


def manages_a_sector(user) -> bool:
    """Is ``user``'s unit the competent department of at least one sector?"""
    return answer_once(user, "column_roles", lambda: _column_roles(user))[1]


class DisclosureEntryPermissionPolicy(UnitScopedPermissionPolicy):
    """Entries belong to their entity: its editors, its sector's department and managers."""

    def __init__(self, model):
        super().__init__(model, editor_actions=("add", "change", "delete", "view"))

    def is_scoped_editor(self, user):
        return edits_entries(user)

    def editor_scope(self, user):
        return Q(enterprise__in=editable_enterprises(user).values("pk"))

    def in_editor_scope(self, user, instance):
        return can_edit_entries(user, instance.enterprise)

    def users_with_any_permission_for_instance(self, actions, instance):
        return self.users_with_any_permission(actions)


class SectorPermissionPolicy(UnitScopedPermissionPolicy):
    """Sectors belong to their competent department: its editors manage the sector's entities
    and catalogue (imports of covered entities, the compliance report)."""

    def __init__(self, model):
        super().__init__(model, unit_field="competent_department", editor_actions=("add", "view"))

    def is_scoped_editor(self, user):
        return manages_a_sector(user)


entry_policy = DisclosureEntryPermissionPolicy(DisclosureEntry)
#: Who edits for an entity is the managers' call.
editor_policy = ManagersOnlyPolicy(EnterpriseEditor)

#: Not registered with Wagtail (sector pages follow page permissions); asked by the column's
#: import screens and menu items.
sector_policy = SectorPermissionPolicy(SectorPage)

POLICIES = {DisclosureEntry: entry_policy, EnterpriseEditor: editor_policy}


#: The Django group a site gives the competent departments' editors (see docs/enterprises.md).
SECTOR_EDITORS_GROUP = "公共企事业单位主管部门"


def ensure_sector_editors_group(column, name=SECTOR_EDITORS_GROUP):
    """A group with admin access and add/change/publish on ``column``'s subtree.

    Members still change only the sectors of the units they edit for: the pages narrow it.
    """
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
