"""``manage.py disclosure_groups``: the groups an office needs, with their permissions.

- 政务公开管理员 (``WAGTAIL_DISCLOSURE_MANAGERS_GROUP``): admin access, every page permission
  on each disclosure column, the app's model permissions and uploads; being in the group makes
  its members managers, who see and change every unit's items.
- 单位编辑 (``WAGTAIL_DISCLOSURE_UNIT_EDITORS_GROUP``): admin access, add/change/publish/lock on
  the columns a unit edits in (the unit directory, the policy library and interpretations, the
  request pages, the enterprise column) and uploads of images and documents. The pages narrow
  these to the member's own units (``core.permissions.UnitPagePermissionTester``).

Page permissions are granted the Wagtail way (``GroupPagePermission`` on each column page).
Run it after ``migrate`` and again when a column page is added: it only adds what is missing,
so running it twice changes nothing. See docs/permissions.md.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from wagtail_disclosure.annual_reports.models import AnnualReportIndexPage
from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.consultations.pages import ConsultationIndexPage
from wagtail_disclosure.decisions.pages import DecisionIndexPage
from wagtail_disclosure.enterprises.models import EnterpriseColumnPage
from wagtail_disclosure.open_days.pages import OpenDayIndexPage
from wagtail_disclosure.plans.models import TaskPlanIndexPage
from wagtail_disclosure.policies.interpretations import InterpretationIndexPage, QALibraryPage
from wagtail_disclosure.policies.models import PolicyIndexPage
from wagtail_disclosure.requests.pages import DisclosureRequestPage
from wagtail_disclosure.statutory.models import StatutoryIndexPage
from wagtail_disclosure.units.models import UnitIndexPage

#: The pages at the top of each disclosure column, and whether unit editors work in it.
COLUMNS = (
    (UnitIndexPage, True),
    (TaskPlanIndexPage, False),
    (PolicyIndexPage, True),
    (InterpretationIndexPage, True),
    (QALibraryPage, False),
    (AnnualReportIndexPage, False),
    (DisclosureRequestPage, True),
    (EnterpriseColumnPage, True),
    (ConsultationIndexPage, True),
    (OpenDayIndexPage, True),
    (DecisionIndexPage, True),
    (StatutoryIndexPage, False),
)

APP_LABEL = "wagtail_disclosure"
MANAGER_PAGE_ACTIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
UNIT_EDITOR_PAGE_ACTIONS = ("add", "change", "publish", "lock", "unlock")
MANAGER_UPLOADS = ("add", "change", "delete", "choose")
UNIT_EDITOR_UPLOADS = ("add", "choose")


@dataclass
class GroupsReport:
    unit_editors_group: str = ""
    columns: dict = field(default_factory=dict)
    editors_added: int = 0


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def column_pages(for_unit_editors=False):
    """The column pages (every page of a column type), for all or for unit editors."""
    pages = []
    for model, unit_editors_work_here in COLUMNS:
        if unit_editors_work_here or not for_unit_editors:
            pages.extend(model.objects.all())
    return pages


def grant_pages(group, pages, actions):
    for page in pages:
        for action in actions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_permission("wagtailcore", f"{action}_page")
            )


def grant_uploads(group, actions):
    root = Collection.get_first_root_node()
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=_permission(app_label, f"{action}_{model}")
            )


def office_group(name):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    return group


@transaction.atomic
def ensure_office_groups() -> GroupsReport:
    """Create or complete the managers' and the unit editors' groups (idempotent)."""
    report = GroupsReport()
    managers = office_group(get_setting("WAGTAIL_DISCLOSURE_MANAGERS_GROUP"))
    # The app's model permissions too: Wagtail's site history shows a model's log entries to
    # those who hold one of its permissions.
    managers.permissions.add(*Permission.objects.filter(content_type__app_label=APP_LABEL))
    pages = column_pages()
    grant_pages(managers, pages, MANAGER_PAGE_ACTIONS)
    grant_uploads(managers, MANAGER_UPLOADS)
    report.columns[managers.name] = pages

    editors = office_group(get_setting("WAGTAIL_DISCLOSURE_UNIT_EDITORS_GROUP"))
    pages = column_pages(for_unit_editors=True)
    grant_pages(editors, pages, UNIT_EDITOR_PAGE_ACTIONS)
    grant_uploads(editors, UNIT_EDITOR_UPLOADS)
    report.columns[editors.name] = pages
    report.unit_editors_group = editors.name

    missing = (
        get_user_model()
        .objects.filter(disclosure_unit_memberships__isnull=False)
        .exclude(groups=editors)
        .distinct()
    )
    report.editors_added = len(missing)
    editors.user_set.add(*missing)
    return report


class Command(BaseCommand):
    help = (
        "Create or complete the groups 政务公开管理员 (managers: full rights over the disclosure "
        "columns) and 单位编辑 (unit editors), and put every user with a unit membership in "
        "the unit editors' group. Safe to run again."
    )

    def handle(self, *args, **options):
        report = ensure_office_groups()
        for name, pages in report.columns.items():
            titles = "、".join(page.title for page in pages) or "-"
            self.stdout.write(f"{name}: {len(pages)} 个栏目页面 / column pages ({titles})")
        self.stdout.write(
            f"{report.unit_editors_group}: +{report.editors_added} "
            "位单位编辑 / unit editors added"
        )
