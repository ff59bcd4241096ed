"""Which plan a table belongs to: its issuer, its title and its year, never the year alone.

Several offices issue a plan for the same year (the city's and a county's, a department's), so a
table is imported into an existing plan only when that plan has the same year, the same title and
(when both are known) the same issuer, or when the editor chooses the plan. Anything else makes a
new plan beside the others, at a free address.
"""

from __future__ import annotations

import re

from wagtail_disclosure.core.text import normalize_name

from .models import TaskPlanPage

ATTACHMENT_PREFIX = re.compile(r"^附件[0-9一二三四五六七八九十]*[:：]?")


def title_key(title: str | None) -> str:
    """The title as compared: width, spaces, punctuation of 附件 labels and quotes ignored."""
    key = normalize_name(title)
    key = ATTACHMENT_PREFIX.sub("", key)
    return key.strip("《》“”\"'")


def plans_of_year(year, parent=None):
    plans = TaskPlanPage.objects.filter(year=year)
    if parent is not None:
        plans = plans.child_of(parent)
    return plans.order_by("path")


def same_plan(year, title, issuer=None, parent=None) -> TaskPlanPage | None:
    """The plan this table is a new version of, or None (a new plan).

    Without a title nothing can be told apart, so no plan is chosen for the editor.
    """
    key = title_key(title)
    if year is None or not key:
        return None
    for plan in plans_of_year(year, parent):
        if title_key(plan.title) != key:
            continue
        if issuer is not None and plan.issuer_id is not None and plan.issuer_id != issuer.pk:
            continue
        return plan
    return None


def free_slug(year, parent=None) -> str:
    """``2022``, or ``2022-2``, ``2022-3``… when another plan of the year has it."""
    taken = set(TaskPlanPage.objects.child_of(parent).values_list("slug", flat=True)) if parent \
        else set(TaskPlanPage.objects.values_list("slug", flat=True))
    slug, number = str(year), 1
    while slug in taken:
        number += 1
        slug = f"{year}-{number}"
    return slug
