"""The feeds this app offers. A page type built elsewhere is added with one ``register`` line
(see :mod:`.registry`)."""

from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.consultations.pages import ConsultationPage
from wagtail_disclosure.policies.interpretations import InterpretationPage
from wagtail_disclosure.policies.models import PolicyDocumentPage
from wagtail_disclosure.progress.models import ProgressReport

from .registry import PageFeedSource, RowFeedSource, plain_text, register


def describe_document(document):
    parts = [
        document.document_number,
        document.issuer.title if document.issuer_id and document.issuer.live else "",
        str(document.get_validity_display()),
    ]
    return " · ".join(part for part in parts if part)


def describe_interpretation(interpretation):
    return plain_text(interpretation.summary)


def progress_title(report):
    return _("%(unit)s: %(status)s — %(requirement)s") % {
        "unit": report.unit.title,
        "status": report.get_status_display(),
        "requirement": plain_text(report.requirement.text, 20),
    }


def describe_progress(report):
    return _("%(percent)s%% complete. %(narrative)s") % {
        "percent": report.percent,
        "narrative": plain_text(report.narrative),
    }


POLICIES = register(
    PageFeedSource(
        "policies",
        _("Policy documents"),
        PolicyDocumentPage,
        unit="issuer",
        category="categories",
        kind="kind",
        linked_from=("wagtail_disclosure.PolicyIndexPage", "wagtail_disclosure.PolicyDocumentPage"),
        select_related=("issuer",),
        describe=describe_document,
    )
)
INTERPRETATIONS = register(
    PageFeedSource(
        "interpretations",
        _("Interpretations"),
        InterpretationPage,
        unit="interpreter",
        category="interpreted_documents__categories",
        kind="interpreted_documents__kind",
        linked_from=(
            "wagtail_disclosure.InterpretationIndexPage",
            "wagtail_disclosure.InterpretationPage",
            "wagtail_disclosure.PolicyIndexPage",
        ),
        describe=describe_interpretation,
    )
)
CONSULTATIONS = register(
    PageFeedSource(
        "consultations",
        _("Consultations"),
        ConsultationPage,
        unit="unit",
        category=None,
        linked_from=(
            "wagtail_disclosure.ConsultationIndexPage",
            "wagtail_disclosure.ConsultationPage",
        ),
        select_related=("unit",),
    )
)
PROGRESS = register(
    RowFeedSource(
        "progress",
        _("Plan progress"),
        ProgressReport,
        unit="unit",
        page="requirement__task",
        in_digest=False,
        linked_from=(
            "wagtail_disclosure.TaskPlanIndexPage",
            "wagtail_disclosure.TaskPlanPage",
            "wagtail_disclosure.TaskPage",
        ),
        select_related=("unit", "requirement__task"),
        title_fn=progress_title,
        describe=describe_progress,
    )
)
