"""Keep a covered entity's ``sector`` equal to its parent page when an editor moves it.

(Saving and publishing set it in ``EnterprisePage.save``; a move saves a plain ``Page``.)
Connected in ``AppConfig.ready()``.
"""

from wagtail.signals import post_page_move

from .models import EnterprisePage


def update_sector_of_moved_enterprise(sender, instance, parent_page_after, **kwargs):
    EnterprisePage.objects.filter(pk=instance.pk).update(sector_id=parent_page_after.pk)


def connect():
    post_page_move.connect(
        update_sector_of_moved_enterprise, dispatch_uid="wagtail_disclosure_enterprise_moved"
    )
