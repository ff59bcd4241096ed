"""Who may do what with disclosure requests: a request holds the applicant's personal data, so
a unit editor sees only their units' requests."""

from wagtail_disclosure.core.permissions import UnitScopedPermissionPolicy

from .models import DisclosureRequest

request_policy = UnitScopedPermissionPolicy(
    DisclosureRequest, editor_actions=("add", "change", "view", "publish", "lock", "unlock")
)

POLICIES = {DisclosureRequest: request_policy}
