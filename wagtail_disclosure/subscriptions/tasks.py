"""Digests are sent as a background task (Django's tasks; the django-tasks backport on
Django 5.2), through the backend ``WAGTAIL_DISCLOSURE_DIGEST_TASK_BACKEND`` names."""

from wagtail_disclosure.conf import get_setting

from . import digest

try:  # Django 6
    from django.tasks import task
except ImportError:  # Django 5.2: the backport, same API
    from django_tasks import task


@task()
def send_digests() -> int:
    """Send the digests due; the number of mails sent."""
    return digest.send_digests()


def enqueue_digests():
    """Queue a digest run; its result once a worker ran it (at once on the immediate backend)."""
    return send_digests.using(
        backend=get_setting("WAGTAIL_DISCLOSURE_DIGEST_TASK_BACKEND")
    ).enqueue()
