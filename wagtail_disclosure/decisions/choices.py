"""The stages a major decision goes through, and the kinds of material its timeline links.

Decree 713 (重大行政决策程序暂行条例) names the steps: public participation, expert argument, risk
assessment, legality review, collective discussion; the notice asks that the directory gather the
draft, its explanation, the background, the comments and their adoption, the delegates at the
meeting and the result, and where published the risk assessment, expert argument and evaluation.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DecisionStage(models.TextChoices):
    """Where a decision item is now (当前阶段)."""

    PLANNED = "planned", _("Not yet started")
    DRAFTING = "drafting", _("Drafting")
    CONSULTATION = "consultation", _("Public consultation")
    REVIEW = "review", _("Argument, assessment and review")
    DELIBERATION = "deliberation", _("Awaiting collective discussion")
    DECIDED = "decided", _("Decided")
    IMPLEMENTED = "implemented", _("Being implemented")
    EVALUATION = "evaluation", _("Implementation evaluated")
    WITHDRAWN = "withdrawn", _("Withdrawn from the directory")


#: Stages after which the planned timing no longer falls due.
FINISHED_STAGES = (
    DecisionStage.DECIDED,
    DecisionStage.IMPLEMENTED,
    DecisionStage.EVALUATION,
    DecisionStage.WITHDRAWN,
)


class MaterialKind(models.TextChoices):
    """What one entry of a decision's timeline is, in the order the steps usually come."""

    BACKGROUND = "background", _("Background of the decision")
    DRAFT = "draft", _("Full text of the draft")
    EXPLANATION = "explanation", _("Explanation of the draft")
    CONSULTATION = "consultation", _("Public consultation")
    FEEDBACK = "feedback", _("Comments received and their adoption")
    EXPERT_ARGUMENT = "expert_argument", _("Expert argument")
    RISK_ASSESSMENT = "risk_assessment", _("Risk assessment")
    LEGALITY_REVIEW = "legality_review", _("Legality review")
    MEETING = "meeting", _("Collective discussion")
    DECISION = "decision", _("Decision result")
    INTERPRETATION = "interpretation", _("Policy interpretation")
    EVALUATION = "evaluation", _("Implementation evaluation")
    OTHER = "other", _("Other")


KIND_ORDER = {kind: position for position, kind in enumerate(MaterialKind.values)}


class Handling(models.TextChoices):
    """How a delegate's opinion was taken up (采纳情况)."""

    ADOPTED = "adopted", _("Adopted")
    PARTLY = "partly", _("Partly adopted")
    NOT_ADOPTED = "not_adopted", _("Not adopted")


#: Handlings the public is owed a reason for.
NEEDS_REASON = (Handling.PARTLY, Handling.NOT_ADOPTED)


class RegistrationStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    SELECTED = "selected", _("Selected")
    NOT_SELECTED = "not_selected", _("Not selected")
