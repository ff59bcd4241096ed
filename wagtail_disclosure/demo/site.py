"""The columns of the demo site: a unit directory, a task-plan index and a policy library."""

from wagtail.models import Page, Site

from ..models import PolicyIndexPage, TaskPlanIndexPage, UnitIndexPage

COLUMNS = [
    (UnitIndexPage, "units", "单位目录"),
    (TaskPlanIndexPage, "plans", "政务公开工作任务"),
    (PolicyIndexPage, "policies", "政策文件库"),
]


def home_page():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else Page.get_first_root_node()


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
    for model, slug, title in COLUMNS:
        _page, created = ensure_child(home, model, slug, title)
        if created:
            stdout.write(f"创建栏目：{title}")
