"""Keep stored due dates true to the calendar: a changed calendar day moves the deadlines of the
requests whose clock runs over it. Connected in ``AppConfig.ready()``."""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save

from wagtail_disclosure.core.versions import submissions_changed

from .calendar import CalendarDay
from .models import DisclosureRequest
from .workdays import site_calendar


def recompute_due_dates(since=None):
    """Recompute due dates of open requests, and of replied ones whose clock ran over ``since``
    (so “replied late” stays right). Returns how many due dates changed."""
    requests = DisclosureRequest.objects.filter(replied_on__isnull=True)
    if since is not None:
        requests = DisclosureRequest.objects.filter(
            Q(replied_on__isnull=True) | Q(due_on__gte=since), received_on__lt=since
        )
    calendar = site_calendar()
    changed = []
    for request in requests.prefetch_related("corrections", "consultations", "extensions"):
        before = (request.due_on, request.clock_stopped)
        request.compute_clock(calendar)
        if (request.due_on, request.clock_stopped) != before:
            changed.append(request)
    DisclosureRequest.objects.bulk_update(changed, ["due_on", "clock_stopped"], batch_size=500)
    if changed:  # bulk_update sends no save signal
        submissions_changed()
    return len(changed)


def remember_previous_date(sender, instance, **kwargs):
    previous = CalendarDay.objects.filter(pk=instance.pk).values_list("date", flat=True).first()
    instance._previous_date = previous if instance.pk else None


def calendar_changed(sender, instance, **kwargs):
    dates = [d for d in (instance.date, getattr(instance, "_previous_date", None)) if d]
    recompute_due_dates(since=min(dates))


def connect():
    uid = "wagtail_disclosure_calendar"
    pre_save.connect(remember_previous_date, sender=CalendarDay, dispatch_uid=uid)
    post_save.connect(calendar_changed, sender=CalendarDay, dispatch_uid=uid)
    post_delete.connect(calendar_changed, sender=CalendarDay, dispatch_uid=uid)
