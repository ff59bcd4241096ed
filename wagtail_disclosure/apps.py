from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailDisclosureAppConfig(AppConfig):
    name = "wagtail_disclosure"
    label = "wagtail_disclosure"
    verbose_name = _("Government information disclosure")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        """Register each domain's permission policies, publication checks and system checks and
        connect its signal receivers once the models are loaded, as Wagtail's contrib apps do."""
        from django.core import checks

        from .annual_reports import permissions as annual_report_permissions
        from .attributes import checks as attribute_checks
        from .consultations import permissions as consultation_permissions
        from .consultations import publishing as consultation_publishing
        from .core.compat import register_permission_policy
        from .core.personal_data import register_personal_data_finder
        from .core.publication import register_publication_check
        from .core.versions import watch_submissions
        from .decisions import permissions as decision_permissions
        from .enterprises import permissions as enterprise_permissions
        from .enterprises import signals as enterprise_signals
        from .open_days import permissions as open_day_permissions
        from .open_days import signals as open_day_signals
        from .policies import qa_library, unpublishing
        from .privacy import check as privacy_check
        from .privacy import patterns as privacy_patterns
        from .progress import cache as progress_cache
        from .progress import permissions as progress_permissions
        from .requests import permissions as request_permissions
        from .requests import signals as request_signals
        from .statutory import permissions as statutory_permissions
        from .units import permissions as unit_permissions

        for domain in (
            unit_permissions,
            progress_permissions,
            request_permissions,
            annual_report_permissions,
            enterprise_permissions,
            decision_permissions,
            statutory_permissions,
            consultation_permissions,
            open_day_permissions,
        ):
            for model, policy in domain.POLICIES.items():
                register_permission_policy(model, policy)

        # The publication gate's rules, in the order an editor reads their refusals.
        attribute_checks.register()
        register_publication_check(privacy_check.CHECK_NAME, privacy_check.privacy_check)
        register_publication_check(
            consultation_publishing.CHECK, consultation_publishing.feedback_report_problems
        )
        # Comments and feedback from the public are judged by the same privacy rules as pages.
        register_personal_data_finder(privacy_check.personal_data_in_submission)
        checks.register(privacy_patterns.check_site_patterns)

        consultation_publishing.connect()
        open_day_signals.connect()
        enterprise_signals.connect()
        qa_library.connect()
        unpublishing.connect()
        request_signals.connect()
        progress_cache.connect()
        # What the kept dashboard panels and unit page sections show besides pages and progress.
        progress_cache.watch(
            *(self.get_model(name) for name in
              ("StatutoryCategory", "StatutoryItem", "CalendarDay", "AnnualReport"))
        )
        # What the consultations, open days and requests panels count: public submissions and
        # their state, under their own token (core.versions). The calendar is watched above.
        watch_submissions(
            *(self.get_model(name) for name in (
                "ConsultationComment", "FeedbackReportPublication", "OpenDayRegistration",
                "OpenDayPlaces", "DisclosureRequest", "RequestCorrection",
                "RequestConsultation", "RequestExtension",
            ))
        )
