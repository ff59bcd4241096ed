"""The columns of the demo site: a unit directory, a task-plan index and a policy library."""

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from wagtail_disclosure.plans.models import TaskPlanIndexPage
from wagtail_disclosure.policies.models import PolicyIndexPage
from wagtail_disclosure.units.models import UnitIndexPage

COLUMNS = [
    (UnitIndexPage, "units", "单位目录"),
    (TaskPlanIndexPage, "plans", "政务公开工作任务"),
    (PolicyIndexPage, "policies", "政策文件库"),
]


def home_page():
    """The default site's home page, made (with its site) if the database has none yet.

    A fresh Wagtail database always has one; a test database flushed by a transactional test
    has none, and the demo must still load there.
    """
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page.specific
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = root.get_children().first() or root.add_child(
        instance=Page(title="首页", slug="home")
    )
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    return home.specific


def ensure_child(parent, model, slug, title, **fields):
    """The child page ``slug`` of ``parent``, created live and in menus if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = model(title=title, slug=slug, show_in_menus=True, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def load(stdout):
    home = home_page()
    if home.title == "Home":  # the Wagtail project template's placeholder
        home.title = "济宁市政务公开（示例站点）"
        home.save_revision().publish()
    for model, slug, title in COLUMNS:
        _page, created = ensure_child(home, model, slug, title)
        if created:
            stdout.write(f"创建栏目：{title}")
