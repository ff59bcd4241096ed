from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailDisclosureAppConfig(AppConfig):
    name = "wagtail_disclosure"
    label = "wagtail_disclosure"
    verbose_name = _("Government information disclosure")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        """Register each domain's permission policies and connect its signal receivers once
        the models are loaded, as Wagtail's own contrib apps do."""
        from .annual_reports import permissions as annual_report_permissions
        from .core.compat import register_permission_policy
        from .enterprises import permissions as enterprise_permissions
        from .enterprises import signals as enterprise_signals
        from .policies import qa_library, unpublishing
        from .progress import cache as progress_cache
        from .progress import permissions as progress_permissions
        from .requests import permissions as request_permissions
        from .requests import signals as request_signals
        from .units import permissions as unit_permissions

        for domain in (
            unit_permissions,
            progress_permissions,
            request_permissions,
            annual_report_permissions,
            enterprise_permissions,
        ):
            for model, policy in domain.POLICIES.items():
                register_permission_policy(model, policy)

        enterprise_signals.connect()
        qa_library.connect()
        unpublishing.connect()
        request_signals.connect()
        progress_cache.connect()
