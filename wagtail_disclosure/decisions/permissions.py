"""Who may do what with decision meetings and delegate registrations: the editors of the
decision's responsible unit (and managers). Registrations hold contact details, so a unit editor
sees only their own units' registrations, in listings, exports and choosers alike."""

from django.db.models import Q

from wagtail_disclosure.core.permissions import (
    MEMBERSHIPS,
    UnitScopedPermissionPolicy,
    managers_q,
    unit_ids,
)

from .models import DecisionMeeting, DelegateRegistration


class DecisionUnitPolicy(UnitScopedPermissionPolicy):
    """Scoped by the responsible unit of the decision item, reached through ``item_path``."""

    def __init__(self, model, *, item_path, **kwargs):
        super().__init__(model, unit_field=f"{item_path}__responsible_unit", **kwargs)
        self.item_path = item_path

    def in_editor_scope(self, user, instance) -> bool:
        return instance.unit_id in unit_ids(user)

    def users_with_any_permission_for_instance(self, actions, instance):
        return self.users_with_any_permission(actions).filter(
            managers_q() | Q(**{f"{MEMBERSHIPS}__unit_id": instance.unit_id})
        )


meeting_policy = DecisionUnitPolicy(
    DecisionMeeting, item_path="item", editor_actions=("add", "change", "view", "delete")
)
registration_policy = DecisionUnitPolicy(
    DelegateRegistration, item_path="meeting__item", editor_actions=("change", "view")
)

POLICIES = {DecisionMeeting: meeting_policy, DelegateRegistration: registration_policy}
