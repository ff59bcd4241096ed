"""Admin wiring of disclosure attributes: history messages, menu items, and the confirmation asked
before an edit withdraws a live item. The views live in views.py."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from wagtail_disclosure.core.menu import PolicyMenuItem, submenu_hook

from .models import ATTRIBUTE_CONVERTED, ATTRIBUTE_REVIEWED, ATTRIBUTE_SET, WITHDRAWN
from .permissions import attribute_report_policy
from .rules import describe
from .views import confirm_withdrawal

# -- history ------------------------------------------------------------------------------------


class AttributeSetFormatter(LogFormatter):
    label = gettext_lazy("Disclosure attribute set")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Disclosure attribute: %(before)s → %(after)s") % {
            "before": describe(data.get("before") or {}),
            "after": describe(data.get("after") or {}),
        }


class AttributeReviewedFormatter(LogFormatter):
    label = gettext_lazy("Disclosure attribute reviewed")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _(
            "Disclosure attribute approved in “%(task)s”: %(decision)s (set by %(set_by)s at "
            "%(set_at)s)"
        ) % {
            "task": data.get("task", ""),
            "decision": describe(data.get("decision") or {}),
            "set_by": data.get("set_by") or "-",
            "set_at": (data.get("set_at") or "-")[:16].replace("T", " "),
        }


class AttributeConvertedFormatter(LogFormatter):
    label = gettext_lazy("Converted to proactive disclosure")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Converted to proactive disclosure and published (was: %(before)s)") % {
            "before": describe(data.get("before") or {}),
        }


class WithdrawnFormatter(LogFormatter):
    label = gettext_lazy("Withdrawn: no longer proactive disclosure")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Unpublished because its disclosure attribute is now %(decision)s") % {
            "decision": describe(data.get("decision") or {}),
        }


@hooks.register("register_log_actions")
def register_attribute_log_actions(actions):
    actions.register_action(ATTRIBUTE_SET)(AttributeSetFormatter)
    actions.register_action(ATTRIBUTE_REVIEWED)(AttributeReviewedFormatter)
    actions.register_action(ATTRIBUTE_CONVERTED)(AttributeConvertedFormatter)
    actions.register_action(WITHDRAWN)(WithdrawnFormatter)


# -- menu ---------------------------------------------------------------------------------------


@hooks.register(submenu_hook("policies"))
def undecided_menu_item():
    return PolicyMenuItem(
        gettext_lazy("Items without a disclosure attribute"),
        reverse("wagtail_disclosure_admin:attributes_undecided"),
        policy=attribute_report_policy,
        icon_name="warning",
        order=40,
    )


@hooks.register(submenu_hook("policies"))
def review_menu_item():
    return PolicyMenuItem(
        gettext_lazy("Withheld items due for review"),
        reverse("wagtail_disclosure_admin:attributes_review"),
        policy=attribute_report_policy,
        icon_name="history",
        order=50,
    )


@hooks.register(submenu_hook("requests"))
def withheld_lookup_menu_item():
    return PolicyMenuItem(
        gettext_lazy("Information not proactively disclosed"),
        reverse("wagtail_disclosure_admin:attributes_withheld"),
        policy=attribute_report_policy,
        icon_name="search",
        order=20,
    )


# -- confirmation before a live item is withdrawn -------------------------------------------------

hooks.register("before_edit_page", confirm_withdrawal)
hooks.register("before_edit_snippet", confirm_withdrawal)
