"""The rules of the disclosure attribute: what a decided attribute needs, and what may go live.

"先确定公开属性，再运转呈签": an item's attribute is decided before it is signed off. An item that
is 依申请公开 or 不予公开 cites the Regulations' ground (or another law, named); only 主动公开
items go live. These functions answer for any object with the attribute's fields, so the model's
validation, the publication gate, the workflow task and the bulk form say the same thing.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core.publication import PublicationProblem

from .choices import NON_PUBLIC, DisclosureAttribute, LegalBasis

#: The publication check's name in the gate (``core.publication``).
CHECK_NAME = "disclosure_attribute"

#: The fields that make up the decision, as stored in a revision's content.
DECISION_FIELDS = (
    "disclosure_attribute",
    "disclosure_basis",
    "disclosure_basis_citation",
    "disclosure_review_date",
)


def attribute_label(value) -> str:
    return str(DisclosureAttribute(value).label) if value in DisclosureAttribute.values else ""


def basis_label(value) -> str:
    return str(LegalBasis(value).label) if value in LegalBasis.values else ""


def decision_errors(attribute, basis, citation) -> dict[str, str]:
    """Field name → the reason the decision is incomplete (empty: it is complete or undecided).

    Messages name the field as the editor sees it, so they read the same on a form, in the bulk
    action and in an exception raised by code.
    """
    errors = {}
    if attribute in NON_PUBLIC:
        if not basis:
            errors["disclosure_basis"] = _(
                "Legal basis: an item that is “%(attribute)s” must name the ground of the "
                "Regulations it rests on (Art. 14, 15 or 16, or another law)."
            ) % {"attribute": attribute_label(attribute)}
        elif basis == LegalBasis.OTHER_LAW and not (citation or "").strip():
            errors["disclosure_basis_citation"] = _(
                "Citation: name the law or administrative regulation and its article (for "
                "example 《中华人民共和国统计法》第三十九条)."
            )
    return errors


def normalise(obj) -> None:
    """Drop what the attribute does not use: a basis of a public item, a citation without
    “another law”, a review date of an item that is not withheld."""
    if obj.disclosure_attribute not in NON_PUBLIC:
        obj.disclosure_basis = ""
        obj.disclosure_review_date = None
    if obj.disclosure_basis != LegalBasis.OTHER_LAW:
        obj.disclosure_basis_citation = ""
    obj.disclosure_basis_citation = (obj.disclosure_basis_citation or "").strip()


def review_days() -> int:
    return int(get_setting("WAGTAIL_DISCLOSURE_ATTRIBUTE_REVIEW_DAYS"))


def default_review_date(set_on: datetime.date) -> datetime.date:
    """When an item withheld on ``set_on`` is due for review (``…_ATTRIBUTE_REVIEW_DAYS``)."""
    return set_on + datetime.timedelta(days=review_days())


def undecided_problem() -> PublicationProblem:
    return PublicationProblem(
        check=CHECK_NAME,
        field="disclosure_attribute",
        message=_(
            "Disclosure attribute: not decided. Choose “proactive disclosure” before publishing "
            "(先确定公开属性，再发布)."
        ),
    )


def attribute_problems(obj, revision=None, user=None) -> list[PublicationProblem]:
    """The publication check: only a decided, 主动公开 item goes live."""
    if not hasattr(obj, "disclosure_attribute") or not getattr(obj, "publication_gated", True):
        return []
    attribute = obj.disclosure_attribute
    if not attribute:
        return [undecided_problem()]
    if attribute != DisclosureAttribute.PROACTIVE:
        return [
            PublicationProblem(
                check=CHECK_NAME,
                field="disclosure_attribute",
                message=_(
                    "Disclosure attribute: only items of proactive disclosure go live; this "
                    "item is “%(attribute)s”."
                ) % {"attribute": attribute_label(attribute)},
            )
        ]
    return []


def review_problems(obj) -> list[str]:
    """Why the 公开属性审查 task may not approve ``obj`` yet (empty: it may)."""
    if not obj.disclosure_attribute:
        return [undecided_problem().message]
    return list(
        decision_errors(
            obj.disclosure_attribute, obj.disclosure_basis, obj.disclosure_basis_citation
        ).values()
    )


def decision_of(obj) -> dict:
    """The decision as plain data (for the history and for comparing revisions)."""
    review = obj.disclosure_review_date
    return {
        "attribute": obj.disclosure_attribute or "",
        "basis": obj.disclosure_basis or "",
        "citation": obj.disclosure_basis_citation or "",
        "review_date": review.isoformat() if review else "",
    }


def decision_from_content(content: dict) -> dict:
    """The decision stored in a revision's content."""
    review = content.get("disclosure_review_date") or ""
    return {
        "attribute": content.get("disclosure_attribute") or "",
        "basis": content.get("disclosure_basis") or "",
        "citation": content.get("disclosure_basis_citation") or "",
        "review_date": str(review)[:10] if review else "",
    }


def describe(decision: dict) -> str:
    """“不予公开（第十五条：…）”: a decision in one line."""
    text = attribute_label(decision.get("attribute")) or _("not decided")
    basis = basis_label(decision.get("basis"))
    if decision.get("citation"):
        basis = f"{basis}：{decision['citation']}" if basis else decision["citation"]
    if basis:
        text = f"{text}（{basis}）"
    return text
