"""Template tags of plan and progress pages: deadlines in Chinese, the plan table."""

from django import template
from django.utils.translation import gettext as _

from wagtail_disclosure.core.templatetags import cn_date

from .pages import plan_page_context, task_page_context

register = template.Library()


@register.filter
def deadline_label(requirement):
    """2022年10月31日前, 长期坚持, 定期更新, or both a date and 长期坚持."""
    due = requirement.due_date
    if due and requirement.is_ongoing:
        return _("by %(date)s, then ongoing") % {"date": cn_date(due)}
    if due and requirement.is_recurring:
        return _("by %(date)s, then updated regularly") % {"date": cn_date(due)}
    if due:
        return _("by %(date)s") % {"date": cn_date(due)}
    if requirement.is_ongoing:
        return _("ongoing, no end date")
    if requirement.is_recurring:
        return _("updated regularly")
    return requirement.deadline_raw or "—"


@register.simple_tag(takes_context=True)
def plan_progress(context, plan):
    """The plan's table, filtered by the query string (unit, section, state)."""
    return plan_page_context(plan, context.get("request"))


@register.simple_tag(takes_context=True)
def task_progress(context, task):
    return task_page_context(task, context.get("request"))
