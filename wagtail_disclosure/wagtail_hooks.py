"""Wiring only: each domain's admin module registers its own viewsets, URLs and menu items."""

from wagtail import hooks

from wagtail_disclosure.annual_reports import admin as annual_reports_admin  # noqa: F401
from wagtail_disclosure.core.menu import disclosure_submenu
from wagtail_disclosure.enterprises import admin as enterprises_admin  # noqa: F401
from wagtail_disclosure.plans import admin as plans_admin  # noqa: F401
from wagtail_disclosure.policies import admin as policies_admin  # noqa: F401
from wagtail_disclosure.progress import admin as progress_admin  # noqa: F401
from wagtail_disclosure.requests import admin as requests_admin  # noqa: F401
from wagtail_disclosure.units import admin as units_admin  # noqa: F401

hooks.register("register_admin_menu_item", disclosure_submenu)
