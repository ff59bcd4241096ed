"""Keep a covered entity's ``sector`` equal to its parent page when an editor moves it.

(Saving and publishing set it in ``EnterprisePage.save``; a move saves a plain ``Page``.)
"""

from django.dispatch import receiver
from wagtail.signals import post_page_move


@receiver(post_page_move)
def update_sector_of_moved_enterprise(sender, instance, parent_page_after, **kwargs):
    from .models import EnterprisePage

    EnterprisePage.objects.filter(pk=instance.pk).update(sector_id=parent_page_after.pk)
