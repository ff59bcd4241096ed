"""Admin wiring of each domain, one module per domain, imported by ``wagtail_hooks``."""
