"""Template tags for public pages: elder-friendly mode and Chinese dates."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from .elder_mode import ELDER_MODE_COOKIE, is_elder_mode

register = template.Library()


@register.simple_tag(takes_context=True)
def disclosure_body_class(context):
    """``elder-mode`` when the reader chose large text and high contrast."""
    request = context.get("request")
    return "elder-mode" if request is not None and is_elder_mode(request) else ""


@register.inclusion_tag("wagtail_disclosure/core/elder_mode_toggle.html", takes_context=True)
def elder_mode_toggle(context):
    """A plain link (no JavaScript) that switches elder-friendly mode on or off."""
    request = context.get("request")
    on = request is not None and is_elder_mode(request)
    next_url = request.get_full_path() if request is not None else "/"
    url = (
        reverse("wagtail_disclosure:elder_mode")
        + "?"
        + urlencode({"on": "0" if on else "1", "next": next_url})
    )
    return {"elder_mode_on": on, "toggle_url": url, "cookie_name": ELDER_MODE_COOKIE}


@register.filter
def cn_date(value):
    """2022年10月31日, whatever the active language."""
    if not value:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"
