from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The Jining 2022 demo data and its commands; part of the example site, not of the app."""

    name = "demo"
    default_auto_field = "django.db.models.BigAutoField"
