"""The privacy check's admin: its report in the 政务公开 menu (政策与解读) and its history
entries."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from wagtail_disclosure.core.menu import submenu_hook
from wagtail_disclosure.core.permissions import works_in_disclosure

from .actions import MASKED, OVERRIDDEN


class PrivacyReportMenuItem(MenuItem):
    def is_shown(self, request):
        return works_in_disclosure(request.user)


# In 政策与解读, beside the documents it mostly checks (the 政务公开 menu holds only groups).
@hooks.register(submenu_hook("policies"))
def privacy_report_menu_item():
    return PrivacyReportMenuItem(
        gettext_lazy("Privacy check report"),
        reverse("wagtail_disclosure_admin:privacy_report"),
        name="disclosure-privacy-report",
        icon_name="warning",
        order=10,
    )


class MaskedFormatter(LogFormatter):
    label = gettext_lazy("Personal data masked")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Masked %(masked)s in %(where)s (privacy check)") % {
            "masked": data.get("masked", ""), "where": data.get("where", ""),
        }


class OverriddenFormatter(LogFormatter):
    label = gettext_lazy("Privacy check overridden")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Published despite %(findings)s privacy finding(s): %(reason)s") % {
            "findings": data.get("findings", 0), "reason": data.get("reason", ""),
        }


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(MASKED)(MaskedFormatter)
    actions.register_action(OVERRIDDEN)(OverriddenFormatter)
