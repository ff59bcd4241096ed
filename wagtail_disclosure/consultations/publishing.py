"""The rule on a consultation's feedback report, for the publication gate, and the record of
the day it first went public.

The regulation and the notice ask that the comments received and how they were adopted be
published, with the reasons for not adopting the frequent ones. A page whose revision asks to
show the report goes live only when the consultation has closed, the moderation queue is empty,
every comment considered is in a group, every group has a decision and every group not adopted
(or only partly) its reason.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail.signals import page_published

from wagtail_disclosure.core import clock
from wagtail_disclosure.core.publication import PublicationProblem

from .models import CommentStatus, ConsultationComment, FeedbackReportPublication

CHECK = "consultation_feedback_report"


def feedback_report_problems(obj, revision=None, user=None):
    """Why the feedback report in ``obj`` (a consultation as it will be published) may not go
    public yet; nothing for other objects or when the report is not asked for."""
    from .pages import ConsultationPage

    if not isinstance(obj, ConsultationPage) or not obj.publish_feedback_report:
        return []
    problems = []
    today = clock.today()
    if obj.closes_on is None or today <= obj.closes_on:
        return [
            PublicationProblem(
                CHECK,
                _("The feedback report can be published once the consultation has closed."),
                field="publish_feedback_report",
            )
        ]
    comments = ConsultationComment.objects.filter(consultation_id=obj.pk)
    pending = comments.filter(status=CommentStatus.PENDING).count()
    if pending:
        problems.append(
            PublicationProblem(
                CHECK,
                _("%(count)s comments still await moderation: publish or hide each first.")
                % {"count": pending},
            )
        )
    groups = list(obj.feedback_groups.all())
    topics = {group.topic for group in groups}
    ungrouped = (
        comments.exclude(status=CommentStatus.HIDDEN).exclude(topic__in=topics).count()
    )
    if ungrouped:
        problems.append(
            PublicationProblem(
                CHECK,
                _(
                    "%(count)s comments are in no group of the report: give each its group in "
                    "the moderation queue."
                )
                % {"count": ungrouped},
            )
        )
    if not groups and comments.exists():
        problems.append(
            PublicationProblem(
                CHECK,
                _("Add the groups of comments the report answers."),
                field="feedback_groups",
            )
        )
    for number, group in enumerate(groups, start=1):
        if not group.decision:
            problems.append(
                PublicationProblem(
                    CHECK,
                    _("Group %(number)s (“%(topic)s”) has no decision: adopted, partly or not.")
                    % {"number": number, "topic": group.topic},
                    field="feedback_groups",
                )
            )
        elif group.needs_reason and not (group.reason or "").strip():
            problems.append(
                PublicationProblem(
                    CHECK,
                    _(
                        "Group %(number)s (“%(topic)s”) was %(decision)s: give the reason why "
                        "not (or not fully)."
                    )
                    % {
                        "number": number,
                        "topic": group.topic,
                        "decision": group.get_decision_display(),
                    },
                    field="feedback_groups",
                )
            )
    return problems


def record_report_publication(sender, instance, **kwargs):
    """The first publication of a consultation with its report shown fixes the report's date."""
    if getattr(instance, "publish_feedback_report", False):
        FeedbackReportPublication.objects.get_or_create(
            consultation_id=instance.pk, defaults={"published_on": clock.today()}
        )


def connect():
    from .pages import ConsultationPage

    page_published.connect(
        record_report_publication,
        sender=ConsultationPage,
        dispatch_uid="wagtail_disclosure_consultation_report",
    )


__all__ = ["CHECK", "feedback_report_problems", "connect"]
