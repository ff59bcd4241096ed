"""Keep stored due dates true to the calendar: a changed calendar day moves the deadlines of the
requests whose clock runs over it."""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from .models import CalendarDay, DisclosureRequest
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
    return len(changed)


@receiver(pre_save, sender=CalendarDay)
def remember_previous_date(sender, instance, **kwargs):
    previous = CalendarDay.objects.filter(pk=instance.pk).values_list("date", flat=True).first()
    instance._previous_date = previous if instance.pk else None


@receiver(post_save, sender=CalendarDay)
@receiver(post_delete, sender=CalendarDay)
def calendar_changed(sender, instance, **kwargs):
    dates = [d for d in (instance.date, getattr(instance, "_previous_date", None)) if d]
    recompute_due_dates(since=min(dates))
