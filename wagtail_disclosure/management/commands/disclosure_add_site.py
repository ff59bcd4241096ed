"""``disclosure_add_site``: serve a county (or a development zone) from the same install.

Creates, in one transaction:

- the site (hostname and port) with its home page, of the same page type as its city's home;
- the county's columns under it: policy library, interpretations, Q&A library, task plans,
  annual reports, the public-enterprise column (the county's own lists of covered entities) and
  the request form (answered by the county's request office), and the
  standard 政府信息公开专栏 frame around them (as ``disclosure_column`` builds it);
- its units in the shared register: the county government (found by name, or added to the
  register) and its request office (a sub-unit), which the site administers;
- its disclosure settings (the units, the city's site as its parent) and its editors' group,
  whose members act for every unit of the site.

The command then runs ``disclosure_groups``, so the office's groups get their permissions on the
new columns.
"""

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission, Page, Site

from wagtail_disclosure.annual_reports.models import AnnualReportIndexPage
from wagtail_disclosure.column.models import DisclosureColumnPage
from wagtail_disclosure.core.sites import DisclosureSite
from wagtail_disclosure.core.text import normalize_name
from wagtail_disclosure.enterprises.models import EnterpriseColumnPage
from wagtail_disclosure.management.commands.disclosure_column import build_column
from wagtail_disclosure.management.commands.disclosure_groups import UNIT_EDITOR_PAGE_ACTIONS
from wagtail_disclosure.plans.models import TaskPlanIndexPage
from wagtail_disclosure.policies.interpretations import InterpretationIndexPage, QALibraryPage
from wagtail_disclosure.policies.models import PolicyIndexPage
from wagtail_disclosure.requests.pages import DisclosureRequestPage
from wagtail_disclosure.units.models import UnitIndexPage, UnitKind, UnitPage

#: (page type, slug, title as a format of the site's name): the county's own columns.
SITE_COLUMNS = (
    (PolicyIndexPage, "policies", "政策文件库"),
    (InterpretationIndexPage, "interpretations", "政策解读"),
    (QALibraryPage, "qa", "政策问答库"),
    (TaskPlanIndexPage, "plans", "政务公开工作任务"),
    (AnnualReportIndexPage, "annual-reports", "政府信息公开年报"),
    (DisclosureRequestPage, "request", "依申请公开"),
    (EnterpriseColumnPage, "enterprises", "公共企事业单位信息公开"),
)


class Command(BaseCommand):
    help = (
        "Add a county's (or development zone's) disclosure site: the site, its columns, its "
        "units and request office, in the shared register."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="the site's name, e.g. 任城区")
        parser.add_argument("--hostname", required=True, help="e.g. rencheng.localhost")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument(
            "--unit",
            help="the county government as the register names it "
            "(default: <name>人民政府; added to the register if missing)",
        )
        parser.add_argument(
            "--office",
            help="the request office (default: <unit>办公室; added as a sub-unit "
            "of the unit if missing)",
        )
        parser.add_argument(
            "--parent", help="hostname of the city's site (default: the default site)"
        )
        parser.add_argument("--slug", help="slug of the site's home page (default: hostname)")

    def handle(
        self, name, hostname, port=80, unit=None, office=None, parent=None, slug=None, **options
    ):
        with transaction.atomic():
            lines = add_site(
                name,
                hostname,
                port,
                unit_name=unit,
                office_name=office,
                parent_hostname=parent,
                slug=slug,
            )
        for line in lines:
            self.stdout.write(line)
        call_command("disclosure_groups", stdout=self.stdout)


def _find_unit(name):
    """The register's unit called ``name`` (title, full name or alias), or None."""
    key = normalize_name(name)
    for candidate in UnitPage.objects.all().order_by("path"):
        if key in candidate.match_keys():
            return candidate
    return None


def _add_unit(directory, title, **fields):
    unit = UnitPage(title=title, slug=_free_slug(directory, title), **fields)
    directory.add_child(instance=unit)
    unit.save_revision().publish()
    return unit


def _free_slug(parent, title):
    base = slugify(title, allow_unicode=True) or "unit"
    slug, n = base, 1
    while Page.objects.child_of(parent).filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def add_site(
    name, hostname, port=80, *, unit_name=None, office_name=None, parent_hostname=None, slug=None
):
    """Create the site and everything it needs; returns what was done (lines of text).

    Raises ``CommandError`` (nothing written) when the hostname and port are taken, the city's
    site is missing, or the register has no unit directory to add units to.
    """
    if Site.objects.filter(hostname=hostname, port=port).exists():
        raise CommandError(
            _("A site already answers at %(hostname)s:%(port)s.")
            % {"hostname": hostname, "port": port}
        )
    parent = (
        (
            Site.objects.filter(hostname=parent_hostname)
            if parent_hostname
            else Site.objects.filter(is_default_site=True)
        )
        .select_related("root_page")
        .first()
    )
    if parent is None:
        raise CommandError(
            _("No city site “%(site)s”.") % {"site": parent_hostname or _("default")}
        )
    directory = UnitIndexPage.objects.descendant_of(parent.root_page).order_by("path").first()
    directory = directory or UnitIndexPage.objects.order_by("path").first()
    lines = []

    unit_name = unit_name or f"{name}人民政府"
    unit = _find_unit(unit_name)
    if unit is None:
        if directory is None:
            raise CommandError(
                _("The register has no unit directory to add “%(unit)s” to.") % {"unit": unit_name}
            )
        unit = _add_unit(directory, unit_name, kind=UnitKind.COUNTY_GOVERNMENT)
        lines.append(_("Added the unit “%(unit)s” to the register.") % {"unit": unit.title})
    office_name = office_name or f"{name}人民政府办公室"
    office = _find_unit(office_name)
    if office is None:
        office = _add_unit(
            directory or unit.get_parent(),
            office_name,
            kind=UnitKind.OTHER,
            parent_unit=unit,
            disclosure_office=office_name,
        )
        lines.append(_("Added the unit “%(unit)s” to the register.") % {"unit": office.title})

    home_model = type(parent.root_page.specific)
    if home_model is Page:
        home_model = DisclosureColumnPage
    title = f"{name}政务公开"
    home = home_model(title=title, slug=slug or _free_slug(Page.get_first_root_node(), hostname))
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.create(
        hostname=hostname, port=port, root_page=home, site_name=name, is_default_site=False
    )
    lines.append(
        _("Created the site “%(name)s” at %(hostname)s:%(port)s.")
        % {"name": name, "hostname": hostname, "port": port}
    )

    settings = DisclosureSite.objects.create(site=site, parent=parent)
    settings.units.add(unit, office)
    group, _created = Group.objects.get_or_create(name=f"{name}政务公开编辑")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for action in UNIT_EDITOR_PAGE_ACTIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=home,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{action}_page"
            ),
        )
    settings.managers_group = group
    settings.save()
    lines.append(_("Its editors' group is “%(group)s”.") % {"group": group.name})

    for model, page_slug, page_title in SITE_COLUMNS:
        fields = {"unit": office} if model is DisclosureRequestPage else {}
        page = model(title=page_title, slug=page_slug, show_in_menus=True, **fields)
        home.add_child(instance=page)
        page.save_revision().publish()
        lines.append(_("Created the column “%(title)s”.") % {"title": page_title})
    lines.extend(build_column(site))
    return lines
