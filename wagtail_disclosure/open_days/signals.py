"""A registration deleted in the admin (a cancellation) gives its place back."""

from django.db.models import F
from django.db.models.signals import post_delete

from wagtail_disclosure.core.versions import submissions_changed

from .models import OpenDayPlaces, OpenDayRegistration


def give_place_back(sender, instance, **kwargs):
    OpenDayPlaces.objects.filter(event_id=instance.event_id, taken__gt=0).update(
        taken=F("taken") - 1
    )
    submissions_changed()  # update() sends no save signal


def connect():
    post_delete.connect(
        give_place_back,
        sender=OpenDayRegistration,
        dispatch_uid="wagtail_disclosure_open_day_place_back",
    )
