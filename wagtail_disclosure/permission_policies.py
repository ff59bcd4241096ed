"""Permission policies: unit editors act on their own units' progress reports only."""

from wagtail.permission_policies import ModelPermissionPolicy

from .permissions import is_disclosure_manager, user_units

UNIT_EDITOR_ACTIONS = {"add", "change", "view"}


def is_unit_editor(user):
    return user.is_authenticated and user.is_active and user_units(user).exists()


class ManagerPermissionPolicy(ModelPermissionPolicy):
    """Plan managers may do anything; everyone else needs the model's Django permissions."""

    def user_has_permission(self, user, action):
        return is_disclosure_manager(user) or super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, a) for a in actions)


class UnitReportPermissionPolicy(ManagerPermissionPolicy):
    """Progress reports: a unit editor adds, changes and views the reports of their units
    (never deletes: a wrong report is corrected, and its history kept)."""

    def user_has_permission(self, user, action):
        if super().user_has_permission(user, action):
            return True
        return action in UNIT_EDITOR_ACTIONS and is_unit_editor(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if is_disclosure_manager(user):
            return True
        if is_unit_editor(user):
            return (
                action in UNIT_EDITOR_ACTIONS
                and user_units(user).filter(pk=instance.unit_id).exists()
            )
        return super().user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if is_disclosure_manager(user):
            return self.model._default_manager.all()
        if is_unit_editor(user):
            if set(actions) & UNIT_EDITOR_ACTIONS:
                return self.model._default_manager.filter(unit__in=user_units(user))
            return self.model._default_manager.none()
        return super().instances_user_has_any_permission_for(user, actions)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])
