"""Admin wiring of task plans: the import screen (in the 计划与进展 menu), the export buttons
and the import log entry."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter

from wagtail_disclosure.core.menu import PolicyMenuItem, submenu_hook

from .importer import LOG_ACTION
from .models import TaskPlanPage
from .permissions import plan_policy
from .views import CREATE_UNIT_LOG_ACTION, MAP_LOG_ACTION


@hooks.register(submenu_hook("plans"))
def plan_import_menu_item():
    return PolicyMenuItem(
        _("Import task plan"),
        reverse("wagtail_disclosure_admin:import_plan"),
        policy=plan_policy,
        actions=["add"],
        icon_name="upload",
        order=10,
    )


def plan_buttons(page, user):
    if not isinstance(page.specific_deferred, TaskPlanPage):
        return
    if not plan_policy.user_has_permission(user, "add"):
        return
    yield Button(
        _("Download as Excel"),
        reverse("wagtail_disclosure_admin:export_plan", args=[page.pk]),
        icon_name="download",
        priority=90,
    )
    yield Button(
        _("Import a corrected table"),
        reverse("wagtail_disclosure_admin:import_plan") + f"?plan={page.pk}",
        icon_name="upload",
        priority=91,
    )


@hooks.register("register_page_header_buttons")
def plan_header_buttons(page, user, view_name=None, next_url=None):
    yield from plan_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def plan_listing_buttons(page, user, next_url=None):
    yield from plan_buttons(page, user)


class ImportPlanFormatter(LogFormatter):
    label = _("Import task plan")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        message = _(
            "Imported “%(file)s”: %(created)s requirements added, %(changed)s changed, "
            "%(deleted)s removed"
        ) % {
            "file": data.get("file", ""),
            "created": data.get("created", 0),
            "changed": data.get("changed", 0),
            "deleted": data.get("deleted", 0),
        }
        if data.get("kept"):
            message += _(", %(kept)s kept for their progress reports") % {"kept": data["kept"]}
        return message


@hooks.register("register_log_actions")
def register_plan_log_actions(actions):
    actions.register_action(LOG_ACTION)(ImportPlanFormatter)


class MapUnitNameFormatter(LogFormatter):
    label = _("Unit name mapped")

    def format_message(self, log_entry):
        name = (log_entry.data or {}).get("name", "")
        return _("“%(name)s” in a plan now means this unit (kept as another name)") % {
            "name": name
        }


class CreateUnitForNameFormatter(LogFormatter):
    label = _("Unit created for a plan's name")

    def format_message(self, log_entry):
        name = (log_entry.data or {}).get("name", "")
        return _("Created for “%(name)s”, a name in an imported plan") % {"name": name}


@hooks.register("register_log_actions")
def register_mapping_log_actions(actions):
    actions.register_action(MAP_LOG_ACTION)(MapUnitNameFormatter)
    actions.register_action(CREATE_UNIT_LOG_ACTION)(CreateUnitForNameFormatter)
