"""Settings of the example site: a complete Wagtail project with wagtail-disclosure installed.

Reads from the environment: ``DJANGO_DEBUG`` (off unless ``1``; ``make run`` sets it),
``DJANGO_SECRET_KEY``, ``DJANGO_ALLOWED_HOSTS`` (comma-separated), ``DATABASE_URL`` (default:
SQLite inside example_site/) and ``CACHE_URL`` (default: this process's memory). A server in
production uses ``example_site.settings_production``, which insists on the ones that matter
(docs/deployment.md).
"""

import os
import warnings
from pathlib import Path

import dj_database_url
import django

PROJECT_DIR = Path(__file__).resolve().parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY", "django-insecure-example-site-key-for-the-local-demo-only"
)
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = [
    host.strip()
    # .localhost: the demo's county site at rencheng.localhost (docs/multi-site.md).
    for host in os.environ.get(
        "DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost,testserver"
    ).split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "home",
    "search",
    "demo",
    "wagtail_disclosure",
    "import_export",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Large imports run as background tasks, stored in the database (`manage.py db_worker`).
    "django_tasks_db",
]
if django.VERSION < (6, 0):
    INSTALLED_APPS.append("django_tasks")  # the backport of Django 6's tasks

TASKS_MODULE = "django.tasks" if django.VERSION >= (6, 0) else "django_tasks"
TASKS = {
    # Wagtail's own tasks (search index, references) run at once, as without this setting.
    "default": {"BACKEND": f"{TASKS_MODULE}.backends.immediate.ImmediateBackend"},
    # Large imports wait in the database for `manage.py db_worker --backend imports`.
    "imports": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
WAGTAIL_DISCLOSURE_IMPORT_TASK_BACKEND = "imports"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files with DEBUG off, from one process, with far-future caching of hashed names.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "example_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "example_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=0
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    # Readers go on while the import worker writes (without WAL a large import's transaction
    # locks even reads, and the import's own progress page answered "database is locked").
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA journal_mode=WAL;"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

LOCALE_PATHS = [PROJECT_DIR / "locale"]
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
# Without `collectstatic` (the demo, the tests) WhiteNoise finds files where runserver does;
# the production settings serve the collected, hashed and compressed copies instead.
WHITENOISE_USE_FINDERS = True
warnings.filterwarnings("ignore", message="No directory at", module="whitenoise.base")
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_url(url: str) -> dict:
    """``CACHE_URL``: ``redis://host:6379/1``, ``memcached://host:11211``, ``db://table_name``
    or ``locmem://``. Several server processes need one they share (not ``locmem``)."""
    scheme, _sep, rest = url.partition("://")
    if scheme in ("redis", "rediss"):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme == "memcached":
        return {"BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
                "LOCATION": rest}
    if scheme == "db":
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": rest or "wagtail_disclosure_cache"}
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


# `make run` sets CACHE_URL=db://wagtail_disclosure_cache, so that runserver and the task worker
# see the same import progress; the production settings insist on a shared cache.
CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", "locmem://"))}

WAGTAIL_SITE_NAME = "济宁市政务公开（示例站点）"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# Wagtail's database search, taught to read Chinese (see docs/search.md for the measurements).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail_disclosure.search.backend", "SEGMENTER": "bigram"}
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "doc", "odt", "pdf", "txt", "xls", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

# django-import-export keeps uploads between preview and confirm in the cache-independent
# media storage, so a multi-process server can confirm an import another process previewed.
IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.MediaStorage"
IMPORT_EXPORT_SKIP_ADMIN_LOG = True

# A fixed "today" (e.g. 2026-09-15) for a training site or screenshots: the demo is built for
# that day and the app counts deadlines from it (README, example_site/demo/calendar.py).
WAGTAIL_DISCLOSURE_TODAY = os.environ.get("WAGTAIL_DISCLOSURE_TODAY") or None
# Mail: subscription confirmations and digests (docs/feeds-and-subscriptions.md). The demo
# prints them on the console; production sets SMTP (settings_production.py).
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DJANGO_DEFAULT_FROM_EMAIL", "济宁市政务公开 <noreply@localhost>"
)
