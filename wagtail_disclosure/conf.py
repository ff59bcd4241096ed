"""Every setting of the app, each named ``WAGTAIL_DISCLOSURE_*``, with its default.

``docs/settings.md`` documents exactly these (a test checks it). Code reads them through
:func:`get_setting` at call time rather than at import time, so tests and sites can override them
with ``override_settings``; no module reads ``settings.WAGTAIL_DISCLOSURE_*`` directly.
"""

from django.conf import settings

DEFAULTS = {
    # Time zone in which deadlines fall due ("overdue" means past the due date there).
    "WAGTAIL_DISCLOSURE_TIME_ZONE": "Asia/Shanghai",
    # A fixed "today" (ISO date) for training sites, screenshots and tests; None: the real date.
    "WAGTAIL_DISCLOSURE_TODAY": None,
    # Largest spreadsheet an editor may upload to an import, in bytes.
    "WAGTAIL_DISCLOSURE_MAX_UPLOAD_SIZE": 10 * 1024 * 1024,
    # Users in this Django group see and change every unit's items (plan managers).
    "WAGTAIL_DISCLOSURE_MANAGERS_GROUP": "政务公开管理员",
    # Requests one address may submit through the public form: (count, period in seconds).
    "WAGTAIL_DISCLOSURE_REQUEST_RATE_LIMIT": (5, 3600),
    # Form posts (valid or not) one address may make: (count, period in seconds).
    "WAGTAIL_DISCLOSURE_REQUEST_POST_LIMIT": (30, 3600),
    # The cache (a key of CACHES) keeping rendered plan, task and unit tables and dashboard
    # panels; shared between processes (Redis, Memcached, database) when a site runs several.
    "WAGTAIL_DISCLOSURE_CACHE": "default",
    # Seconds a rendered table stays in that cache. Changes do not wait for it (each change
    # replaces the cache's version key); it only lets entries of old versions age out.
    "WAGTAIL_DISCLOSURE_PAGE_CACHE_TIMEOUT": 24 * 3600,
}


def get_setting(name):
    """Return the site's value for ``name``, or the documented default."""
    if name not in DEFAULTS:
        raise KeyError(f"{name} is not a wagtail-disclosure setting (see conf.DEFAULTS)")
    return getattr(settings, name, DEFAULTS[name])
