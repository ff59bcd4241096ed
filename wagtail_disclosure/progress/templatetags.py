"""Template tags of plan and progress pages: deadlines in Chinese, the plan table."""

from django import template
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail_disclosure.core.templatetags import cn_date

from .cache import cached_html, public_page_key
from .pages import (
    plan_filter_parts,
    plan_page_context,
    plan_progress_by_county,
    task_page_context,
)

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


@register.simple_tag
def county_progress(plan):
    """The city-wide view of a plan: each county's progress on it ([(site, tally)])."""
    return plan_progress_by_county(plan)


@register.simple_tag(takes_context=True)
def task_progress(context, task):
    return task_page_context(task, context.get("request"))


class CachedTableNode(template.Node):
    """Renders its content once per version of the data (see :mod:`.cache`)."""

    def __init__(self, nodelist, kind, page):
        self.nodelist, self.kind, self.page = nodelist, kind, page

    def render(self, context):
        kind = self.kind.resolve(context)
        page = self.page.resolve(context)
        request = context.get("request")
        parts = plan_filter_parts(request) if kind == "plan" else ()
        key = public_page_key(kind, page, request, *parts)
        return cached_html(key, lambda: self.nodelist.render(context))


@register.tag
def cached_table(parser, token):
    """``{% cached_table "plan" page %}…{% endcached_table %}``: the public table of a plan or
    task page (or a unit page's sections: ``"unit-sections"``), rendered once until a plan,
    requirement, unit, report or page changes (per filter, day and language); previews and
    pages that are not live are never cached."""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError("cached_table takes a kind and a page")
    nodelist = parser.parse(("endcached_table",))
    parser.delete_first_token()
    return CachedTableNode(nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]))


RESPONSIBLE_UNITS = "wagtail_disclosure/progress/includes/responsible_units.html"


@register.simple_tag(takes_context=True)
def responsible_units(context, units):
    """The responsible units of a row, as the ``responsible_units.html`` include renders them,
    rendered once per distinct list within a page (a plan names the same units on many rows)."""
    memo = context.render_context.setdefault("disclosure_responsible_units", {})
    key = tuple((u.name, u.url, u.role, u.is_group) for u in units)
    if key not in memo:
        memo[key] = get_template(RESPONSIBLE_UNITS).render({"units": units})
    return mark_safe(memo[key])  # noqa: S308 - rendered by the include's template
