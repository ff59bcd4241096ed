"""Wiring only: each domain's admin module registers its own viewsets, menu group and panels;
here the 政务公开 menu and the admin URLs of every domain, under one namespace."""

from django.urls import include, path
from wagtail import hooks

from wagtail_disclosure.annual_reports import admin as annual_reports_admin  # noqa: F401
from wagtail_disclosure.attributes import admin as attributes_admin  # noqa: F401
from wagtail_disclosure.attributes import admin_urls as attribute_urls
from wagtail_disclosure.consultations import admin as consultations_admin  # noqa: F401
from wagtail_disclosure.consultations import admin_urls as consultation_urls
from wagtail_disclosure.core import publication_admin
from wagtail_disclosure.core.menu import disclosure_submenu
from wagtail_disclosure.decisions import admin as decisions_admin  # noqa: F401
from wagtail_disclosure.enterprises import admin as enterprises_admin  # noqa: F401
from wagtail_disclosure.enterprises import admin_urls as enterprise_urls
from wagtail_disclosure.open_days import admin as open_days_admin  # noqa: F401
from wagtail_disclosure.plans import admin as plans_admin  # noqa: F401
from wagtail_disclosure.plans import admin_urls as plan_urls
from wagtail_disclosure.policies import admin as policies_admin  # noqa: F401
from wagtail_disclosure.policies import admin_urls as policy_urls
from wagtail_disclosure.privacy import admin as privacy_admin  # noqa: F401
from wagtail_disclosure.privacy import admin_urls as privacy_urls
from wagtail_disclosure.progress import admin as progress_admin  # noqa: F401
from wagtail_disclosure.progress import admin_urls as progress_urls
from wagtail_disclosure.progress.dashboard import keep_panels
from wagtail_disclosure.requests import admin as requests_admin  # noqa: F401
from wagtail_disclosure.statutory import admin as statutory_admin  # noqa: F401
from wagtail_disclosure.statutory import admin_urls as statutory_urls
from wagtail_disclosure.units import admin as units_admin  # noqa: F401
from wagtail_disclosure.units import admin_urls as unit_urls

#: The namespace of every admin URL of the app: ``reverse("wagtail_disclosure_admin:ledger")``.
ADMIN_NAMESPACE = "wagtail_disclosure_admin"

hooks.register("register_admin_menu_item", disclosure_submenu)
hooks.register("before_publish_page", publication_admin.refuse_blocked, order=-100)
hooks.register("before_publish", publication_admin.refuse_blocked, order=-100)
hooks.register("before_bulk_action", publication_admin.refuse_blocked_bulk_publish, order=-100)
hooks.register("register_log_actions", publication_admin.register_log_actions)


@hooks.register("construct_homepage_panels", order=1000)
def keep_dashboard_panels(request, panels):
    """After every domain has added its panels: keep the HTML of those that allow it."""
    keep_panels(panels)


@hooks.register("register_admin_urls")
def register_admin_urls():
    urlpatterns = (
        unit_urls.urlpatterns
        + plan_urls.urlpatterns
        + progress_urls.urlpatterns
        + enterprise_urls.urlpatterns
        + policy_urls.urlpatterns
        + attribute_urls.urlpatterns
        + consultation_urls.urlpatterns
        + statutory_urls.urlpatterns
        + privacy_urls.urlpatterns
    )
    return [path("disclosure/", include((urlpatterns, ADMIN_NAMESPACE), namespace=ADMIN_NAMESPACE))]
