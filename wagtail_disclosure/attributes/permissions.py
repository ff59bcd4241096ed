"""Who sees the attribute reports: managers (every unit) and unit editors (their units' items)."""

from wagtail.models import Page
from wagtail.permission_policies.base import BasePermissionPolicy

from wagtail_disclosure.core.permissions import works_in_disclosure


class AttributeReportPolicy(BasePermissionPolicy):
    """The reports and the lookup are open to everyone who works in disclosure; what each one
    lists is narrowed by unit (``inventory.scope_q``)."""

    def user_has_permission(self, user, action):
        return user.is_active and works_in_disclosure(user)


attribute_report_policy = AttributeReportPolicy(Page)
