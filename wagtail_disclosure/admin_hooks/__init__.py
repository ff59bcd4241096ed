"""Admin wiring of each domain, imported by wagtail_hooks.py."""
