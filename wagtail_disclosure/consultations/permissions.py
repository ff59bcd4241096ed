"""Who may moderate which comments: a comment belongs to the unit of its consultation and holds
its sender's contact details, so a unit editor sees only their units' comments."""

from wagtail_disclosure.core.permissions import PublicSubmissionPolicy

from .models import ConsultationComment

comment_policy = PublicSubmissionPolicy(
    ConsultationComment, unit_field="consultation__unit", editor_actions=("change", "view")
)

POLICIES = {ConsultationComment: comment_policy}
