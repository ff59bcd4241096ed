"""Admin wiring of task plans: the import screen, the export button and the import log entry."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter

from wagtail_disclosure.core.permissions import is_manager
from wagtail_disclosure.plans import views as views

from .importer import LOG_ACTION
from .models import TaskPlanPage


class PlanManagerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_manager(request.user)


@hooks.register("register_admin_urls")
def register_plan_admin_urls():
    return [
        path(
            "disclosure/plans/import/",
            views.PlanImportView.as_view(),
            name="disclosure_plan_import",
        ),
        path(
            "disclosure/plans/<int:pk>/export/",
            views.export_plan,
            name="disclosure_plan_export",
        ),
    ]


@hooks.register("register_disclosure_menu_item")
def plan_import_menu_item():
    return PlanManagerMenuItem(
        _("Import task plan"), reverse("disclosure_plan_import"), icon_name="upload", order=100
    )


def plan_buttons(page, user):
    if not isinstance(page.specific_deferred, TaskPlanPage) or not is_manager(user):
        return
    yield Button(
        _("Download as Excel"),
        reverse("disclosure_plan_export", args=[page.pk]),
        icon_name="download",
        priority=90,
    )
    yield Button(
        _("Import a corrected table"),
        reverse("disclosure_plan_import") + f"?plan={page.pk}",
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
