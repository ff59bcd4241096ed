from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from demo import LOADERS


class Command(BaseCommand):
    help = "Load the Jining 2022 demo (units, plan, progress, policies, …). Safe to run again."

    def handle(self, **options):
        for dotted in LOADERS:
            with transaction.atomic():
                import_string(dotted)(self.stdout)
        self.stdout.write(self.style.SUCCESS("示例数据已就绪。"))
