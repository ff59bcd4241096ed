"""Optional settings, each named ``WAGTAIL_DISCLOSURE_*`` (documented in docs/settings.md).

Read through :func:`get_setting` at call time rather than at import time, so tests and sites can
override them with ``override_settings``.
"""

from django.conf import settings

DEFAULTS = {
    # Time zone in which deadlines fall due ("overdue" means past the due date there).
    "WAGTAIL_DISCLOSURE_TIME_ZONE": "Asia/Shanghai",
    # Largest spreadsheet an editor may upload to an import, in bytes.
    "WAGTAIL_DISCLOSURE_MAX_UPLOAD_SIZE": 10 * 1024 * 1024,
    # Users in this Django group see and change every unit's items (plan managers).
    "WAGTAIL_DISCLOSURE_MANAGERS_GROUP": "政务公开管理员",
}


def get_setting(name):
    """Return the site's value for ``name``, or the documented default."""
    return getattr(settings, name, DEFAULTS[name])
