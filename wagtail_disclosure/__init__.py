"""wagtail-disclosure: government information disclosure (政务公开) for Wagtail sites."""

__version__ = "0.1.0"
