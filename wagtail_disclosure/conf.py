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
    # The group the disclosure_groups command gives unit editors (page and upload permissions).
    "WAGTAIL_DISCLOSURE_UNIT_EDITORS_GROUP": "单位编辑",
    # Requests one address may submit through the public form: (count, period in seconds).
    "WAGTAIL_DISCLOSURE_REQUEST_RATE_LIMIT": (5, 3600),
    # Form posts (valid or not) one address may make: (count, period in seconds).
    "WAGTAIL_DISCLOSURE_REQUEST_POST_LIMIT": (30, 3600),
    # What an import reads of an upload, checked before anything is allocated for it: the
    # decompressed size of a workbook's parts, rows, columns, cells (rows × columns), merged
    # ranges, and the CPU seconds reading may take.
    "WAGTAIL_DISCLOSURE_IMPORT_MAX_UNCOMPRESSED_SIZE": 20 * 1024 * 1024,
    "WAGTAIL_DISCLOSURE_IMPORT_MAX_ROWS": 50_000,
    "WAGTAIL_DISCLOSURE_IMPORT_MAX_COLUMNS": 64,
    "WAGTAIL_DISCLOSURE_IMPORT_MAX_CELLS": 1_000_000,
    "WAGTAIL_DISCLOSURE_IMPORT_MAX_MERGED_RANGES": 10_000,
    "WAGTAIL_DISCLOSURE_IMPORT_MAX_SECONDS": 5,
    # Spreadsheet imports of more rows than this run as background tasks (Django's tasks).
    "WAGTAIL_DISCLOSURE_IMPORT_BACKGROUND_ROWS": 1_000,
    # The same for task plan tables, whose new tasks are written in bulk (a 2,000-row table is
    # previewed and written inside two requests of about a second each).
    "WAGTAIL_DISCLOSURE_PLAN_IMPORT_BACKGROUND_ROWS": 5_000,
    # The alias in TASKS of the backend those tasks go to (one a worker runs, e.g. the database).
    "WAGTAIL_DISCLOSURE_IMPORT_TASK_BACKEND": "default",
    # Minutes a running background import may go without reporting progress before its screen
    # shows it as interrupted (a killed or restarted worker) and offers to start it again.
    "WAGTAIL_DISCLOSURE_IMPORT_STALE_MINUTES": 10,
    # Whether documents of each kind other than rules and normative documents (always) must be
    # released with an interpretation unless an editor records an exemption reason.
    "WAGTAIL_DISCLOSURE_INTERPRETATION_REQUIRED": {"other": True, "work": False},
    # The cache (a key of CACHES) keeping rendered plan, task and unit tables and dashboard
    # panels; shared between processes (Redis, Memcached, database) when a site runs several.
    "WAGTAIL_DISCLOSURE_CACHE": "default",
    # Seconds a rendered table stays in that cache. Changes do not wait for it (each change
    # replaces the cache's version key); it only lets entries of old versions age out.
    "WAGTAIL_DISCLOSURE_PAGE_CACHE_TIMEOUT": 24 * 3600,
    # Days after an item is made 依申请公开 or 不予公开 before it is due for review (its review
    # date, unless the editor gives one).
    "WAGTAIL_DISCLOSURE_ATTRIBUTE_REVIEW_DAYS": 365,
    # Calendar days a consultation stays open when its close date is left empty (重大行政决策程序
    # 暂行条例 Art. 16: generally no less than 30 days; a shorter period needs its reason stated).
    "WAGTAIL_DISCLOSURE_CONSULTATION_DAYS": 30,
    # Longest comment (characters) the public may send on a consultation, and longest open-day
    # feedback.
    "WAGTAIL_DISCLOSURE_COMMENT_MAX_LENGTH": 2000,
    # Calendar days after a consultation closes within which its feedback report is due; later
    # it shows as overdue on the dashboard, and counts as not published on time.
    "WAGTAIL_DISCLOSURE_FEEDBACK_REPORT_DAYS": 30,
    # Comments, registrations and feedback one address may send through the public
    # participation forms (consultations, open days): (count, period in seconds).
    "WAGTAIL_DISCLOSURE_PARTICIPATION_RATE_LIMIT": (10, 3600),
    # Posts (valid or not) one address may make to those forms: (count, period in seconds).
    "WAGTAIL_DISCLOSURE_PARTICIPATION_POST_LIMIT": (30, 3600),
    # Delegate registrations one address may make through the public form: (count, seconds).
    "WAGTAIL_DISCLOSURE_DELEGATE_RATE_LIMIT": (5, 3600),
    # Registration form posts (valid or not) one address may make: (count, period in seconds).
    "WAGTAIL_DISCLOSURE_DELEGATE_POST_LIMIT": (30, 3600),
    # Decision items show on a unit's dashboard this many days before their planned date.
    "WAGTAIL_DISCLOSURE_DECISION_DUE_SOON_DAYS": 30,
    # Statutory proactive content (法定主动公开内容): how many of each unit's newest items the
    # public page of a category lists.
    "WAGTAIL_DISCLOSURE_STATUTORY_ITEMS_PER_UNIT": 5,
    # The privacy check (公开审查): a site's own patterns of personal data, name → regular
    # expression (checked at startup); and what it reads of an attached file: bytes, PDF pages,
    # seconds per file and characters. What a limit leaves unread is flagged for manual review.
    "WAGTAIL_DISCLOSURE_PRIVACY_PATTERNS": {},
    "WAGTAIL_DISCLOSURE_PRIVACY_MAX_FILE_SIZE": 60 * 1024 * 1024,
    "WAGTAIL_DISCLOSURE_PRIVACY_MAX_PAGES": 500,
    "WAGTAIL_DISCLOSURE_PRIVACY_MAX_SECONDS": 10,
    "WAGTAIL_DISCLOSURE_PRIVACY_MAX_CHARS": 2_000_000,
    # Seconds one view of the privacy report spends checking live items (the rest on reload).
    "WAGTAIL_DISCLOSURE_PRIVACY_REPORT_SECONDS": 20,
    # Open data (docs/api.md, docs/feeds-and-subscriptions.md). The most items one page of an
    # API listing may ask for (``limit``); the items a feed or a digest lists at most.
    "WAGTAIL_DISCLOSURE_API_LIMIT_MAX": 100,
    "WAGTAIL_DISCLOSURE_FEED_ITEMS": 50,
    "WAGTAIL_DISCLOSURE_DIGEST_ITEMS": 100,
    # Subscriptions: days a confirmation link stays valid; subscribe-form submissions allowed
    # per address (client IP) per hour; the sender of confirmation and digest mails (None:
    # DEFAULT_FROM_EMAIL); the alias in TASKS of the backend digests are sent through.
    "WAGTAIL_DISCLOSURE_SUBSCRIPTION_CONFIRM_DAYS": 3,
    "WAGTAIL_DISCLOSURE_SUBSCRIBE_RATE_LIMIT": 5,
    "WAGTAIL_DISCLOSURE_SUBSCRIPTION_FROM_EMAIL": None,
    "WAGTAIL_DISCLOSURE_DIGEST_TASK_BACKEND": "default",
}


def get_setting(name):
    """Return the site's value for ``name``, or the documented default."""
    if name not in DEFAULTS:
        raise KeyError(f"{name} is not a wagtail-disclosure setting (see conf.DEFAULTS)")
    return getattr(settings, name, DEFAULTS[name])
