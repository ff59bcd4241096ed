"""Who may do what with disclosure requests: a request holds the applicant's personal data, so
a unit editor sees only their units' requests."""

from wagtail_disclosure.core.permissions import ManagerPermissionPolicy, UnitScopedPermissionPolicy

from .calendar import CalendarDay
from .models import DisclosureRequest

request_policy = UnitScopedPermissionPolicy(
    DisclosureRequest, editor_actions=("add", "change", "view", "publish", "lock", "unlock")
)

#: The working-day calendar holds every office's deadlines: managers keep it.
calendar_policy = ManagerPermissionPolicy(CalendarDay)

POLICIES = {DisclosureRequest: request_policy, CalendarDay: calendar_policy}
