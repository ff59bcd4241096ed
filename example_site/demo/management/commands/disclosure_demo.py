from django.core.management import call_command
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
        # The office's groups, with page permissions on the columns the loaders made.
        call_command("disclosure_groups", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("示例数据已就绪。"))
