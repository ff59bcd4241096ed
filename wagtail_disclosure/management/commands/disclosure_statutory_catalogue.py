"""``disclosure_statutory_catalogue``: put back the categories of Art. 20 a site lacks.

The migration seeds the fifteen categories; run this after deleting one by mistake. Rows a site
edited are left as they are (matched by their code).
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from wagtail_disclosure.statutory.catalogue import seed
from wagtail_disclosure.statutory.models import StatutoryCategory


class Command(BaseCommand):
    help = "Add the statutory categories of Art. 20 (法定主动公开内容) that are missing."

    def handle(self, **options):
        added = seed(StatutoryCategory)
        self.stdout.write(_("Added %(count)s statutory categories.") % {"count": added})
