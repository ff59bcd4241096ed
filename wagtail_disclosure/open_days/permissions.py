"""Who sees an open day's registrations and feedback: the host unit's editors and managers
(registrations hold names and phone numbers)."""

from wagtail_disclosure.core.permissions import PublicSubmissionPolicy

from .models import OpenDayFeedback, OpenDayRegistration

registration_policy = PublicSubmissionPolicy(
    OpenDayRegistration, unit_field="event__unit", editor_actions=("view", "delete")
)
feedback_policy = PublicSubmissionPolicy(
    OpenDayFeedback, unit_field="event__unit", editor_actions=("view", "delete")
)

POLICIES = {OpenDayRegistration: registration_policy, OpenDayFeedback: feedback_policy}
