"""The kinds of policy document and their validity (有效性).

Apart from the models so the admin and filter forms (which the page models use) can offer them
without importing the models.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PolicyKind(models.TextChoices):
    RULE = "rule", _("Rule (规章)")
    NORMATIVE = "normative", _("Normative document (行政规范性文件)")
    OTHER = "other", _("Other policy document")
    WORK = "work", _("Work document (工作文件)")


class Validity(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    AMENDED = "amended", _("Amended")
    REPEALED = "repealed", _("Repealed")
    EXPIRED = "expired", _("Expired")


#: Kinds that are always released together with an interpretation (the notice: every rule and
#: normative document is interpreted); no setting or exemption lifts this.
ALWAYS_INTERPRETED_KINDS = (PolicyKind.RULE, PolicyKind.NORMATIVE)

#: Validity values under which a document still binds (有效 and 已修改: the amended text applies).
CURRENT_VALIDITIES = (Validity.IN_FORCE, Validity.AMENDED)
#: Validity values of documents that no longer bind.
ENDED_VALIDITIES = (Validity.REPEALED, Validity.EXPIRED)
