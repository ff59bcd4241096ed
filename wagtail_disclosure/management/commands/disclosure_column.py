"""``disclosure_column``: create the standard 政府信息公开专栏 under a site, or complete it.

The frame follows the national model column: 信息公开指南, 信息公开制度, 法定主动公开内容,
信息公开年报, 依申请公开 and 年度工作方案. Pages the site already publishes (the policy library, the
task plans, the request form…) are listed in their section rather than moved, so their addresses
stay. Run it again after adding a column: it adds what is missing and changes nothing else.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from wagtail_disclosure.annual_reports.models import AnnualReportIndexPage
from wagtail_disclosure.column.models import (
    ColumnLink,
    ColumnRole,
    ColumnSectionPage,
    DisclosureColumnPage,
)
from wagtail_disclosure.enterprises.models import EnterpriseColumnPage
from wagtail_disclosure.plans.models import TaskPlanIndexPage
from wagtail_disclosure.policies.interpretations import InterpretationIndexPage, QALibraryPage
from wagtail_disclosure.policies.models import PolicyIndexPage
from wagtail_disclosure.requests.pages import DisclosureRequestPage
from wagtail_disclosure.units.models import UnitIndexPage

COLUMN_SLUG = "xxgk"
COLUMN_TITLE = "政府信息公开"

RULES_BODY = (
    "<p>本机关依据《中华人民共和国政府信息公开条例》建立健全政府信息公开工作制度，"
    "包括政府信息公开审查、发布协调、依申请公开办理、监督考核和责任追究等制度。</p>"
)

#: (role, slug, title, summary, body, page types listed in the section)
SECTIONS = (
    (ColumnRole.GUIDE, "guide", "信息公开指南",
     "各单位政府信息公开的范围、方式和依申请公开的办理流程。", "", (UnitIndexPage,)),
    (ColumnRole.RULES, "rules", "信息公开制度",
     "政府信息公开审查、发布、依申请公开办理等工作制度。", RULES_BODY, ()),
    (ColumnRole.STATUTORY, "statutory", "法定主动公开内容",
     "政策文件、政策解读、政策问答和公共企事业单位信息公开等法定主动公开内容。", "",
     (PolicyIndexPage, InterpretationIndexPage, QALibraryPage, EnterpriseColumnPage)),
    (ColumnRole.ANNUAL_REPORTS, "annual-reports", "信息公开年报",
     "历年政府信息公开工作年度报告。", "", (AnnualReportIndexPage,)),
    (ColumnRole.REQUESTS, "requests", "依申请公开",
     "在线提交政府信息公开申请，了解办理流程和时限。", "", (DisclosureRequestPage,)),
    (ColumnRole.WORK_PLAN, "work-plan", "年度工作方案",
     "年度政务公开工作要点、任务分解和落实情况。", "", (TaskPlanIndexPage,)),
)


class Command(BaseCommand):
    help = "Create (or complete) the standard disclosure column (政府信息公开专栏) under a site."

    def add_arguments(self, parser):
        parser.add_argument("--site", help="hostname of the site (default: the default site)")
        parser.add_argument("--title", default=COLUMN_TITLE, help="title of the column page")

    def handle(self, site=None, title=COLUMN_TITLE, **options):
        found = (Site.objects.filter(hostname=site) if site
                 else Site.objects.filter(is_default_site=True)).first()
        if found is None:
            raise CommandError(_("No site “%(site)s”.") % {"site": site or "default"})
        for line in build_column(found, title):
            self.stdout.write(line)


def build_column(site, title=COLUMN_TITLE):
    """Create what is missing of the column under ``site``; yields what was done."""
    root = site.root_page.specific
    column = (
        DisclosureColumnPage.objects.descendant_of(root, inclusive=True).order_by("path").first()
    )
    if column is None:
        column = DisclosureColumnPage(title=title, slug=COLUMN_SLUG, show_in_menus=True)
        root.add_child(instance=column)
        column.save_revision().publish()
        yield _("Created the column “%(title)s”.") % {"title": column.title}
    for role, slug, section_title, summary, body, listed_types in SECTIONS:
        section = ColumnSectionPage.objects.child_of(column).filter(role=role).first()
        if section is None:
            section = ColumnSectionPage(title=section_title, slug=slug, role=role,
                                        summary=summary, body=body, show_in_menus=True)
            column.add_child(instance=section)
            yield _("Created the section “%(title)s”.") % {"title": section_title}
        added = list(link_pages(section, root, listed_types))
        if added or not section.live:
            section.save_revision().publish()
        for page in added:
            yield _("Listed “%(page)s” in “%(section)s”.") % {
                "page": page.title, "section": section.title}


def link_pages(section, root, page_types):
    """List in ``section`` the site's live pages of ``page_types`` it does not list yet."""
    listed = {link.page_id for link in section.links.all()}
    links = list(section.links.all())
    for page_type in page_types:
        for page in page_type.objects.live().descendant_of(root).order_by("path"):
            if page.pk in listed or page.path.startswith(section.path):
                continue
            links.append(ColumnLink(page=page, sort_order=len(links)))
            listed.add(page.pk)
            yield page
    section.links = links
