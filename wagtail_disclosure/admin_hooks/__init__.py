"""Admin wiring, one module per domain, imported from wagtail_hooks."""
